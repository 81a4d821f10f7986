"""A file or folder to open with this PC's own program: where no program opens it, the person is told so with the
path (selectable), instead of nothing happening."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from egov_desk.ui.open_outside import open_outside


@pytest.fixture
def no_program(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def open_url(url: object) -> bool:
        asked.append(url.toLocalFile())  # type: ignore[attr-defined]
        return False  # as on a PC with no PDF viewer: Qt finds no launcher

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return asked


def test_a_file_no_program_opens_is_said_with_its_path(qtbot, no_program: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    binder = tmp_path / "装订册.pdf"
    binder.write_bytes(b"%PDF-1.4\n")
    assert open_outside(binder, parent) is False
    assert no_program == [str(binder)]
    box = parent.findChild(QMessageBox, "notOpened")
    assert box is not None
    assert box.isVisible()
    assert "装订册.pdf" in box.text()
    assert str(binder) in box.text()
    box.close()


def test_a_folder_no_program_opens_is_said_with_its_path(qtbot, no_program: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    assert open_outside(tmp_path, parent) is False
    box = parent.findChild(QMessageBox, "notOpened")
    assert box is not None
    assert str(tmp_path) in box.text()
    box.close()
