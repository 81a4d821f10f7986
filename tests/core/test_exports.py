"""Exports opened by the libraries that read them, and rendered by LibreOffice where layout matters."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from openpyxl.utils import get_column_letter

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.exports.checklist import build_checklist
from egov_desk.core.exports.checklist_docx import write_checklist_docx
from egov_desk.core.exports.package import export_package
from egov_desk.core.exports.report import write_report
from egov_desk.core.exports.score_import import import_scores
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_without_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (make test installs libreoffice-writer-nogui on Debian)"
)


def needs_libreoffice(test: Callable[..., None]) -> Callable[..., None]:
    """A test that renders through LibreOffice: marked slow (`-m "not slow"` leaves it out), skipped without it."""
    return pytest.mark.slow(_without_libreoffice(test))


@pytest.fixture
def demo(tmp_path: Path) -> Workspace:
    workspace = create_demo_workspace(tmp_path / "demo")
    yield workspace
    workspace.close()


def render(path: Path) -> tuple[int, str]:
    """LibreOffice → PDF → (pages, text), as a reader would see the document."""
    out = path.parent / "rendered"
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(path.parent), "PATH": "/usr/bin:/bin"},
    )
    pdf = out / (path.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pages, "".join(unicodedata.normalize("NFKC", text).split())  # layout breaks lines anywhere


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


def test_the_score_sheet_has_the_original_layout_scores_and_print_settings(demo: Workspace, tmp_path: Path) -> None:
    out = write_score_sheet(demo, 1, tmp_path / "得分表.xlsx")
    sheet = openpyxl.load_workbook(out).active
    headers = [cell.value for cell in sheet[2]]
    assert headers == [
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "评分细则",
        "编号",
        "备注",
        "牵头科室",
        "配合科室",
        "自评得分",
        "得分说明",
        "材料情况",
    ]
    rows = {row[5]: row for row in sheet.iter_rows(min_row=3, values_only=True) if row[5]}
    assert rows["021"][9] == 2.33
    assert rows["021"][10].startswith("挂接具体数据资源的目录数 7/9")
    assert rows["015"][9] is None
    assert rows["015"][10] == "未评分"
    assert rows["002"][11] == "已收集 1/2"
    assert str(sheet.cell(3, 1).value).startswith("发展环境（14）")
    assert any(str(r.coord).startswith("A3:") for r in sheet.merged_cells.ranges)  # level cells merged
    total = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "合计")
    assert total[3] == 100
    assert total[9] == 65.75
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows.replace("$", "") == "1:2"


def test_typed_scores_come_back_from_the_sheet(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_score_sheet(demo, 1, tmp_path / "得分表.xlsx")
    book = openpyxl.load_workbook(out)
    sheet = book.active
    for row in sheet.iter_rows(min_row=3):
        code = row[5].value
        if code == "022":  # manual, not scored yet
            row[9].value = 2.5
        elif code == "008":  # external, was 8.6
            row[9].value = 9
        elif code == "021":  # a ratio: scored by its inputs, not by a typed number
            row[9].value = 3
        elif code == "004":  # manual, over its 3 points
            row[9].value = 5
    book.save(out)
    result = import_scores(demo, 1, out)
    assert sorted(code for code, _, _ in result.changed) == ["008", "022"]
    assert {code for code, _ in result.refused} == {"004", "021"}
    assert dict(result.refused)["004"] == "自评得分 5 超过满分 3"  # worded in Chinese unless asked otherwise
    assert demo.inputs(1)["022"] == {"score": 2.5}
    assert demo.inputs(1)["008"] == {"score": 9}
    assert demo.inputs(1)["021"] == {"numerator": 7, "denominator": 9}
    assert import_scores(demo, 1, out).changed == []  # importing again changes nothing
    assert main(["import-scores", str(out), "--workspace", str(demo.folder), "--dry-run"]) == 2  # refusals stay
    assert "refused" in capsys.readouterr().err


def test_the_report_lists_what_needs_attention_first(demo: Workspace, tmp_path: Path) -> None:
    out = write_report(demo, 1, tmp_path / "报告.docx")
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "市教育局2019年电子政务工作绩效" in text
    assert "自评总分 65.75 分（满分 100 分）" in text
    attention = text.index("二、需重点关注的事项")
    items = text.index("三、各评分项自评情况")
    assert "015" in text[attention:items]  # unscored
    assert "{{" not in text
    assert "{%" not in text
    first_item = text[items:].split("\n")[1]
    assert "（一）001" in first_item  # 001 lacks evidence: listed before the complete ones
    levels = [row.cells[0].text for row in document.tables[0].rows]
    assert levels == [
        "一级指标",
        "发展环境",
        "基础设施",
        "重点系统应用",
        "政务信息资源交换共享和开发利用",
        "安全保障",
        "合计",
    ]


def test_a_replacement_template_is_used(demo: Workspace, tmp_path: Path) -> None:
    template = docx.Document()
    template.add_paragraph("{{ unit }}：{{ total }}/{{ max }}")
    template.save(str(tmp_path / "mine.docx"))
    out = write_report(demo, 1, tmp_path / "r.docx", template=tmp_path / "mine.docx")
    assert docx.Document(str(out)).paragraphs[0].text == "市教育局：65.75/100"


@needs_libreoffice
def test_the_report_and_sheet_render_in_libreoffice(demo: Workspace, tmp_path: Path) -> None:
    pages, text = render(write_report(demo, 1, tmp_path / "报告.docx"))
    assert pages >= 3
    assert "自评总分65.75分" in text
    assert "第1页共" in text
    pages, text = render(write_score_sheet(demo, 1, tmp_path / "得分表.xlsx"))
    assert pages >= 1
    assert "021" in text
    assert "65.75" in text


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


FORMULAS = {
    "rule": "=2019年度工作计划，得1分",
    "requirement": '=HYPERLINK("http://example.invalid","点此查看")',
    "file": "=cmd 计划.pdf",
    "note": "=1+1",
}


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Workspace, int]:
    """A table whose texts start with "=": a rule, a requirement, a file's name and a note, as imported tables and
    scans come."""
    workspace = Workspace.open(tmp_path / "hostile", unit="市教育局")
    data = template_data("builtin:2019")

    def walk(nodes: list[dict]) -> None:
        for node in nodes:
            for item in node.get("items", []):
                if item["code"] == "002":
                    item["rule"] = FORMULAS["rule"]
            walk(node.get("children", []))

    walk(data["tree"])
    system = workspace.add_system(data | {"title": "2019年考评（含公式样文字）"}, key="test:formulas").system_id
    assessment = workspace.create_assessment(system, "市教育局", 2019).assessment_id
    requirement = workspace.evidence.add_requirement(assessment, "002", FORMULAS["requirement"]).requirement_id
    scan = tmp_path / "scans" / FORMULAS["file"]
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    workspace.evidence.attach(assessment, "002", [scan], requirement_id=requirement)
    workspace.set_note(assessment, "002", FORMULAS["note"])
    yield workspace, assessment
    workspace.close()


def data_cells_are_text(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    """Every cell with a value is a number or text — never a formula; returns the texts."""
    texts = []
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            assert cell.data_type in ("s", "n"), f"{cell.coordinate} {cell.value!r} is {cell.data_type}"
            if cell.data_type == "n":
                assert isinstance(cell.value, (int, float)), cell.coordinate
            else:
                texts.append(cell.value)
    return texts


def package_index(workspace: Workspace, assessment: int, folder: Path, department: str | None = None) -> Path:
    out = folder / "包.zip"
    export_package(workspace, assessment, out, department=department)
    with zipfile.ZipFile(out) as package:
        (folder / "材料清单.xlsx").write_bytes(package.read("材料清单.xlsx"))
    return folder / "材料清单.xlsx"


def test_text_from_data_stays_text_in_the_package_index(hostile: tuple[Workspace, int], tmp_path: Path) -> None:
    texts = data_cells_are_text(openpyxl.load_workbook(package_index(*hostile, tmp_path)).active)
    assert FORMULAS["requirement"] in texts
    assert any(text.endswith(FORMULAS["file"]) for text in texts)


def test_the_package_index_is_set_up_to_print(demo: Workspace, tmp_path: Path) -> None:
    demo.update_assessment(1, unit="淮北市教育局")
    sheet = openpyxl.load_workbook(package_index(demo, 1, tmp_path)).active
    title = sheet.cell(1, 1).value
    assert "淮北市教育局" in title
    assert "2019年" in title
    assert any(str(r.coord).startswith("A1:") for r in sheet.merged_cells.ranges)
    headers = [cell.value for cell in sheet[2]]
    assert headers[:3] == ["编号", "材料要求", "文件（包内路径）"]
    set_widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items() if dim.customWidth}
    for column, header in enumerate(headers, start=1):
        assert set_widths.get(get_column_letter(column), 0) >= 6, header
    for row in sheet.iter_rows(min_row=3):
        assert all(cell.alignment.wrap_text for cell in row)
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows.replace("$", "") == "2:2"  # the header on every printed page
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


@needs_libreoffice
def test_the_package_index_prints_every_column_and_the_header_on_each_page(demo: Workspace, tmp_path: Path) -> None:
    index = package_index(demo, 1, tmp_path)
    pages, _ = render(index)
    assert pages >= 2
    pdf = tmp_path / "rendered" / "材料清单.pdf"
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = "".join(unicodedata.normalize("NFKC", text).split())
        for header in ("编号", "材料要求", "SHA-256", "状态"):  # one page wide: the last column is on every page
            assert header in text, (page, header)


def score_rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> tuple[list[tuple], int]:
    """The rows of the score sheet from the first item to 合计, and the 合计 row's number."""
    total = next(cell.row for cell in sheet["A"] if cell.value == "合计")
    return [row for row in sheet.iter_rows(min_row=3, max_row=total)], total


def test_scores_and_points_are_numbers_with_one_format_per_column(demo: Workspace, tmp_path: Path) -> None:
    """ "3", "1.5", "2.4" in one column: every score is a number shown with two places, every 分值 alike."""
    sheet = openpyxl.load_workbook(write_score_sheet(demo, 1, tmp_path / "得分表.xlsx")).active
    headers = [cell.value for cell in sheet[2]]
    rows, _ = score_rows(sheet)
    scores = [row[headers.index("自评得分")] for row in rows]
    points = [row[headers.index("分值")] for row in rows]
    assert {cell.number_format for cell in scores} == {"0.00"}
    assert len({cell.number_format for cell in points}) == 1
    assert points[0].number_format != "General"
    for cell in points + [c for c in scores if c.value is not None]:
        assert cell.data_type == "n"
        assert isinstance(cell.value, (int, float))
    assert len([c for c in scores if c.value is not None]) >= 25  # the demo's scored items and the total


def test_the_score_sheet_ends_with_who_filled_it_in_and_the_date(demo: Workspace, tmp_path: Path) -> None:
    demo.update_assessment(1, unit="淮北市教育局", filled_by="王晓梅", report_date=date(2019, 12, 20))
    sheet = openpyxl.load_workbook(write_score_sheet(demo, 1, tmp_path / "得分表.xlsx")).active
    assert "淮北市教育局" in sheet["A1"].value
    _, total = score_rows(sheet)
    below = [cell.value for row in sheet.iter_rows(min_row=total + 1) for cell in row if cell.value]
    blank = "＿" * 8
    assert below == ["填报人：王晓梅", f"审核人：{blank}", f"单位（盖章）：{blank}", "日期：2019年12月20日"]
    demo.update_assessment(1, filled_by="", report_date=None)
    sheet = openpyxl.load_workbook(write_score_sheet(demo, 1, tmp_path / "得分表.xlsx")).active
    _, total = score_rows(sheet)
    below = [cell.value for row in sheet.iter_rows(min_row=total + 1) for cell in row if cell.value]
    today = date.today()
    assert below[0] == "填报人：＿＿＿＿＿＿＿＿"
    assert below[-1] == f"日期：{today.year}年{today.month}月{today.day}日"  # the day of the export


def test_text_from_data_stays_text_in_the_score_sheet(hostile: tuple[Workspace, int], tmp_path: Path) -> None:
    workspace, assessment = hostile
    sheet = openpyxl.load_workbook(write_score_sheet(workspace, assessment, tmp_path / "得分表.xlsx")).active
    texts = data_cells_are_text(sheet)
    assert FORMULAS["rule"] in texts


@needs_libreoffice
def test_the_printed_score_sheet_ends_with_the_signature_block(demo: Workspace, tmp_path: Path) -> None:
    demo.update_assessment(1, filled_by="王晓梅", report_date=date(2019, 12, 20))
    _, text = render(write_score_sheet(demo, 1, tmp_path / "得分表.xlsx"))
    assert text.index("合计") < text.index("填报人:王晓梅")
    assert "审核人:" in text
    assert "单位(盖章):" in text
    assert "日期:2019年12月20日" in text


def all_items(data: dict) -> list[dict]:
    found = []

    def walk(nodes: list[dict]) -> None:
        for node in nodes:
            found.extend(node.get("items", []))
            walk(node.get("children", []))

    walk(data["tree"])
    return found


@pytest.fixture
def judged(tmp_path: Path) -> tuple[Workspace, int, list[str]]:
    """The 2019 table with every item judged by a person: nothing scored yet, then as much as a test likes."""
    workspace = Workspace.open(tmp_path / "judged", unit="淮北市教育局")
    data = template_data("builtin:2019")
    for item in all_items(data):
        item["scoring"] = {"type": "manual"}
        item["evidence"] = "市发改委提供"  # nothing to collect: only scores can be missing
    system = workspace.add_system(data | {"title": "2019年考评（人工评分）"}, key="test:manual").system_id
    assessment = workspace.create_assessment(system, "淮北市教育局", 2019).assessment_id
    yield workspace, assessment, [item["code"] for item in all_items(data)]
    workspace.close()


def report_text(workspace: Workspace, assessment: int, out: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(write_report(workspace, assessment, out))).paragraphs)


def reads_right(text: str) -> None:
    for wrong in ("未评分 分", "自评 未评分", "。。", "{{", "{%", "由平台检查提供"):
        assert wrong not in text, wrong


def test_the_report_reads_right_whether_nothing_part_or_all_is_scored(
    judged: tuple[Workspace, int, list[str]], tmp_path: Path
) -> None:
    workspace, assessment, codes = judged
    text = report_text(workspace, assessment, tmp_path / "none.docx")
    reads_right(text)
    assert "本次自评共 35 个评分项（满分 100 分），均尚未评分，自评总分待评分后确定。" in text
    assert "自评总分 0.00" not in text
    assert "分值 4 分，尚未评分。" in text
    workspace.set_inputs(assessment, {code: {"score": 1} for code in codes[:5]})
    text = report_text(workspace, assessment, tmp_path / "part.docx")
    reads_right(text)
    assert "已评分 5 项，尚有 30 项未评分；目前自评总分 5.00 分（满分 100 分），未评分部分暂未计分。" in text
    assert "分值 4 分，自评 1.00 分。" in text
    workspace.set_inputs(assessment, {code: {"score": 1} for code in codes})
    text = report_text(workspace, assessment, tmp_path / "all.docx")
    reads_right(text)
    assert "本次自评共 35 个评分项，已全部评分，自评总分 35.00 分（满分 100 分）。" in text
    assert "尚未评分" not in text


def test_a_partly_filled_sum_reads_as_such(demo: Workspace, tmp_path: Path) -> None:
    text = report_text(demo, 1, tmp_path / "报告.docx")
    reads_right(text)
    assert "（其中 1 项分项尚未填完）" in text
    assert "分值 2 分，分项尚未填完，已填部分计 1.40 分。" in text  # 019
    assert "佐证材料：通过平台检查核实。" in text


def test_the_report_headings_are_word_headings_set_as_gb_t_9704(demo: Workspace, tmp_path: Path) -> None:
    document = docx.Document(str(write_report(demo, 1, tmp_path / "报告.docx")))
    paragraphs = document.paragraphs
    first = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert first == ["一、总体情况", "二、需重点关注的事项", "三、各评分项自评情况"]
    second = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert len(second) == 35
    assert second[0].startswith("（一）001")
    assert second[-1].startswith("（三十五）")
    for level, font in ((1, "黑体"), (2, "楷体")):
        style = document.styles[f"Heading {level}"]
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == font
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over the named one
        assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)  # navigation pane
        assert style.paragraph_format.keep_with_next
        assert not style.font.bold
        for paragraph in paragraphs:
            if paragraph.style.name == f"Heading {level}":
                assert all(run._element.rPr.rFonts.get(qn("w:eastAsia")) == font for run in paragraph.runs)
    attention = next(i for i, p in enumerate(paragraphs) if p.text == "二、需重点关注的事项")
    assert paragraphs[attention + 1].text.startswith("以下")
    assert paragraphs[attention + 1].paragraph_format.keep_with_next  # the intro stays with the first item


def test_a_short_list_after_a_heading_stays_together(judged: tuple[Workspace, int, list[str]], tmp_path: Path) -> None:
    workspace, assessment, codes = judged
    workspace.set_inputs(assessment, {code: {"score": 1} for code in codes[2:]})  # 2 left
    document = docx.Document(str(write_report(workspace, assessment, tmp_path / "报告.docx")))
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "二、需重点关注的事项")
    end = next(i for i, p in enumerate(paragraphs) if p.text == "三、各评分项自评情况")
    section = [p for p in paragraphs[start + 1 : end] if p.text.strip()]
    assert [p.text for p in section] == [
        "以下2个评分项尚未评分，请牵头科室抓紧落实：",
        "001 参加市电子政务管理部门组织的调研、座谈、会议情况（尚未评分；牵头科室：政策法规科）",
        "002 有2019年本单位电子政务工作计划及完成情况的（尚未评分；牵头科室：信息中心）",
    ]
    assert all(p.paragraph_format.keep_with_next for p in section[:-1])


@needs_libreoffice
def test_no_heading_is_left_alone_at_the_foot_of_a_page(demo: Workspace, tmp_path: Path) -> None:
    from egov_desk.core.demo_files import png

    chart = png(1500, 580, (255, 255, 255))  # the size of the window's bar chart: 二、 fell at the foot of page 1
    out = write_report(demo, 1, tmp_path / "报告.docx", chart_png=chart)
    pages, _ = render(out)
    pdf = tmp_path / "rendered" / "报告.pdf"
    headings = ("一、总体情况", "二、需重点关注的事项", "三、各评分项自评情况")
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        page_text = "".join(unicodedata.normalize("NFKC", text).split())
        assert re.search(r"第\d+页共\d+页$", page_text), page_text[-40:]  # the footer ends the page's text
        for heading in (unicodedata.normalize("NFKC", h) for h in headings):
            assert not re.search(heading + r"第\d+页共\d+页$", page_text), (page, heading)


def test_the_report_names_the_unit_who_filled_it_in_and_the_date(demo: Workspace, tmp_path: Path) -> None:
    demo.update_assessment(1, unit="淮北市教育局", filled_by="王晓梅", report_date=date(2019, 12, 5))
    document = docx.Document(str(write_report(demo, 1, tmp_path / "报告.docx")))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[0] == "淮北市教育局2019年电子政务工作绩效"
    assert texts[-3:] == ["填报人：王晓梅", "淮北市教育局", "2019年12月5日"]
    assert "淮北市教育局" in document.sections[0].header.paragraphs[0].text
    demo.update_assessment(1, filled_by="", report_date=None)
    document = docx.Document(str(write_report(demo, 1, tmp_path / "报告2.docx")))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    today = date.today()
    assert texts[-2:] == ["淮北市教育局", f"{today.year}年{today.month}月{today.day}日"]
    assert not any(text.startswith("填报人") for text in texts)


def test_ampersands_and_angle_brackets_in_the_data_reach_the_report(demo: Workspace, tmp_path: Path) -> None:
    demo.set_note(1, "004", "A&B <说明> 已核对")
    text = report_text(demo, 1, tmp_path / "报告.docx")
    assert "说明：A&B <说明> 已核对。" in text
