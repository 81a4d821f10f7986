"""Closing the scan dialog with pages not saved: asked first, without a nested event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScanDialog", text)


def ask_to_discard(parent: QWidget, pages: int, answered: Callable[[bool], None]) -> QMessageBox:
    """Asks whether to discard ``pages`` unsaved pages (keeping them is the default); ``answered(True)`` when the
    person chose to discard them."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("Unsaved pages"),
        _tr("%1 scanned page(s) are not saved. Close and discard them?").replace("%1", str(pages)),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    discard = box.addButton(_tr("Discard the pages"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_tr("Keep scanning"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: QAbstractButton) -> None:
        answered(button is discard)

    box.buttonClicked.connect(clicked)
    box.open()
    return box
