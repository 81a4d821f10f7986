"""An uncaught exception never passes in silence: it is logged and the person is told, in Chinese, that the data
is safe (every change was saved when it was made) and where the log is."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("egov_desk.crash")


class CrashReporter(QObject):
    """Installed as ``sys.excepthook`` and ``threading.excepthook``; shows one dialog per error, on the UI thread."""

    reported = Signal(str)  # the traceback text, delivered to the UI thread

    def __init__(self, app: QApplication, folder: Path) -> None:
        super().__init__(app)
        self.folder = folder
        self.box: QMessageBox | None = None
        self.count = 0
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread_hook

    def excepthook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        log.error("uncaught exception", exc_info=(kind, error, trace))
        self.count += 1
        self.reported.emit("".join(traceback.format_exception(kind, error, trace)))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def _show(self, details: str) -> None:
        if self.box is not None and self.box.isVisible():
            return  # one dialog at a time; the log has every error
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Unexpected error"))
        box.setText(
            self.tr("egov-desk met an unexpected error. Your data is safe: every change was saved when you made it.")
        )
        box.setInformativeText(
            self.tr("The details are in the log: %1\nIf the app behaves oddly, close and restart it.").replace(
                "%1", str(self.folder)
            )
        )
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "box", None))
        self.box = box
        QTimer.singleShot(0, box.show)
