"""The assessment's deadline in its details dialog: set apart from the details, as its own undoable step."""

from __future__ import annotations

from datetime import date

from egov_desk.core.deadlines import deadlines
from egov_desk.core.workspace import Workspace
from egov_desk.ui.details_editing import edit_details
from egov_desk.ui.dialogs.assessment_details import AssessmentDetailsDialog
from egov_desk.ui.main_window import MainWindow


def test_a_deadline_given_in_the_details_is_set_and_undone(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = edit_details(window.context)  # 文件 → 考评信息
    assert isinstance(dialog, AssessmentDetailsDialog)
    assert dialog.deadline.text() == ""  # no deadline
    dialog.deadline.set_date(date(2019, 12, 20))
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
    assert dialog.deadline.value() == date(2019, 12, 1)
    dialog.unit.setText("测试单位")
    dialog.accept()
    assert not dialog.deadline_changed


def test_a_deadline_typed_is_saved_as_typed_or_refused(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    dialog = edit_details(window.context)
    assert isinstance(dialog, AssessmentDetailsDialog)
    dialog.unit.setText(window.assessment.unit)
    field = dialog.deadline.line
    field.setText("2019-12-31")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "2020-13-01")
    dialog.accept()
    assert dialog.isVisible()  # refused, the field named
    assert dialog.tr("Deadline") in dialog.deadline.hint.text()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "2020/6/30")
    dialog.accept()
    assert deadlines(workspace, window.assessment.id).assessment == date(2020, 6, 30)
