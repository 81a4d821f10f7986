"""Indicator tables written for the tests: real .docx (python-docx) and .xlsx (openpyxl) files.

A table is given as rows of cell texts; ``merges`` are (top, left, bottom, right) rectangles, inclusive, whose
top-left text stays and the rest merge into it — as Word and Excel lay out such tables.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl

Rows = list[list[str]]
Merge = tuple[int, int, int, int]


def write_docx(path: Path, tables: list[tuple[Rows, list[Merge]]], title: str = "") -> Path:
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    for rows, merges in tables:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        covered = {
            (r, c)
            for (top, left, bottom, right) in merges
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
            if (r, c) != (top, left)
        }
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if (r, c) not in covered and text:
                    table.cell(r, c).text = text
        for top, left, bottom, right in merges:
            table.cell(top, left).merge(table.cell(bottom, right))
        document.add_paragraph("")
    document.save(str(path))
    return path


def write_xlsx(path: Path, rows: Rows, merges: list[Merge] = (), sheet: str = "指标", extra_sheets: int = 0) -> Path:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                worksheet.cell(r, c, text)
    for top, left, bottom, right in merges:
        worksheet.merge_cells(start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1)
    for number in range(extra_sheets):
        other = workbook.create_sheet(f"说明{number + 1}")
        other["A1"] = "填表说明：本表由各科室填写。"
    workbook.save(str(path))
    return path


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def write_raw_xlsx(path: Path, sheet_xml: str) -> Path:
    """A minimal workbook around a hand-written sheet (for huge or hostile sheets)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("xl/workbook.xml", WORKBOOK)
        package.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        package.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def huge_sheet_xml(rows: int) -> str:
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    body = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>指标{r}</t></is></c><c r="B{r}"><v>1</v></c></row>'
        for r in range(1, rows + 1)
    )
    return head + body + "</sheetData></worksheet>"


def billion_laughs_docx(path: Path, seed_docx: Path) -> Path:
    """The seed document with its body replaced by an entity-expansion bomb."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(seed_docx) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = bomb.encode() if member.filename == "word/document.xml" else source.read(member)
            target.writestr(member, data)
    return path
