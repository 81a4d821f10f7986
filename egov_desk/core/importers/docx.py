"""Word (.docx) tables → a :class:`Grid`, merges resolved from the XML (w:gridSpan, w:vMerge)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from egov_desk.core.importers.grid import Cell, Grid, ImportRefused, squared
from egov_desk.core.importers.safety import check_package

MAX_ROWS = 5000


def _table_rows(table: Table, table_number: int, first_row: int) -> tuple[list[list[Cell]], list[str]]:
    """One table's rows; ``first_row`` is where they will sit in the joined grid (merge origins use it)."""
    rows: list[list[Cell]] = []
    labels: list[str] = []
    for number, tr in enumerate(table._tbl.tr_lst):
        here = first_row + number
        row: list[Cell] = []
        column = tr.grid_before
        row.extend(Cell("", (here, c)) for c in range(column))
        for tc in tr.tc_lst:
            text = _Cell(tc, table).text.strip()
            span = max(tc.grid_span, 1)
            if tc.vMerge == "continue" and rows and column < len(rows[-1]):
                above = rows[-1][column]
                origin, text = above.origin, above.text
            else:
                origin = (here, column)
            row.extend(Cell(text, origin) for _ in range(span))
            column += span
        rows.append(row)
        labels.append(f"表{table_number} 第{number + 1}行")
        if len(rows) > MAX_ROWS:
            raise ImportRefused(f"a table has more than {MAX_ROWS} rows; an indicator table has far fewer")
    return rows, labels


def _same_header(rows: list[list[Cell]], header: list[list[str]]) -> int:
    """How many leading rows repeat the header rows of the first table (a table split across pages)."""
    count = 0
    for row, wanted in zip(rows, header, strict=False):
        if [c.text for c in row][: len(wanted)] != wanted:
            break
        count += 1
    return count


def read_docx(path: Path) -> Grid:
    check_package(path, "Word")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on broken packages
        raise ImportRefused(f"{path.name}: Word cannot read this file ({type(exc).__name__}: {exc})") from None
    body = document.element.body
    tables = [Table(element, document) for element in body if element.tag == qn("w:tbl")]
    if not tables:
        raise ImportRefused(f"{path.name}: the document has no table")
    title = ""
    for element in body:
        if element.tag == qn("w:tbl"):
            break
        if element.tag == qn("w:p"):
            text = "".join(node.text or "" for node in element.iter(qn("w:t"))).strip()
            if text:
                title = text

    # The tables that share the largest table's column count are one table split across pages.
    widths = [len(table._tbl.tblGrid.gridCol_lst) for table in tables]
    main_width = widths[max(range(len(tables)), key=lambda i: len(tables[i]._tbl.tr_lst))]
    grid = Grid(rows=[], labels=[], title=title, source="docx")
    header: list[list[str]] = []
    for number, (table, width) in enumerate(zip(tables, widths, strict=True), start=1):
        if width != main_width:
            grid.notes.append(f"表{number}（{width} 列）与指标表列数不同，未导入")
            continue
        rows, labels = _table_rows(table, number, len(grid.rows))
        if not header:
            header = [[c.text for c in row] for row in rows[:2]]
        else:
            repeated = _same_header(rows, header)
            if repeated:
                grid.notes.append(f"表{number} 的前 {repeated} 行重复表头，已跳过")
            rows, labels = rows[repeated:], labels[repeated:]
            grid.notes.append(f"表{number} 接续上表")
            rows = _renumber(rows, len(grid.rows) + repeated, len(grid.rows))
        grid.rows.extend(rows)
        grid.labels.extend(labels)
        if len(grid.rows) > MAX_ROWS:
            raise ImportRefused(f"{path.name}: more than {MAX_ROWS} table rows; an indicator table has far fewer")
    grid.rows = squared(grid.rows, main_width)
    return grid


def _renumber(rows: list[list[Cell]], was: int, now: int) -> list[list[Cell]]:
    """Shift merge origins after leading rows were dropped (from row ``was`` to row ``now``)."""
    shift = was - now
    if not shift:
        return rows
    return [[Cell(c.text, (c.origin[0] - shift, c.origin[1])) for c in row] for row in rows]
