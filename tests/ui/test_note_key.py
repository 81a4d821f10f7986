"""The item's note has a key of its own: Alt+N puts the cursor in it, from wherever the keyboard is in the window —
in an ordinary workspace and in a department's (科室填报), whose banner adds keys of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_desk.core.packages.department import department_mode, open_package
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow


def alt_n_reaches_the_note(qtbot, window: MainWindow, code: str) -> None:  # type: ignore[no-untyped-def]
    assert window.select_item(code)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.note)
    panel = window.panel
    note = panel.note
    qtbot.waitUntil(lambda: panel.viewport().rect().contains(note.mapTo(panel.viewport(), note.rect().center())))


def test_alt_n_puts_the_cursor_in_the_items_note(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.edit_note("021", "已统计")
    alt_n_reaches_the_note(qtbot, window, "021")
    assert window.panel.note.textCursor().position() == len("已统计")  # at its end, to go on writing
    assert "N" in window.panel.note_box.title()


def test_alt_n_reaches_the_note_in_a_department_workspace_too(qtbot, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "办公室.egovpkg"
    export_department_package(workspace, workspace.default_assessment().id, "办公室", package)
    open_package(package, tmp_path / "dept")
    with Workspace.open(tmp_path / "dept", create=False) as department:
        window = MainWindow(department)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        mode = department_mode(department)
        assert mode is not None
        alt_n_reaches_the_note(qtbot, window, sorted(mode.codes)[0])
        window.close()
