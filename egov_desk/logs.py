"""The log: a rotating file in the user's log folder, and Python's fault handler for hard crashes.

The Windows build has no console, so without a file an error simply vanishes. ``egov-desk.log`` holds what
the app did and every uncaught exception; ``crash.log`` holds the stack of a crash inside Qt's C++ code
(faulthandler writes it when the process receives SIGSEGV/SIGABRT), which Python itself cannot log.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path
from typing import IO

from platformdirs import user_log_dir

from egov_desk import APP_AUTHOR, APP_NAME, __version__

LOG_NAME = "egov-desk.log"
CRASH_NAME = "crash.log"
_crash_file: list[IO[str]] = []  # kept open for the process's life: faulthandler writes to its descriptor


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, APP_AUTHOR))


def setup_logging(folder: Path | None = None, crash_log: bool = True) -> Path:
    """Log to ``folder`` (the user's log folder by default); returns the folder. Safe to call twice.

    ``crash_log``: also point the fault handler there (off where a test runner keeps its own)."""
    folder = folder or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:  # a read-only profile: log nowhere rather than not start
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    stop_logging()
    root = logging.getLogger()
    handler.egov_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if crash_log and not _crash_file:
        try:
            _crash_file.append(open(folder / CRASH_NAME, "a", encoding="utf-8"))  # noqa: SIM115 - lives on
            faulthandler.enable(file=_crash_file[0], all_threads=True)
        except OSError:
            pass
    logging.getLogger("egov_desk").info("egov-desk %s started", __version__)
    return folder


def stop_logging() -> None:
    """Remove and close the app's log handler (at exit, and between tests)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "egov_desk", False)]:
        root.removeHandler(old)
        old.close()
