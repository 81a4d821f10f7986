"""Running ``egov-desk-cli`` as a person would — in its own process — and telling how it ended.

Every run gets a memory ceiling (RLIMIT_AS) and a wall-clock limit; its end is classified as a clean success, a
clean refusal (exit 2, one line), a clean failure (exit 1, one line), a crash (a traceback, a signal, any other
status), a hang (the limit passed) or a memory blow-up (the ceiling hit).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The product the commands run: this checkout, or another tree of egov_desk (e.g. an older commit, to measure
# what a fix changed) named by EGOV_DESK_UNDER_TEST.
UNDER_TEST = os.environ.get("EGOV_DESK_UNDER_TEST", "")
CWD = Path(UNDER_TEST) if UNDER_TEST else ROOT  # python -m puts the working folder first on the path
MEMORY_LIMIT = 1536 * 1024 * 1024  # 1.5 GB of address space: a bomb is stopped long before the machine swaps
TIME_LIMIT = 60.0  # seconds: past this a run counts as hung

CLEAN = ("ok", "refused", "failed")
OUTCOMES = ("ok", "refused", "failed", "crash", "hang", "memory")


def cli_command(*args: str | os.PathLike[str]) -> list[str | os.PathLike[str]]:
    return [sys.executable, "-m", "egov_desk.cli", *args]


def cli_env(**extra: str) -> dict[str, str]:
    """English messages (classification reads no words, but a failure report should be readable anywhere)."""
    path = os.pathsep.join(p for p in (UNDER_TEST, str(ROOT)) if p)
    env = dict(os.environ, PYTHONPATH=path, LC_ALL="C.UTF-8", LANG="C.UTF-8", PYTHONFAULTHANDLER="1")
    env.pop("LC_MESSAGES", None)
    env.update(extra)
    return env


def limit_memory() -> None:  # runs in the child between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    returncode: int | None  # None: killed by us after the time limit
    stdout: str
    stderr: str
    seconds: float

    @property
    def outcome(self) -> str:
        err = self.stderr
        if self.returncode is None:
            return "hang"
        if "MemoryError" in err or "Cannot allocate memory" in err or "std::bad_alloc" in err:
            return "memory"
        if "Traceback (most recent call last)" in err or "Fatal Python error" in err or self.returncode < 0:
            return "crash"
        lines = err.strip().splitlines()
        if self.returncode == 0:
            return "ok"
        if self.returncode in (1, 2) and len(lines) == 1:
            return "refused" if self.returncode == 2 else "failed"
        return "crash"  # an exit status the CLI does not promise, or a message that is not one line

    @property
    def clean(self) -> bool:
        return self.outcome in CLEAN

    def describe(self) -> str:
        """One line for an assertion message: what ran and how it ended."""
        lines = [line for line in self.stderr.strip().splitlines() if not line.startswith("(Background on this")]
        tail = lines[-1] if lines else ""  # SQLAlchemy ends its errors with a link: the error is the line before
        return f"`egov-desk-cli {' '.join(self.args)}` → {self.outcome} (exit {self.returncode}): {tail[:300]}"


def run_cli(
    *args: str | os.PathLike[str],
    timeout: float = TIME_LIMIT,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """Run one command to its end (or to the time limit, when its whole process group is killed)."""
    started = time.monotonic()
    with subprocess.Popen(
        cli_command(*args),
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(**(env or {})),
        cwd=cwd or CWD,
        preexec_fn=limit_memory,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(stdin, timeout=timeout)
            code: int | None = process.returncode
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            code = None
    return Run(
        tuple(os.fsdecode(a) for a in args),
        code,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


def start_cli(*args: str | os.PathLike[str]) -> subprocess.Popen[bytes]:
    """A command left running, to be killed at a moment of the test's choosing."""
    return subprocess.Popen(
        cli_command(*args),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(),
        cwd=CWD,
        preexec_fn=limit_memory,
        start_new_session=True,
    )


def kill_after(process: subprocess.Popen[bytes], delay: float) -> tuple[bool, Run]:
    """SIGKILL ``process`` after ``delay`` seconds unless it ended first; return (killed, how it ended)."""
    started = time.monotonic()
    try:
        out, err = process.communicate(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate()
        killed = process.returncode == -signal.SIGKILL
    args = tuple(os.fsdecode(a) for a in process.args[3:])  # type: ignore[index]
    return killed, Run(
        args,
        process.returncode,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


def kill_when(
    process: subprocess.Popen[bytes], started: Callable[[], bool], then: float, limit: float = TIME_LIMIT
) -> tuple[bool, Run]:
    """SIGKILL ``process`` ``then`` seconds after ``started()`` first holds (polled every few ms) — a point
    inside the work rather than in Python's start-up — unless it ended first."""
    deadline = time.monotonic() + limit
    while process.poll() is None and not started() and time.monotonic() < deadline:
        time.sleep(0.003)
    return kill_after(process, then)


def holds_open(process: subprocess.Popen[bytes], path: Path) -> Callable[[], bool]:
    """Whether ``process`` has ``path`` open now (read from /proc): the moment it starts on a database."""
    target = str(path.resolve())
    fds = Path(f"/proc/{process.pid}/fd")

    def check() -> bool:
        try:
            return any(os.readlink(fd) == target for fd in fds.iterdir())
        except OSError:  # the process ended, or a descriptor closed while read
            return False

    return check


def require_command(*words: str) -> None:
    """Skip the test when the egov-desk under test has no such command (an older tree measured for comparison)."""
    import pytest

    run = run_cli(*words, "--help")
    if run.returncode != 0:
        pytest.skip(f"this egov-desk has no `{' '.join(words)}` command")
