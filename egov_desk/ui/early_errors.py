"""Uncaught errors before the crash reporter is there. Its module (ui/crash.py) uses PySide6's Qt namespace, whose
first use builds all of its enums — some 15 ms the first paint does without — so the reporter is installed right
after the first paint. Until then an uncaught error is logged at once and kept; the reporter shows it once it is
there, as its own."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from egov_desk.ui.crash import CrashReporter


class EarlyErrors:
    """Installed as ``sys.excepthook`` until :meth:`hand_to` gives the errors kept to the crash reporter."""

    def __init__(self) -> None:
        self.kept: list[str] = []
        self._previous = sys.excepthook
        sys.excepthook = self.excepthook

    def excepthook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        logging.getLogger("egov_desk.crash").error("uncaught exception", exc_info=(kind, error, trace))
        self.kept.append("".join(traceback.format_exception(kind, error, trace)))

    def hand_to(self, make_reporter: Callable[[], CrashReporter]) -> CrashReporter:
        """The reporter ``make_reporter`` installs in this hook's place, told of the errors kept so far."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous  # the reporter keeps the hook it replaces: Python's own, not this one
        reporter = make_reporter()
        for details in self.kept:
            reporter.count += 1
            reporter.reported.emit(details)
        self.kept.clear()
        return reporter
