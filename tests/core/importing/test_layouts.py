"""Tables laid out the ways other years and cities publish them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from egov_desk.core.importers.pipeline import import_table, system_data
from egov_desk.core.indicators import system_from_interchange
from tests.core.importing.files import write_docx, write_xlsx


def names(nodes: list[dict[str, Any]]) -> list[Any]:
    """The tree as (name, points, [children…], [item codes…])."""
    return [
        (n["name"], n["points"], names(n.get("children", [])), [i["code"] for i in n.get("items", [])]) for n in nodes
    ]


def items(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for node in nodes:
        found |= items(node.get("children", []))
        found |= {item["code"]: item for item in node.get("items", [])}
    return found


def test_fill_down_without_merges_and_a_title_row_and_a_total_row(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "filldown.xlsx",
        [
            ["2020年度电子政务绩效考核指标"],
            ["一级指标", "二级指标", "分值", "评分标准", "责任单位"],
            ["发展环境（20分）", "统筹协调（10分）", "5", "有年度计划的，得5分", "办公室"],
            ["", "", "5", "每项1分，最高5分", "办公室、信息中心"],
            ["", "项目管理（10分）", "10", "根据实际情况评分", "计财科"],
            ["基础设施（80分）", "网络（80分）", "80", "取年度考核结果", "信息中心"],
            ["合计", "", "100", "", ""],
            ["备注：1.各单位于12月20日前报送材料。", "", "", "", ""],
        ],
    )
    result = import_table(path)
    assert result.data["title"] == "2020年度电子政务绩效考核指标"
    assert result.data["year"] == 2020
    assert names(result.data["tree"]) == [
        ("发展环境", 20, [("统筹协调", 10, [], ["001", "002"]), ("项目管理", 10, [], ["003"])], []),
        ("基础设施", 80, [("网络", 80, [], ["004"])], []),
    ]
    found = items(result.data["tree"])
    assert (found["002"]["lead"], found["002"]["cooperating"]) == ("办公室", ["信息中心"])
    assert found["002"]["scoring"] == {"type": "per_unit", "per": 1, "unit": "（项）", "cap": 5}
    assert result.data["total_points"] == 100
    assert any("合计行" in f.message for f in result.findings)
    assert any(f.message == "表注，不作为评分项" for f in result.findings)
    assert any("按顺序编为 001" in f.message for f in result.findings)


def test_two_header_rows_with_points_twice(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "分值", "二级指标", "分值", "评分标准", "责任分工", ""],
        ["", "", "", "", "", "牵头科室", "配合科室"],
        ["发展环境", "30", "统筹协调", "10", "有计划的，得10分", "办公室", "信息中心"],
        ["", "", "项目管理", "20", "每个项目2分，最高20分", "计财科", ""],
        ["基础设施", "70", "网络运行", "70", "取考核结果", "信息中心", "办公室"],
    ]
    merges = [(0, c, 1, c) for c in range(5)] + [(0, 5, 0, 6), (2, 0, 3, 0), (2, 1, 3, 1)]
    result = import_table(write_docx(tmp_path / "two-headers.docx", [(rows, merges)], title="2021年考评细则"))
    assert [(c.role, c.level, c.points_of) for c in result.layout.columns] == [
        ("level", 1, None),
        ("points", None, 1),
        ("level", 2, None),
        ("points", None, None),
        ("rule", None, None),
        ("lead", None, None),
        ("cooperating", None, None),
    ]
    assert names(result.data["tree"]) == [
        ("发展环境", 30, [("统筹协调", 10, [], ["001"]), ("项目管理", 20, [], ["002"])], []),
        ("基础设施", 70, [("网络运行", 70, [], ["003"])], []),
    ]
    assert items(result.data["tree"])["003"]["cooperating"] == ["办公室"]


def test_points_inside_labels_in_several_spellings(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "labels.xlsx",
        [
            ["一级指标", "二级指标", "评分细则", "编号"],
            ["发展环境(20分)", "统筹（１０）", "有计划的，得10分", "A1"],
            ["", "培训 10分", "每次2分，最高10分", "A2"],
            ["基础设施（３０分）", "网络（30）", "取考核结果", "B1"],
            ["安全保障50分", "制度（50分）", "制定制度的，得50分", "C1"],
        ],
    )
    result = import_table(path)
    assert names(result.data["tree"]) == [
        ("发展环境", 20, [("统筹", 10, [], ["A1"]), ("培训", 10, [], ["A2"])], []),
        ("基础设施", 30, [("网络", 30, [], ["B1"])], []),
        ("安全保障", 50, [("制度", 50, [], ["C1"])], []),
    ]
    # no points column: an item alone under its level takes the level's points
    assert [i["points"] for i in items(result.data["tree"]).values()] == [10, 10, 30, 50]


def test_a_table_split_across_pages_is_joined(tmp_path: Path) -> None:
    header = ["一级指标", "二级指标", "分值", "评分细则", "编号"]
    first = [header, ["发展环境（10）", "计划（10）", "10", "有计划的，得10分", "001"]]
    second = [header, ["基础设施（90）", "网络（90）", "90", "取考核结果", "002"]]
    path = write_docx(tmp_path / "split.docx", [(first, []), (second, [])])
    result = import_table(path)
    assert sorted(items(result.data["tree"])) == ["001", "002"]
    assert any("接续上表" in f.message for f in result.findings)
    assert any("重复表头" in f.message for f in result.findings)


def test_a_pass_fail_table(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "pass-fail.xlsx",
        [
            ["考核项目", "考核内容", "评价标准"],
            ["制度建设", "网络安全制度", "制度健全的为合格；部分建立的为基本合格；未建立的为不合格"],
            ["", "应急预案", "预案完备的为合格，否则为不合格"],
            ["系统运行", "网站运行", "全年无中断的为合格"],
        ],
    )
    result = import_table(path)
    found = items(result.data["tree"])
    assert [i["scoring"]["type"] for i in found.values()] == ["pass_fail"] * 3
    assert found["001"]["name"] == "网络安全制度"
    assert result.data["total_points"] is None
    assert not [f for f in result.findings if "没有分值" in f.message or "不是 100" in f.message]
    system_from_interchange(system_data(result))


def test_deductions_and_a_bonus_section(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "二级指标", "分值", "评分细则", "编号", "备注"],
        ["基础工作（100分）", "信息报送（60分）", "60", "每发现一处错报漏报扣0.5分，扣完为止。", "01", "平台检查"],
        ["", "网站维护（40分）", "40", "不低于20%，得40分；每低1%，扣2分", "02", "提供相关材料"],
        ["加分项（5分）", "创新应用（5分）", "5", "获得省级表彰的，每项得1分，最高得5分", "03", ""],
    ]
    result = import_table(write_docx(tmp_path / "deduct.docx", [(rows, [(1, 0, 2, 0)])]))
    found = items(result.data["tree"])
    deduct = {k: v for k, v in found["01"]["scoring"].items() if k != "unit"}
    assert deduct == {"type": "deduct", "per": 0.5, "start": 60, "floor": 0}
    assert {k: found["02"]["scoring"][k] for k in ("type", "start", "per")} == {"type": "deduct", "start": 40, "per": 2}
    assert found["03"]["scoring"] == {"type": "per_unit", "per": 1, "cap": 5, "unit": "获得省级表彰（项）"}
    assert result.data["total_points"] == 100  # the bonus section is outside the 100
    assert any("加分" in f.message for f in result.findings)


def test_columns_in_another_order(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "order.xlsx",
        [
            ["编号", "牵头科室", "评分细则", "分值", "一级指标", "二级指标", "配合科室", "备注", "联系人"],
            ["1", "办公室", "有计划的，得4分", "4", "发展环境（4）", "计划（4）", "信息中心", "计划文件", "张三"],
        ],
    )
    result = import_table(path)
    item = items(result.data["tree"])["1"]
    assert (item["lead"], item["cooperating"], item["points"], item["evidence"]) == (
        "办公室",
        ["信息中心"],
        4,
        "计划文件",
    )
    assert item["columns"] == {"联系人": "张三"}
    assert any("未识别的列“联系人”" in f.message for f in result.findings)


def test_a_four_level_table_with_merged_cells(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "二级指标", "三级指标", "四级指标", "分值", "评分细则"],
        ["A（10）", "A1（10）", "A11（10）", "A111（4）", "4", "有方案的，得4分"],
        ["", "", "", "A112（6）", "6", "每项2分，最高6分"],
        ["B（90）", "B1（90）", "B11（90）", "B111（90）", "90", "取考核结果"],
    ]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2)]
    result = import_table(write_docx(tmp_path / "four.docx", [(rows, merges)]))
    assert names(result.data["tree"]) == [
        ("A", 10, [("A1", 10, [("A11", 10, [("A111", 4, [], ["001"]), ("A112", 6, [], ["002"])], [])], [])], []),
        ("B", 90, [("B1", 90, [("B11", 90, [("B111", 90, [], ["003"])], [])], [])], []),
    ]
    assert system_from_interchange(system_data(result)).depth == 4


def test_levels_given_by_numbering_in_one_column(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "numbered.xlsx",
        [
            ["考核指标", "分值", "评分标准"],
            ["一、发展环境（40分）", "", ""],
            ["（一）统筹协调（40分）", "", ""],
            ["1.工作计划（40分）", "", ""],
            ["（1）年度计划", "20", "有计划的，得20分"],
            ["（2）总结", "20", "有总结的，得20分"],
            ["二、基础设施（60分）", "", ""],
            ["（一）网络（60分）", "", ""],
            ["1.运行（60分）", "", ""],
            ["（1）网络运行", "60", "取考核结果"],
        ],
    )
    result = import_table(path)
    assert names(result.data["tree"]) == [
        ("发展环境", 40, [("统筹协调", 40, [("工作计划", 40, [], ["001", "002"])], [])], []),
        ("基础设施", 60, [("网络", 60, [("运行", 60, [], ["003"])], [])], []),
    ]
    assert items(result.data["tree"])["001"]["name"] == "年度计划"


def test_findings_tie_sums_totals_and_duplicates_to_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "findings.xlsx",
        [
            ["一级指标", "分值", "评分细则", "编号"],
            ["发展环境（10）", "4", "有计划的，得4分", "001"],
            ["", "4", "", "001"],
            ["基础设施（80）", "", "取考核结果", "002"],
            ["", "", "以市考核办评价为准", "003"],
        ],
    )
    result = import_table(path)
    messages = {(f.severity, f.row, f.message) for f in result.findings}
    assert ("warning", "指标 第2行", "一级指标“发展环境”分值 10，下级合计 8") in messages
    assert ("warning", "", "一级指标合计 90 分，不是 100 分") in messages
    assert ("error", "", "编号 001 重复（共 2 处）：指标 第2–3行") in messages
    assert ("warning", "指标 第3行", "001 没有评分细则") in messages
    assert ("warning", "", "2 项没有分值：指标 第4–5行") in messages


def test_a_workbook_with_several_sheets_uses_the_indicator_sheet(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "sheets.xlsx", [["一级指标", "分值", "评分细则"], ["A（100）", "100", "取考核结果"]], extra_sheets=2
    )
    result = import_table(path)
    assert names(result.data["tree"]) == [("A", 100, [], ["001"])]
