"""Department work packages with 500 MB of evidence, as whole steps against the tools a person would use instead:
the office's export against ``zip -0 -r`` of the same scans, the department opening it against ``unzip`` of the
package, the department's return against ``zip -0 -r`` of its new scans, and the office's import of that return
(plan and apply) against ``unzip`` of the return."""

from __future__ import annotations

import shutil
import statistics
import subprocess
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.figures import MB, Figure, timed

RUNS = 3


def _zip(folder: Path, out: Path) -> None:
    subprocess.run(["zip", "-0", "-r", "-q", str(out), str(folder)], check=True)


def _unzip(package: Path, into: Path) -> None:
    subprocess.run(["unzip", "-q", "-o", str(package), "-d", str(into)], check=True)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _runs(action: Callable[[int], object], leaves: Callable[[int], Path], keep: int | None = None) -> float:
    """The median of RUNS timed runs of ``action(run)``; what run ``run`` left (``leaves(run)``) is removed after
    it, untimed, except for the run numbered ``keep``."""
    times = []
    for run in range(RUNS):
        times.append(timed(partial(action, run)))
        if run != keep:
            _remove(leaves(run))
    return statistics.median(times)


def _figure(name: str, size: int, ours: float, baseline: float, against: str) -> Figure:
    ratio = baseline / ours
    return Figure(
        f"{name} with {size / MB:.0f} MB of evidence (throughput)",
        size / MB / ours,
        size / MB / baseline,
        "MB/s",
        ratio,
        "≥ 0.8×",
        ratio >= 0.8,
        against,
    )


def bench_department_packages(work: Path, size: int = 500 * MB) -> list[Figure]:
    from bench.generate import scan_files
    from egov_desk.core.packages.department import department_mode, open_package
    from egov_desk.core.packages.export import export_department_package
    from egov_desk.core.packages.importing import apply_return, plan_return
    from egov_desk.core.packages.returning import make_return
    from egov_desk.core.workspace import Workspace

    scans, news = work / "office-scans", work / "department-scans"
    scan_files(scans, size, seed=16)
    scan_files(news, size, seed=61)
    office_folder = work / "office"
    office = Workspace.open(office_folder)
    item = next(item for item in office.system_now(office.assessment(1).system_id).items() if item.lead)
    department = item.lead
    office.evidence.attach(1, item.code, [scans])

    package = work / "department.egovpkg"
    last = RUNS - 1
    exported = _runs(lambda _: export_department_package(office, 1, department, package), lambda _: package, last)
    zipped = _runs(lambda _: _zip(scans, work / "base.zip"), lambda _: work / "base.zip")
    office.close()

    opened = _runs(
        lambda run: open_package(package, work / f"department{run}"), lambda run: work / f"department{run}", 0
    )
    unzipped = _runs(lambda _: _unzip(package, work / "unzipped"), lambda _: work / "unzipped")

    department_ws = Workspace.open(work / "department0")
    mode = department_mode(department_ws)
    assert mode is not None
    department_ws.evidence.attach(mode.assessment, item.code, [news])
    returned = work / "return.egovpkg"
    made = _runs(lambda _: make_return(department_ws, returned), lambda _: returned, last)
    department_ws.close()
    zipped_new = _runs(lambda _: _zip(news, work / "new.zip"), lambda _: work / "new.zip")

    def import_into(run: int) -> None:
        workspace = Workspace.open(work / f"office{run}")
        plan = plan_return(workspace, returned)
        apply_return(workspace, plan, {change.key: "department" for change in plan.conflicts})
        workspace.close()

    copies = [work / f"office{run}" for run in range(RUNS)]
    for copy in copies:
        shutil.copytree(office_folder, copy)
    imported = _runs(import_into, lambda run: copies[run])
    unzipped_new = _runs(lambda _: _unzip(returned, work / "unzipped"), lambda _: work / "unzipped")
    return [
        _figure("department package export", size, exported, zipped, "export_department_package vs zip -0 -r"),
        _figure("department opens its package", size, opened, unzipped, "open_package (vault: hash+fsync) vs unzip"),
        _figure("department return", size, made, zipped_new, "make_return (new evidence only) vs zip -0 -r"),
        _figure("office imports the return", size, imported, unzipped_new, "plan_return + apply_return vs unzip"),
    ]
