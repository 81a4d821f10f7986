"""The question asked when a refused value would be left behind (moving on, switching, closing)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def refusal_box(parent: QWidget, code: str, typed: list[str], reason: str) -> QMessageBox:
    """A warning naming the item, what was typed and why it was refused; the caller adds the answers."""
    entered = "、".join(f"“{text}”" for text in typed if text.strip())
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Not saved"))
    text = QCoreApplication.translate("MainWindow", "The input %1 for item %2 was not saved: %3")
    box.setText(text.replace("%1", entered).replace("%2", code).replace("%3", reason))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
