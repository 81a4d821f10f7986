"""The questions about an input the item's rule refused: when the person left the item (go back and correct it, or
discard it) and when they close the window with it still in the editor (go back, or close without it). Asked
without blocking; the window's strings keep its context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from egov_desk.ui.context import WindowContext
from egov_desk.ui.dialogs.refusal import refusal_box


def ask_about_abandoned(
    context: WindowContext,
    assessment: int,
    code: str,
    typed: list[str],
    reason: str,
    go_back: Callable[[str, list[str]], None],
) -> None:
    """``assessment``: the one the input was typed into; when another one is shown now there is nothing to go
    back to, and the person is only told."""
    box = refusal_box(context.parent, code, typed, reason)
    box.setInformativeText(QCoreApplication.translate("MainWindow", "The item keeps its previous score."))
    context.remember(box)
    if assessment != context.assessment.id:
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()
        return
    back = box.addButton(
        QCoreApplication.translate("MainWindow", "&Go back and correct it"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("MainWindow", "&Discard the input"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)

    def answered(button: QAbstractButton) -> None:
        if button is back:
            go_back(code, typed)

    box.buttonClicked.connect(answered)
    box.open()


def ask_before_closing(
    context: WindowContext, code: str, typed: list[str], reason: str, close_anyway: Callable[[], None]
) -> None:
    """Closing with a refused value in the editor: go back to it, or close without it."""
    box = refusal_box(context.parent, code, typed, reason)
    back = box.addButton(
        QCoreApplication.translate("MainWindow", "&Go back and correct it"), QMessageBox.ButtonRole.RejectRole
    )
    leave = box.addButton(
        QCoreApplication.translate("MainWindow", "Close without it"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(back)

    def answered(button: QAbstractButton) -> None:
        if button is leave:
            close_anyway()

    box.buttonClicked.connect(answered)
    context.show(box)
