"""A table without points (合格 / 基本合格 / 不合格 on every item) says its judgements — counted, the worst under a
level — and its score sheet and report say them the same way, never 0.00 / 0."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import openpyxl

from egov_desk.core.exports.report import report_context, write_report
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.indicators import system_from_interchange
from egov_desk.core.judgements import Judgement, count_judgements, judged_only, judgement, worst_below, worst_judgement
from egov_desk.core.scoring import score_system
from egov_desk.core.workspace import Workspace

LEVELS = ["合格", "基本合格", "不合格"]


def judged_item(code: str, rule: str, lead: str) -> dict[str, Any]:
    return {"code": code, "points": 0, "rule": rule, "lead": lead, "scoring": {"type": "pass_fail", "levels": LEVELS}}


def judged_system_data() -> dict[str, Any]:
    """A supervision self-assessment sheet: two A级 of two B级 each, six items judged, no points anywhere."""
    return {
        "title": "2024年县域义务教育学校督导评估自评表",
        "year": 2024,
        "total_points": None,
        "tree": [
            {
                "name": "A1 办学条件",
                "children": [
                    {
                        "name": "B1 校舍场地",
                        "items": [
                            judged_item("001", "生均校舍建筑面积达到省定标准", "后勤科"),
                            judged_item("002", "运动场地达到省定标准", "后勤科"),
                        ],
                    },
                    {"name": "B2 装备配置", "items": [judged_item("003", "按标准配齐实验室、功能室", "装备科")]},
                ],
            },
            {
                "name": "A2 队伍建设",
                "children": [
                    {"name": "B3 教师配备", "items": [judged_item("004", "专任教师学历合格率100%", "人事科")]},
                    {
                        "name": "B4 教师培训",
                        "items": [
                            judged_item("005", "教师每五年完成360学时培训", "师训科"),
                            judged_item("006", "校长每年参加培训", "师训科"),
                        ],
                    },
                ],
            },
        ],
    }


# 合格 3 · 基本合格 1 · 不合格 0 · 未评定 2
JUDGED = {"001": {"level": 0}, "002": {"level": 1}, "003": {"level": 0}, "004": {"level": 0}}


def test_the_judgements_are_counted_level_by_level_with_the_items_not_judged_yet() -> None:
    system = system_from_interchange(judged_system_data())
    assert judged_only(system)
    sheet = score_system(system, JUDGED)
    counts = count_judgements(sheet)
    assert counts.levels == (("合格", 3), ("基本合格", 1), ("不合格", 0))
    assert (counts.judged, counts.unjudged, counts.items) == (4, 2, 6)
    assert counts.text() == "合格 3 · 基本合格 1 · 不合格 0 · 未评定 2"
    assert count_judgements(sheet, (0,)).text() == "合格 2 · 基本合格 1 · 不合格 0"
    assert count_judgements(sheet, (1,)).text() == "合格 1 · 基本合格 0 · 不合格 0 · 未评定 2"


def test_an_item_says_its_judgement_and_a_level_the_worst_below_it() -> None:
    system = system_from_interchange(judged_system_data())
    sheet = score_system(system, JUDGED | {"005": {"level": 2}})
    found = judgement(system.item("002"), sheet.items["002"])
    assert found == Judgement("基本合格", 1, 3)
    assert not found.best
    assert not found.failing
    assert judgement(system.item("006"), sheet.items["006"]) is None  # not judged yet
    assert worst_judgement(sheet, (1,)) == Judgement("不合格", 2, 3)
    assert Judgement("不合格", 2, 3).failing
    assert worst_judgement(sheet, (0,)) == Judgement("基本合格", 1, 3)
    assert worst_below(system.node((1,)), sheet.nodes[(1,)]) == Judgement("不合格", 2, 3)  # a level's own score
    assert worst_judgement(score_system(system, {}), (0,)) is None


def test_a_table_with_points_is_not_judged_only() -> None:
    data = judged_system_data()
    data["tree"][0]["children"][0]["items"][0] = {"code": "001", "points": 10, "scoring": {"type": "manual"}}
    system = system_from_interchange(data)
    assert not judged_only(system)
    sheet = score_system(system, {"001": {"score": 8}})
    assert judgement(system.item("001"), sheet.items["001"]) is None
    assert count_judgements(sheet).items == 5  # the pass/fail items only


def judged_assessment(workspace: Workspace, inputs: dict[str, Any]) -> int:
    system = workspace.add_system(judged_system_data(), "test:督导").system_id
    assessment = workspace.create_assessment(system, "测试学校", 2024).assessment_id
    for code, inp in inputs.items():
        workspace.set_input(assessment, code, inp)
    return assessment


def test_the_score_sheet_says_each_judgement_and_counts_them_in_the_levels_and_the_total_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    assessment = judged_assessment(workspace, JUDGED)
    sheet = openpyxl.load_workbook(write_score_sheet(workspace, assessment, tmp_path / "得分表.xlsx")).active
    headers = [cell.value for cell in sheet[2]]
    code, score, points = headers.index("编号"), headers.index("自评得分"), headers.index("分值")
    rows = {row[code].value: row for row in sheet.iter_rows(min_row=3) if row[code].value}
    assert [rows[c][score].value for c in ("001", "002", "005")] == ["合格", "基本合格", None]
    assert rows["005"][score + 1].value == "未评定"
    assert {rows[c][points].value for c in rows} == {None}  # no 分值 0
    assert rows["001"][0].value == "A1 办学条件\n合格 2 · 基本合格 1 · 不合格 0"
    total = next(row for row in sheet.iter_rows(min_row=3) if row[0].value == "合计")
    assert total[score].value is None
    assert total[points].value is None
    assert total[score + 1].value == "合格 3 · 基本合格 1 · 不合格 0 · 未评定 2"
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not any("0.00" in text for text in texts)


def report_text(workspace: Workspace, assessment: int, out: Path) -> str:
    document = docx.Document(str(write_report(workspace, assessment, out)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def test_the_report_counts_the_judgements_where_the_total_would_stand(workspace: Workspace, tmp_path: Path) -> None:
    assessment = judged_assessment(workspace, JUDGED)
    text = report_text(workspace, assessment, tmp_path / "报告.docx")
    assert "本次自评共 6 个评定项，已评定 4 项：合格 3 项、基本合格 1 项、不合格 0 项；尚有 2 项未评定。" in text
    assert "合格 3 · 基本合格 1 · 不合格 0 · 未评定 2" in text  # the table's 合计 row
    assert "合格 2 · 基本合格 1 · 不合格 0" in text  # A1's row
    assert "评定：基本合格。" in text
    assert "自评总分" not in text
    context = report_context(workspace, assessment)
    assert context["max"] == "—"
    entry = next(entry for entry in context["items"] if entry["code"] == "002")
    assert (entry["judged"], entry["judgement"]) == (True, "基本合格")


def test_the_reports_summary_when_nothing_or_everything_is_judged(workspace: Workspace) -> None:
    assessment = judged_assessment(workspace, {})
    nothing = report_context(workspace, assessment)["summary"]
    assert nothing == "本次自评共 6 个评定项，均尚未评定，评定结果待评定后确定。"
    for code in ("005", "006"):
        workspace.set_input(assessment, code, {"level": 2})
    for code, inp in JUDGED.items():
        workspace.set_input(assessment, code, inp)
    summary = report_context(workspace, assessment)["summary"]
    assert summary == "本次自评共 6 个评定项，已全部评定：合格 3 项、基本合格 1 项、不合格 2 项。"


def test_the_reports_item_lines_say_the_judgement_not_points(workspace: Workspace, tmp_path: Path) -> None:
    system = workspace.add_system(judged_system_data(), "test:judged-lines").system_id
    assessment = workspace.create_assessment(system, "测试单位", 2024).assessment_id
    workspace.set_input(assessment, "001", {"level": 0})
    document = docx.Document(str(write_report(workspace, assessment, tmp_path / "报告.docx")))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "评定：合格。" in text
    assert "尚未评定。" in text
    assert "分值 0 分" not in text
