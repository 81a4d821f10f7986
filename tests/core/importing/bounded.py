"""Run a piece of Python in a child process under a memory limit, with a timeout as the hang detector.

The child sets ``RLIMIT_AS`` before anything else: a reader that would swallow gigabytes fails there with a
MemoryError (a failed test) instead of eating the machine; a reader that loops is killed at ``timeout``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PEAK = "print('peak-mb', next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) // 1024)"


def run_bounded(code: str, limit_mb: int, timeout: float = 300, env: dict[str, str] | None = None) -> list[str]:
    """The child's output lines (its last one the peak resident memory in MB, as ``peak-mb N``)."""
    prelude = (
        "import resource\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({limit_mb} * 1024 * 1024, {limit_mb} * 1024 * 1024))\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", prelude + code + "\n" + PEAK],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child did not finish in {timeout} s")
    assert result.returncode == 0, f"exit status {result.returncode}: {result.stderr[-3000:]}"
    return result.stdout.strip().splitlines()
