"""The assessment's deadline in its details dialog: set apart from the details, as its own undoable step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from egov_desk.core.deadlines import deadlines
from egov_desk.core.workspace import Workspace
from egov_desk.ui.details_editing import edit_details
from egov_desk.ui.dialogs.assessment_details import AssessmentDetailsDialog
from egov_desk.ui.main_window import MainWindow


def test_a_deadline_given_in_the_details_is_set_and_undone(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = edit_details(window.context)  # 文件 → 考评信息
    assert isinstance(dialog, AssessmentDetailsDialog)
    assert dialog.no_deadline.isChecked()
    dialog.no_deadline.setChecked(False)
    dialog.deadline.setDate(QDate(2019, 12, 20))
    dialog.unit.setText(window.assessment.unit)
    dialog.accept()
    assert dialog.deadline_changed
    assert "deadline" not in dialog.details  # set by its own write
    assert deadlines(workspace, window.assessment.id).assessment == date(2019, 12, 20)
    window.undo_stack.undo()
    assert deadlines(workspace, window.assessment.id).assessment is None


def test_the_dialog_shows_the_deadline_set_and_leaves_it_alone_when_not_changed(  # type: ignore[no-untyped-def]
    window: MainWindow, workspace: Workspace, qtbot
) -> None:
    from egov_desk.core.deadlines import set_deadline

    set_deadline(workspace, window.assessment.id, date(2019, 12, 1))
    dialog = AssessmentDetailsDialog(workspace.assessment(window.assessment.id), parent=window)
    qtbot.addWidget(dialog)
    assert not dialog.no_deadline.isChecked()
    assert dialog.deadline.date() == QDate(2019, 12, 1)
    dialog.unit.setText("测试单位")
    dialog.accept()
    assert not dialog.deadline_changed
