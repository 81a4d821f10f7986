"""设置截止日期…: the optional deadline of an item, a department or the whole assessment; undoable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from egov_desk.core.deadlines import deadlines, set_deadline
from egov_desk.ui.undo import Step, push

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.dialogs.assessment_details import AssessmentDetailsDialog


def deadline_target(code: str | None, department: str | None) -> str:
    """What the deadline is for, in words."""
    if code is not None:
        return QCoreApplication.translate("DeadlineDialog", "item %1").replace("%1", code)
    if department is not None:
        return QCoreApplication.translate("DeadlineDialog", "department %1").replace("%1", department)
    return QCoreApplication.translate("DeadlineDialog", "the whole assessment")


class DeadlineDialog(QDialog):
    """A date, or no deadline; ``chosen`` once accepted."""

    def __init__(self, what: str, current: date | None, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineDialog")
        self.setWindowTitle(self.tr("Set deadline"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("For:"), QLabel(what))
        self.date = QDateEdit()
        self.date.setObjectName("deadlineDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        shown = current or date(year, 12, 31)
        self.date.setDate(QDate(shown.year, shown.month, shown.day))
        self.none = QCheckBox(self.tr("&No deadline"))
        self.none.setChecked(current is None)
        self.none.toggled.connect(lambda on: self.date.setEnabled(not on))
        self.date.setEnabled(current is not None)
        date_label = QLabel(self.tr("&Due by:"))
        date_label.setBuddy(self.date)
        layout.addRow(date_label, self.date)
        layout.addRow("", self.none)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    @property
    def chosen(self) -> date | None:
        if self.none.isChecked():
            return None
        picked = self.date.date()
        return date(picked.year(), picked.month(), picked.day())


def current_deadline(context: WindowContext, code: str | None, department: str | None) -> date | None:
    """The deadline set for exactly this (not what it falls back to)."""
    shown = deadlines(context.workspace, context.assessment.id)
    if code is not None:
        return shown.items.get(code)
    if department is not None:
        return shown.departments.get(department)
    return shown.assessment


def change_deadline(context: WindowContext, when: date | None, code: str | None, department: str | None) -> bool:
    """Set the deadline as one undoable step (undo sets the one before again); False when refused."""
    assessment = context.assessment.id
    before = current_deadline(context, code, department)
    workspace = context.workspace
    text = QCoreApplication.translate("DeadlineDialog", "Deadline of %1").replace(
        "%1", deadline_target(code, department)
    )
    step = Step(
        text,
        lambda: set_deadline(workspace, assessment, when, code=code, department=department),
        lambda: set_deadline(workspace, assessment, before, code=code, department=department),
        context.apply,
        context.report_failure,
    )
    return push(context.undo_stack, step)


def ask_deadline(
    context: WindowContext, code: str | None, department: str | None, done: Callable[[], None] | None = None
) -> DeadlineDialog:
    """Open the dialog (without blocking); on OK the deadline is set, undoably."""
    what = deadline_target(code, department)
    dialog = DeadlineDialog(what, current_deadline(context, code, department), context.assessment.year, context.parent)

    def accepted() -> None:
        change_deadline(context, dialog.chosen, code, department)
        if done is not None:
            done()

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def assessment_deadline_given(context: WindowContext, dialog: AssessmentDetailsDialog) -> None:
    """The assessment details dialog accepted: its deadline, when changed, set as its own undoable step."""
    if dialog.deadline_changed:
        change_deadline(context, dialog.deadline_given, None, None)
