"""The import wizard's first page: the file, and a workbook's sheets — which looks like an indicator table and
why, the one read selected; picking another reads that one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from egov_desk.core.importers.grid import SheetRead
from egov_desk.core.importers.options import ImportOptions
from egov_desk.ui.dialogs.import_reading import TableReading

UNLIKE = QColor("#6b7280")


class FilePage(QWizardPage):
    def __init__(self, reading: TableReading) -> None:
        super().__init__()
        self.reading = reading
        self.setTitle(self.tr("Choose the indicator table"))
        self.setSubTitle(
            self.tr(
                "The Word (.docx) or Excel (.xlsx) file you received. Its header, levels and "
                "scoring rules are recognised; you check everything before it is imported."
            )
        )
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of a .docx or .xlsx file"))
        self.path.editingFinished.connect(self._typed)
        self.path.textEdited.connect(self._editing)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.sheets_label = QLabel(
            self.tr("&Sheets of the workbook (the one read is selected; pick another to read it):")
        )
        self.sheets = QListWidget()
        self.sheets_label.setBuddy(self.sheets)
        self.sheets.currentItemChanged.connect(self._picked)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.sheets_label)
        layout.addWidget(self.sheets, 1)
        self._show_sheets([])
        reading.finished.connect(self.refresh)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Indicator table"), str(Path.home()), self.tr("Tables (*.docx *.xlsx);;All files (*)")
        )
        if name:
            self.path.setText(name)
            self.reading.read(Path(name))

    def _editing(self, _text: str) -> None:
        """What was said about the path before no longer holds while it is being corrected."""
        if not self.reading.busy:
            self.status.setText(self.tr("Press Enter to read the file."))
            self.status.setStyleSheet("")

    def _typed(self) -> None:
        text = self.path.text().strip()
        if text and (self.reading.path is None or Path(text) != self.reading.path):
            self.reading.read(Path(text))

    def pick_sheet(self, name: str) -> None:
        """Read the workbook's sheet ``name``; the corrections made on another sheet do not carry over."""
        grid = self.reading.grid
        chosen = next((sheet.name for sheet in grid.sheets if sheet.chosen), None) if grid else None
        if name != chosen:
            self.reading.correct(ImportOptions(sheet=name))
        elif self.reading.options.sheet is None:
            return  # the sheet read already, chosen by its content
        else:
            self.reading.correct(replace(self.reading.options, sheet=name))

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.pick_sheet(item.data(Qt.ItemDataRole.UserRole))

    def refresh(self) -> None:
        reading = self.reading
        self.busy.setVisible(reading.busy)
        if reading.busy:
            self.status.setText(self.tr("Reading…"))
            self.status.setStyleSheet("")
        elif reading.error:
            more = (
                self.tr(
                    "Its rows are shown on the next page: say there which row is the header or what a column holds."
                )
                if reading.grid is not None
                else ""
            )
            self.status.setText(f"{reading.error}\n{more}".strip())
            self.status.setStyleSheet("color: #b91c1c;")
        elif reading.result:
            data = reading.result.data
            count = len(reading.result.proposals)
            self.status.setText(self.tr("%1: %n scoring item(s) found.", "", count).replace("%1", data["title"]))
            self.status.setStyleSheet("color: #166534;")
        if not reading.busy:
            self._show_sheets(reading.grid.sheets if reading.grid else [])
        self.completeChanged.emit()

    def _show_sheets(self, sheets: list[SheetRead]) -> None:
        self.sheets.blockSignals(True)  # showing the sheet read is no pick
        self.sheets.clear()
        for sheet in sheets:
            looks = sheet.score > 0 and sheet.rows > 0
            verdict = self.tr("looks like an indicator table") if looks else self.tr("not like an indicator table")
            hidden = self.tr(" (hidden)") if sheet.hidden else ""
            item = QListWidgetItem(f"{sheet.name}{hidden} — {verdict}（{sheet.why}）")
            item.setData(Qt.ItemDataRole.UserRole, sheet.name)
            item.setToolTip(self.tr("%n row(s)", "", sheet.rows))
            if not looks:
                item.setForeground(QBrush(UNLIKE))
            self.sheets.addItem(item)
            if sheet.chosen:
                self.sheets.setCurrentItem(item)
        self.sheets.blockSignals(False)
        self.sheets_label.setVisible(len(sheets) > 1)
        self.sheets.setVisible(len(sheets) > 1)

    def isComplete(self) -> bool:
        """A table was read, or at least its rows: the next page lets the person say what they are."""
        return self.reading.grid is not None and not self.reading.busy
