"""A crash is never silent: uncaught errors are logged and shown in Chinese; a hard crash leaves its stack."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from egov_desk.logs import CRASH_NAME, LOG_NAME, setup_logging, stop_logging
from egov_desk.ui.crash import CrashReporter


@pytest.fixture(autouse=True)
def no_log_left_open() -> Iterator[None]:
    yield
    stop_logging()


def test_an_uncaught_exception_is_logged_and_shown_in_chinese(qapp: QApplication, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = setup_logging(tmp_path / "log", crash_log=False)
    reporter = CrashReporter(qapp, folder)
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError as error:
            reporter.excepthook(RuntimeError, error, error.__traceback__)
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
        box = reporter.box
        assert box is not None
        assert "数据是安全的" in box.text()
        assert str(folder) in box.informativeText()
        assert "boom in a slot" in box.detailedText()
        box.close()
    finally:
        reporter.uninstall()
    assert "boom in a slot" in (folder / LOG_NAME).read_text(encoding="utf-8")


def test_an_error_in_a_worker_thread_reaches_the_log(qapp: QApplication, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = setup_logging(tmp_path / "log", crash_log=False)
    reporter = CrashReporter(qapp, folder)
    try:

        def fail() -> None:
            raise ValueError("worker failed")

        worker = threading.Thread(target=fail)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: reporter.box is not None)
        assert reporter.box is not None
        reporter.box.close()
    finally:
        reporter.uninstall()
    assert "worker failed" in (folder / LOG_NAME).read_text(encoding="utf-8")


def test_a_hard_crash_leaves_its_stack_in_the_crash_log(tmp_path: Path) -> None:
    script = (
        "import ctypes, sys\n"
        "from pathlib import Path\n"
        "from egov_desk.logs import setup_logging\n"
        "setup_logging(Path(sys.argv[1]))\n"
        "ctypes.string_at(0)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "log")], capture_output=True, env=dict(os.environ), timeout=60
    )
    assert run.returncode != 0
    assert "Fatal Python error" in (tmp_path / "log" / CRASH_NAME).read_text(encoding="utf-8")
