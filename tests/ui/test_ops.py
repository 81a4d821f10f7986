"""The background runner: work off the UI thread, results and failures back on it, cancel."""

from __future__ import annotations

import threading

import pytest

from egov_desk.ui.ops import Cancelled, Progress, Runner


def test_work_runs_off_the_ui_thread_and_the_result_arrives_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.current_thread()
        progress.report(1, 2, "half")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["receiver"] = threading.current_thread()

    job = runner.start(work, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: not job.running, timeout=5000)  # the job may end before we start waiting
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["receiver"] is threading.main_thread()
    assert not job.running


def test_a_failure_is_delivered_not_lost(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()
    errors: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise OSError("disk full")

    job = runner.start(work, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: not job.running, timeout=5000)  # the job may end before we start waiting
    assert [str(e) for e in errors] == ["disk full"]


def test_cancel_stops_work_at_its_next_report(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()
    started = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        started.set()
        release.wait(5)
        progress.report(1, 10)

    job = runner.start(work, lambda _r: None, errors.append)
    assert started.wait(5)
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=5000)  # the job may end before we start waiting
    assert len(errors) == 1
    assert isinstance(errors[0], Cancelled)


def test_synchronous_mode_runs_inline() -> None:
    runner = Runner()
    runner.synchronous = True
    results: list[int] = []
    runner.start(lambda _p: 7, results.append, pytest.fail)
    assert results == [7]


def test_closing_the_window_ends_the_work_under_way(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    """No thread outlives its window: a long job is cancelled and waited for when the window closes."""
    import time

    from egov_desk.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    finished: list[str] = []

    def long_work(progress: Progress) -> None:
        while not progress.cancelled:
            time.sleep(0.01)
        finished.append("stopped")

    job = window.runner.start(long_work, lambda _r: None, lambda _e: None)
    qtbot.waitUntil(lambda: window.runner.busy())
    window.close()
    assert finished == ["stopped"]
    assert window.runner.pool.activeThreadCount() == 0
    assert job.cancel_requested.is_set()
