"""The unit and the assessment's details: asked on first start (单位信息), changed later (考评信息)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from egov_desk.core.workspace_info import PLACEHOLDER_UNIT, AssessmentInfo
from egov_desk.ui.editors.base import INVALID_STYLE
from egov_desk.ui.widgets.date_field import DateField


class AssessmentDetailsDialog(QDialog):
    """``first_start``: only the unit and who fills it in, with a word on why they are asked — or, for a unit that
    keeps its workspace on a server, ``server_chosen``. The assessment's deadline (optional) is ``deadline_given``,
    apart from ``details``: set by its own write, ``deadline_changed`` says whether to."""

    server_chosen = Signal()

    def __init__(self, info: AssessmentInfo, first_start: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentDetails")
        self.info = info
        self.first_start = first_start
        self.details: dict[str, Any] = {}
        self.deadline_given: date | None = info.deadline  # set apart from the details: its own undoable write
        self.setWindowTitle(self.tr("Unit") if first_start else self.tr("Assessment details"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        if first_start:
            welcome = QLabel(
                self.tr(
                    "Welcome. Which unit is this self-assessment for? Its name appears on every checklist, "
                    "score sheet, report and package. You can change it later under File → Assessment details."
                )
            )
            welcome.setWordWrap(True)
            form.addRow(welcome)
        self.unit = QLineEdit("" if info.unit == PLACEHOLDER_UNIT else info.unit)
        self.unit.setObjectName("unitName")
        self.unit.setPlaceholderText(self.tr("e.g. 市教育局"))
        self.filled_by = QLineEdit(info.filled_by)
        self.filled_by.setObjectName("filledBy")
        self.filled_by.setPlaceholderText(self.tr("the person filling in (optional)"))
        form.addRow(self.tr("Unit name:"), self.unit)
        form.addRow(self.tr("Filled in by:"), self.filled_by)
        self.year = QLineEdit(str(info.year))
        self.title = QLineEdit(info.title)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate(info.report_date) if info.report_date else QDate.currentDate())
        self.export_day = QCheckBox(self.tr("the day of each export"))
        self.export_day.setChecked(info.report_date is None)
        self.export_day.toggled.connect(lambda on: self.date.setEnabled(not on))
        self.date.setEnabled(info.report_date is not None)
        if not first_start:
            form.addRow(self.tr("Year:"), self.year)
            form.addRow(self.tr("Title:"), self.title)
            row = QHBoxLayout()
            row.addWidget(self.date)
            row.addWidget(self.export_day)
            row.addStretch(1)
            form.addRow(self.tr("Date of the report:"), row)
            self.deadline = DateField(self.tr("Deadline"), info.year, info.deadline)
            self.deadline.line.setObjectName("assessmentDeadline")
            self.deadline.line.setToolTip(self.tr("Empty: no deadline."))
            form.addRow(self.tr("Deadline:"), self.deadline)
            form.addRow("", self.deadline.hint)
        self.problem = QLabel()
        self.problem.setObjectName("detailsProblem")
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if first_start:  # a unit whose workspace is on its server: no local unit to name
            server = buttons.addButton(
                self.tr("Use the unit's &server instead…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            server.setObjectName("useServer")
            server.setToolTip(self.tr("Your unit keeps its self-assessment on a server: connect to it"))
            server.clicked.connect(self._use_server)
        form.addRow(buttons)
        self.unit.setFocus()

    def _use_server(self) -> None:
        self.reject()
        self.server_chosen.emit()

    def _refuse(self, field: QLineEdit, message: str) -> None:
        field.setStyleSheet(INVALID_STYLE)
        field.setFocus()
        self.problem.setText(message)
        self.problem.show()

    def accept(self) -> None:
        for field in (self.unit, self.year, self.title):
            field.setStyleSheet("")
        unit = self.unit.text().strip()
        if not unit:
            self._refuse(self.unit, self.tr("Please enter the unit's name."))
            return
        details: dict[str, Any] = {"unit": unit, "filled_by": self.filled_by.text().strip()}
        if not self.first_start:
            year_text = self.year.text().strip()
            if not (year_text.isdigit() and 1990 <= int(year_text) <= 2100):
                self._refuse(self.year, self.tr("The year must be a number from 1990 to 2100."))
                return
            title = self.title.text().strip()
            if not title:
                self._refuse(self.title, self.tr("Please enter a title, e.g. 自评."))
                return
            chosen = self.date.date()
            details |= {
                "year": int(year_text),
                "title": title,
                "report_date": None
                if self.export_day.isChecked()
                else date(chosen.year(), chosen.month(), chosen.day()),
            }
        if not self.first_start:
            if not self.deadline.check():  # typed and no date: refused, never read as another
                self.deadline.line.setFocus()
                return
            self.deadline_given = self.deadline.value()
        self.details = {k: v for k, v in details.items() if getattr(self.info, k) != v}
        if self.first_start:
            self.details["unit"] = unit  # naming the unit, even as it was, is what stops the question
        super().accept()

    @property
    def deadline_changed(self) -> bool:
        return self.deadline_given != self.info.deadline
