"""The indicator system editor as a desktop product, the real dialog over a real workspace: closing with edits asks
to save, a refused field is never left behind silently, the rule and its try-out follow the points, the try-out
shows beside the rule, undo steps say what they undo, everything works from the keyboard, and a finding leads to
its field."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from egov_desk.core.system_draft import Place
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.system_editor import SystemEditor
from egov_desk.ui.system_editor.editor_widgets import RULE_PAGE
from tests.ui.test_system_editor import TOP, finish, open_editor, rule_form, select


def plain(text: str) -> str:
    """A button's words without its access key: "保存(&S)" → "保存"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def answer(box: QMessageBox | None, text: str) -> None:
    assert box is not None
    next(button for button in box.buttons() if plain(button.text()) == text).click()


def place_of(editor: SystemEditor, code: str) -> Place:
    place = editor.draft.find(code)
    assert place is not None
    return place


def shown(editor: SystemEditor, qtbot: QtBot) -> None:
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)


# --- 1. closing ------------------------------------------------------------------------------------------


def test_closing_without_edits_closes_at_once(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_closing_with_edits_asks_to_save_discard_or_cancel(
    window: MainWindow, workspace: Workspace, qtbot: QtBot
) -> None:
    systems = len(workspace.systems())
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "020"))
    finish(editor.item_form.lead, "办公室")
    qtbot.keyClick(editor.tree, Qt.Key.Key_Escape)
    question = editor.last_message
    assert question is not None
    assert question.isVisible()
    save, discard, cancel = "保存", "放弃", "取消"
    assert {button.text() for button in question.buttons()} == {"保存(&S)", "放弃(&D)", cancel}  # Alt+S, Alt+D
    assert plain(question.defaultButton().text()) == save  # Enter keeps the edits
    assert question.escapeButton() is question.button(QMessageBox.StandardButton.Cancel)
    answer(question, cancel)
    assert editor.isVisible()

    editor.close()  # the window's ×
    answer(editor.last_message, discard)
    assert not editor.isVisible()
    assert len(workspace.systems()) == systems


def test_save_in_the_closing_question_stores_a_new_version_and_closes(
    window: MainWindow, workspace: Workspace, qtbot: QtBot
) -> None:
    systems = len(workspace.systems())
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "020"))
    finish(editor.item_form.lead, "办公室")
    editor.close_button.click()
    answer(editor.last_message, "保存")
    move = editor.last_message
    assert move is not None
    assert move.icon() == QMessageBox.Icon.Question
    next(b for b in move.buttons() if move.buttonRole(b) == QMessageBox.ButtonRole.NoRole).click()
    assert editor.saved
    assert not editor.isVisible()
    assert len(workspace.systems()) == systems + 1


# --- 2. a refused text stays where it was typed ----------------------------------------------------------


def test_a_refused_number_stays_and_leaving_it_asks_to_go_back_or_discard(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    shown(editor, qtbot)
    place_021 = place_of(editor, "021")
    editor.tree.select(place_021)
    finish(editor.item_form.points, "abc")
    assert editor.item_form.points.text() == "abc"
    assert editor.item_form.problem.isVisible()
    # the field named, in Chinese
    assert editor.item_form.problem.text().startswith("分值：“abc”不是有效的数；请填写 0 或更大的数")

    editor.tree.select(place_of(editor, "020"))  # the person selects another entry
    qtbot.waitUntil(lambda: editor.last_message is not None and editor.last_message.isVisible())
    question = editor.last_message
    assert question is not None
    assert "分值" in question.text()
    assert "021" in question.text()
    assert editor.tree.current_place() == place_021  # the selection stays …
    assert editor.item_form.points.text() == "abc"  # … and so does the text
    assert plain(question.defaultButton().text()) == "返回修改"
    answer(question, "返回修改")
    shown(editor, qtbot)  # a desktop gives the focus back to the editor
    qtbot.waitUntil(lambda: editor.item_form.points.hasFocus())
    assert editor.draft.entry(place_021)["points"] == 3

    editor.tree.select(place_of(editor, "020"))
    qtbot.waitUntil(lambda: editor.last_message is not question and editor.last_message is not None)
    answer(editor.last_message, "放弃输入")
    assert editor.tree.current_place() == place_of(editor, "020")
    assert editor.item_form.points.text() == "4"
    assert editor.refusal() is None


def test_a_repeated_or_empty_code_is_refused_at_its_field(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "021"))
    finish(editor.item_form.code, "020")
    assert editor.item_form.code.text() == "020"
    reason = editor.item_form.problem.text()
    assert reason.startswith("编号")
    assert "020" in reason
    assert editor.draft.entry(place_of(editor, "021"))["code"] == "021"
    assert not [finding for finding in editor.findings if finding.kind == "code_repeated"]
    finish(editor.item_form.code, "")
    assert editor.item_form.problem.text().startswith("编号")
    finish(editor.item_form.code, "021")  # its own code again: accepted, nothing changes
    assert not editor.item_form.problem.isVisible()
    assert editor.undo_stack.count() == 0


def test_a_tree_key_with_a_refused_text_asks_first(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "021"))
    rule_form(editor).set_field("max", "三")
    assert rule_form(editor).problem.text().startswith("最高分")
    before = editor.draft.to_interchange()
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert editor.draft.to_interchange() == before  # nothing removed while the question is open
    answer(editor.last_message, "放弃输入")
    assert editor.draft.find("021") is None


# --- 3. the rule and the try-out follow the points -------------------------------------------------------


def test_the_rule_form_and_the_try_out_follow_an_items_points_at_once(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "021"))
    finish(editor.item_form.points, "5")
    form = rule_form(editor)
    max_field = form.fields["max"]
    assert isinstance(max_field, QLineEdit)
    assert max_field.text() == "5"
    assert editor.preview_editor is not None
    assert editor.preview_editor.rule.max_points == 5
    assert not [finding for finding in editor.findings if finding.kind == "rule_points"]
    editor.undo_action.trigger()  # one step: points and rule back together
    assert editor.draft.entry(place_of(editor, "021"))["scoring"]["max"] == 3
    max_field = rule_form(editor).fields["max"]
    assert isinstance(max_field, QLineEdit)
    assert max_field.text() == "3"


# --- 4. the try-out beside the rule ----------------------------------------------------------------------


def test_a_sums_try_out_shows_without_scrolling_at_1024_by_768(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.resize(1000, 700)  # 1024×768 less the window's frame and the taskbar
    editor.tree.select(place_of(editor, "030"))
    editor.pages.setCurrentIndex(RULE_PAGE)
    qtbot.waitUntil(lambda: editor.preview_editor is not None and editor.preview_editor.isVisible())
    scroll = editor.rule_split.widget(1)
    assert isinstance(scroll, QScrollArea)
    assert editor.preview_box.sizeHint().height() <= scroll.viewport().height()
    assert scroll.viewport().width() >= editor.preview_box.minimumSizeHint().width()
    assert scroll.x() > 0  # beside the rule, not under it


# --- 5. undo steps in words ------------------------------------------------------------------------------


def test_undo_steps_say_what_they_undo_in_the_edit_menu(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "021"))
    finish(editor.item_form.points, "4")
    changed = "修改 %1 的%2".replace("%1", "021").replace("%2", "分值")
    assert editor.undo_stack.undoText() == changed
    qtbot.keyClick(editor.tree, Qt.Key.Key_Insert)
    assert editor.undo_stack.undoText() == "添加评分项"
    select(editor, "明确信息共享需求")
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.undo_stack.undoText() == "移动“%1”".replace("%1", "明确信息共享需求")
    edit_menu = editor.menu_bar.actions()[1]
    assert edit_menu.text().replace("&", "").startswith("编辑".replace("&", ""))
    assert editor.undo_action in edit_menu.menu().actions()
    assert editor.undo_action.text() == "撤销" + " " + editor.undo_stack.undoText()
    editor.undo_action.trigger()
    assert editor.redo_action.text().endswith(editor.undo_stack.redoText())


# --- 6. the keyboard -------------------------------------------------------------------------------------


def test_f2_renames_in_the_tree(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    shown(editor, qtbot)
    select(editor, TOP)
    qtbot.keyClick(editor.tree, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    assert field.text() == TOP
    field.setText("信息资源共享")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "信息资源共享" in [level["name"] for level in editor.draft.levels()])
    assert TOP not in [level["name"] for level in editor.draft.levels()]
    assert editor.tree.currentItem().text(0) == "信息资源共享"


def test_ctrl_s_saves_what_is_being_typed(window: MainWindow, workspace: Workspace, qtbot: QtBot) -> None:
    systems = len(workspace.systems())
    editor = open_editor(window, qtbot)
    shown(editor, qtbot)
    editor.tree.select(place_of(editor, "020"))
    editor.item_form.lead.setFocus()
    qtbot.waitUntil(lambda: editor.item_form.lead.hasFocus())
    editor.item_form.lead.setText("办公室")  # typed, not finished
    editor.save_action.trigger()
    assert len(workspace.systems()) == systems + 1
    newest = max(system.id for system in workspace.systems())
    assert workspace.system(newest).item("020").lead == "办公室"


def test_every_tree_action_has_its_key_in_the_menu_and_its_tooltip(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    keys = {action.shortcut().toString() for action in editor.tree_actions}
    assert keys == {"Ins", "Shift+Ins", "F2", "Del", "Alt+Up", "Alt+Down", "Alt+Left", "Alt+Right"}
    for action in editor.tree_actions:
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut  # Alt+↑ in a field stays the field's
        assert action in editor.tree.actions()
        assert action.toolTip()
    assert editor.save_action.shortcut().toString() == "Ctrl+S"


def test_tab_goes_through_the_form_in_order(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "020"))
    form = editor.item_form
    order: list[QWidget] = []
    widget = editor.tree.nextInFocusChain()
    while widget is not editor.tree and len(order) < 400:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(editor):
            order.append(widget)
        widget = widget.nextInFocusChain()
    wanted = [form.code, form.name, form.points, form.rule_text, form.evidence, form.lead, form.cooperating, form.veto]
    wanted += [editor.problems, editor.save_button, editor.close_button]
    positions = [order.index(w) for w in wanted]
    assert positions == sorted(positions)
    assert order.index(editor.tree_buttons[-1]) < positions[0]


# --- 7. findings lead to their field ---------------------------------------------------------------------


def test_enter_on_a_finding_goes_to_its_place_and_focuses_its_field(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    shown(editor, qtbot)
    editor.tree.select(place_of(editor, "021"))
    rule_form(editor).set_field("max", "2")
    finding = next(f for f in editor.findings if f.kind == "rule_points")
    assert "021" in finding.chinese
    assert "计分规则" in finding.chinese
    assert finding.field == "scoring"
    select(editor, TOP)
    row = next(
        editor.problems.item(n) for n in range(editor.problems.count()) if "021" in editor.problems.item(n).text()
    )
    editor.problems.setCurrentItem(row)
    editor.problems.setFocus()
    qtbot.keyClick(editor.problems, Qt.Key.Key_Return)
    assert editor.tree.current_place() == place_of(editor, "021")
    assert editor.pages.currentIndex() == RULE_PAGE
    qtbot.waitUntil(lambda: rule_form(editor).type_combo.hasFocus())

    select(editor, TOP)
    finish(editor.level_form.points, "99")
    row = next(
        editor.problems.item(n)
        for n in range(editor.problems.count())
        if "下级分值合计" in editor.problems.item(n).text() and TOP in editor.problems.item(n).text()
    )
    editor.tree.select(place_of(editor, "020"))
    editor.problems.itemActivated.emit(row)  # a double-click
    assert editor.draft.entry(editor.tree.current_place())["name"] == TOP
    qtbot.waitUntil(lambda: editor.level_form.points.hasFocus())


def test_a_refused_cell_of_a_rules_table_names_the_table_its_row_and_column(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(place_of(editor, "030"))
    checklist = rule_form(editor).part_forms[1]
    checklist.fill_table("items", [["数据字段", "0.5"], ["格式", "半分"]])
    where = "%1第 %2 行的%3：“%4”"
    named = where.replace("%1", "条件").replace("%2", "2").replace("%3", "分值").replace("%4", "半分")
    assert checklist.problem.text().startswith(named)
    assert editor.refusal() is not None  # leaving the item now asks first
