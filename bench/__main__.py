"""python -m bench  (or make bench): every benchmark, several runs each, medians, ratios, bench/RESULTS.md.

python -m bench                 all
python -m bench startup edit    some (names: startup, edit, attach, package, checklist, import, scale, packages,
                                ocr, search, binder, commands, frozen; server runs only when named; frozen
                                first builds the one-folder app when it is older than its sources)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import MB, ROOT, Figure, median_of, timed
from bench.results import table as results_table
from bench.results import write_results

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))

# --- the benchmarks -------------------------------------------------------------------------------


def _edit_latency(window: object, code: str, inputs: list[dict[str, object]]) -> float:
    from PySide6.QtWidgets import QApplication

    def one(value: dict[str, object]) -> float:
        start = time.perf_counter()
        window.edit_input(code, value)  # type: ignore[attr-defined]
        QApplication.processEvents()
        return time.perf_counter() - start

    for value in inputs[:3]:
        one(value)  # warm up
    return statistics.median(one(inputs[n % len(inputs)]) for n in range(30))


def bench_edit(work: Path) -> list[Figure]:
    from sqlalchemy import event

    from bench.generate import big_system
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.main_window import MainWindow

    create_app(["bench"], "zh_CN")
    small = Workspace.open(work / "edit-35")
    window = MainWindow(small)
    window.show()
    values = [{"score": v} for v in (0.5, 1, 1.5, 2, 2.5)]
    t35 = _edit_latency(window, "004", values)
    window.close()
    # The baseline: the same edit with synchronous=NORMAL, which may lose the last commits at a power loss.
    normal = Workspace.open(work / "edit-35-normal")
    event.listen(normal.engine, "connect", lambda connection, _record: connection.execute("PRAGMA synchronous=NORMAL"))
    normal.engine.dispose()
    window = MainWindow(normal)
    window.show()
    t35_normal = _edit_latency(window, "004", values)
    window.close()
    normal.close()
    big = Workspace.open(work / "edit-5000")
    system = big.add_system(big_system(5000), key="bench:5000").system_id
    assessment = big.create_assessment(system, "压力测试", 2020).assessment_id
    big.set_setting("current_assessment", assessment)
    window = MainWindow(big)
    window.show()
    t5000 = _edit_latency(window, "00005", [{"score": 0.5}, {"score": 1}, {"score": 0}])  # a manual item
    window.close()
    small.close()
    big.close()
    return [
        Figure(
            "one score edit, 35 items (item, levels, total, gauge)",
            t35 * 1000,
            t35_normal * 1000,
            "ms",
            t35 / t35_normal,
            "≤ 16 ms",
            t35 <= 0.016,
            "Workspace write (one transaction, synchronous=FULL) + repaint, vs the same with synchronous=NORMAL",
        ),
        Figure(
            "one score edit, 5,000 items",
            t5000 * 1000,
            t35 * 1000,
            "ms",
            t5000 / t35,
            "≤ 16 ms",
            t5000 <= 0.016,
            "ratio: to the 35-item figure",
        ),
    ]


def bench_attach_and_package(work: Path) -> list[Figure]:
    from bench.generate import scan_files
    from egov_desk.core.exports.package import export_package
    from egov_desk.core.workspace import Workspace

    files = scan_files(work / "scans", 1024 * MB)
    total = sum(p.stat().st_size for p in files)
    baseline, durable = [], []
    hasher = "openssl dgst -sha256" if shutil.which("openssl") else "sha256sum"  # coreutils' hash is the slower
    ours = []
    for run in range(3):  # in turns: what one leaves for the disk to write back falls on each alike
        target = work / f"copy{run}"
        copy = f"cp -r '{work / 'scans'}' '{target}' && {hasher} '{target}'/* > /dev/null"
        baseline.append(timed(lambda c=copy: subprocess.run(c, shell=True, check=True)))
        shutil.rmtree(target)
        # the same with the copies made durable, as the vault makes each (its fsyncs): the disk's own pace
        durable.append(timed(lambda c=copy, t=target: subprocess.run(f"{c} && sync -f '{t}'", shell=True, check=True)))
        shutil.rmtree(target)
        workspace = Workspace.open(work / f"attach{run}")
        ours.append(timed(lambda w=workspace: w.evidence.attach(1, "035", [work / "scans"])))
        if run:
            workspace.close()
            shutil.rmtree(work / f"attach{run}")
    stall = _attach_stall(work)
    workspace = Workspace.open(work / "attach0")
    zip_base = []
    for _ in range(3):
        zip_base.append(
            timed(
                lambda: subprocess.run(
                    ["zip", "-0", "-r", "-q", str(work / "base.zip"), str(work / "scans")], check=True
                )
            )
        )
        (work / "base.zip").unlink()
    package = []
    for _ in range(3):
        package.append(timed(lambda: export_package(workspace, 1, work / "package.zip")))
        (work / "package.zip").unlink()
    workspace.close()
    a, b = statistics.median(ours), statistics.median(baseline)
    p, z = statistics.median(package), statistics.median(zip_base)
    return [
        Figure(
            f"attach {total / MB:.0f} MB of scans (throughput)",
            total / MB / a,
            total / MB / b,
            "MB/s",
            b / a,
            "≥ 0.8×",
            b / a >= 0.8,
            f"copy+hash+fsync+rename and a row per file, vs cp + {hasher} of the same files; "
            f"{statistics.median(durable) / a:.2f}× cp + {hasher} + sync (the copies made durable, as ours)",
        ),
        Figure(
            "longest UI stall while attaching in the background",
            stall * 1000,
            None,
            "ms",
            None,
            "≤ 50 ms",
            stall <= 0.05,
            "largest gap between 5 ms timer ticks on the UI thread",
        ),
        Figure(
            f"evidence package of {total / MB:.0f} MB (throughput)",
            total / MB / p,
            total / MB / z,
            "MB/s",
            z / p,
            "≥ 0.8×",
            z / p >= 0.8,
            "ZIP (stored) with index and SHA256SUMS, vs zip -0 -r",
        ),
    ]


def _attach_stall(work: Path) -> float:
    from PySide6.QtCore import QElapsedTimer, QTimer

    from bench.attach_stall import settle
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.main_window import MainWindow

    app = create_app(["bench"], "zh_CN")
    workspace = Workspace.open(work / "stall")
    window = MainWindow(workspace)
    window.show()
    window.select_item("035")
    settle(app)  # the window's first paint is not a stall of the attach's
    clock, gaps = QElapsedTimer(), []
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    job = window.evidence_actions.attach([work / "scans"], None)
    assert job is not None
    while job.running:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    window.close()
    workspace.close()
    shutil.rmtree(work / "stall")
    return max(gaps[1:] or [0]) / 1000


def bench_checklist(work: Path) -> list[Figure]:
    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.core.exports.checklist import build_checklist
    from egov_desk.core.exports.checklist_docx import write_checklist_docx
    from egov_desk.render.headless import ensure_app
    from egov_desk.render.printing import write_checklist_pdf

    ensure_app()
    workspace = create_demo_workspace(work / "demo")
    docx_path = write_checklist_docx(build_checklist(workspace, 1), work / "checklist.docx")
    ours = median_of(3, lambda: timed(lambda: write_checklist_pdf(build_checklist(workspace, 1), work / "c.pdf")))
    soffice = shutil.which("soffice")
    base = (
        median_of(
            3,
            lambda: timed(
                lambda: subprocess.run(
                    [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx_path)],
                    check=True,
                    capture_output=True,
                )
            ),
        )
        if soffice
        else None
    )
    workspace.close()
    return [
        Figure(
            "department checklist (all) to PDF",
            ours * 1000,
            base * 1000 if base else None,
            "ms",
            ours / base if base else None,
            "≤ 0.5×",
            bool(base and ours / base <= 0.5),
            "Qt paints the PDF, vs LibreOffice converting the exported .docx",
        )
    ]


def bench_import() -> list[Figure]:
    import docx

    from bench.generate import seed_docx
    from egov_desk.core.importers.pipeline import import_table

    path = seed_docx()

    def walk() -> None:
        document = docx.Document(str(path))
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    _ = cell.text

    walk()
    import_table(path)
    base = median_of(7, lambda: timed(walk))
    ours = median_of(7, lambda: timed(lambda: import_table(path)))
    return [
        Figure(
            "import the seed .docx (35 items, rules read)",
            ours * 1000,
            base * 1000,
            "ms",
            ours / base,
            "≤ 2×",
            ours / base <= 2,
            "vs python-docx opening it and walking its table",
        )
    ]


def bench_import_xlsx(work: Path) -> list[Figure]:
    from bench.import_xlsx import measure

    ours, base, items = measure(work)
    return [
        Figure(
            f"import a 5,000-row .xlsx ({items} items, levels merged, rules read)",
            ours * 1000,
            base * 1000,
            "ms",
            ours / base,
            "≤ 2×",
            ours / base <= 2,
            "vs openpyxl read-only reading the same cells",
        )
    ]


def bench_scale(work: Path) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from bench.generate import full_workspace
    from bench.switch import switch_figure
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.main_window import MainWindow

    create_app(["bench"], "zh_CN")
    full_workspace(work / "scale").close()

    def open_window() -> float:
        start = time.perf_counter()
        workspace = Workspace.open(work / "scale")
        window = MainWindow(workspace)
        window.show()
        QApplication.processEvents()
        elapsed = time.perf_counter() - start
        window.close()
        workspace.close()
        return elapsed

    opened = median_of(3, open_window)
    workspace = Workspace.open(work / "scale")
    window = MainWindow(workspace)
    window.show()
    switched = switch_figure(window, workspace)  # bench/switch.py: against a bare QTreeView of the same rows

    def search(text: str) -> float:
        return timed(lambda: (window.search.setText(text), QApplication.processEvents()))

    filtered = statistics.median(search(t) for t in ["制证量", "", "信息", "", "021", ""] * 2)
    window.close()
    workspace.close()
    return [
        Figure(
            "open a workspace of 100 assessments × 35 items × 10 files",
            opened * 1000,
            None,
            "ms",
            None,
            "≤ 1 s",
            opened <= 1,
            "Workspace.open + main window shown",
        ),
        switched,
        Figure("filter the tree (search) there", filtered * 1000, None, "ms", None, "≤ 50 ms", filtered <= 0.05, ""),
    ]


# --- running and reporting ------------------------------------------------------------------------


def main(names: list[str]) -> None:
    chosen = set(names) or {
        "startup",
        "edit",
        "attach",
        "checklist",
        "import",
        "scale",
        "packages",
        "ocr",
        "search",
        "binder",
        "commands",
        "frozen",
    }
    work = Path(tempfile.mkdtemp(prefix="egov-bench-"))
    figures: list[Figure] = []
    from egov_desk.ui.app import create_app

    create_app(["bench"], "zh_CN")  # the window benches need a QApplication; one drawing PDFs first made a bare one
    try:
        if "startup" in chosen:  # first paint and ready, against a bare window painted (bench/startup.py)
            from bench.startup import bench_startup

            figures += bench_startup(work)
        if "edit" in chosen:
            figures += bench_edit(work)
        if "import" in chosen:
            figures += bench_import()
            figures += bench_import_xlsx(work)
        if "checklist" in chosen:
            figures += bench_checklist(work)
        if "scale" in chosen:
            figures += bench_scale(work)
        if "attach" in chosen or "package" in chosen:
            figures += bench_attach_and_package(work)
        if "packages" in chosen:
            from bench.department_packages import bench_department_packages

            figures += bench_department_packages(work)
        if "ocr" in chosen:  # the queue against RapidOCR called directly on the same pages
            from bench.ocr import bench_ocr

            figures += bench_ocr(work)
        if "search" in chosen:  # 10,000 pages of text
            from bench.search import bench_search

            figures += bench_search(work)
        if "binder" in chosen:  # 300 pages against qpdf / pdfunite joining the same files
            from bench.binder import bench_binder

            figures += bench_binder(work)
        if "commands" in chosen:  # whole egov-desk-cli processes against baseline commands (bench/commands.py)
            from bench.commands import bench_commands

            figures += bench_commands(work)
        if "frozen" in chosen:  # the one-folder app against a bare window frozen alike (bench/frozen.py)
            from bench.frozen import bench_frozen

            figures += bench_frozen(work)
        if "server" in chosen:  # a throwaway PostgreSQL cluster: several people at once (bench/server.py)
            from bench.server import bench_server

            figures += bench_server(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(results_table(figures))
    write_results(figures, partial=bool(names))


if __name__ == "__main__":
    main(sys.argv[1:])
