"""The progress dialog the packages' steps show while they read or write off the UI thread: window-modal, shown
only when the work lasts, no bar until the work says how far it is, 取消 only where the work can stop."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


def busy_dialog(text: str, title: str, cancel: str | None, parent: QWidget | None) -> QProgressDialog:
    """``cancel``: the cancel button's words, None for work that cannot stop."""
    dialog = QProgressDialog(text, cancel or "", 0, 0, parent)
    if cancel is None:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setMinimumWidth(420)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def close_busy(dialog: QProgressDialog | None) -> None:
    if dialog is not None:
        with contextlib.suppress(RuntimeError):  # already deleted with its parent
            dialog.close()
            dialog.deleteLater()
