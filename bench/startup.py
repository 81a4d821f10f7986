"""Start-up as a person meets it: whole processes timed from their start to the first paint and to the window ready
for input, each paired with a bare PySide6 window started in turn (bench/bare_window.py), medians of both.

The app runs with its byte code cached, as an installed app's is (``PYTHONDONTWRITEBYTECODE`` is dropped from its
environment; the warm-up start writes it): else every start compiled the ~25 modules of ours it imports before its
first paint from their source, some 15–25 ms that no installed app spends."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import ROOT, Figure

RUNS = 9
REPORT = {"EGOV_DESK_STARTUP_REPORT": "1"}


def launch(args: list[str], env: dict[str, str]) -> tuple[dict[str, float], float]:
    """Seconds from the process's start to each moment it reports (and to its end), and its peak memory in MB."""
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        process = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, sys.executable, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert process.stdout is not None
        moments: dict[str, float] = {}
        for line in process.stdout:
            if line.startswith("{"):
                moments[json.loads(line)["event"]] = time.perf_counter() - start
        process.wait()
        moments["exit"] = time.perf_counter() - start
        if process.returncode != 0:
            raise RuntimeError(f"{args} ended with {process.returncode}")
        return moments, int(peak.read().split()[-1]) / 1024


def bench_startup(work: Path) -> list[Figure]:
    from egov_desk.core.workspace import Workspace

    folder = work / "startup-ws"
    with Workspace.open(folder) as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    home = work / "startup-home"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        **REPORT,
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app = ["-m", "egov_desk", "--smoke", "--workspace", str(folder)]
    bare = [str(ROOT / "bench" / "bare_window.py")]
    launch(app, env)  # the first start keeps the snapshot the next ones paint first
    launch(bare, env)
    cold = dict(env, EGOV_DESK_NO_FIRST_SCREEN="1")
    ours, ordinary, baseline = [], [], []
    for _ in range(RUNS):  # in turns, so load from elsewhere falls on all three alike
        ours.append(launch(app, env))
        ordinary.append(launch(app, cold))
        baseline.append(launch(bare, env))
    first = statistics.median(m["first-paint"] for m, _ in ours)
    ready = statistics.median(m["ready"] for m, _ in ours)
    plain = statistics.median(m["ready"] for m, _ in ordinary)
    bare_paint = statistics.median(m["first-paint"] for m, _ in baseline)
    ours_mb = statistics.median(mb for _, mb in ours)
    bare_mb = statistics.median(mb for _, mb in baseline)
    return [
        Figure(
            "cold start to the window (2019 workspace)",
            first * 1000,
            bare_paint * 1000,
            "ms",
            first / bare_paint,
            "≤ 1.5×",
            first / bare_paint <= 1.5,
            f"process start to the first paint (the window as last closed, ui/first_screen) vs a bare PySide6 window "
            f"painted; medians of {RUNS} paired runs",
        ),
        Figure(
            "… to the window ready for input (first accepted edit)",
            ready * 1000,
            bare_paint * 1000,
            "ms",
            ready / bare_paint,
            "report",
            True,
            "the real window built and shown in the first screen's place; keys typed before are queued and typed "
            "into it then (an edit itself: the edit row below)",
        ),
        Figure(
            "cold start without a snapshot (the workspace changed since it was closed)",
            plain * 1000,
            bare_paint * 1000,
            "ms",
            plain / bare_paint,
            "report",
            True,
            "the window built before its first paint, as before the first screen",
        ),
        Figure(
            "peak memory, 2019 workspace",
            ours_mb,
            bare_mb,
            "MB",
            ours_mb / bare_mb,
            "≤ 2×",
            ours_mb / bare_mb <= 2,
            "maximum resident set of the same processes (/usr/bin/time)",
        ),
    ]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        for figure in bench_startup(Path(folder)):
            print(f"{figure.name}: {figure.ours:.1f} {figure.unit} vs {figure.baseline} → {figure.ratio:.2f}×")
