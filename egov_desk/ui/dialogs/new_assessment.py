"""File → New assessment…: one indicator system × one unit × one year."""

from __future__ import annotations

from collections.abc import Callable

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

from egov_desk.core.changes import Changes
from egov_desk.core.workspace import Workspace, WorkspaceError
from egov_desk.ui.undo import Step


class NewAssessmentDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.created: int | None = None
        self.setWindowTitle(self.tr("New assessment"))
        self.system = QComboBox()
        for system in workspace.systems():
            self.system.addItem(system.title, system.id)
        self.unit = QLineEdit(workspace.default_assessment().unit)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(workspace.systems()[0].year or 2019)
        self.system.currentIndexChanged.connect(self._system_changed)
        self.title = QLineEdit(self.tr("Self-assessment"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Indicator system:"), self.system)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Kind:"), self.title)
        form.addRow(buttons)

    def _system_changed(self) -> None:
        system = next(s for s in self.workspace.systems() if s.id == self.system.currentData())
        if system.year:
            self.year.setValue(system.year)

    def create_assessment(self) -> Changes:
        """Create the assessment the fields describe (also the redo of an undone creation)."""
        system = self.system.currentData()
        created = self.workspace.create_assessment(
            system, self.unit.text(), self.year.value(), self.title.text().strip() or "自评"
        )
        self.created = created.assessment_id
        return created.changes

    def undo_step(self, report: Callable[[Exception], None], apply: Callable[[Changes], None]) -> Step:
        """The creation as an undoable step (made already: pushing it creates nothing); its undo removes the
        assessment while nothing was entered into it."""
        text = self.tr("new assessment")
        return Step(
            text,
            self.create_assessment,
            lambda: self.workspace.remove_assessment(self.created or 0),
            apply,
            report,
            done=True,
        )

    def accept(self) -> None:
        try:
            self.create_assessment()
        except WorkspaceError as exc:
            QMessageBox.warning(self, self.tr("Not created"), str(exc))
            return
        super().accept()
