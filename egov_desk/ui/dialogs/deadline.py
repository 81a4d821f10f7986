"""设置截止日期…: the optional deadline of an item, a department or the whole assessment — chosen in the dialog
itself (the item selected, its lead department or another one, or the assessment), so no selection is needed;
the date typed as a person writes it (:class:`~egov_desk.ui.widgets.date_field.DateField`); undoable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from egov_desk.core.deadlines import deadlines, set_deadline
from egov_desk.ui.undo import Step, push
from egov_desk.ui.widgets.date_field import DateField

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


@dataclass(frozen=True)
class Target:
    """What a deadline can be set for: an item, a department, or (both None) the whole assessment."""

    words: str
    code: str | None = None
    department: str | None = None
    current: date | None = None  # the deadline set for exactly this now


def deadline_targets(context: WindowContext, code: str | None, department: str | None) -> tuple[list[Target], int]:
    """The item ``code`` (when one is selected), its lead department, the department ``department``, every other
    department, the whole assessment — and which of them is chosen at first (the item, else the department, else
    the assessment)."""
    shown = deadlines(context.workspace, context.assessment.id)
    translate = QCoreApplication.translate
    targets: list[Target] = []
    lead = ""
    if code is not None:
        item = context.workspace.system(context.assessment.system_id).item(code)
        lead = item.lead
        words = translate("DeadlineDialog", "item %1 %2").replace("%1", code).replace("%2", item.title)
        targets.append(Target(words, code=code, current=shown.items.get(code)))
    names = [name for name in context.departments() if name]
    for name in names if not lead or lead not in names else [lead, *(n for n in names if n != lead)]:
        words = deadline_target(None, name)
        if name == lead:
            words = translate("DeadlineDialog", "department %1 (lead of item %2)").replace("%1", name)
            words = words.replace("%2", code or "")
        targets.append(Target(words, department=name, current=shown.departments.get(name)))
    targets.append(Target(deadline_target(None, None), current=shown.assessment))
    if code is not None:
        return targets, 0
    chosen = next((n for n, t in enumerate(targets) if department and t.department == department), len(targets) - 1)
    return targets, chosen


class DeadlineDialog(QDialog):
    """For what (a combo), the date (empty: no deadline); ``chosen`` and ``target`` once accepted."""

    def __init__(self, targets: list[Target], first: int, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineDialog")
        self.setWindowTitle(self.tr("Set deadline"))
        self.setMinimumWidth(460)  # the title and the longest department in full
        self.targets = targets
        self.chosen: date | None = None
        layout = QFormLayout(self)
        self.what = QComboBox()
        self.what.setObjectName("deadlineFor")
        for target in targets:
            self.what.addItem(target.words)
        for_label = QLabel(self.tr("&For:"))
        for_label.setBuddy(self.what)
        layout.addRow(for_label, self.what)
        self.date = DateField(self.tr("Due by"), year)
        self.date.line.setObjectName("deadlineDate")
        date_label = QLabel(self.tr("&Due by:"))
        date_label.setBuddy(self.date.line)
        layout.addRow(date_label, self.date)
        layout.addRow("", self.date.hint)
        note = QLabel(self.tr("Empty: no deadline."))
        note.setStyleSheet("color: #475569;")
        layout.addRow("", note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.what.currentIndexChanged.connect(self._show_current)
        self.what.setCurrentIndex(first)
        self._show_current(first)
        self.date.line.setFocus()
        self.date.line.selectAll()

    @property
    def target(self) -> Target:
        return self.targets[self.what.currentIndex()]

    def _show_current(self, index: int) -> None:
        self.date.set_date(self.targets[index].current)

    def accept(self) -> None:
        """Refused while the date typed is no date (the field says why); else the date as typed."""
        if not self.date.check():
            self.date.line.setFocus()
            return
        self.chosen = self.date.value()
        super().accept()


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
    """Open the dialog (without blocking), the item ``code`` (else ``department``, else the assessment) chosen at
    first; on OK the deadline of what is chosen then is set, undoably."""
    targets, first = deadline_targets(context, code, department)
    dialog = DeadlineDialog(targets, first, context.assessment.year, context.parent)

    def accepted() -> None:
        target = dialog.target
        change_deadline(context, dialog.chosen, target.code, target.department)
        if done is not None:
            done()

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def assessment_deadline_given(context: WindowContext, dialog: AssessmentDetailsDialog) -> None:
    """The assessment details dialog accepted: its deadline, when changed, set as its own undoable step."""
    if dialog.deadline_changed:
        change_deadline(context, dialog.deadline_given, None, None)
