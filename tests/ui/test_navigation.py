"""Finding one's way: filters, search, keyboard, departments, assessments, workspaces, language, demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import ItemCodeRole
from egov_desk.ui.shell import Shell


def visible_codes(window: MainWindow, parent: QModelIndex | None = None) -> list[str]:
    proxy = window.proxy
    parent = parent or QModelIndex()
    codes: list[str] = []
    for row in range(proxy.rowCount(parent)):
        index = proxy.index(row, 0, parent)
        code = index.data(ItemCodeRole)
        codes.extend([code] if code else visible_codes(window, index))
    return codes


def choose_department(window: MainWindow, name: str, role: str = "either") -> None:
    window.department_combo.setCurrentIndex(window.department_combo.findData(name))
    window.role_combo.setCurrentIndex(window.role_combo.findData(role))


def test_the_department_filter_shows_exactly_the_items_of_shiziké(window: MainWindow) -> None:
    choose_department(window, "师资科")
    assert sorted(visible_codes(window)) == ["023", "027", "028", "029"]
    top = [window.proxy.index(r, 0).siblingAtColumn(1).data() for r in range(window.proxy.rowCount())]
    assert top == ["政务信息资源交换共享和开发利用"]  # the tree keeps its shape above the items


def test_the_department_filter_by_role(window: MainWindow) -> None:
    choose_department(window, "计财科", "lead")
    assert visible_codes(window) == ["004", "017", "018"]
    choose_department(window, "计财科", "cooperating")
    assert visible_codes(window) == ["011", "023"]
    window.department_combo.setCurrentIndex(0)
    assert len(visible_codes(window)) == 35


def test_search_finds_028_by_words_of_its_rule(window: MainWindow) -> None:
    window.search.setText("制证量")
    assert visible_codes(window) == ["028"]
    window.search.setText("021")
    assert visible_codes(window) == ["021"]
    window.search.setText("不存在的词")
    assert visible_codes(window) == []
    window.search.clear()
    assert len(visible_codes(window)) == 35


def test_keyboard_next_unscored_and_into_the_editor(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    workspace_id = window.assessment.id
    window.apply(workspace.set_input(workspace_id, "002", {"checked": [0]}).changes)
    window.apply(workspace.set_input(workspace_id, "003", {"count": 1}).changes)
    window.select_item("001")
    window.apply(workspace.set_input(workspace_id, "001", {"parts": [{"count": 1}, {"count": 1}]}).changes)
    assert window.menu_actions.next_unscored_action.shortcut() == QKeySequence("F8")
    window.menu_actions.next_unscored_action.trigger()
    assert window.current_item().code == "004"  # 002 and 003 are scored
    window.menu_actions.previous_unscored_action.trigger()
    assert window.current_item().code == "035"  # wraps around backwards
    window.menu_actions.edit_score_action.trigger()
    assert window.panel.editor.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is None


def test_f8_says_the_unscored_items_the_filter_hides(window: MainWindow, workspace: Workspace) -> None:
    window.apply(workspace.set_input(window.assessment.id, "002", {"checked": [0]}).changes)
    window.search.setText("002")  # only the scored 002 is shown
    window.menu_actions.next_unscored_action.trigger()
    assert window.current_item().code == "002"
    said = window.statusBar().currentMessage()
    assert "hidden by the search or the department filter" in said or "筛选" in said
    assert str(len(window.model.item_codes()) - 1) in said


def test_every_menu_action_has_a_shortcut_or_a_mnemonic(window: MainWindow) -> None:
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu():
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()


def test_double_click_in_departments_jumps_to_the_item(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(1)
    view = window.departments
    assert view.department_names()[:3] == ["政策法规科", "办公室", "信息中心"]
    assert view.codes_of("师资科") == ["023", "027", "028", "029"]
    row = next(r for r in range(view.model_.rowCount()) if view.model_.item(r).text() == "师资科")
    child = view.model_.item(row).child(1)
    view.doubleClicked.emit(child.index())
    assert window.tabs.currentIndex() == 0
    assert window.current_item().code == "027"


def test_departments_count_what_is_scored(window: MainWindow, workspace: Workspace) -> None:
    window.apply(workspace.set_input(window.assessment.id, "027", {"numerator": 1, "denominator": 2}).changes)
    model = window.departments.model_
    row = next(r for r in range(model.rowCount()) if model.item(r).text() == "师资科")
    assert model.item(row, 2).text() == "1/4"


def test_switching_between_assessments_of_two_systems(window: MainWindow, workspace: Workspace) -> None:
    data = template_data("builtin:2019") | {"title": "2020年电子政务考评", "year": 2020}
    system = workspace.add_system(data, key="import:2020").system_id
    second = workspace.create_assessment(system, "本单位", 2020).assessment_id
    workspace.set_input(second, "005", {"yes": True})
    window.refresh_assessments()
    index = window.assessment_combo.findData(second)
    window.assessment_combo.setCurrentIndex(index)
    window.assessment_combo.activated.emit(index)
    assert window.assessment.id == second
    assert "2020年电子政务考评" in window.windowTitle()
    assert window.gauge.total_text == "3.00 / 100"
    assert workspace.default_assessment().id == second  # remembered for the next start


def test_the_language_switch_changes_the_menus(shell: Shell) -> None:
    assert shell.window.menuBar().actions()[0].text() == "文件(&F)"
    shell.window.select_item("028")
    window = shell.switch_language("en")
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Scoring", "&View", "&Review", "&Help"]
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Code"
    assert window.current_item().code == "028"
    window = shell.switch_language("zh_CN")
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_the_demo_workspace_is_lived_in_and_throw_away(shell: Shell) -> None:
    window = shell.open_demo()
    folder = shell.demo_folder
    assert folder is not None
    assert window.windowTitle().startswith("［演示］市教育局 2019 自评")
    assert 0 < window.model.sheet.total < 100
    assert len(window.model.sheet.unscored) > 0
    shell.open_folder(shell.recent()[0], create=False)
    assert not folder.exists()


def test_opening_another_workspace_folder_and_the_recent_list(shell: Shell, tmp_path: Path) -> None:
    first = shell.workspace.folder
    assert shell.open_folder(tmp_path / "second", create=True)
    assert shell.workspace.folder == tmp_path / "second"
    assert shell.recent()[:2] == [str(tmp_path / "second"), str(first)]


def test_the_window_layout_is_remembered(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.resize(760, 560)  # within the offscreen screen (800 × 600), which restoreGeometry respects
    window.splitter.setSizes([300, 460])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(workspace)
    qtbot.addWidget(again)
    again.show()
    assert again.size().toTuple() == (760, 560)
    assert again.splitter.sizes() == sizes


def test_sorting_by_score_within_each_level(window: MainWindow, workspace: Workspace) -> None:
    assessment = window.assessment.id
    window.apply(workspace.set_input(assessment, "009", {"yes": False}).changes)
    window.apply(workspace.set_input(assessment, "010", {"yes": True}).changes)
    window.tree.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    level = window.proxy.mapFromSource(window.model.index_of_item("009")).parent()
    order = [window.proxy.index(r, 0, level).data(ItemCodeRole) for r in range(window.proxy.rowCount(level))]
    assert order == ["010", "009"]
    window.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert visible_codes(window) == [f"{n:03d}" for n in range(1, 36)]


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method (搜狗, 微软拼音) sends when a word is chosen; keyClicks cannot type Chinese."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_chinese_input_reaches_the_search_and_the_note(window: MainWindow) -> None:
    type_chinese(window.search, "制证量")
    assert window.search.text() == "制证量"
    assert visible_codes(window) == ["028"]
    window.select_item("028")
    type_chinese(window.panel.note, "按省通报第7名")
    window.panel.note.flush()
    assert window.workspace.notes(window.assessment.id) == {"028": "按省通报第7名"}


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key} is bound to both {seen[key]!r} and {action.text()!r}"
            seen[key] = action.text()
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= {s.toString() for s in window.menu_actions.redo_action.shortcuts()}


def test_redo_by_ctrl_y_and_by_ctrl_shift_z(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    window.activateWindow()
    window.edit_input("008", {"score": 6})
    assert window.workspace.inputs(window.assessment.id)["008"] == {"score": 6}
    for keys in ("Ctrl+Y", "Ctrl+Shift+Z"):
        window.tree.setFocus()
        QTest.keySequence(window, QKeySequence("Ctrl+Z"))
        assert "008" not in window.workspace.inputs(window.assessment.id)
        QTest.keySequence(window, QKeySequence(keys))
        assert window.workspace.inputs(window.assessment.id)["008"] == {"score": 6}, keys


def test_search_selects_what_it_finds_and_enter_goes_there(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt as QtKeys

    window.focus_search()
    qtbot.keyClicks(window.search, "021")
    assert window.panel.item is not None
    assert window.panel.item.code == "021"  # not still 001, which the filter hides
    qtbot.keyClick(window.search, QtKeys.Key.Key_Return)
    assert window.current_item() is not None
    assert window.current_item().code == "021"


def test_f1_explains_the_app_and_lists_every_shortcut(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    help_action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "F1")
    help_action.trigger()
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    text = window.help_dialog.text.toPlainText()
    assert "使用说明" in window.help_dialog.windowTitle()
    for keys in ("Ctrl+P", "Ctrl+E", "Ctrl+N", "Ctrl+O", "Ctrl+Z", "Ctrl+Y", "F8", "Ctrl+F"):
        assert keys in text, keys
    window.help_dialog.close()


def test_about_names_the_workspace_folder(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.menus.about()
    assert str(window.workspace.folder) in window.last_message.text()
    window.last_message.close()


def _mnemonic(text: str) -> str | None:
    import re

    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).upper() if match else None


def test_no_two_entries_of_a_menu_share_an_access_key(window: MainWindow) -> None:
    """In 导出 the letter P once stood for both the PDF and the printing entry: Alt+F, X, P printed nothing."""
    from PySide6.QtWidgets import QMenu

    menus = [window.menuBar(), *window.findChildren(QMenu)]
    for menu in menus:
        keys: dict[str, str] = {}
        for action in menu.actions():
            key = _mnemonic(action.text())
            if key and action.isVisible():
                assert key not in keys, (
                    f"{key} in {menu.title() or 'the menu bar'}: {keys[key]!r} and {action.text()!r}"
                )
                keys[key] = action.text()
