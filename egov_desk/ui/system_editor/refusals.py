"""A refused text left in a field of the editor's forms, and the question asked when the person would leave it
behind (selecting another entry, changing the tree, saving or closing) — the question the main window asks about a
refused input: go back and correct it (the default), or discard it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


@dataclass(frozen=True)
class Refusal:
    """The field holding the refused text, and why it was refused (naming the field, in the UI's language)."""

    field: QWidget
    reason: str


def ask_about_refused(
    parent: QWidget, where: str, refusal: Refusal, go_back: Callable[[], None], discard: Callable[[], None]
) -> QMessageBox:
    """Asked without blocking; ``where`` names the level or item whose field it is."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Not saved"))
    text = QCoreApplication.translate("SystemEditor", "Not kept in %1: %2")
    box.setText(text.replace("%1", where).replace("%2", refusal.reason))
    box.setInformativeText(QCoreApplication.translate("SystemEditor", "The field keeps its previous value."))
    back = box.addButton(
        QCoreApplication.translate("MainWindow", "&Go back and correct it"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("MainWindow", "&Discard the input"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: QAbstractButton) -> None:
        (go_back if button is back else discard)()

    box.buttonClicked.connect(answered)
    box.open()
    return box
