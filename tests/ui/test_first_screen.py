"""The first screen: the window as it was closed, painted at the next start before the workspace loads, then handed
to the real window with what was typed meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QToolButton

from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.workspace import UNIT_GIVEN, Workspace
from egov_desk.ui.first_screen import snapshot as snapshots
from egov_desk.ui.first_screen.start import cache_dir, first_screen_for, show
from egov_desk.ui.first_screen.window import FirstScreen
from egov_desk.ui.shell import Shell


def rows_of(screen: FirstScreen) -> dict[str, list[str]]:
    """Each item row of the first screen's tree by its 编号: the texts of its cells."""
    found: dict[str, list[str]] = {}
    pending = [screen.tree.topLevelItem(n) for n in range(screen.tree.topLevelItemCount())]
    while pending:
        row = pending.pop()
        if row.text(0):
            found[row.text(0)] = [row.text(column) for column in range(screen.tree.columnCount())]
        pending.extend(row.child(n) for n in range(row.childCount()))
    return found


def gone(screen: FirstScreen) -> bool:
    return not shiboken6.isValid(screen) or not screen.isVisible()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A workspace with 021 scored 7/9 (2.33 of 3), closed from its window with 021 shown."""
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        workspace.set_setting(UNIT_GIVEN, True)  # as `assessment set --unit` does: no first-start question
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    return folder


def close_window_on(qapp: QApplication, folder: Path, code: str) -> dict[str, object]:
    """Open the window on ``folder``, show ``code``, close it as at exit; what it showed."""
    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show()
    window.select_item(code)
    model = window.tree.model()
    shown = {
        "total": window.gauge.total_text,
        "heading": window.panel.heading.text(),
        "rows": model.rowCount(),
        "title": window.windowTitle(),
        "review": not window.panel.review_bar.isHidden(),
    }
    shell.close()
    return shown


def shown_first_screen(qtbot, qapp: QApplication, folder: Path) -> FirstScreen:  # type: ignore[no-untyped-def]
    """The window closed on 021, then the next start's first screen shown from its snapshot."""
    close_window_on(qapp, folder, "021")
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    with qtbot.waitSignal(screen.centre.painted):
        show(screen, maximised=False)
    qtbot.waitExposed(screen)
    return screen


def test_the_next_start_paints_the_window_as_it_was_closed(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    shown = close_window_on(qapp, folder, "021")
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    assert screen.gauge.total_text == shown["total"] == "2.33 / 100"
    assert screen.panel.heading.text() == shown["heading"] == "021  根据部门政务信息资源目录"
    assert screen.tree.topLevelItemCount() == shown["rows"]
    assert screen.windowTitle() == shown["title"]
    row = rows_of(screen)["021"]
    assert row[:4] == ["021", "根据部门政务信息资源目录", "3", "2.33"]
    assert screen.tree.currentItem().text(0) == "021"
    assert screen.tree.treePosition() == 1  # branches beside the names, as in the window


def test_a_workspace_changed_since_it_was_closed_starts_the_ordinary_way(qapp: QApplication, folder: Path) -> None:
    close_window_on(qapp, folder, "021")
    assert snapshots.load(folder / DATABASE_NAME, cache_dir(), "zh_CN") is not None
    with Workspace.open(folder) as elsewhere:  # the command line, or another PC on a shared folder
        elsewhere.set_input(1, "021", {"numerator": 9, "denominator": 9})
    assert first_screen_for(folder, "zh_CN") is None


def test_another_language_or_a_log_not_folded_in_starts_the_ordinary_way(qapp: QApplication, folder: Path) -> None:
    close_window_on(qapp, folder, "021")
    assert first_screen_for(folder, "en") is None
    wal = folder / f"{DATABASE_NAME}-wal"
    wal.write_bytes(b"\0" * 32)  # a process killed with the database open leaves its log behind
    assert first_screen_for(folder, "zh_CN") is None


def test_a_damaged_snapshot_is_passed_over(qapp: QApplication, folder: Path) -> None:
    close_window_on(qapp, folder, "021")
    snapshots.cache_file(folder / DATABASE_NAME, cache_dir()).write_text("{not json", encoding="utf-8")
    assert first_screen_for(folder, "zh_CN") is None


def test_keys_typed_before_the_window_is_there_are_typed_into_it(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    screen = shown_first_screen(qtbot, qapp, folder)
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_F2)  # into the score editor of 021, as in the window
    qtbot.keyClick(screen.tree, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(screen.tree, "8")
    qtbot.keyClick(screen.tree, Qt.Key.Key_Tab)
    assert [(key.key, key.modifiers) for key in screen.typed] == [
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_8, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    ]
    with Workspace.open(folder) as untouched:
        assert untouched.inputs(1)["021"] == {"numerator": 7, "denominator": 9}  # nothing acted on the first screen

    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show(first_screen=screen)
    qtbot.waitUntil(lambda: gone(screen))  # once the window manager made the real window active
    try:
        assert window.current_item() is not None
        assert window.current_item().code == "021"
        assert window.workspace.inputs(1)["021"] == {"numerator": 8, "denominator": 9}
        assert not screen.isVisible()
    finally:
        shell.close()


def test_a_row_chosen_on_the_first_screen_is_the_row_the_window_shows(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    screen = shown_first_screen(qtbot, qapp, folder)
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_Down)  # the arrows move on the first screen itself
    qtbot.keyClick(screen.tree, Qt.Key.Key_Down)
    chosen = screen.tree.currentItem().text(0)
    assert chosen not in ("", "021")
    assert screen.panel.heading.text().startswith(chosen)
    assert screen.typed == []
    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show(first_screen=screen)
    qtbot.waitUntil(lambda: gone(screen))  # once the window manager made the real window active
    try:
        assert window.current_item() is not None
        assert window.current_item().code == chosen
    finally:
        shell.close()


def test_chinese_typed_through_an_input_method_reaches_the_note(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    screen = shown_first_screen(qtbot, qapp, folder)
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: into the note
    committed = QInputMethodEvent()
    committed.setCommitString("目录已核实")
    QApplication.sendEvent(screen.tree, committed)
    assert [key.text for key in screen.typed] == ["n", "目录已核实"]
    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show(first_screen=screen)
    qtbot.waitUntil(lambda: gone(screen))  # once the window manager made the real window active
    try:
        assert window.panel.note.toPlainText() == "目录已核实"
    finally:
        shell.close()


def test_a_window_closed_filtered_opens_whole_with_its_item_chosen(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show()
    whole = window.model.rowCount()
    window.search.setText("021")  # the search box filters the tree; the next start shows it whole again
    window.select_item("021")
    shell.close()
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    assert screen.tree.topLevelItemCount() == whole
    assert len(rows_of(screen)) == 35
    assert screen.tree.currentItem().text(0) == "021"


def test_closing_the_first_screen_closes_the_window_once_it_is_there(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    screen = shown_first_screen(qtbot, qapp, folder)
    screen.close()  # the person closes it before the workspace has opened
    assert screen.isVisible()  # it waits for the real window, which closes in its turn
    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show(first_screen=screen)
    qtbot.waitUntil(lambda: gone(screen) and not window.isVisible())
    shell.close()


def test_the_gauge_shows_the_picture_the_window_painted_until_its_size_changes(
    qtbot, qapp: QApplication, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    close_window_on(qapp, folder, "021")
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    gauge = screen.gauge
    picture = gauge.picture
    assert picture is not None
    gauge.setParent(None)  # sized here, not by the window's layout
    qtbot.addWidget(gauge)
    gauge.resize(picture.deviceIndependentSize().toSize())
    assert gauge.grab().toImage().convertToFormat(picture.format()) == picture  # the window's own pixels
    gauge.resize(picture.width() + 40, picture.height())
    wider = gauge.grab().toImage()
    assert wider.width() == picture.width() + 40  # another size: painted anew, from the same numbers
    assert gauge.total_text == "2.33 / 100"


def test_a_key_typed_before_the_first_paint_is_kept_too(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    close_window_on(qapp, folder, "021")
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    painted: list[bool] = []
    screen.centre.painted.connect(lambda: painted.append(True))
    show(screen, maximised=False)
    qtbot.keyClick(screen.windowHandle(), Qt.Key.Key_8)  # at the window's surface, before anything is painted
    assert [(key.key, key.text) for key in screen.typed] == [(Qt.Key.Key_8, "8")]
    qtbot.waitUntil(lambda: bool(painted))
    qtbot.keyClick(screen.tree, Qt.Key.Key_9)  # after it, wherever the focus is
    assert [key.text for key in screen.typed] == ["8", "9"]


def test_the_first_screen_fits_a_screen_smaller_than_the_one_it_was_left_on(
    qtbot, qapp: QApplication, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    close_window_on(qapp, folder, "021")
    wide = QMainWindow()
    qtbot.addWidget(wide)
    wide.setGeometry(0, 0, 1280, 720)  # kept on a 1366×768 screen
    QSettings().setValue("window/geometry", wide.saveGeometry())
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.width() < 1280
    assert available.contains(screen.frameGeometry())


def test_the_gauge_repainted_at_another_size_says_its_words_in_chinese(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    close_window_on(qapp, folder, "021")
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    gauge = screen.gauge
    assert gauge.unscored_text == "34 项未评分"  # as the window said it: its own class would ask in English
    gauge.setParent(None)
    qtbot.addWidget(gauge)
    assert gauge.picture is not None
    gauge.resize(gauge.picture.width() + 40, gauge.picture.height())
    assert gauge.grab().width() > 0  # painted anew at another size, with the same words


def test_the_first_screen_shows_the_search_the_window_starts_with(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show()
    window.evidence_search.scope.focus_evidence()
    window.evidence_search.scope.box.setText("鲲鹏")
    shell.close()
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    texts = [(kind, text) for kind, text, _width, _enabled in screen.snapshot.toolbar]
    assert ("combo", "指标") in texts
    assert ("search", "搜索编号、名称或细则（Ctrl+F）") in texts
    assert not any("材料" in text for _kind, text in texts)


def test_an_item_under_review_keeps_its_review_row_on_the_first_screen(qtbot, qapp: QApplication, folder: Path) -> None:  # type: ignore[no-untyped-def]
    shown_row = close_window_on(qapp, folder, "021")
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None
    qtbot.addWidget(screen)
    assert shown_row["review"]  # 021 is being filled in: the panel shows its review row
    assert screen.snapshot.panel.review[:2] == ["审核：", "填报中"]
    assert screen.panel.review is not None
    assert [button.text() for button in screen.panel.review.findChildren(QToolButton)] == ["提交", "退回…", "通过"]
