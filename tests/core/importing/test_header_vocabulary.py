"""Headers as units' tables word them: other names for rules, points and evidence, fill-in columns, combined
headers ("佐证材料及责任科室", "B级指标及评估要点") and group headers over sub-headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.importers.headers import guess_role
from egov_desk.core.importers.labels import split_evidence_and_departments
from egov_desk.core.importers.pipeline import import_table
from tests.core.importing.files import write_docx, write_xlsx
from tests.core.importing.test_layouts import items, names

RULE_HEADERS = [
    "认定标准",
    "评估等级及认定标准",
    "达标标准",
    "评估要点",
    "考核标准",
    "评价标准",
    "评分标准",
    "计分方法",
]
POINTS_HEADERS = ["权重", "权重占比", "权重分解（100%）", "标准分", "分数", "满分"]
EVIDENCE_HEADERS = ["佐证材料", "需上传材料", "支撑材料", "备查资料"]
FILL_IN_HEADERS = ["指标值", "自评说明", "自评结论", "目标值", "完成值", "自评得分"]


def role_of(header: str) -> str | None:
    guess = guess_role(header)
    return guess.role if guess else None


@pytest.mark.parametrize("header", RULE_HEADERS)
def test_criterion_headers_name_the_rule_column(header: str) -> None:
    assert role_of(header) == "rule"


@pytest.mark.parametrize("header", POINTS_HEADERS)
def test_weight_and_full_mark_headers_name_the_points_column(header: str) -> None:
    assert role_of(header) == "points"


@pytest.mark.parametrize("header", EVIDENCE_HEADERS)
def test_material_headers_name_the_evidence_column(header: str) -> None:
    assert role_of(header) == "evidence"


@pytest.mark.parametrize("header", FILL_IN_HEADERS)
def test_columns_the_unit_fills_in_are_kept_and_never_levels(header: str) -> None:
    assert role_of(header) == "extra"


@pytest.mark.parametrize(("header", "level"), [("A级指标", 1), ("B级指标", 2), ("C级指标", 3), ("二级指标", 2)])
def test_lettered_levels_are_numbered_like_chinese_ones(header: str, level: int) -> None:
    guess = guess_role(header)
    assert guess is not None
    assert (guess.role, guess.level) == ("level", level)


def test_a_table_in_another_vocabulary_imports_with_its_fill_in_columns_kept(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "vocabulary.xlsx",
        [
            ["2023年度部门整体绩效评价指标"],
            ["A级指标", "B级指标", "评估要点", "权重分解（100%）", "备查资料", "指标值", "自评结论"],
            ["组织管理（30）", "制度建设", "制定内部管理制度的，得10分", "10", "制度文件", "", ""],
            ["", "预算执行", "预算执行率达到95%的，得20分", "20", "执行报表", "≥95%", "达标"],
            ["工作成效（70）", "目标完成", "取年度考核结果", "70", "考核通报", "", ""],
        ],
    )
    result = import_table(path)
    assert [(c.role, c.level) for c in result.layout.columns] == [
        ("level", 1),
        ("level", 2),
        ("rule", None),
        ("points", None),
        ("evidence", None),
        ("extra", None),
        ("extra", None),
    ]
    assert names(result.data["tree"]) == [
        ("组织管理", 30, [("制度建设", 10, [], ["001"]), ("预算执行", 20, [], ["002"])], []),
        ("工作成效", 70, [("目标完成", 70, [], ["003"])], []),
    ]
    item = items(result.data["tree"])["002"]
    assert (item["evidence"], item["columns"]) == ("执行报表", {"指标值": "≥95%", "自评结论": "达标"})
    assert result.data["total_points"] == 100


def test_content_under_a_project_column_is_the_criterion_when_no_other_column_is(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "content.xlsx",
        [
            ["考核项目", "考核内容", "满分", "支撑材料"],
            ["安全管理", "建立网络安全责任制的，得5分", "5", "责任书"],
            ["", "开展应急演练的，得5分", "5", "演练记录"],
        ],
    )
    result = import_table(path)
    assert [c.role for c in result.layout.columns] == ["level", "rule", "points", "evidence"]
    found = items(result.data["tree"])
    assert [(i["rule"], i["points"], i["evidence"]) for i in found.values()] == [
        ("建立网络安全责任制的，得5分", 5, "责任书"),
        ("开展应急演练的，得5分", 5, "演练记录"),
    ]


def test_content_beside_a_criterion_column_stays_the_item_name(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "content-and-rule.xlsx",
        [["考核项目", "考核内容", "评价标准", "分数"], ["安全管理", "责任制", "建立责任制的，得5分", "5"]],
    )
    result = import_table(path)
    assert [c.role for c in result.layout.columns] == ["level", "name", "rule", "points"]
    assert items(result.data["tree"])["001"]["name"] == "责任制"


def test_a_level_header_that_also_names_the_criteria_gives_the_items_rules(tmp_path: Path) -> None:
    rows = [
        ["A级指标", "B级指标及评估要点", "分值"],
        ["办学条件（10）", "B1 校舍达标：生均校舍面积达到标准的，得6分", "6"],
        ["", "B2 设备达标：实验仪器配备达到标准的，得4分", "4"],
        ["师资队伍（90）", "B3 学历达标：专任教师学历合格率100%的，得90分", "90"],
    ]
    result = import_table(write_docx(tmp_path / "a-b.docx", [(rows, [(1, 0, 2, 0)])]))
    assert [(c.role, c.level) for c in result.layout.columns] == [("level", 1), ("rule", None), ("points", None)]
    assert names(result.data["tree"]) == [
        ("办学条件", 10, [], ["001", "002"]),
        ("师资队伍", 90, [], ["003"]),
    ]
    assert items(result.data["tree"])["002"]["rule"].startswith("B2 设备达标")


def test_a_level_and_criteria_header_merged_over_two_columns_gives_each_its_role(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "merged-pair.xlsx",
        [
            ["A级指标", "B级指标及评估要点", "", "分值"],
            ["办学条件", "校舍", "生均校舍面积达到标准的，得6分", "6"],
            ["", "设备", "实验仪器配备达到标准的，得4分", "4"],
        ],
        merges=[(0, 1, 0, 2)],
    )
    result = import_table(path)
    assert [(c.role, c.level) for c in result.layout.columns] == [
        ("level", 1),
        ("level", 2),
        ("rule", None),
        ("points", None),
    ]
    assert names(result.data["tree"]) == [("办学条件", 10, [("校舍", 6, [], ["001"]), ("设备", 4, [], ["002"])], [])]


def test_a_group_header_over_level_sub_headers(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "group.xlsx",
        [
            ["2022年绩效考评表"],
            ["评价指标", "", "评分标准", "权重", "佐证材料"],
            ["一级指标", "二级指标", "", "", ""],
            ["履职效能（60）", "重点工作", "按期完成的，得60分", "60", "工作总结"],
            ["管理效率（40）", "预算管理", "预算执行率达到90%的，得40分", "40", "决算报表"],
        ],
        merges=[(1, 0, 1, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 2, 4)],
    )
    result = import_table(path)
    assert result.layout.header_rows == [1, 2]
    assert [(c.role, c.level) for c in result.layout.columns] == [
        ("level", 1),
        ("level", 2),
        ("rule", None),
        ("points", None),
        ("evidence", None),
    ]
    assert names(result.data["tree"]) == [
        ("履职效能", 60, [("重点工作", 60, [], ["001"])], []),
        ("管理效率", 40, [("预算管理", 40, [], ["002"])], []),
    ]


def test_a_combined_evidence_and_department_column_holds_both(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "combined.xlsx",
        [
            ["一级指标", "分值", "评分细则", "佐证材料及责任科室"],
            ["发展环境（10）", "10", "有年度计划的，得10分", "1.年度工作计划\n2.会议纪要\n办公室、信息中心"],
        ],
    )
    column = import_table(path).layout.columns[3]
    assert (column.role, column.also) == ("evidence", "lead")
    assert column.describe == "备注/佐证材料（含牵头科室）"


def test_a_combined_evidence_and_department_column_fills_evidence_lead_and_cooperating(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "combined-items.xlsx",
        [
            ["一级指标", "分值", "评分细则", "佐证材料及责任科室"],
            ["发展环境（10）", "10", "有年度计划的，得10分", "1.年度工作计划\n2.会议纪要\n办公室、信息中心"],
            ["基础设施（90）", "90", "取考核结果", "考核通报\n责任科室：计财科"],
        ],
    )
    found = items(import_table(path).data["tree"])
    assert [(i["evidence"], i["lead"], i["cooperating"]) for i in found.values()] == [
        ("1.年度工作计划\n2.会议纪要", "办公室", ["信息中心"]),
        ("考核通报", "计财科", []),
    ]


@pytest.mark.parametrize(
    ("cell", "evidence", "departments"),
    [
        ("1.年度工作计划\n2.会议纪要\n办公室、信息中心", "1.年度工作计划\n2.会议纪要", ["办公室", "信息中心"]),
        ("年度计划文件\n责任科室：计财科", "年度计划文件", ["计财科"]),
        ("表彰文件。牵头单位：办公室", "表彰文件。", ["办公室"]),
        ("工作方案\n政策法规科信息中心", "工作方案", ["政策法规科", "信息中心"]),
        ("门户网站截图\n政府网站", "门户网站截图\n政府网站", []),
        ("信息公开年报", "信息公开年报", []),
        ("办公室", "", ["办公室"]),
        ("", "", []),
    ],
)
def test_a_combined_cell_splits_into_evidence_lines_and_departments(
    cell: str, evidence: str, departments: list[str]
) -> None:
    assert split_evidence_and_departments(cell, {"政策法规科", "信息中心"}) == (evidence, departments)
