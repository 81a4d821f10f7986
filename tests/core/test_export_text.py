"""Any text a person or a table can produce reaches every export as text: markup, template syntax, quotes,
emoji — and control characters, which Word and Excel files cannot hold, are left out instead of failing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl

from egov_desk.core.exports.checklist import build_checklist
from egov_desk.core.exports.checklist_docx import write_checklist_docx
from egov_desk.core.exports.package import export_package
from egov_desk.core.exports.report import write_report
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.exports.text import printable
from egov_desk.core.workspace import Workspace

HOSTILE = "A&B <b>x</b> \"q\" 'a' {x} {{ title }} {% if 1 %}y{% endif %} \x07\x0b\x1f 😀"
SHOWN = printable(HOSTILE)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for s in document.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)


def test_printable_keeps_text_and_drops_only_what_xml_cannot_hold() -> None:
    assert SHOWN == "A&B <b>x</b> \"q\" 'a' {x} {{ title }} {% if 1 %}y{% endif %}  😀"
    assert printable("第一行\n第二行\t制表") == "第一行\n第二行\t制表"
    assert printable("计划\udcbc.pdf") == "计划\ufffd.pdf"


def test_every_export_holds_hostile_text_as_text(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws", unit="市<教育>局&\x07") as workspace:
        workspace.set_note(1, "004", HOSTILE)
        workspace.set_input(1, "004", {"score": 2})
        workspace.update_assessment(1, filled_by="王{{x}}\x1f")
        named = tmp_path / "=HYPERLINK(1)\x07😀.pdf"
        named.write_bytes(b"%PDF-1.4\n%%EOF\n")
        workspace.evidence.attach(1, "004", [named])

        write_score_sheet(workspace, 1, tmp_path / "表.xlsx")
        write_report(workspace, 1, tmp_path / "报告.docx")
        write_checklist_docx(build_checklist(workspace, 1), tmp_path / "清单.docx")
        export_package(workspace, 1, tmp_path / "包.zip")

    assert SHOWN in xlsx_text(tmp_path / "表.xlsx")
    assert "市<教育>局&" in xlsx_text(tmp_path / "表.xlsx")
    for document in ("报告.docx", "清单.docx"):
        text = docx_text(tmp_path / document)
        assert SHOWN in text, document
        assert "市<教育>局&" in text, document
    assert "王{{x}}" in docx_text(tmp_path / "报告.docx")
    with zipfile.ZipFile(tmp_path / "包.zip") as package:
        (tmp_path / "index.xlsx").write_bytes(package.read("材料清单.xlsx"))
    index = xlsx_text(tmp_path / "index.xlsx")
    assert "=HYPERLINK(1)😀.pdf" in index
