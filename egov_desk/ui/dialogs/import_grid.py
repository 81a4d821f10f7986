"""The table's rows as the import read them: each row's number as the sheet numbers it (as ``egov-desk-cli import
--show-rows`` prints it), what it was read as (表头/指标/评分项/分组/档次/忽略) and its cells; each column's header says
what the column was read as. The person's own corrections are in bold."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from egov_desk.core.importers.grid import Grid
from egov_desk.core.importers.table import ROLE_NAMES
from egov_desk.ui.dialogs.import_reading import TableReading

SHOWN_ROWS = 400  # enough to find a header and mark rows; a longer table is read whole all the same
KIND_COLOURS = {
    "header": QColor("#dbeafe"),
    "level": QColor("#dcfce7"),
    "section": QColor("#bbf7d0"),
    "tier": QColor("#fef3c7"),
    "ignore": QColor("#f3f4f6"),
}
IGNORED_TEXT = QColor("#9ca3af")
WIDEST = 220  # a column of long rule texts leaves room for the others; the whole text is in the tooltip


class GridView(QTableWidget):
    """Rows of the grid, several selectable at once (Shift/Ctrl); column 0 is what each row was read as."""

    def __init__(self, reading: TableReading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading = reading
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def kind_names(self) -> dict[str, str]:
        return {
            "header": self.tr("Header"),
            "level": self.tr("Level"),
            "item": self.tr("Item"),
            "section": self.tr("Section"),
            "tier": self.tr("Tier"),
            "ignore": self.tr("Ignored"),
        }

    def kind_of(self, row: int) -> str:
        """What grid row ``row`` was read as ("header", a row kind, or "" for a blank or unread row)."""
        result, options = self.reading.result, self.reading.options
        header = result.header_rows if result else (options.header_rows or ())
        if row in header:
            return "header"
        if result is not None:
            return result.row_kinds.get(row, "")
        return options.row_kinds.get(row, "")

    def role_of(self, column: int) -> tuple[str, bool]:
        """The role column ``column`` was read as (a name from ROLE_NAMES, "" when unknown), and whether the
        person gave it."""
        options, result = self.reading.options, self.reading.result
        if column in options.roles:
            return ROLE_NAMES.get(options.roles[column], options.roles[column]), True
        if result is not None:
            read = next((c for c in result.layout.columns if c.index == column), None)
            if read is not None:
                return read.describe, False
        return "", False

    def show_grid(self, grid: Grid | None) -> None:
        """Fill the view from ``grid``, keeping the rows selected and the place scrolled to."""
        selected, scrolled = self.selected_rows(), self.verticalScrollBar().value()
        self.clearContents()
        if grid is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        shown = min(len(grid.rows), SHOWN_ROWS)
        self.setRowCount(shown)
        self.setColumnCount(grid.width + 1)
        self.setHorizontalHeaderItem(0, QTableWidgetItem(self.tr("Read as")))
        for column in range(grid.width):
            role, given = self.role_of(column)
            header = QTableWidgetItem(f"{column + 1} {role}".strip())
            header.setToolTip(self.tr("Column %1: click to say what it holds").replace("%1", str(column + 1)))
            _bold(header, given)
            self.setHorizontalHeaderItem(column + 1, header)
        self.setVerticalHeaderLabels([str(grid.shown(row)) for row in range(shown)])
        names = self.kind_names()
        for row in range(shown):
            self._show_row(grid, row, names)
        self.resizeColumnsToContents()
        for column in range(grid.width + 1):
            self.setColumnWidth(column, min(self.columnWidth(column), WIDEST))
        self._select(selected)
        self.verticalScrollBar().setValue(scrolled)

    def _show_row(self, grid: Grid, row: int, names: dict[str, str]) -> None:
        kind = self.kind_of(row)
        given = row in self.reading.options.row_kinds or (
            kind == "header" and self.reading.options.header_rows is not None
        )
        mark = QTableWidgetItem(names.get(kind, "—"))
        _bold(mark, given)
        if given:
            mark.setToolTip(self.tr("As you said"))
        if kind in KIND_COLOURS:
            mark.setBackground(QBrush(KIND_COLOURS[kind]))
        self.setItem(row, 0, mark)
        for column, cell in enumerate(grid.rows[row]):
            text = "" if cell.is_continuation(row, column) else cell.text
            item = QTableWidgetItem(text.replace("\n", " "))
            if text:
                item.setToolTip(text)
            if kind == "ignore":
                item.setForeground(QBrush(IGNORED_TEXT))
            self.setItem(row, column + 1, item)

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.selectionModel().selectedRows())

    def select_rows(self, first: int, last: int | None = None) -> None:
        """Select grid rows ``first`` to ``last`` (as a person dragging over them)."""
        self._select(list(range(first, (first if last is None else last) + 1)))

    def _select(self, rows: list[int]) -> None:
        selection = QItemSelection()
        for row in rows:
            if row < self.rowCount():
                selection.select(self.model().index(row, 0), self.model().index(row, self.columnCount() - 1))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows and rows[0] < self.rowCount():
            self.setCurrentCell(rows[0], max(self.currentColumn(), 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def _bold(item: QTableWidgetItem, bold: bool) -> None:
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
