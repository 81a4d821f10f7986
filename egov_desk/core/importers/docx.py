"""Word (.docx) tables → a :class:`Grid`, merges resolved from the XML (w:gridSpan, w:vMerge).

python-docx reads every part of a package into memory, so it is given a copy made under the import's
:class:`~.limits.Budget`: each XML part unpacked through the capped stream (never past its limit, whatever the
ZIP claims), pictures and other binary parts left empty (a table needs none of them).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from egov_desk.core.importers.grid import Cell, Grid, ImportRefused, squared
from egov_desk.core.importers.limits import Budget, CappedZip
from egov_desk.core.importers.safety import check_package

MAX_ROWS = 5000


def _too_many_rows(file: str) -> ImportRefused:
    return ImportRefused(
        f"{file}: more than {MAX_ROWS} table rows; an indicator table has far fewer",
        f"{file}：表格超过 {MAX_ROWS} 行，指标表远没有这么多行，已停止读取",
        "too_many_rows",
        {"file": file, "limit": MAX_ROWS},
    )


def vetted_copy(path: Path, budget: Budget) -> io.BytesIO:
    """The package as python-docx may read it: XML parts unpacked under the budget, binary parts empty."""
    copy = io.BytesIO()
    with CappedZip(path, budget) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as target:
        for member in source.infolist():
            if member.is_dir():
                continue
            wanted = member.filename.lower().endswith((".xml", ".rels"))
            target.writestr(member.filename, source.read(member) if wanted else b"")
    copy.seek(0)
    return copy


def _table_rows(table: Table, table_number: int, first_row: int, budget: Budget) -> tuple[list[list[Cell]], list[str]]:
    """One table's rows; ``first_row`` is where they will sit in the joined grid (merge origins use it)."""
    rows: list[list[Cell]] = []
    labels: list[str] = []
    for number, tr in enumerate(table._tbl.tr_lst):
        budget.check()
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
            raise _too_many_rows(budget.file)
    return rows, labels


def _same_header(rows: list[list[Cell]], header: list[list[str]]) -> int:
    """How many leading rows repeat the header rows of the first table (a table split across pages)."""
    count = 0
    for row, wanted in zip(rows, header, strict=False):
        if [c.text for c in row][: len(wanted)] != wanted:
            break
        count += 1
    return count


def read_docx(path: Path, budget: Budget | None = None) -> Grid:
    budget = budget or Budget(file=path.name)
    check_package(path, "Word", budget)
    try:
        document = docx.Document(vetted_copy(path, budget))
    except ImportRefused:
        raise
    except Exception as exc:  # python-docx raises many kinds on broken packages
        raise ImportRefused(
            f"{path.name}: Word cannot read this file ({type(exc).__name__}: {exc})",
            f"{path.name}：无法作为 Word 文件读取（{type(exc).__name__}：{exc}）",
            "damaged",
            {"file": path.name},
        ) from None
    budget.check()
    body = document.element.body
    tables = [Table(element, document) for element in body if element.tag == qn("w:tbl")]
    if not tables:
        raise ImportRefused(
            f"{path.name}: the document has no table", f"{path.name}：文档中没有表格", "no_table", {"file": path.name}
        )
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
        rows, labels = _table_rows(table, number, len(grid.rows), budget)
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
            raise _too_many_rows(path.name)
    grid.rows = squared(grid.rows, main_width)
    return grid


def _renumber(rows: list[list[Cell]], was: int, now: int) -> list[list[Cell]]:
    """Shift merge origins after leading rows were dropped (from row ``was`` to row ``now``)."""
    shift = was - now
    if not shift:
        return rows
    return [[Cell(c.text, (c.origin[0] - shift, c.origin[1])) for c in row] for row in rows]
