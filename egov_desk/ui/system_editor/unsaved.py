"""The question asked when the editor is closed with edits not saved: 保存 (the default), 放弃 or 取消."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def ask_about_unsaved(parent: QWidget, save: Callable[[], None], discard: Callable[[], None]) -> QMessageBox:
    """Asked without blocking. Save stores the edits as a new version (closing when stored), Discard closes
    without them, Cancel (also Esc) goes back to editing."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        parent.windowTitle(),
        QCoreApplication.translate(
            "SystemEditor", "The indicator system has edits not saved. Save them as a new version?"
        ),
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    words = (
        (buttons.Save, QCoreApplication.translate("SystemEditor", "&Save")),
        (buttons.Discard, QCoreApplication.translate("SystemEditor", "&Discard")),
        (buttons.Cancel, QCoreApplication.translate("SystemEditor", "Cancel")),
    )
    for which, text in words:
        button = box.button(which)
        if button is not None:
            button.setText(text)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: QAbstractButton) -> None:
        which = box.standardButton(button)
        if which == buttons.Save:
            save()
        elif which == buttons.Discard:
            discard()

    box.buttonClicked.connect(answered)
    box.open()
    return box
