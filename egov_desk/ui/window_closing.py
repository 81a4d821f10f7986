"""What the main window does as it closes — the work under way finished, the watch stopped, the note flushed, the
layout kept — and how it says a write was not saved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QStatusBar, QWidget

from egov_desk.core.messages import say
from egov_desk.ui.language import ui_language

if TYPE_CHECKING:
    from egov_desk.core.server_watch import DataWatch
    from egov_desk.ui.ops import Runner
    from egov_desk.ui.panels.item_panel import ItemPanel


class ClosingWindow(Protocol):
    runner: Runner
    watch_timer: QTimer
    data_watch: DataWatch | None
    panel: ItemPanel

    def statusBar(self) -> QStatusBar: ...

    def save_layout(self) -> None: ...


def finish(window: ClosingWindow) -> None:
    """Everything before the window goes: background work finished (with a wait cursor), the watch closed."""
    if window.runner.busy():
        window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Finishing the work under way…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            window.runner.shutdown()
        finally:
            QApplication.restoreOverrideCursor()
    if (evidence_search := getattr(window, "evidence_search", None)) is not None:
        evidence_search.stop_for_closing()  # the OCR worker process goes with the window
    window.watch_timer.stop()
    if window.data_watch is not None:
        window.data_watch.close()
        window.data_watch = None
    window.panel.note.flush()
    window.save_layout()


def not_saved(window: QWidget, error: Exception) -> QMessageBox:
    """A write refused or failed, said without blocking (undo may run inside a key press)."""
    title = QCoreApplication.translate("MainWindow", "Not saved")
    box = QMessageBox(QMessageBox.Icon.Warning, title, say(error, ui_language()), QMessageBox.StandardButton.Ok, window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
