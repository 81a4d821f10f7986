"""One runner for work that may take longer than a blink: off the UI thread, results back on it.

Widgets are touched only on the UI thread: the work function gets a :class:`Progress` to report through and
to ask whether it was cancelled; ``done``/``failed`` run on the UI thread. Tests set ``synchronous`` to run
the work inline, so they need no event-loop waiting.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from egov_desk.core.errors import Cancelled


class Progress:
    def __init__(self, job: Job) -> None:
        self._job = job

    def report(self, done: int, total: int, message: str = "") -> None:
        if self._job.cancel_requested.is_set():
            raise Cancelled
        self._job.progressed.emit(done, total, message)

    def update(self, done: int, total: int, message: str = "") -> None:
        """Report without checking for cancel (for work that checks ``cancelled`` itself)."""
        self._job.progressed.emit(done, total, message)

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_requested.is_set()


class Job(QObject):
    """One piece of background work; its signals arrive on the UI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    def __init__(self, parent: QObject | None = None, writes: bool = False) -> None:
        super().__init__(parent)
        self.cancel_requested = threading.Event()
        self.running = True
        self.writes = writes  # commits to the workspace while it runs
        self.ended.connect(self._mark_ended)

    def cancel(self) -> None:
        self.cancel_requested.set()

    def _mark_ended(self) -> None:
        self.running = False


BACKGROUND_NICE = 10  # above the UI thread's (Linux): it gets some nine tenths of a core both want (CFS weights)


def yield_to_the_ui() -> None:
    """This worker thread runs below the UI thread's priority: when both want a core (two cores, shared with the
    kernel writing gigabytes back and with other programs) the window's painting comes first. Measured on the full
    attach of 1 GB after three others, under load: the longest UI stall's median 43 → 26 ms. For good: an ordinary
    user's thread cannot raise its priority again, and whatever the pool runs is background work. Not on the UI
    thread (tests run jobs inline).

    Linux only: its nice values share a core by weight, so the worker keeps a tenth of one. Windows schedules by
    strict priority — a below-normal worker holding the GIL could wait seconds behind any busy program (a virus
    scanner reading the files being copied) while the UI thread waits for the GIL — so there it is left alone."""
    if threading.current_thread() is threading.main_thread():
        return
    if sys.platform.startswith("linux"):  # a thread's own nice value (elsewhere the id would name a process)
        with contextlib.suppress(OSError):
            ui_nice = os.getpriority(os.PRIO_PROCESS, os.getpid())  # the main thread's
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, ui_nice + BACKGROUND_NICE))


class _Task(QRunnable):
    def __init__(self, job: Job, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:
        yield_to_the_ui()
        try:
            result = self.work(Progress(self.job))
        except BaseException as exc:  # every failure must reach the UI, not vanish in a worker thread
            self.job.failed.emit(exc)
        else:
            self.job.succeeded.emit(result)
        finally:
            self.job.ended.emit()


class Runner(QObject):
    synchronous = False  # tests: run inline

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.jobs: set[Job] = set()

    def start(
        self,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        writes: bool = False,
    ) -> Job:
        """Run ``work`` off the UI thread; ``writes``: it commits to the workspace as it goes (see :meth:`writing`)."""
        job = Job(self, writes)
        job.succeeded.connect(done)
        job.failed.connect(failed)
        self.jobs.add(job)
        job.ended.connect(lambda: self.jobs.discard(job))
        task = _Task(job, work)
        if self.synchronous:
            task.run()
        else:
            self.pool.start(task)
        return job

    def wait(self, timeout_ms: int = 30000) -> bool:
        return self.pool.waitForDone(timeout_ms)

    def busy(self) -> bool:
        return any(job.running for job in self.jobs)

    def writing(self) -> bool:
        """Whether a job of this window is committing to the workspace now. Its commits look like changes made
        elsewhere to the window's data watch, so the window does not look for those until it ends (each look read
        and repainted the item's evidence and every item's counts and reviews: the UI thread's longest stalls while
        attaching a gigabyte); the job's own changes are shown when it is done, anything else at the next look."""
        return any(job.running and job.writes for job in self.jobs)

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """When the window closes: cancel every job that can be cancelled, and wait for the rest to finish
        (a write under way completes and is renamed into place, or leaves nothing) — no thread outlives the
        window. False when something still ran after ``timeout_ms``."""
        for job in list(self.jobs):
            job.cancel()
        return self.pool.waitForDone(timeout_ms)
