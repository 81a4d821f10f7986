"""The questions review and sign-off ask without blocking: a text (a return's comment, a reason to reopen) and a
yes or cancel (submitting a department's items, 定稿)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class RequiredText(QInputDialog):
    """A text that must be given (a return's comment, a reason to reopen): OK with nothing typed says so under the
    question and keeps the dialog open with what was asked, instead of a refusal that drops the whole action."""

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self.question = label

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and not self.textValue().strip():
            needed = self.tr("Please write it: it is recorded with the action.")
            self.setLabelText(f"{self.question}\n{needed}")
            return
        super().done(result)


def ask_text(parent: QWidget, title: str, label: str, then: Callable[[str], object]) -> QInputDialog:
    """Opened, not run: ``then`` gets the text when the person says OK (OK with nothing typed asks again)."""
    dialog = RequiredText(parent, label)
    dialog.setObjectName("reviewText")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setMinimumWidth(520)  # room for the title the window manager draws, the app's name after it
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(then)
    dialog.open()
    return dialog


def yes_or_cancel(
    parent: QWidget, title: str, question: str, yes: str, then: Callable[[], object], default: bool = True
) -> QMessageBox:
    """A question with ``yes`` and Cancel; ``then`` runs on ``yes``. Enter presses ``yes`` when it is the
    ``default``, else Cancel (Escape always cancels). The caller opens it."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(go if default else cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: then() if button is go else None)
    return box
