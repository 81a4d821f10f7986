"""File → New assessment…: the creation is one undoable step, undone while nothing was entered into it."""

from __future__ import annotations

from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.new_assessment import NewAssessmentDialog
from egov_desk.ui.main_window import MainWindow


def test_a_new_assessment_is_removed_again_by_its_undo(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = [a.id for a in workspace.assessments()]
    dialog = NewAssessmentDialog(workspace, window)
    dialog.year.setValue(2021)
    dialog.accept()
    assert dialog.created is not None
    assert [a.id for a in workspace.assessments()] == [*before, dialog.created]

    step = dialog.undo_step(window.report_failure, window.apply)
    window.undo_stack.push(step)  # made already: pushing it creates nothing more
    assert len(workspace.assessments()) == len(before) + 1
    window.undo_stack.undo()
    assert [a.id for a in workspace.assessments()] == before


def test_an_assessment_with_a_score_is_not_removed_by_the_undo(window: MainWindow, workspace: Workspace) -> None:
    dialog = NewAssessmentDialog(workspace, window)
    dialog.accept()
    assert dialog.created is not None
    window.undo_stack.push(dialog.undo_step(window.report_failure, window.apply))
    workspace.set_input(dialog.created, "004", {"score": 0.5})
    window.undo_stack.undo()
    assert dialog.created in [a.id for a in workspace.assessments()]
    assert "得分或说明" in window.last_message.text()


def test_a_blank_new_assessment_proposes_the_year_after_the_latest_assessed(
    window: MainWindow, workspace: Workspace
) -> None:
    dialog = NewAssessmentDialog(workspace, window)
    assert dialog.year.value() == 2020  # 2019's table is assessed for 2019 already
    workspace.create_assessment(1, "本单位", 2020)
    again = NewAssessmentDialog(workspace, window)
    assert again.year.value() == 2021
