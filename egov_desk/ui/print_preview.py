"""The checklist's print preview: the pages as they will print, and a printer to send them to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QGraphicsView, QWidget

from egov_desk.core.exports.checklist import Checklist
from egov_desk.render.printing import page_layout, paint_checklist


class ChecklistPreview(QPrintPreviewDialog):
    """Print preview of a checklist. It owns its printer: QPrintPreviewDialog keeps only a C++ pointer to the
    printer it is given, so a printer that Python frees crashes the app at the first paint."""

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        printer.setDocName(f"{checklist.year}年{checklist.title}")
        super().__init__(printer, parent)
        self._printer = printer
        self.checklist = checklist
        self._focused = False
        self.setWindowTitle(self.tr("Print preview"))
        self.paintRequested.connect(self._paint)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(int(screen.width() * 0.9), int(screen.height() * 0.9))  # a page must be readable

    def _paint(self, device: QPagedPaintDevice) -> None:
        paint_checklist(self.checklist, device)

    def _focus_pages(self) -> None:
        view = self.findChild(QGraphicsView)  # the pages inside QPrintPreviewWidget, which takes no focus itself
        if view is not None:
            view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.WindowActivate and not self._focused:
            # The dialog gives the keyboard to its page number field when it activates; PageDown should page.
            self._focused = True
            QTimer.singleShot(0, self._focus_pages)
        return handled


def print_preview(checklist: Checklist, parent: QWidget | None = None) -> ChecklistPreview:
    return ChecklistPreview(checklist, parent)
