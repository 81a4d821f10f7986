"""The indicator system editor, the real dialog over a real workspace: item 030 rebuilt from nothing by keyboard
and forms scores as the built-in one; moves, undo, findings that lead to their place, saving as a new version and
moving the assessment onto it as one undoable step of the window."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from egov_desk.core.scoring import score_item
from egov_desk.core.system_draft import Place, SystemDraft
from egov_desk.core.templates import load_template, template_data
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.system_editor import SystemEditor
from egov_desk.ui.system_editor.draft_tree import drop_place
from egov_desk.ui.system_editor.rule_form import RuleForm

TOP = "政务信息资源交换共享和开发利用"
ELEMENTS = ("数据字段", "格式", "共享范围", "共享方式", "更新频率")
INPUTS_030 = (
    {"parts": [{"yes": True}, {"checked": [0, 1, 2, 3, 4]}]},
    {"parts": [{"yes": False}, {"checked": [0, 2, 4]}]},
    {"parts": [{"yes": True}, {"checked": [1]}]},
)


def without_030() -> dict[str, Any]:
    data = copy.deepcopy(template_data("builtin:2019"))
    top = next(level for level in data["tree"] if level["name"] == TOP)
    top["children"] = [child for child in top["children"] if child["name"] != "明确信息共享需求"]
    top["points"] = top["points"] - 4
    data["title"] = "2019 无 030"
    return data


def open_editor(window: MainWindow, qtbot: QtBot) -> SystemEditor:
    action = next(a for a in window.findChildren(QAction) if a.text() == window.menus.tr("&Edit the indicator system…"))
    action.trigger()
    editor = window.system_editor
    qtbot.waitExposed(editor)
    return editor


def window_on_system_without_030(window: MainWindow, workspace: Workspace) -> int:
    system = workspace.add_system(without_030(), "test:no-030").system_id
    assessment = workspace.create_assessment(system, "测试单位", 2019).assessment_id
    window.switch_to_assessment(assessment)
    return assessment


def finish(field: QLineEdit, text: str) -> None:
    field.setText(text)
    field.editingFinished.emit()


def select(editor: SystemEditor, name: str) -> None:
    place = next(p for p in editor.draft.places() if not p.is_item and editor.draft.entry(p).get("name") == name)
    editor.tree.select(place)
    editor.tree.setFocus()


def key(
    editor: SystemEditor, qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(editor.tree, which, modifier)


def rule_form(editor: SystemEditor) -> RuleForm:
    assert editor.rule_form is not None
    return editor.rule_form


def test_item_030_rebuilt_in_the_editor_scores_as_the_built_in_one(
    window: MainWindow, workspace: Workspace, qtbot
) -> None:
    assessment = window_on_system_without_030(window, workspace)
    editor = open_editor(window, qtbot)
    assert editor.draft.find("030") is None
    built_in = load_template("builtin:2019").item("030")

    select(editor, TOP)
    finish(editor.level_form.points, "28")
    key(editor, qtbot, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)  # a level after it …
    key(editor, qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # … into it, last
    finish(editor.level_form.name, "明确信息共享需求")
    finish(editor.level_form.points, "4")
    key(editor, qtbot, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    key(editor, qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    finish(editor.level_form.name, "明确信息共享需求")
    finish(editor.level_form.points, "4")
    key(editor, qtbot, Qt.Key.Key_Insert)  # an item in it

    form = editor.item_form
    finish(form.code, "030")
    finish(form.points, "4")
    form.rule_text.setPlainText(built_in.rule_text)
    form.rule_text.finished.emit()
    form.evidence.setPlainText(built_in.evidence_text)
    form.evidence.finished.emit()
    finish(form.lead, "信息中心")

    rule_form(editor).choose_type("sum")
    first = rule_form(editor).part_forms[0]
    first.choose_type("yes_no")
    first = rule_form(editor).part_forms[0]
    first.set_field("points", "2")
    finish(first.label_field, "专门分析信息共享需求")
    rule_form(editor).add_part()
    second = rule_form(editor).part_forms[1]
    second.choose_type("checklist")
    second = rule_form(editor).part_forms[1]
    second.fill_table("items", [[label, "0.5"] for label in ELEMENTS])
    second.set_field("cap", "2")
    finish(second.label_field, "明确共享目录要素")

    place = editor.draft.find("030")
    assert place is not None
    assert editor.findings == []
    item = editor.draft.system().item("030")
    assert item.path == built_in.path
    assert (item.points, item.rule_text, item.lead, item.requirements) == (
        built_in.points,
        built_in.rule_text,
        built_in.lead,
        built_in.requirements,
    )
    assert item.scoring.to_dict() == built_in.scoring.to_dict()

    # the live preview is the real score editor: ticking its boxes scores as the item will
    preview = editor.preview_editor
    assert preview is not None
    preview.findChildren(QCheckBox)[0].click()
    assert "0.50" in preview.preview.text()

    editor.save_button.click()
    question = editor.last_message
    assert question is not None
    assert "030" in question.text()  # what moving would change: the item added
    next(b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.YesRole).click()
    qtbot.waitUntil(lambda: window.model.sheet.system.title == "2019 无 030" and "030" in window.model.item_codes())
    moved_to = workspace.assessment(assessment).system_id
    for inp in INPUTS_030:
        window.edit_input("030", inp)
        assert window.model.sheet.items["030"].points == score_item(built_in, inp).points
    assert workspace.system(moved_to).item("030").scoring.to_dict() == built_in.scoring.to_dict()


def test_saving_and_moving_is_one_step_of_the_window_undone_by_moving_back(
    window: MainWindow, workspace: Workspace, qtbot
) -> None:
    before = window.assessment
    editor = open_editor(window, qtbot)
    editor.tree.select(editor.draft.find("021"))
    finish(editor.item_form.name, "资源挂接")
    editor.save_button.click()
    question = editor.last_message
    assert question is not None
    next(b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.YesRole).click()
    new_version = workspace.assessment(before.id).system_id
    assert new_version != before.system_id
    qtbot.waitUntil(lambda: window.model.sheet.system.item("021").name == "资源挂接")
    assert window.undo_stack.count() == 1

    window.undo_stack.undo()
    assert workspace.assessment(before.id).system_id == before.system_id
    assert new_version not in [system.id for system in workspace.systems()]
    qtbot.waitUntil(lambda: window.model.sheet.system.item("021").name == "")


def test_the_editor_has_its_own_undo_and_keyboard_moves(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    first = editor.draft.to_interchange()
    editor.tree.select(editor.draft.find("026"))
    editor.tree.setFocus()
    level_025 = editor.draft.find("025")
    assert level_025 is not None
    key(editor, qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.tree.current_place() == editor.draft.find("026")
    assert editor.draft.find("026") == Place(level_025.level, 0)
    key(editor, qtbot, Qt.Key.Key_Delete)
    assert editor.draft.find("026") is None
    assert window.undo_stack.count() == 0  # nothing reached the window or the workspace
    assert editor.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)  # Ctrl+Z in the editor
    assert QKeySequence("Ctrl+Y") in editor.redo_action.shortcuts()
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.draft.to_interchange() == first
    editor.redo_action.trigger()
    assert editor.draft.find("026") == Place(level_025.level, 0)


def test_a_finding_leads_to_its_place_and_stops_saving(window: MainWindow, workspace: Workspace, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    systems = len(workspace.systems())
    select(editor, TOP)
    finish(editor.level_form.name, "")
    errors = [f for f in editor.findings if f.kind == "level_unnamed"]
    assert len(errors) == 1
    editor.tree.select(editor.draft.find("021"))
    row = next(
        editor.problems.item(n) for n in range(editor.problems.count()) if "没有名称" in editor.problems.item(n).text()
    )
    editor.problems.itemClicked.emit(row)
    assert editor.tree.current_place() == errors[0].place
    editor.save_button.click()
    assert editor.last_message is not None
    assert len(workspace.systems()) == systems


def test_a_rule_whose_points_do_not_fit_is_found_as_it_is_typed(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    editor.tree.select(editor.draft.find("021"))
    rule_form(editor).choose_type("yes_no")
    rule_form(editor).set_field("points", "5")
    assert [f.kind for f in editor.findings] == ["rule_points"]
    assert "021" in editor.problems.item(0).text()


def test_drops_become_moves_counted_after_the_entry_has_left() -> None:
    below, above, on = (
        QAbstractItemView.DropIndicatorPosition.BelowItem,
        QAbstractItemView.DropIndicatorPosition.AboveItem,
        QAbstractItemView.DropIndicatorPosition.OnItem,
    )
    assert drop_place(Place((0,), 0), Place((0,), 2), below) == Place((0,), 2)
    assert drop_place(Place((0,), 3), Place((0,), 1), above) == Place((0,), 1)
    assert drop_place(Place((0,), 0), Place((1,)), on) == Place((1,), -1)
    assert drop_place(Place((0,)), Place((0, 1)), on) is None  # a level into itself
    assert drop_place(Place((0,)), Place((2,)), on) == Place((1, -1))
    assert drop_place(Place((0,), 0), Place((1,)), below) is None  # an item beside a level


def test_the_edited_system_exports_as_json_and_fits_a_small_screen(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    editor = open_editor(window, qtbot)
    editor.resize(1000, 700)
    assert editor.minimumSizeHint().width() <= 1024
    assert editor.minimumSizeHint().height() <= 740
    editor.tree.select(editor.draft.find("020"))
    finish(editor.item_form.lead, "办公室")
    editor.export_json(tmp_path / "system.json")
    data = json.loads((tmp_path / "system.json").read_text(encoding="utf-8"))
    exported = SystemDraft(data)
    place = exported.find("020")
    assert place is not None
    assert exported.entry(place)["lead"] == "办公室"


def test_the_edited_system_exports_as_an_excel_table_the_importer_reads(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from egov_desk.core.importers.pipeline import import_table
    from egov_desk.ui.system_editor.exports import xlsx_writer

    editor = open_editor(window, qtbot)
    if xlsx_writer() is None:
        assert not editor.xlsx_button.isEnabled()
        assert editor.xlsx_button.toolTip()
        return
    editor.tree.select(editor.draft.find("020"))
    finish(editor.item_form.lead, "办公室")
    editor.export_xlsx(tmp_path / "system.xlsx")
    assert editor.last_message is not None
    assert editor.last_message.icon() == QMessageBox.Icon.Information
    read_back = SystemDraft(import_table(tmp_path / "system.xlsx").data)
    place = read_back.find("020")
    assert place is not None
    assert read_back.entry(place)["lead"] == "办公室"
