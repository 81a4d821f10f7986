"""Cells the app writes into workbooks.

Text from the indicator table, the evidence book or file names is data, never a formula: openpyxl stores any
string that starts with "=" as a formula (and Excel would run it), so every text cell is marked as text."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import _HeaderFooterPart
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from egov_desk.core.exports.text import printable

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item, Node

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E8EDF5")


def first_sheet(book: Workbook, title: str) -> Worksheet:
    """The sheet a new workbook starts with, named ``title``."""
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # a new Workbook always starts with one worksheet
        raise TypeError("a new workbook has no worksheet")
    sheet.title = title
    return sheet


def header_part(sheet: Worksheet, where: str) -> _HeaderFooterPart:
    """The left, center or right part of the printed page's header (``"header.right"``) or footer."""
    side, part = where.split(".")
    item = sheet.oddHeader if side == "header" else sheet.oddFooter
    if item is None:  # openpyxl makes both for every worksheet
        raise TypeError(f"the worksheet has no {side}")
    found: _HeaderFooterPart = getattr(item, part)
    return found


def put(cell: Cell | MergedCell, value: Any) -> Cell:
    """Write ``value``: numbers the app computed stay numbers, everything else is text (data_type "s")."""
    if not isinstance(cell, Cell):  # only the top-left cell of a merged range holds a value
        raise TypeError(f"{cell.coordinate} is inside a merged range")
    if value is None or value == "":
        cell.value = None
        return cell
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        cell.value = float(value) if isinstance(value, Decimal) else value
        return cell
    cell.value = printable(str(value))
    cell.data_type = "s"
    return cell


def lines_needed(value: object, width: float) -> int:
    """How many lines a wrapped cell needs at 10 pt (a Chinese character is about two width units): spreadsheet
    programs do not grow a row for wrapped text when they open a file, so the writer sets the height."""
    if value is None or value == "":
        return 1
    total = 0
    for segment in str(value).split("\n"):
        units = sum(2 if ord(char) > 0x2E80 else 1 for char in segment)
        total += max(1, -(-units // max(int(width) - 1, 1)))
    return total


def merge_levels(ws: Worksheet, rows: list[tuple[Item, list[Node]]], depth: int, first: int) -> None:
    """Merge each level's cell down over its items, as in the original table (the score sheet, a system's
    original-layout export)."""
    for level in range(depth):
        start = 0
        for index in range(1, len(rows) + 1):

            def key(n: int, level: int = level) -> tuple[int, ...] | None:
                chain = rows[n][1]
                return chain[level].key if level < len(chain) else None

            if index == len(rows) or key(index) != key(start):
                if index - start > 1 and key(start) is not None:
                    ws.merge_cells(
                        start_row=first + start,
                        start_column=level + 1,
                        end_row=first + index - 1,
                        end_column=level + 1,
                    )
                start = index


def print_landscape(sheet: Worksheet, title_rows: str) -> None:
    """Printed on A4 landscape, as wide as the page, the ``title_rows`` ("1:2") repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows


LINE_HEIGHT = 15  # points per line of 10 pt text
SCORE = "0.00"  # scores and changes always to the cent (2.10, not 2.1)


def write_table(
    sheet: Worksheet,
    head: tuple[str, ...],
    rows: Sequence[tuple[Any, ...]],
    widths: tuple[int, ...],
    *,
    first_row: int = 1,
    scores: tuple[int, ...] = (),
) -> None:
    """A head at ``first_row`` and the rows under it, ``widths`` per column; long text wrapped with the row as tall as
    it needs (a spreadsheet does not grow it on opening); the columns ``scores`` (1-based) to two decimals; the head
    frozen and printed on every page, landscape."""
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for column, text in enumerate(head, start=1):
        cell = put(sheet.cell(row=first_row, column=column), text)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center")
    for number, row in enumerate(rows, start=first_row + 1):
        for column, value in enumerate(row, start=1):
            cell = put(sheet.cell(row=number, column=column), value)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column in scores:
                cell.number_format = SCORE
        lines = max(lines_needed(value, width) for value, width in zip(row, widths, strict=False))
        if lines > 1:
            sheet.row_dimensions[number].height = lines * LINE_HEIGHT
    sheet.freeze_panes = f"A{first_row + 1}"
    print_landscape(sheet, f"{first_row}:{first_row}")
