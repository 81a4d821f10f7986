"""The score sheet and the package index: the original layout, numbers as numbers, text as text, set to print
(the checklist and the command line's exports: test_exports.py)."""

from __future__ import annotations

import subprocess
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from egov_desk.cli import main
from egov_desk.core.exports.package import export_package
from egov_desk.core.exports.score_import import import_scores
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace
from tests.core.rendering import needs_libreoffice, render


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
