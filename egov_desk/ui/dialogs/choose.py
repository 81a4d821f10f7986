"""Small questions the window asks: one choice from a list; where to save, starting where the person last saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QWidget


def choose_one(parent: QWidget, title: str, label: str, names: list[str], current: str) -> str | None:
    """The chosen name, or None when cancelled. Wide enough to show its title: Qt sizes an item dialog by its
    combo box alone, which cuts a Chinese title short."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(names)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(current)
    dialog.setMinimumWidth(380)
    try:
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def last_folder(kind: str) -> Path:
    """The folder the person last saved or picked a ``kind`` of file in (``export``, ``evidence``), else home."""
    stored = QSettings().value(f"folders/{kind}")
    folder = Path(str(stored)) if stored else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember_folder(kind: str, path: Path) -> None:
    QSettings().setValue(f"folders/{kind}", str(path if path.is_dir() else path.parent))


def save_path(parent: QWidget, title: str, name: str, pattern: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder("export") / name), pattern)
    if not chosen:
        return None
    remember_folder("export", Path(chosen))
    return Path(chosen)
