"""Closing the scan dialog: with pages not saved, asked first (without a nested event loop); the pages' folders
removed with the dialog, or when the app quits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from egov_desk.core.scanning.saving import discard


def ask_to_discard(parent: QWidget, pages: int, answered: Callable[[bool], None]) -> QMessageBox:
    """Asks whether to discard ``pages`` unsaved pages (keeping them is the default); ``answered(True)`` when the
    person chose to discard them."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ScanDialog", "Unsaved pages"),
        QCoreApplication.translate("ScanDialog", "%1 scanned page(s) are not saved. Close and discard them?").replace(
            "%1", str(pages)
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    discard = box.addButton(
        QCoreApplication.translate("ScanDialog", "Discard the pages"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(QCoreApplication.translate("ScanDialog", "Keep scanning"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: QAbstractButton) -> None:
        answered(button is discard)

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def discard_at_the_end(dialog: QObject, folders: list[Path]) -> None:
    """``folders`` (filled as the dialog scans) are removed when the dialog is destroyed, and at the latest when
    the app quits: it leaves without Python's own finalisation, so nothing later would remove them."""

    def gone(*_args: object) -> None:
        for folder in folders:
            discard(folder)

    dialog.destroyed.connect(gone)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(gone)
