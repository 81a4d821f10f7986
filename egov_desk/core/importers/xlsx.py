"""Excel (.xlsx) sheets → a :class:`Grid`, merged ranges resolved; picks the sheet with the indicator table."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from egov_desk.core.importers.grid import Cell, Grid, ImportRefused
from egov_desk.core.importers.headers import header_score
from egov_desk.core.importers.safety import check_package

MAX_ROWS = 5000
MAX_COLUMNS = 60


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


def _count_rows(path: Path) -> dict[str, int]:
    """Rows per sheet, reading in streaming mode and stopping past MAX_ROWS: a 200,000-row sheet costs
    a bounded, small amount of time and memory before it is refused."""
    counts = {}
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            rows = 0
            for rows, _ in enumerate(sheet.iter_rows(values_only=True), start=1):
                if rows > MAX_ROWS:
                    break
            counts[sheet.title] = rows
    finally:
        workbook.close()
    return counts


def _sheet_grid(sheet: Worksheet) -> Grid:
    height = min(sheet.max_row, MAX_ROWS)
    width = min(sheet.max_column, MAX_COLUMNS)
    values = [
        [_text(v) for v in row] for row in sheet.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)
    ]
    rows = [[Cell(values[r][c], (r, c)) for c in range(width)] for r in range(height)]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= height or left >= width:
            continue
        text = values[top][left]
        for r in range(top, min(merged.max_row, height)):
            for c in range(left, min(merged.max_col, width)):
                rows[r][c] = Cell(text, (top, left))
    labels = [f"{sheet.title} 第{r + 1}行" for r in range(height)]
    return Grid(rows=rows, labels=labels, source="xlsx")


def read_xlsx(path: Path) -> Grid:
    check_package(path, "Excel")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not read
            counts = _count_rows(path)
            too_big = [name for name, rows in counts.items() if rows > MAX_ROWS]
            if too_big and len(too_big) == len(counts):
                raise ImportRefused(
                    f"{path.name}: sheet {too_big[0]} has more than {MAX_ROWS} rows; an indicator "
                    "table has far fewer — reading stopped there"
                )
            workbook = openpyxl.load_workbook(path, data_only=True)
    except ImportRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on broken workbooks
        raise ImportRefused(f"{path.name}: Excel cannot read this file ({type(exc).__name__}: {exc})") from None
    try:
        candidates = [s for s in workbook.worksheets if 0 < counts.get(s.title, 0) <= MAX_ROWS]
        if not candidates:
            raise ImportRefused(f"{path.name}: the workbook has no sheet with data")
        grids = [_sheet_grid(sheet) for sheet in candidates]
    finally:
        workbook.close()
    best = max(grids, key=lambda g: max((header_score(g.row_texts(r)) for r in range(min(15, len(g.rows)))), default=0))
    if len(grids) > 1:
        best.notes.append(f"工作簿有 {len(grids)} 个工作表，使用含指标表的“{best.labels[0].split(' ')[0]}”")
    for sheet in too_big:
        best.notes.append(f"工作表“{sheet}”超过 {MAX_ROWS} 行，未读取")
    return best
