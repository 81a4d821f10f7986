"""The keyboard back where it was after an action asked for from it (a review step, its questions): the tree,
say, so Up and Down go on through the items. Dialogs closing and widgets disabled by the change would otherwise
leave it nowhere, or somewhere else."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid


class FocusReturn(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.focused: QWidget | None = None  # where the keyboard was when the last action was asked for

    def around(self, action: Callable[[], object]) -> None:
        """Run ``action``; then the keyboard goes back (once the questions it opened are answered: see
        :meth:`after`)."""
        focused = QApplication.focusWidget()
        if focused is not None and focused.window() is self.window:
            self.focused = focused
        action()
        QTimer.singleShot(0, self, self.back)

    def after(self, dialog: QDialog) -> None:
        """The keyboard goes back when ``dialog`` is answered."""
        dialog.finished.connect(lambda _result: QTimer.singleShot(0, self, self.back))

    def back(self) -> None:
        widget = self.focused
        if QApplication.activeModalWidget() is not None or widget is None or not isValid(widget):
            return  # a question is open: the keyboard goes back when it is answered
        if widget.isVisible() and widget.isEnabled():
            self.window.activateWindow()
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
