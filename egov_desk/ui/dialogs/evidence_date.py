"""The date of a piece of evidence, typed as a person writes it: 2019-12-05, 2019.12.5, 2019年12月5日, 20191205.
Empty means "no date". What cannot be read as a date is refused at the field, never replaced by another date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWidget

from egov_desk.core.dates import DateNotRead
from egov_desk.core.evidence.types import FileInfo
from egov_desk.ui.editors.base import INVALID_STYLE
from egov_desk.ui.widgets.date_field import DateField


class EvidenceDateDialog(QDialog):
    def __init__(self, file: FileInfo, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDate")
        self.year = year
        self.chosen: date | None = file.evidence_date
        self.setWindowTitle(self.tr("Date of %1").replace("%1", file.name))
        self.setMinimumWidth(380)
        self.date_field = DateField(self.tr("Document date"), year, file.evidence_date)
        self.field = self.date_field.line
        self.field.setObjectName("evidenceDateField")
        self.field.setPlaceholderText(self.tr("e.g. %1-12-05; empty: no date").replace("%1", str(year)))
        self.date_field.edited.connect(self._check)
        self.hint = self.date_field.hint  # the refusal, else what the date means for the year
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Document date:"), self.date_field)
        form.addRow(self.hint)
        form.addRow(buttons)
        self.field.setFocus()
        self.field.selectAll()
        self._check()

    def _check(self) -> bool:
        self.hint.show()
        try:
            chosen = self.date_field.value()
        except DateNotRead:
            self.field.setStyleSheet(INVALID_STYLE)
            self.hint.setStyleSheet("color: #b91c1c;")
            self.hint.setText(
                self.tr("“%1” is not a date. Write it as %2-12-05 or %2年12月5日.")
                .replace("%1", self.field.text().strip())
                .replace("%2", str(self.year))
            )
            return False
        self.field.setStyleSheet("")
        if chosen is None:
            self.hint.setStyleSheet("color: #475569;")
            self.hint.setText(self.tr("No date: the document is not dated."))
        elif chosen.year != self.year:
            self.hint.setStyleSheet("color: #b45309;")
            self.hint.setText(
                self.tr("%1 lies outside %2: evaluators may not accept it.")
                .replace("%1", chosen.isoformat())
                .replace("%2", str(self.year))
            )
        else:
            self.hint.setStyleSheet("color: #166534;")
            self.hint.setText(chosen.strftime("%Y-%m-%d"))
        self.chosen = chosen
        return True

    def accept(self) -> None:
        if self._check():
            super().accept()
