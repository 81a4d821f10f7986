"""Cells the app writes into workbooks.

Text from the indicator table, the evidence book or file names is data, never a formula: openpyxl stores any
string that starts with "=" as a formula (and Excel would run it), so every text cell is marked as text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Border, PatternFill, Side

from egov_desk.core.exports.text import printable

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E8EDF5")


def put(cell: Cell, value: Any) -> Cell:
    """Write ``value``: numbers the app computed stay numbers, everything else is text (data_type "s")."""
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
