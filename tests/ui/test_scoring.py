"""Scoring in the real window: each rule type's editor, the item, its levels and the gauge move together."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace
from egov_desk.ui.editors.composite import ChecklistEditor, SumEditor
from egov_desk.ui.editors.fields import ChoiceEditor, CountEditor, ManualEditor, RatioEditor
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import SCORE
from tests.conftest import fill_disk
from tests.ui.helpers import answer_next_message


def score_text(window: MainWindow, code: str) -> str:
    return window.model.index_of_item(code, SCORE).data()


def level_points(window: MainWindow, key: tuple[int, ...]) -> Decimal:
    return window.model.sheet.nodes[key].points


def open_item(window: MainWindow, code: str) -> Any:
    assert window.select_item(code)
    assert window.panel.item is not None
    assert window.panel.item.code == code
    return window.panel.editor


def test_manual_spin_box(window: MainWindow) -> None:
    editor = open_item(window, "004")
    assert isinstance(editor, ManualEditor)
    editor.spin.setValue(2.5)
    assert score_text(window, "004") == "2.50"
    assert level_points(window, (0, 1, 0)) == Decimal("2.5")  # 项目备案情况
    assert level_points(window, (0,)) == Decimal("2.5")
    assert window.gauge.total_text == "2.50 / 100"
    assert window.workspace.inputs(window.assessment.id) == {"004": {"score": 2.5}}


def type_into(qtbot, field: Any, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what is in the field and type over it, key by key, as a person does."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_typing_12_into_an_item_worth_10_is_shown_refused_and_not_saved(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A spin box once turned the typed "12" into 1 and saved that."""
    editor = open_item(window, "008")
    assert isinstance(editor, ManualEditor)
    type_into(qtbot, editor.spin, "12")
    assert editor.spin.text() == "12"  # what was typed stays in view
    assert editor.spin.property("invalid")
    assert not editor.problem.isHidden()
    assert editor.problem.text() == "得分 12 超过满分 10"
    assert window.workspace.inputs(window.assessment.id) == {}
    assert score_text(window, "008") == "—"
    type_into(qtbot, editor.spin, "9.5")
    assert window.workspace.inputs(window.assessment.id) == {"008": {"score": 9.5}}
    assert window.gauge.total_text == "9.50 / 100"


def test_typing_a_score_from_the_keyboard(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_item(window, "022")
    window.focus_editor()
    spin = window.panel.editor.spin
    spin.selectAll()
    qtbot.keyClicks(spin, "1.5")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert score_text(window, "022") == "1.50"


def test_typing_rank_17_of_16_is_refused_not_saved_as_rank_1(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "028")
    type_into(qtbot, editor.spin, "17")
    assert editor.spin.text() == "17"
    assert editor.spin.property("invalid")
    assert "028" not in window.workspace.inputs(window.assessment.id)
    type_into(qtbot, editor.spin, "7")
    assert window.workspace.inputs(window.assessment.id)["028"] == {"rank": 7}


def test_rank_0_is_refused_and_does_not_clear_the_score(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "028")
    type_into(qtbot, editor.spin, "3")
    type_into(qtbot, editor.spin, "0")
    assert editor.spin.property("invalid")
    assert window.workspace.inputs(window.assessment.id)["028"] == {"rank": 3}
    assert score_text(window, "028") == "2.00"


def test_1_5_in_a_part_worth_1_is_refused_not_saved_as_1(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "035")
    type_into(qtbot, editor.parts[0].spin, "1.5")
    assert editor.parts[0].spin.text() == "1.5"
    assert editor.parts[0].spin.property("invalid")
    assert "035" not in window.workspace.inputs(window.assessment.id)


def test_text_that_is_no_number_is_refused_and_full_width_digits_count(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "022")
    type_into(qtbot, editor.spin, "2..5")
    assert editor.spin.property("invalid")
    assert window.workspace.inputs(window.assessment.id) == {}
    editor.spin.setText("２．５")  # from a Chinese input method
    editor.spin.editingFinished.emit()
    assert window.workspace.inputs(window.assessment.id) == {"022": {"score": 2.5}}


def test_emptying_the_field_clears_the_score(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "022")
    type_into(qtbot, editor.spin, "2")
    editor.spin.clear()
    editor.spin.editingFinished.emit()
    assert "022" not in window.workspace.inputs(window.assessment.id)
    assert score_text(window, "022") == "—"


def test_up_and_down_step_within_the_bounds(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "022")
    editor.spin.setFocus()
    qtbot.keyClick(editor.spin, Qt.Key.Key_Up)
    assert editor.spin.text() == "0"
    for _ in range(8):
        qtbot.keyClick(editor.spin, Qt.Key.Key_Up)
    assert editor.spin.text() == "3"  # not above the maximum
    assert window.workspace.inputs(window.assessment.id) == {"022": {"score": 3}}


def test_yes_no_switch(window: MainWindow) -> None:
    editor = open_item(window, "005")
    assert isinstance(editor, ChoiceEditor)
    editor.group.button(0).click()
    assert score_text(window, "005") == "3.00"
    editor.group.button(1).click()
    assert score_text(window, "005") == "0.00"
    assert window.model.sheet.items["005"].scored


def test_options_radio_buttons(window: MainWindow) -> None:
    editor = open_item(window, "006")
    assert [b.text() for b in editor.group.buttons()] == [
        "专线接入市电子政务外网（3 分）",
        "非专线接入（1 分）",
        "未接入（0 分）",
    ]
    editor.group.button(1).click()
    assert score_text(window, "006") == "1.00"
    assert level_points(window, (1,)) == 1


def test_per_unit_count_shows_its_cap(window: MainWindow) -> None:
    editor = open_item(window, "003")
    assert isinstance(editor, CountEditor)
    editor.spin.setValue(5)
    assert score_text(window, "003") == "2.00"
    assert "→ 2.00 分" in editor.preview.text()


def test_ratio_shows_the_ratio(window: MainWindow) -> None:
    editor = open_item(window, "021")
    assert isinstance(editor, RatioEditor)
    editor.numerator.setValue(7)
    editor.denominator.setValue(9)
    assert editor.ratio.text() == "7/9 = 77.78%"
    assert score_text(window, "021") == "2.33"
    assert window.gauge.total_text == "2.33 / 100"


def test_ratio_by_rate(window: MainWindow) -> None:
    editor = open_item(window, "011")
    editor.rate.setValue(92)
    assert score_text(window, "011") == "5.52"


def test_rank_with_its_bands(window: MainWindow) -> None:
    editor = open_item(window, "028")
    assert editor.spin.high == 16
    editor.spin.setValue(7)
    assert score_text(window, "028") == "1.00"
    editor.spin.setValue(3)
    assert score_text(window, "028") == "2.00"


def test_checklist_with_points_and_with_tiers(window: MainWindow) -> None:
    editor = open_item(window, "002")
    assert isinstance(editor, ChecklistEditor)
    editor.boxes[1].click()
    assert score_text(window, "002") == "1.00"
    tiers = open_item(window, "032")
    tiers.boxes[0].click()
    tiers.boxes[2].click()
    assert score_text(window, "032") == "1.00"
    tiers.boxes[1].click()
    assert score_text(window, "032") == "2.00"
    assert level_points(window, (4,)) == 2


def test_sum_of_parts_with_one_sub_editor_each(window: MainWindow) -> None:
    editor = open_item(window, "019")
    assert isinstance(editor, SumEditor)
    assert len(editor.parts) == 3
    editor.parts[0].spin.setValue(0.8)
    assert window.model.sheet.items["019"].partial
    assert score_text(window, "019") == "0.80"
    assert not window.model.sheet.items["019"].scored
    editor.parts[1].spin.setValue(0.6)
    editor.parts[2].spin.setValue(0.4)
    assert window.model.sheet.items["019"].scored
    assert score_text(window, "019") == "1.80"


def test_sum_with_a_yes_no_and_a_capped_checklist(window: MainWindow) -> None:
    editor = open_item(window, "030")
    editor.parts[0].group.button(0).click()
    for box in editor.parts[1].boxes:
        box.click()
    assert score_text(window, "030") == "4.00"


def test_an_impossible_input_is_refused_at_the_field_and_not_saved(window: MainWindow) -> None:
    editor = open_item(window, "021")
    editor.numerator.setValue(10)
    editor.denominator.setValue(9)
    assert not editor.problem.isHidden()
    assert (
        editor.problem.text() == "挂接具体数据资源的目录数 10 超过了部门目录总数 9"
    )  # Chinese, named as the table does
    assert editor.numerator.property("invalid")
    assert score_text(window, "021") == "—"
    assert window.workspace.inputs(window.assessment.id) == {}
    editor.denominator.setValue(0)
    assert editor.denominator.property("invalid")
    assert editor.problem.text() == "部门目录总数不能为 0"
    editor.denominator.setValue(12)
    assert editor.problem.isHidden()
    assert score_text(window, "021") == "2.50"


def test_undo_and_redo_restore_the_numbers(window: MainWindow) -> None:
    editor = open_item(window, "005")
    editor.group.button(0).click()
    open_item(window, "033").group.button(0).click()
    assert window.gauge.total_text == "5.00 / 100"
    window.menu_actions.undo_action.trigger()
    assert window.gauge.total_text == "3.00 / 100"
    assert score_text(window, "033") == "—"
    assert window.panel.editor.group.checkedId() == -1  # the editor shows the restored input
    window.menu_actions.undo_action.trigger()
    assert window.gauge.total_text == "0.00 / 100"
    window.menu_actions.redo_action.trigger()
    window.menu_actions.redo_action.trigger()
    assert window.gauge.total_text == "5.00 / 100"
    assert window.workspace.inputs(window.assessment.id) == {"005": {"yes": True}, "033": {"yes": True}}


def test_typing_quickly_makes_one_undo_step(window: MainWindow) -> None:
    editor = open_item(window, "004")
    editor.spin.setValue(2)
    editor.spin.setValue(2.5)
    assert window.undo_stack.count() == 1
    window.menu_actions.undo_action.trigger()
    assert score_text(window, "004") == "—"


def test_notes_are_saved_and_undoable(window: MainWindow) -> None:
    open_item(window, "004")
    window.panel.note.setPlainText("计财科补充材料")
    window.panel.note.flush()
    assert window.workspace.notes(window.assessment.id) == {"004": "计财科补充材料"}
    window.menu_actions.undo_action.trigger()
    assert window.workspace.notes(window.assessment.id) == {}
    assert window.panel.note.toPlainText() == ""


def test_a_full_disk_is_reported_and_nothing_changes(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_item(window, "004")
    fill_disk(window.workspace)
    window.panel.note.setPlainText("很长的说明" * 20000)
    window.panel.note.flush()
    qtbot.waitUntil(lambda: window.last_message is not None and window.last_message.isVisible())
    reported = window.last_message.text()
    assert "004 的说明没有保存" in reported  # in the UI's language, naming the field
    assert "磁盘已满" in reported
    assert window.undo_stack.count() == 0
    assert window.workspace.notes(window.assessment.id) == {}


@pytest.mark.parametrize(
    "rule",
    [
        {"type": "deduct", "start": 4, "per": 0.5, "floor": 0, "unit": "错报漏报（处）"},
        {"type": "pass_fail"},
    ],
)
def test_the_other_rule_types_have_editors_too(qtbot, workspace: Workspace, rule: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    data = {
        "title": "测试",
        "year": 2020,
        "total_points": 4,
        "tree": [
            {
                "name": "A",
                "points": 4,
                "items": [
                    {"code": "A1", "points": 4 if rule["type"] != "pass_fail" else 0, "rule": "…", "scoring": rule}
                ],
            }
        ],
    }
    system = workspace.add_system(data, key=f"test:{rule['type']}").system_id
    assessment = workspace.create_assessment(system, "本单位", 2020).assessment_id
    workspace.set_setting("current_assessment", assessment)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    editor = open_item(window, "A1")
    if rule["type"] == "deduct":
        editor.spin.setValue(3)
        assert score_text(window, "A1") == "2.50"
    else:
        editor.group.button(1).click()
        assert window.model.sheet.items["A1"].level == 1
        assert window.workspace.inputs(assessment) == {"A1": {"level": 1}}
    assert template_data("builtin:2019")  # the 2019 system is untouched beside it


def test_an_invalid_value_left_behind_is_announced_and_can_be_corrected(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "008")
    editor.spin.setFocus()
    qtbot.keyClicks(editor.spin, "12")  # no Enter: the person clicks another item
    seen: list[str] = []
    answer_next_message(window, "返回修改", seen)
    window.select_item("022")
    qtbot.waitUntil(lambda: bool(seen) and window.panel.item is not None and window.panel.item.code == "008")
    assert "008" in seen[0]
    assert "“12”" in seen[0]
    assert window.panel.editor.spin.text() == "12"
    assert window.panel.editor.spin.property("invalid")
    assert window.workspace.inputs(window.assessment.id) == {}


def test_an_invalid_value_can_be_discarded_when_moving_on(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "028")
    editor.spin.setFocus()
    qtbot.keyClicks(editor.spin, "17")
    seen: list[str] = []
    answer_next_message(window, "放弃输入", seen)
    window.select_item("022")
    qtbot.waitUntil(lambda: bool(seen))
    assert window.panel.item is not None
    assert window.panel.item.code == "022"
    assert window.workspace.inputs(window.assessment.id) == {}


def test_a_valid_value_typed_without_enter_is_saved_when_moving_on(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_item(window, "022")
    editor.spin.setFocus()
    qtbot.keyClicks(editor.spin, "2.5")
    window.select_item("023")
    assert window.workspace.inputs(window.assessment.id) == {"022": {"score": 2.5}}


def test_a_new_item_shows_from_its_top(window: MainWindow) -> None:
    open_item(window, "030")
    window.panel.verticalScrollBar().setValue(window.panel.verticalScrollBar().maximum())
    open_item(window, "031")
    assert window.panel.verticalScrollBar().value() == 0


def test_refusals_are_worded_in_english_in_the_english_ui(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))
    try:
        editor = open_item(window, "021")
        editor.numerator.setValue(1)
        editor.denominator.setValue(0)
        assert "denominator" in editor.problem.text()
    finally:
        QLocale.setDefault(QLocale("zh_CN"))


def test_a_rate_above_100_percent_is_refused_in_percent(window: MainWindow) -> None:
    editor = open_item(window, "011")
    editor.rate.setValue(120)
    assert editor.problem.text() == "比率不能超过 100%。"
    assert window.workspace.inputs(window.assessment.id) == {}


def test_passing_over_items_saves_nothing(window: MainWindow) -> None:
    """Search moving the selection over 002 (a checklist) once saved it as "none ticked" = 0 points."""
    for code in ("001", "002", "005", "006", "021", "030", "019"):
        open_item(window, code)
    window.select_item("022")
    assert window.workspace.inputs(window.assessment.id) == {}


def test_unticking_the_last_condition_keeps_a_score_of_none_ticked(window: MainWindow) -> None:
    editor = open_item(window, "002")
    editor.boxes[0].click()
    editor.boxes[0].click()
    assert window.workspace.inputs(window.assessment.id) == {"002": {"checked": []}}


def test_undo_never_overwrites_a_value_changed_elsewhere(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.cli import main as cli

    editor = open_item(window, "022")
    type_into(qtbot, editor.spin, "2")
    folder = str(window.workspace.folder)
    assert cli(["workspace", "set", "--workspace", folder, "022", '{"score": 3}']) == 0  # someone else, meanwhile
    window.menu_actions.undo_action.trigger()
    said = window.last_message.text()
    assert "别处" in said
    assert window.workspace.inputs(window.assessment.id) == {"022": {"score": 3}}
    assert window.undo_stack.count() == 0


def test_closing_with_a_refused_value_asks_first(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import answer

    editor = open_item(window, "008")
    editor.spin.setFocus()
    qtbot.keyClicks(editor.spin, "12")
    window.close()
    assert window.isVisible()  # not yet: the person is asked
    assert "12" in answer(window, qtbot, "返回修改")
    assert window.isVisible()
    window.close()
    answer(window, qtbot, "不保存并关闭")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.workspace.inputs(window.assessment.id) == {}
