"""One workspace, two windows: the first window holds the workspace and `workspace status --json` names it; a
second window starts beside it without taking the lock; when the holder is killed its stale lock is no obstacle."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import CWD, cli_env, require_command, run_cli

KLASS = "two processes"

pytestmark = pytest.mark.slow


@contextmanager
def window(folder: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The real app (offscreen) on ``folder``, ended at the end of the block."""
    process = subprocess.Popen(
        [sys.executable, "-m", "egov_desk", "--workspace", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=cli_env(QT_QPA_PLATFORM="offscreen"),
        cwd=CWD,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)


def status(folder: Path) -> dict[str, Any]:
    run = run_cli("workspace", "status", "--workspace", folder, "--json")
    assert run.outcome == "ok", run.describe()
    return json.loads(run.stdout)


def holder(folder: Path, wait: float = 60.0) -> dict[str, Any] | None:
    """Who `workspace status` says holds the workspace, waiting for a window that is still starting."""
    deadline = time.monotonic() + wait
    while True:
        found = status(folder).get("open_by")
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def test_a_window_holds_its_workspace_and_a_second_one_does_not_take_it(tmp_path: Path, figures: Figures) -> None:
    require_command("workspace", "status")
    folder = tmp_path / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    with window(folder) as first:
        held = holder(folder)
        named = bool(held) and held.get("pid") == first.pid
        figures.record(KLASS, "a window holds its workspace; status names it", "ok" if named else "wrong", str(held))
        assert named, f"workspace status names {held}, the window is pid {first.pid}"
        with window(folder) as second:
            time.sleep(5)
            still = status(folder).get("open_by")
            alive = second.poll() is None
            verdict = "ok" if alive and still and still.get("pid") == first.pid else "wrong"
            if not alive:
                verdict = "crash"
            figures.record(KLASS, "a second window beside a held workspace", verdict, f"holder {still}")
            assert alive, second.stderr.read().decode(errors="replace")[-2000:] if second.stderr else ""
            assert still, "the second window's start released the first one's lock"
            assert still.get("pid") == first.pid, f"the second window took the lock: {still}"
        first.send_signal(signal.SIGKILL)
        first.wait(30)
        write = run_cli("workspace", "set", "--workspace", folder, "004", '{"score": 1}')
        after = status(folder).get("open_by")
        verdict = write.outcome if write.outcome == "ok" and not after else "wrong" if write.clean else write.outcome
        figures.record(KLASS, "a write after the holding window was killed", verdict, f"{write.describe()}; {after}")
        assert write.outcome == "ok", write.describe()
        assert after is None, f"status still names a window that is gone: {after}"
