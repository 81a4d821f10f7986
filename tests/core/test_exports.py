"""The department checklist (Word) and the command line's exports, opened by the libraries that read them and
rendered by LibreOffice where layout matters."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import docx
from docx.oxml.ns import qn

from egov_desk.cli import main
from egov_desk.core.exports.checklist import build_checklist
from egov_desk.core.exports.checklist_docx import write_checklist_docx
from egov_desk.core.workspace import Workspace
from tests.core.rendering import SOFFICE, needs_libreoffice, render


def table_codes(document: docx.document.Document) -> list[str]:
    codes = []
    for table in document.tables:
        for row in table.rows[1:]:
            text = row.cells[3].text.strip()
            if text.isdigit():
                codes.append(text)
    return codes


def test_the_checklist_of_shiziké_lists_its_four_items_with_their_materials(demo: Workspace, tmp_path: Path) -> None:
    out = write_checklist_docx(build_checklist(demo, 1, "师资科"), tmp_path / "师资科.docx")
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "科室：师资科" in text
    assert "牵头 0 项，配合 4 项" in text
    assert "科室负责人（签字）" in text
    assert table_codes(document) == ["023", "027", "028", "029"]
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[:4] == ["一级指标", "二级指标", "三级指标", "编号"]
    assert "需提供的材料" in header


def test_the_checklist_is_an_official_landscape_document(demo: Workspace, tmp_path: Path) -> None:
    out = write_checklist_docx(build_checklist(demo, 1), tmp_path / "all.docx")
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape A4
    assert round(section.page_width.mm) == 297
    assert len(document.tables) == 9  # one section per department
    first_row = document.tables[0].rows[0]._tr
    assert first_row.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    runs = [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    assert runs
    assert all(run._element.rPr.rFonts.get(qn("w:eastAsia")) for run in runs)  # Chinese fonts on every run
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer
    assert "NUMPAGES" in footer


def test_merged_level_cells_like_the_original_table(demo: Workspace, tmp_path: Path) -> None:
    out = write_checklist_docx(build_checklist(demo, 1, "计财科"), tmp_path / "计财科.docx")
    table = docx.Document(str(out)).tables[0]
    merged = [tc for tc in table._tbl.iter(qn("w:tc")) if tc.tcPr is not None and tc.tcPr.vMerge is not None]
    assert merged  # 017 and 018 share 重点系统应用 / 投资项目在线审批监管平台


@needs_libreoffice
def test_the_checklist_renders_in_libreoffice_without_losing_text(demo: Workspace, tmp_path: Path) -> None:
    out = write_checklist_docx(build_checklist(demo, 1), tmp_path / "清单.docx")
    pages, text = render(out)
    assert pages >= 9  # a page break between departments
    for code in (f"{n:03d}" for n in range(1, 36)):
        assert code in text
    assert "师资科" in text
    assert "第1页共" in text


def test_the_cli_writes_each_export(demo: Workspace, tmp_path: Path) -> None:
    folder = str(demo.folder)
    assert (
        main(
            ["export", "checklist", "--workspace", folder, "--out", str(tmp_path / "c.docx"), "--department", "师资科"]
        )
        == 0
    )
    assert main(["export", "sheet", "--workspace", folder, "--out", str(tmp_path / "s.xlsx")]) == 0
    assert main(["export", "checklist", "--workspace", folder, "--out", str(tmp_path / "c.txt")]) == 2
    assert (
        main(
            [
                "export",
                "checklist",
                "--workspace",
                folder,
                "--out",
                str(tmp_path / "x.docx"),
                "--department",
                "不存在科",
            ]
        )
        == 2
    )
    assert (tmp_path / "c.docx").is_file()
    assert (tmp_path / "s.xlsx").is_file()
    assert not (tmp_path / "x.docx").exists()


def test_every_header_word_of_the_word_checklist_fits_its_column(demo: Workspace, tmp_path: Path) -> None:
    """ "一级指/标", "分/值": a header cell must hold its text on one line, at its font size, inside its padding."""
    out = write_checklist_docx(build_checklist(demo, 1), tmp_path / "清单.docx")
    for table in docx.Document(str(out)).tables:
        tbl = table._tbl
        margins = tbl.tblPr.find(qn("w:tblCellMar"))  # else Table Grid's 108 twips a side
        padding = (
            216 if margins is None else sum(int(margins.find(qn(f"w:{s}")).get(qn("w:w"))) for s in ("left", "right"))
        )
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
        for tr in tbl.findall(qn("w:tr")):  # every cell carries its column's width
            assert [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in tr.findall(qn("w:tc"))] == grid
        for column, cell in enumerate(table.rows[0].cells):
            run = cell.paragraphs[0].runs[0]
            ems = sum(1 if ord(char) > 0x2E80 else 0.5 for char in cell.text)
            needed = ems * run.font.size.pt * 20 + padding
            assert grid[column] >= needed, f"{cell.text}: {grid[column]} twips < {needed}"


def test_columns_fit_their_headers_at_every_depth() -> None:
    from egov_desk.core.exports.checklist_docx import TEXT_WIDTH_MM, columns, fits

    for depth in range(1, 6):
        headers, widths = columns(depth)
        assert abs(sum(widths) - TEXT_WIDTH_MM) < 0.2
        assert all(width >= fits(header) for header, width in zip(headers, widths, strict=True))


@needs_libreoffice
def test_the_checklist_headers_come_out_whole_in_libreoffice(demo: Workspace, tmp_path: Path) -> None:
    out = write_checklist_docx(build_checklist(demo, 1, "计财科"), tmp_path / "计财科.docx")
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    layout = subprocess.run(
        ["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"], capture_output=True, text=True, check=True
    ).stdout
    header = next(line for line in layout.splitlines() if "一级指标" in line)
    for word in ("二级指标", "三级指标", "编号", "分值", "职责", "评分细则", "需提供的材料", "目前状态", "备注"):
        assert word in header.split(), header


def test_each_row_says_who_leads_and_who_cooperates(demo: Workspace, tmp_path: Path) -> None:
    checklist = build_checklist(demo, 1, "师资科")
    duties = {row.item.code: row.duty for row in checklist.sections[0].rows}
    assert duties["027"] == "配合（牵头：政策法规科）"
    assert duties["023"] == "配合（牵头：信息中心）"
    lead = {row.item.code: row.duty for row in build_checklist(demo, 1, "政策法规科").sections[0].rows}
    assert lead["027"] == "牵头（配合：师资科、基教科）"
    assert lead["008"] == "牵头"  # nobody helps
    out = write_checklist_docx(checklist, tmp_path / "师资科.docx")
    table = docx.Document(str(out)).tables[0]
    column = [cell.text for cell in table.rows[0].cells].index("职责")
    assert [row.cells[column].text for row in table.rows[1:]] == [
        "配合（牵头：信息中心）",
        "配合（牵头：政策法规科）",
        "配合（牵头：政策法规科）",
        "配合（牵头：政策法规科）",
    ]


def test_the_checklist_is_signed_with_the_filled_by_name_and_the_report_date(demo: Workspace, tmp_path: Path) -> None:
    demo.update_assessment(1, unit="淮北市教育局", filled_by="王晓梅", report_date=date(2019, 12, 5))
    out = write_checklist_docx(build_checklist(demo, 1, "师资科"), tmp_path / "师资科.docx")
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "填报人：王晓梅" in text
    assert "日期：2019年12月5日" in text
    assert "单位：淮北市教育局" in text
    assert "淮北市教育局" in document.sections[0].header.paragraphs[0].text
