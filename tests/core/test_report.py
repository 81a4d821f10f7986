"""The self-assessment report: what needs attention first, headings as GB/T 9704 sets them, the unit, the date."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from egov_desk.core.exports.report import write_report
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace
from tests.core.rendering import needs_libreoffice, render


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
