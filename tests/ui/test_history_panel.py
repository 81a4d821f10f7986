"""View → 修改记录 in the real window: the selected item's changes (newest first) follow the selection and show a
score the moment it is typed; the whole assessment's with a tick; exported as a workbook. Help → 校验修改记录…
says the history is whole, and after someone changed a score with sqlite3 on the file, names the item."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.panels.history_panel import HistoryPanel
from tests.ui.test_scoring import open_item, type_into


def shown_panel(window: MainWindow, qtbot) -> HistoryPanel:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dock = window.history.dock
    assert dock is not None
    qtbot.waitUntil(dock.isVisible)
    assert window.history.toggle.isChecked()
    assert window.history.panel is not None
    return window.history.panel


def test_the_dock_is_hidden_at_first_and_built_when_first_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.history.dock is None
    panel = shown_panel(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.history.dock is not None
    assert not window.history.dock.isVisible()
    assert panel is window.history.panel


def test_typing_a_score_shows_its_line_at_once_newest_first(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = shown_panel(window, qtbot)
    editor = open_item(window, "008")
    qtbot.waitUntil(lambda: "008" in panel.heading.text())
    type_into(qtbot, editor.spin, "9.5")
    qtbot.waitUntil(lambda: any("→" in text for text in panel.texts()))
    type_into(qtbot, editor.spin, "8")
    qtbot.waitUntil(lambda: "9.5 → 8" in panel.texts()[0])
    newest = panel.texts()[0]
    assert "008 得分 9.5 → 8" in newest
    assert "空 → 9.5" in panel.texts()[1]
    open_item(window, "004")  # the dock follows the selection
    qtbot.waitUntil(lambda: "004" in panel.heading.text())
    assert not any("008" in text for text in panel.texts())
    panel.whole.setChecked(True)  # the whole assessment
    qtbot.waitUntil(lambda: any("008" in text for text in panel.texts()))


def test_the_history_shown_is_exported_as_a_workbook(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    window.runner.synchronous = True
    panel = shown_panel(window, qtbot)
    type_into(qtbot, open_item(window, "008").spin, "9.5")
    qtbot.waitUntil(lambda: any("→" in text for text in panel.texts()))
    out = tmp_path / "修改记录.xlsx"
    window.history.export_to(out)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet.cell(row=3, column=5).value == "008"
    assert sheet.cell(row=3, column=7).value == "得分 空 → 9.5"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    return tmp_path / "ws"


def opened(qtbot, folder: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    workspace = Workspace.open(folder)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.runner.synchronous = True
    try:
        yield window
    finally:
        window.close()
        workspace.close()


def test_the_check_says_whole_then_names_a_score_changed_on_the_file(qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    for window in opened(qtbot, folder):
        window.history.check_action.trigger()
        report = window.history.chain_check.last_report
        dialog = window.history.chain_check.dialog
        assert report is not None
        assert report.clean
        assert dialog is not None
        assert dialog.isVisible()
        assert "1b7f3b" in dialog.summary.styleSheet()  # green
        assert report.head in dialog.details.toPlainText()
        assert str(report.rows) in dialog.summary.text()
        dialog.close()
    with closing(sqlite3.connect(folder / "workspace.sqlite")) as connection:
        connection.execute(
            "UPDATE item_inputs SET score = '3' WHERE item_id = (SELECT id FROM items WHERE code = '021')"
        )
        connection.commit()
    for window in opened(qtbot, folder):
        window.history.check_action.trigger()
        report = window.history.chain_check.last_report
        dialog = window.history.chain_check.dialog
        assert report is not None
        assert not report.clean
        assert dialog is not None
        assert "b3261e" in dialog.summary.styleSheet()  # red
        assert "021 的得分在数据库中为 3，按记录应为 2.33" in dialog.details.toPlainText()
        assert "021 的得分在数据库中为 3" in dialog.text()  # what the Copy button copies
