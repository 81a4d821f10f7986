"""Tables without points or codes are real systems: imported as pass/fail items, never refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from egov_desk.core.importers.findings import all_items
from egov_desk.core.importers.pipeline import import_table, system_data
from egov_desk.core.indicators import system_from_interchange
from tests.core.importing.files import write_xlsx

SELF_ASSESSMENT = [
    ["义务教育学校办学规范自评表"],
    ["序号", "评估内容", "评估要点", "合格", "基本合格", "不合格", "自评说明"],
    ["1", "办学条件", "生均校舍面积达到省定标准", "", "", "", ""],
    ["2", "", "按规定配齐实验室和专用教室", "", "", "", ""],
    ["3", "队伍建设", "教师持证上岗率100%", "", "", "", ""],
]


def scorings(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [item["scoring"] for item in all_items(data["tree"])]


def test_a_self_assessment_sheet_with_judgement_columns_imports_as_pass_fail(tmp_path: Path) -> None:
    result = import_table(write_xlsx(tmp_path / "self.xlsx", SELF_ASSESSMENT))
    levels = ["合格", "基本合格", "不合格"]
    assert scorings(result.data) == [{"type": "pass_fail", "levels": levels}] * 3
    assert [(n["name"], len(n["items"])) for n in result.data["tree"]] == [("办学条件", 2), ("队伍建设", 1)]
    assert result.data["total_points"] is None
    messages = [f.message for f in result.findings]
    assert (
        "有“合格”“基本合格”“不合格”列：3 项按合格评定导入（合格 / 基本合格 / 不合格），不计分：指标 第3–5行" in messages
    )
    assert not [m for m in messages if "没有分值" in m or "未识别的列“合格”" in m or "不是 100" in m]


def test_the_imported_sheet_is_a_usable_system(tmp_path: Path) -> None:
    result = import_table(write_xlsx(tmp_path / "self.xlsx", SELF_ASSESSMENT))
    system = system_from_interchange(system_data(result))
    assert [(item.code, item.scoring.type) for item in system.items()] == [
        ("1", "pass_fail"),
        ("2", "pass_fail"),
        ("3", "pass_fail"),
    ]


def test_the_levels_are_those_the_columns_name(tmp_path: Path) -> None:
    rows = [
        ["指标", "评价标准", "达标", "基本达标", "未达标"],
        ["课程开设", "开齐开足国家课程", "", "", ""],
        ["作业管理", "书面作业总量符合规定", "", "", ""],
    ]
    result = import_table(write_xlsx(tmp_path / "levels.xlsx", rows))
    assert scorings(result.data) == [{"type": "pass_fail", "levels": ["达标", "基本达标", "未达标"]}] * 2


def test_a_threshold_table_without_points_or_codes_gets_codes_in_table_order(tmp_path: Path) -> None:
    rows = [
        ["县域义务教育优质均衡发展指标"],
        ["指标", "评价标准"],
        ["每百名学生拥有高于规定学历教师数", "小学>=4.2人，初中>=5.3人"],
        ["每百名学生拥有县级以上骨干教师数", "小学、初中均达到1人以上"],
        ["生均体育运动场馆面积", "小学>=7.5平方米，初中>=10.2平方米"],
    ]
    result = import_table(write_xlsx(tmp_path / "threshold.xlsx", rows))
    items = all_items(result.data["tree"])
    assert [item["code"] for item in items] == ["001", "002", "003"]
    assert all(scoring["type"] == "pass_fail" for scoring in scorings(result.data))
    messages = [f.message for f in result.findings]
    assert "3 项没有编号，按顺序编为 001–003：指标 第3–5行" in messages
    assert not [m for m in messages if "没有分值" in m]
    assert not result.errors


def test_a_scored_table_is_not_read_as_pass_fail(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "分值", "评分细则", "合格"],
        ["发展环境（100）", "100", "有计划的，得100分", ""],
    ]
    result = import_table(write_xlsx(tmp_path / "scored.xlsx", rows))
    assert scorings(result.data)[0]["type"] != "pass_fail"
    assert result.data["total_points"] == 100
