"""File → New assessment…: one indicator system × one unit × one year, empty or carried over from an existing
assessment (this year from last year: the matching dialog, :mod:`egov_desk.ui.dialogs.carry_over`, first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from egov_desk.core.carry_over import Carried, carry_title, plan_carry_over, undo_carry_over
from egov_desk.core.changes import Changes
from egov_desk.core.errors import EgovError
from egov_desk.core.messages import say
from egov_desk.core.workspace import Workspace, WorkspaceError
from egov_desk.ui.dialogs.carry_over import CarryOverDialog
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Runner
from egov_desk.ui.undo import Step


class NewAssessmentDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        window_runner = getattr(parent, "runner", None)
        self.runner = runner or (window_runner if isinstance(window_runner, Runner) else Runner(self))
        self.created: int | None = None
        self.carried: Carried | None = None
        self.matching: CarryOverDialog | None = None
        self.setWindowTitle(self.tr("New assessment"))
        self.source = QComboBox()
        self.source.addItem(self.tr("(none: start empty)"), None)
        for assessment in workspace.assessments():
            self.source.addItem(assessment.label, assessment.id)
        self.source.setAccessibleName(self.tr("Carry over from an existing assessment"))
        self.system = QComboBox()
        for system in workspace.systems():
            self.system.addItem(system.label, system.id)
        self.unit = QLineEdit(workspace.default_assessment().unit)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(workspace.systems()[0].year or 2019)
        self.system.currentIndexChanged.connect(self._system_changed)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.title = QLineEdit(self.tr("Self-assessment"))
        self._system_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Carry over from:"), self.source)
        form.addRow(self.tr("Indicator system:"), self.system)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Kind:"), self.title)
        form.addRow(buttons)

    def _system_changed(self) -> None:
        """The year the system's table is for — or, when that year is assessed on it already, the year after the
        latest assessed (a 2019 table used again for 2020 proposes 2020, not 2019 a second time)."""
        system_id = self.system.currentData()
        system = next(s for s in self.workspace.systems() if s.id == system_id)
        if self.source.currentData() is not None:
            return
        assessed = [a.year for a in self.workspace.assessments() if a.system_id == system_id]
        if system.year and system.year not in assessed:
            self.year.setValue(system.year)
        elif assessed:
            self.year.setValue(max(assessed) + 1)

    def _source_changed(self) -> None:
        """Carrying over: the unit is last year's, the year the next, the system the newest one (the person may
        choose another)."""
        source_id = self.source.currentData()
        self.unit.setEnabled(source_id is None)
        if source_id is None:
            return
        source = self.workspace.assessment(source_id)
        self.unit.setText(source.unit)
        self.title.setText(source.title)
        newest = max(self.workspace.systems(), key=lambda s: (s.year or 0, s.id))
        self.system.setCurrentIndex(self.system.findData(newest.id))
        self.year.setValue(source.year + 1)

    def create_assessment(self) -> Changes:
        """Create the assessment the fields describe (also the redo of an undone creation)."""
        if self.matching is not None:
            self.carried = self.matching.carry_again()
            self.created = self.carried.assessment_id
            return self.carried.changes
        system = self.system.currentData()
        created = self.workspace.create_assessment(
            system, self.unit.text(), self.year.value(), self.title.text().strip() or "自评"
        )
        self.created = created.assessment_id
        return created.changes

    def remove_assessment(self) -> Changes:
        if self.carried is not None:
            return undo_carry_over(self.workspace, self.carried)
        return self.workspace.remove_assessment(self.created or 0)

    def undo_step(self, report: Callable[[Exception], None], apply: Callable[[Changes], None]) -> Step:
        """The creation as an undoable step (made already: pushing it creates nothing); its undo removes the
        assessment while nothing was entered into it (a carry-over: with what it added to the new system)."""
        text = self.tr("carry-over") if self.carried is not None else self.tr("new assessment")
        return Step(text, self.create_assessment, self.remove_assessment, apply, report, done=True)

    def open_matching(self) -> CarryOverDialog | None:
        """The matching dialog of the carry-over the fields describe, opened (None: refused, said)."""
        try:
            plan = plan_carry_over(self.workspace, self.source.currentData(), self.system.currentData())
        except EgovError as exc:
            self._warn(say(exc, ui_language()))
            return None
        # the title the assessment will get (made distinct when the unit has one so titled that year), shown as such
        title = carry_title(self.workspace, plan.source, plan.system_id, self.year.value(), self.title.text().strip())
        self.matching = CarryOverDialog(self.workspace, plan, self.year.value(), title, self.runner, self)
        self.matching.accepted.connect(self._carried)
        self.matching.open()
        return self.matching

    def _carried(self) -> None:
        assert self.matching is not None
        self.carried = self.matching.carried
        self.created = self.carried.assessment_id if self.carried else None
        super().accept()

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not created"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()

    def accept(self) -> None:
        if self.source.currentData() is not None:
            self.open_matching()
            return
        try:
            self.create_assessment()
        except WorkspaceError as exc:
            QMessageBox.warning(self, self.tr("Not created"), str(exc))
            return
        super().accept()
