"""Section rows are levels above the level columns, tier rows join the rule of the item above, a label merged
across two level columns is one level, and a row with a name but no rule is still an item."""

from __future__ import annotations

from pathlib import Path

from egov_desk.core.importers.findings import grouped
from tests.core.importing.files import write_xlsx
from tests.core.importing.rows_tree import build, item_list, messages, shape

HEADER = ["序号", "一级指标", "二级指标", "分值", "评分标准"]


def test_section_rows_numbered_in_the_code_column_are_levels_above(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["一、", "基本建设（30分）", "", "", ""],
        ["1", "组织领导", "领导重视", "10", "有部署得10分"],
        ["2", "制度建设", "制度健全", "20", "每缺一项扣5分"],
        ["二、", "安全保障", "", "70", ""],
        ["3", "网络安全", "等级保护", "70", "通过测评得70分"],
    ]
    merges = [(1, 1, 1, 2), (4, 1, 4, 2)]  # each section's label across both level columns
    built = build(write_xlsx(tmp_path / "sections.xlsx", rows, merges))
    assert shape(built.roots) == [
        ("基本建设", [("组织领导", [("领导重视", [], ["1"])], []), ("制度建设", [("制度健全", [], ["2"])], [])], []),
        ("安全保障", [("网络安全", [("等级保护", [], ["3"])], [])], []),
    ]
    assert [str(level.points) for level in built.roots] == ["30", "70"]
    assert [built.row_kinds[row] for row in (1, 4)] == ["section", "section"]


def test_a_label_merged_across_two_level_columns_is_one_level(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "组织领导", "领导重视", "10", "有部署得10分"],
        ["2", "安全保障", "", "10", "无安全事件得10分"],
    ]
    built = build(write_xlsx(tmp_path / "merged-label.xlsx", rows, [(2, 1, 2, 2)]))
    assert shape(built.roots) == [("组织领导", [("领导重视", [], ["1"])], []), ("安全保障", [], ["2"])]


def test_tier_rows_under_an_item_join_its_rule(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "公开", "主动公开", "1", "公开率100%得1分"],
        ["", "", "", "", "95%≤N＜100%，扣0.2分"],
        ["", "", "", "", "90%≤N＜95%，扣0.5分"],
        ["", "", "", "", "N＜90%，不得分"],
        ["2", "", "依申请公开", "1", "按期答复得1分"],
    ]
    merges = [(1, 1, 5, 1), (1, 3, 4, 3)]  # the level and the item's points merged down over its tiers
    built = build(write_xlsx(tmp_path / "tiers.xlsx", rows, merges))
    assert shape(built.roots) == [("公开", [("主动公开", [], ["1"]), ("依申请公开", [], ["2"])], [])]
    first, second = item_list(built.roots)
    assert first["rule"] == "公开率100%得1分\n95%≤N＜100%，扣0.2分\n90%≤N＜95%，扣0.5分\nN＜90%，不得分"
    assert second["rule"] == "按期答复得1分"
    assert [built.row_kinds[row] for row in (2, 3, 4)] == ["tier", "tier", "tier"]
    tiers = [f.message for f in grouped(built.findings) if "分档" in f.message]
    assert tiers == ["3 行分档，已并入上方评分项的评分细则：指标 第3–5行"]


def test_a_row_with_a_name_but_no_rule_is_still_an_item(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "二级指标", "考核内容", "分值", "评分细则"],
        ["基础工作", "档案", "档案管理规范", "2", "规范得2分"],
        ["", "", "档案数字化", "", ""],  # a name only
        ["", "数据共享", "", "", ""],  # a level of its own and nothing under it
    ]
    built = build(write_xlsx(tmp_path / "names.xlsx", rows))
    assert shape(built.roots) == [
        ("基础工作", [("档案", [], ["档案管理规范", "档案数字化"]), ("数据共享", [], [""])], [])
    ]
    assert [built.row_kinds[row] for row in (1, 2, 3)] == ["item", "item", "item"]
    assert "“数据共享”下没有评分项，已将其作为一个评分项导入" in messages(built)


def test_a_row_that_adds_nothing_is_skipped_with_a_finding(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "二级指标", "分值", "评分细则"],
        ["基础工作", "档案", "2", "规范得2分"],
        ["基础工作", "档案", "", ""],  # the levels repeated, nothing else
    ]
    built = build(write_xlsx(tmp_path / "nothing.xlsx", rows))
    assert len(item_list(built.roots)) == 1
    assert built.row_kinds[2] == "ignore"
    assert "此行既不是评分项，也没有新的指标，已跳过" in messages(built)


def test_rows_marked_tier_keep_the_points_in_their_own_cell(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "编号", "分值", "评分细则"],
        ["网站建设", "001", "5", "网站正常运行，按可访问率计分："],
        ["", "", "4", "可访问率不低于95%"],
        ["", "", "2", "可访问率低于95%"],
    ]
    built = build(write_xlsx(tmp_path / "tiers.xlsx", rows), row_kinds={2: "tier", 3: "tier"})
    [item] = item_list(built.roots)
    assert item["rule"].splitlines()[1:] == ["可访问率不低于95%，得4分", "可访问率低于95%，得2分"]
