"""Our expat walk over a sheet's cells reads every kind of cell exactly as openpyxl's own reader does."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.limits import Budget, CappedZip
from egov_desk.core.importers.xlsx_stream import MAX_COLUMNS, open_read_only, sheets_of, stream_rows

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED = [
    "<si><t>评分细则</t></si>",
    "<si><r><t>富文本</t></r><r><rPr><b/></rPr><t>加粗</t></r><rPh sb='0' eb='1'><t>フリガナ</t></rPh></si>",
    '<si><t xml:space="preserve">  前后空格  </t></si>',
]
CELLS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>0.5</v></c><c r="C2"><v>1E3</v></c>'
    '<c r="D2" s="1"><v>45293</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c></row>'
    '<row r="4"><c r="A4" t="str"><f>B2*2</f><v>1</v></c><c r="B4"><f>1+1</f><v>2</v></c>'
    '<c r="C4" t="inlineStr"><is><r><t>行内</t></r><r><t>文字</t></r><rPh sb="0" eb="1"><t>ぎょう</t></rPh></is></c>'
    '<c r="D4" t="d"><v>2024-03-05T00:00:00</v></c><c r="E4"/><c r="F4" t="s"/></row>'
    "<row><c><v>7</v></c><c><v>8</v></c><c r='E5'><v>9</v></c><c><v>10</v></c></row>"
    '<row r="6">' + "".join(f'<c r="{get_column_letter(n)}6"><v>{n}</v></c>' for n in range(1, 70)) + "</row>"
)


def workbook_with(path: Path, cells: str, merges: str = "") -> Path:
    """A real workbook (openpyxl's package, a date style on s=1) whose sheet and shared strings are written here."""
    book = openpyxl.Workbook()
    book.active["A1"] = datetime.date(2024, 1, 2)  # gives the styles part a date format at index 1
    book.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    head = re.sub(r"<dimension[^>]*/>", "", sheet[: sheet.index("<sheetData")])  # openpyxl sizes the sheet itself
    tail = sheet[sheet.index("</sheetData>") + len("</sheetData>") :]
    parts["xl/worksheets/sheet1.xml"] = (head + f"<sheetData>{cells}</sheetData>" + merges + tail).encode()
    strings = f'<sst xmlns="{MAIN}" count="{len(SHARED)}" uniqueCount="{len(SHARED)}">{"".join(SHARED)}</sst>'
    parts["xl/sharedStrings.xml"] = strings.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def ours(path: Path) -> tuple[list[tuple[int, dict[int, Any]]], list[str]]:
    merges: list[str] = []
    budget = Budget(file=path.name)
    with CappedZip(path, budget) as archive:
        book = open_read_only(archive)
        rows = list(stream_rows(sheets_of(book)[0], budget, merges))
        book.close()
    return rows, merges


def openpyxls(path: Path) -> dict[int, dict[int, Any]]:
    """openpyxl's own streaming reader: each row's non-empty cells by column, the first MAX_COLUMNS columns."""
    book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    found: dict[int, dict[int, Any]] = {}
    for row in book.active.iter_rows():
        for cell in row:
            if getattr(cell, "value", None) is not None and cell.column <= MAX_COLUMNS:
                found.setdefault(cell.row, {})[cell.column] = cell.value
    book.close()
    return found


def test_every_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    path = workbook_with(tmp_path / "cells.xlsx", CELLS)
    rows, _ = ours(path)
    read = {number: cells for number, cells in rows if cells}
    assert read == openpyxls(path)
    assert read[1] == {1: "评分细则", 2: "富文本加粗", 3: "  前后空格  "}  # runs joined, the phonetic guide left out
    assert read[2][4] == datetime.datetime(2024, 1, 2)
    assert read[4][3] == "行内文字"
    assert read[5] == {1: 7, 2: 8, 5: 9, 6: 10}  # cells without a reference follow the one before
    assert max(read[6]) == MAX_COLUMNS


def test_merged_ranges_come_with_the_rows(tmp_path: Path) -> None:
    merges = '<mergeCells count="2"><mergeCell ref="A1:A3"/><mergeCell ref="B2:C2"/></mergeCells>'
    path = workbook_with(tmp_path / "merged.xlsx", CELLS, merges)
    assert ours(path)[1] == ["A1:A3", "B2:C2"]


def test_a_sheet_declaring_a_dtd_is_refused(tmp_path: Path) -> None:
    path = workbook_with(tmp_path / "dtd.xlsx", CELLS)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<worksheet", b'<!DOCTYPE x [<!ENTITY a "b">]><worksheet', 1)
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    with pytest.raises(ImportRefused, match="DTD"):
        ours(path)
