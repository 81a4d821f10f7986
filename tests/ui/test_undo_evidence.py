"""Every evidence and checklist edit in the window is one undo step: attach, add, rename, move and remove a
requirement, date a file; and File → New assessment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import EVIDENCE
from tests.ui.test_evidence_ui import drop, write_pdf


def answer_next_dialog(text: str | None = None) -> None:
    """Type ``text`` into the dialog about to open (it runs its own event loop) and accept it."""

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, accept)
            return
        if text is not None:
            assert isinstance(dialog, QInputDialog)
            dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(20, accept)


def requirements(window: MainWindow, code: str = "002") -> list[str]:
    return [r.text for r in window.workspace.evidence.item_evidence(window.assessment.id, code).requirements]


def shown_requirements(window: MainWindow) -> list[str]:
    tree = window.panel.evidence.tree
    return [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]


def test_an_attach_is_undone_and_redone(window: MainWindow, tmp_path: Path) -> None:
    window.runner.synchronous = True
    window.select_item("002")
    drop(window, [write_pdf(tmp_path / "计划.pdf")], row=1)
    assert window.model.index_of_item("002", EVIDENCE).data() == "1/2"
    window.menu_actions.undo_action.trigger()
    assert window.workspace.evidence.files(window.assessment.id) == []
    assert window.model.index_of_item("002", EVIDENCE).data() == "0/2"
    assert window.panel.evidence.tree.topLevelItem(1).text(1) == "缺"
    window.menu_actions.redo_action.trigger()
    assert [f.name for f in window.workspace.evidence.files(window.assessment.id, "002")] == ["计划.pdf"]
    assert window.model.index_of_item("002", EVIDENCE).data() == "1/2"
    assert window.panel.evidence.tree.topLevelItem(1).text(1) == "已收集"
    window.menu_actions.undo_action.trigger()  # the links put back are the ones undone next
    assert window.workspace.evidence.files(window.assessment.id) == []


def test_adding_a_requirement_is_undone_and_redone(window: MainWindow) -> None:
    window.select_item("002")
    before = requirements(window)
    answer_next_dialog("会议签到表")
    window.evidence_actions.edit_requirement("add", None)
    assert requirements(window) == [*before, "会议签到表"]
    assert window.model.index_of_item("002", EVIDENCE).data() == f"0/{len(before) + 1}"
    window.menu_actions.undo_action.trigger()
    assert requirements(window) == before
    assert window.model.index_of_item("002", EVIDENCE).data() == f"0/{len(before)}"
    window.menu_actions.redo_action.trigger()
    assert requirements(window) == [*before, "会议签到表"]


def test_renaming_a_requirement_is_undone_and_redone(window: MainWindow) -> None:
    window.select_item("002")
    before = requirements(window)
    first = window.workspace.evidence.item_evidence(window.assessment.id, "002").requirements[0].id
    answer_next_dialog("年度工作计划（正式印发）")
    window.evidence_actions.edit_requirement("rename", first)
    assert requirements(window)[0] == "年度工作计划（正式印发）"
    assert "年度工作计划（正式印发）" in shown_requirements(window)[0]
    window.menu_actions.undo_action.trigger()
    assert requirements(window) == before
    window.menu_actions.redo_action.trigger()
    assert requirements(window)[0] == "年度工作计划（正式印发）"


def test_moving_a_requirement_is_undone_and_redone(window: MainWindow) -> None:
    window.select_item("002")
    before = requirements(window)
    second = window.workspace.evidence.item_evidence(window.assessment.id, "002").requirements[1].id
    window.evidence_actions.edit_requirement("up", second)
    assert requirements(window) == [before[1], before[0], *before[2:]]
    window.menu_actions.undo_action.trigger()
    assert requirements(window) == before
    window.menu_actions.redo_action.trigger()
    assert requirements(window)[0] == before[1]


def test_a_move_past_the_end_is_no_step(window: MainWindow) -> None:
    window.select_item("002")
    first = window.workspace.evidence.item_evidence(window.assessment.id, "002").requirements[0].id
    window.evidence_actions.edit_requirement("up", first)
    assert not window.undo_stack.canUndo()


def test_removing_a_requirement_puts_it_back_at_its_place_on_undo(window: MainWindow) -> None:
    window.select_item("002")
    before = requirements(window)
    first = window.workspace.evidence.item_evidence(window.assessment.id, "002").requirements[0].id
    window.evidence_actions.edit_requirement("remove", first)
    assert requirements(window) == before[1:]
    assert len(shown_requirements(window)) == len(before)  # one requirement fewer, and 本项其他材料
    window.menu_actions.undo_action.trigger()
    assert requirements(window) == before
    window.menu_actions.redo_action.trigger()
    assert requirements(window) == before[1:]
    window.menu_actions.undo_action.trigger()
    assert requirements(window) == before


def test_a_refused_edit_leaves_the_redo_steps_as_they_were(window: MainWindow, tmp_path: Path) -> None:
    window.runner.synchronous = True
    window.select_item("002")
    [first, second, *_] = window.workspace.evidence.item_evidence(window.assessment.id, "002").requirements
    drop(window, [write_pdf(tmp_path / "计划.pdf")], row=1)  # the second requirement now has a file
    window.evidence_actions.edit_requirement("remove", first.id)
    window.menu_actions.undo_action.trigger()
    redo_text = window.menu_actions.redo_action.text()
    window.evidence_actions.edit_requirement("remove", second.id)  # refused: it has files
    assert second.text in requirements(window)
    assert window.undo_stack.canRedo()
    assert window.menu_actions.redo_action.text() == redo_text
    window.menu_actions.redo_action.trigger()  # the redo offered still does what it says
    assert first.text not in requirements(window)


def test_a_file_date_is_undone_and_redone(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    window.select_item("002")
    drop(window, [write_pdf(tmp_path / "计划.pdf")], row=0)
    [file] = window.workspace.evidence.files(window.assessment.id)
    window.evidence_actions.set_date(file)
    dialog = window.evidence_actions.date_dialog
    assert dialog is not None
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, "2019.5.1")
    dialog.accept()
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date == date(2019, 5, 1)
    window.menu_actions.undo_action.trigger()
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date is None
    window.menu_actions.redo_action.trigger()
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date == date(2019, 5, 1)


def test_file_new_assessment_is_an_undo_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = [a.id for a in window.workspace.assessments()]
    answer_next_dialog()
    window.menus.new_assessment()
    [created] = [a.id for a in window.workspace.assessments() if a.id not in before]
    assert window.assessment.id == created
    assert window.undo_stack.canUndo()
    window.menu_actions.undo_action.trigger()
    assert [a.id for a in window.workspace.assessments()] == before
    qtbot.waitUntil(lambda: window.assessment.id in before)  # another assessment is shown
