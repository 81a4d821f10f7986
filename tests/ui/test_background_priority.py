"""Background work yields to the window: a job's thread runs below the UI thread's priority, so the window's
painting comes first when both want a core; work run inline (as tests do) leaves the UI thread as it was."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from egov_desk.ui.ops import Progress, Runner

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's nice value is Linux's")


def niceness(_progress: Progress) -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_background_job_runs_below_the_ui_threads_priority(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner, seen = Runner(), []
    job = runner.start(niceness, seen.append, lambda error: seen.append(error))
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    assert seen[0] > os.getpriority(os.PRIO_PROCESS, os.getpid())


def test_work_run_inline_leaves_the_ui_thread_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Runner, "synchronous", True)
    before = os.getpriority(os.PRIO_PROCESS, os.getpid())
    seen: list[object] = []
    Runner().start(niceness, seen.append, seen.append)
    assert seen == [before]
    assert os.getpriority(os.PRIO_PROCESS, os.getpid()) == before
