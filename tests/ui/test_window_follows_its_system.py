"""The main window follows what its system says: a veto item shows 触发一票否决 and ticking it shows 否决 on the
gauge; an assessment moved onto a new version of its system (here or by the command line) is shown from it; the
window does not close over the system editor's unsaved edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox

from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from tests.core.test_system_versions import edited_2019
from tests.core.test_veto_bonus import system_data
from tests.ui.test_system_editor import finish, open_editor
from tests.ui.test_system_editor_product import answer


def test_ticking_a_veto_in_the_window_shows_veto_on_the_gauge(qtbot: Any, workspace: Workspace) -> None:
    stored = workspace.add_system(system_data("zero"), "test:veto")
    assessment = workspace.create_assessment(stored.system_id, "测试单位", 2024).assessment_id
    workspace.set_setting("current_assessment", assessment)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.select_item("2")
    check = window.panel.findChild(QCheckBox, "vetoCheck")
    assert check is not None
    qtbot.waitUntil(check.isVisible)  # a layout shows a widget added to it on the next turn of the event loop
    assert not window.gauge.vetoed
    check.click()
    qtbot.waitUntil(lambda: window.gauge.vetoed == ["2"])
    assert "否决" in window.gauge.veto_text
    assert workspace.scores(assessment).total == 0
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.gauge.vetoed == [])


def test_an_assessment_moved_by_the_command_line_is_shown_from_its_new_version(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    assert "005" in window.model.item_codes()
    stored = workspace.store_system_version(1, edited_2019(workspace))
    window.apply(workspace.move_assessment(1, stored.system_id))  # as check_for_changes would report it
    qtbot.waitUntil(lambda: window.assessment.system_id == stored.system_id)
    assert "005" not in window.model.item_codes()
    assert "036" in window.model.item_codes()


def test_closing_the_window_with_the_editor_holding_unsaved_edits_asks_first(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(editor.draft.find("020"))
    finish(editor.item_form.lead, "办公室")
    window.close()
    question = editor.last_message
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    assert window.isVisible()  # nothing closed while the question is open
    answer(question, "放弃")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not editor.isVisible()
    assert len(workspace.systems()) == 1  # discarded: no new version


def test_closing_the_window_with_the_editor_open_but_unchanged_closes_both(qtbot: Any, window: MainWindow) -> None:
    editor = open_editor(window, qtbot)
    window.close()
    assert not window.isVisible()
    assert not editor.isVisible()


def test_the_editor_opens_on_the_item_selected_in_the_window(qtbot: Any, window: MainWindow) -> None:
    window.select_item("021")
    editor = open_editor(window, qtbot)
    assert editor.item_form.code.text() == "021"


def test_the_move_question_names_the_assessment_and_the_warnings_left(qtbot: Any, window: MainWindow) -> None:
    window.select_item("021")
    editor = open_editor(window, qtbot)
    finish(editor.item_form.points, "4")  # its level is worth 3: a warning, which does not stop the save
    editor.save()
    question = editor.last_message
    assert question is not None
    assert window.assessment.label in question.text()
    assert "仍需核对（未阻止保存）：" in question.text()
    assert "021" in question.text().split("仍需核对")[1] or "资源挂接应用情况" in question.text().split("仍需核对")[1]


def test_the_editor_sets_kinds_of_deduction_each_with_its_cap(qtbot: Any, window: MainWindow) -> None:
    window.select_item("003")
    editor = open_editor(window, qtbot)
    form = editor.rule_form
    assert form is not None
    form.choose_type("deduct")
    form = editor.rule_form
    assert form is not None
    form.fill_table("classes", [["推迟（个月）", "0.5", "2"], ["发生（起）", "1", ""]])
    scoring = editor.draft.entry(editor.draft.find("003"))["scoring"]
    assert scoring["classes"] == [
        {"label": "推迟（个月）", "per": 0.5, "max": 2},
        {"label": "发生（起）", "per": 1},
    ]


def test_two_refused_fields_each_say_their_own_reason(qtbot: Any, window: MainWindow) -> None:
    window.select_item("002")
    editor = open_editor(window, qtbot)
    form = editor.item_form
    finish(form.code, "001")  # another item's code: refused
    finish(form.points, "abc")  # refused
    finish(form.points, "5")  # accepted: the code's reason is said again
    assert "001" in form.problem.text()
    assert form.problem.isVisible()


def test_discarding_a_refused_value_leaves_nothing_to_save(qtbot: Any, window: MainWindow) -> None:
    window.select_item("002")
    editor = open_editor(window, qtbot)
    finish(editor.item_form.code, "001")  # refused
    editor.reject()
    asked = editor.last_message
    assert asked is not None
    answer(asked, "放弃输入")
    assert editor.last_message is asked or not editor.isVisible()  # no question about unsaved edits follows
    assert not editor.isVisible()


def test_leaving_an_empty_name_empty_is_no_edit(qtbot: Any, window: MainWindow) -> None:
    window.select_item("002")  # an item without a name of its own
    editor = open_editor(window, qtbot)
    finish(editor.item_form.name, "")
    assert editor.undo_stack.isClean()  # closing asks nothing


def test_the_item_selected_stays_selected_when_the_assessment_moves(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    window.select_item("021")
    stored = workspace.store_system_version(1, edited_2019(workspace))
    window.apply(workspace.move_assessment(1, stored.system_id))
    qtbot.waitUntil(lambda: window.assessment.system_id == stored.system_id)
    assert window.panel.item is not None
    assert window.panel.item.code == "021"
