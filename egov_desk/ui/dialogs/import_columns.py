"""The import wizard's page of the columns: what each holds, its role changeable (the table is read again)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage

from egov_desk.core.importers.table import ROLE_NAMES
from egov_desk.ui.dialogs.import_reading import TableReading

ROLE_ORDER = ("level", "points", "rule", "name", "code", "evidence", "lead", "cooperating", "extra", "ignore")


def set_role(reading: TableReading, column: int, role: str | None) -> None:
    """The person says what ``column`` holds (None: as read); the table is read again."""
    roles = dict(reading.options.roles)
    if role is None:
        roles.pop(column, None)
    else:
        roles[column] = role
    reading.correct(replace(reading.options, roles=roles))


class ColumnsPage(QWizardPage):
    def __init__(self, reading: TableReading) -> None:
        super().__init__()
        self.reading = reading
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr("What each column of the table holds. Change a role if it was misread; the table is read again.")
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header"), self.tr("Read as"), self.tr("First value")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 190)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        reading.finished.connect(self.initializePage)

    def initializePage(self) -> None:
        result = self.reading.result
        if result is None or self.reading.busy:
            return
        first_data = result.layout.header_rows[-1] + 1
        self.table.setRowCount(len(result.layout.columns))
        for row, column in enumerate(result.layout.columns):
            self.table.setItem(row, 0, _cell(str(column.index + 1)))
            self.table.setItem(row, 1, _cell(column.header))
            combo = QComboBox()
            for role in ROLE_ORDER:
                combo.addItem(ROLE_NAMES[role], role)
            combo.setCurrentIndex(ROLE_ORDER.index(column.role))
            combo.setToolTip(column.describe)
            combo.currentIndexChanged.connect(lambda _i, c=column.index, box=combo: self._changed(c, box))
            self.table.setCellWidget(row, 2, combo)
            sample = result.grid.text(first_data, column.index) if first_data < len(result.grid.rows) else ""
            self.table.setItem(row, 3, _cell(sample.replace("\n", " ")[:80]))

    def _changed(self, column: int, box: QComboBox) -> None:
        set_role(self.reading, column, box.currentData())

    def isComplete(self) -> bool:
        return self.reading.result is not None and not self.reading.busy


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
