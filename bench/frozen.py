"""The frozen (PyInstaller one-folder) app against a bare PySide6 window frozen with the same options: cold start,
warm start, peak memory and the folder's size.

Both are whole processes: ``egov-desk --smoke --workspace W`` (opens the 2019 workspace, shows the window, exits)
and bench/bare_window.py built by ``packaging/egov-desk.spec -- --bare-window``. A build is reused while it is
newer than what it is made from; otherwise it is built first (several minutes).
``python -m bench.frozen`` prints the rows without touching bench/RESULTS.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from bench.figures import ROOT, Figure

BUILD = ROOT / "build"
SPEC = ROOT / "packaging" / "egov-desk.spec"
APP = BUILD / "dist" / "egov-desk"
BARE = BUILD / "bare-window" / "dist" / "bare-window"
WARM_PAIRS = 7


def _files(*roots: Path) -> Iterable[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _stale(program: Path, sources: Iterable[Path]) -> bool:
    if not program.exists():
        return True
    built = program.stat().st_mtime
    return any(source.stat().st_mtime > built for source in sources)


def _build(dist: Path, work: Path, *spec_args: str) -> None:
    print(f"bench frozen: building {dist} (several minutes)", file=sys.stderr)
    where = ["--distpath", str(dist), "--workpath", str(work)]
    extra = ["--", *spec_args] if spec_args else []
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN", *where, *extra],
        cwd=ROOT,
        check=True,
    )


def ensure_builds() -> bool:
    """Build the app and the bare window when missing or older than their sources; whether anything was built."""
    built = False
    app_sources = _files(ROOT / "egov_desk", ROOT / "resources", ROOT / "packaging", ROOT / "pyproject.toml")
    if _stale(APP / "egov-desk", app_sources):
        _build(BUILD / "dist", BUILD / "work")
        built = True
    if _stale(BARE / "bare-window", _files(ROOT / "bench" / "bare_window.py", SPEC)):
        _build(BARE.parent, BUILD / "bare-window" / "work", "--bare-window")
        built = True
    return built


def run_frozen(program: Path, args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """One start of a frozen program: seconds to its first paint (the line it prints then, with
    EGOV_DESK_STARTUP_REPORT set) and to its exit, and its peak memory in KB. The memory is read by /usr/bin/time:
    a child's own maximum resident set counts the moment between fork and exec, when it is still a copy of this
    (large) bench process."""
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        process = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, str(program), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        assert process.stdout is not None
        painted = None
        for line in process.stdout:
            if painted is None and line.startswith(b'{"event": "first-paint"'):
                painted = time.perf_counter() - start
        process.wait()
        elapsed = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            said = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{program.name} exited {process.returncode}: {said}")
        return (painted if painted is not None else elapsed), elapsed, int(peak.read().split()[-1])


def drop_caches() -> bool:
    """Empty the kernel's page cache (root only), so the next start reads its files from the disk."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def folder_mb(folder: Path) -> float:
    """Disk usage of a folder (``du -sk``), in MB."""
    return (
        int(subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True).stdout.split()[0])
        / 1024
    )


def bench_frozen(work: Path) -> list[Figure]:
    from egov_desk.core.workspace import Workspace

    just_built = ensure_builds()
    Workspace.open(work / "frozen-ws").close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(work / "frozen-config"),
        XDG_CACHE_HOME=str(work / "frozen-cache"),  # the first screen's snapshot, kept from one start to the next
        XDG_STATE_HOME=str(work / "frozen-state"),
        EGOV_DESK_STARTUP_REPORT="1",  # both print a line at their first paint (ui/startup_report.py)
    )
    ours_cmd: tuple[Path, list[str]] = (APP / "egov-desk", ["--smoke", "--workspace", str(work / "frozen-ws")])
    bare_cmd: tuple[Path, list[str]] = (BARE / "bare-window", [])

    # Cold: each program's first start with nothing of it in the page cache (or, without root, its first start
    # in this run, which right after a build is no colder than a warm one).
    run_frozen(*ours_cmd, env)  # the window closed once, as every morning's start finds it: its snapshot kept
    dropped = drop_caches()
    ours_cold = run_frozen(*ours_cmd, env)
    dropped = drop_caches() and dropped
    bare_cold = run_frozen(*bare_cmd, env)
    cold_how = "page cache dropped before each" if dropped else "first start in this run (caches not dropped)"
    if just_built and not dropped:
        cold_how += ", right after the build"

    ours_warm, bare_warm = [], []
    for _ in range(WARM_PAIRS):
        ours_warm.append(run_frozen(*ours_cmd, env))
        bare_warm.append(run_frozen(*bare_cmd, env))
    ours_s, bare_s = statistics.median(t for t, _, _ in ours_warm), statistics.median(t for t, _, _ in bare_warm)
    ours_ready = statistics.median(t for _, t, _ in ours_warm)
    ours_kb = statistics.median(m for _, _, m in ours_warm)
    bare_kb = statistics.median(m for _, _, m in bare_warm)
    ours_mb, bare_mb = folder_mb(APP), folder_mb(BARE)
    cold_ratio = ours_cold[0] / bare_cold[0]
    return [
        Figure(
            "frozen app: cold start to the first paint (2019 workspace)",
            ours_cold[0] * 1000,
            bare_cold[0] * 1000,
            "ms",
            cold_ratio,
            "≤ 1.5×",
            cold_ratio <= 1.5,
            f"egov-desk --smoke from the one-folder build (the window as last closed, ui/first_screen) vs a frozen "
            f"bare PySide6 window, each to its first paint; {cold_how}",
        ),
        Figure(
            "frozen app: warm start to the first paint (2019 workspace)",
            ours_s * 1000,
            bare_s * 1000,
            "ms",
            ours_s / bare_s,
            "≤ 1.5×",
            ours_s / bare_s <= 1.5,
            f"median of {WARM_PAIRS} paired runs, the two alternating",
        ),
        Figure(
            "frozen app: warm start to the window ready",
            ours_ready * 1000,
            bare_s * 1000,
            "ms",
            ours_ready / bare_s,
            "report",
            True,
            "egov-desk --smoke to its exit, once the real window has taken the first screen's place",
        ),
        Figure(
            "frozen app: peak memory, 2019 workspace",
            ours_kb / 1024,
            bare_kb / 1024,
            "MB",
            ours_kb / bare_kb,
            "≤ 2×",
            ours_kb / bare_kb <= 2,
            "maximum resident set of the warm runs (/usr/bin/time), medians",
        ),
        Figure(
            "frozen app: one-folder size",
            ours_mb,
            bare_mb,
            "MB",
            ours_mb / bare_mb,
            "report",
            True,
            "du of build/dist/egov-desk vs the frozen bare window's folder (same excludes)",
        ),
    ]


if __name__ == "__main__":
    import shutil
    import tempfile

    from bench.results import table

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-frozen-"))
    try:
        print(table(bench_frozen(folder)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
