"""A file or folder opened with this PC's own program (a PDF viewer, the file manager); where none opens it, the
person is told so with the path, which they can select and copy, instead of nothing happening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_outside(path: Path, parent: QWidget | None) -> bool:
    """Open ``path`` with the program this PC uses for it; False (and said in a message) when none did."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    if path.is_dir():
        text = QCoreApplication.translate(
            "OpenOutside", "No program on this PC opened the folder. It is here:\n%1"
        ).replace("%1", str(path))
    else:
        text = (
            QCoreApplication.translate(
                "OpenOutside", "No program on this PC opens “%1” (install a PDF or image viewer). The file is here:\n%2"
            )
            .replace("%1", path.name)
            .replace("%2", str(path))
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("OpenOutside", "Could not open"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("notOpened")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    _shown.append(box)
    box.finished.connect(lambda _result: _shown.remove(box) if box in _shown else None)
    return False


_shown: list[QMessageBox] = []  # the message lives until it is closed, whoever asked for it
