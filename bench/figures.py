"""What every benchmark shares: a figure of the results table, timing an action, a whole process's time and peak
memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


@dataclass
class Figure:
    name: str
    ours: float
    baseline: float | None
    unit: str
    ratio: float | None
    goal: str
    met: bool
    note: str = ""


def median_of(runs: int, action: Callable[[], float]) -> float:
    return statistics.median(action() for _ in range(runs))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time of a process and its peak memory (KB, via bench/measure.py)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "measure.py"), *args],
        capture_output=True,
        text=True,
        env=env or os.environ.copy(),
        cwd=ROOT,
        check=True,
    )
    elapsed = time.perf_counter() - start
    peak = int(result.stderr.rsplit("PEAK_KB", 1)[1].split()[0])
    return elapsed, peak
