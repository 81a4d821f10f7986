"""Two assessments side by side: the same system scored differently, and a new version of the system with an item
removed, one added and one worth fewer points."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from egov_desk.core.comparison import compare_assessments
from egov_desk.core.exports.comparison_xlsx import write_comparison_xlsx
from egov_desk.core.workspace import Workspace
from tests.core.test_system_versions import edited_2019


def two_years(workspace: Workspace) -> int:
    """2019 scores 021 at 7 of 9 and 003 with 2; a 2020 copy scores 021 at 9 of 9, leaves 003 unscored and judges
    005 no."""
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    workspace.set_input(1, "003", {"count": 2})
    later = workspace.create_assessment(1, "测试单位", 2020).assessment_id
    workspace.set_input(later, "021", {"numerator": 9, "denominator": 9})
    workspace.set_input(later, "005", {"yes": False})
    return later


def test_the_same_system_scored_differently_lists_the_items_that_lost_points_first(workspace: Workspace) -> None:
    later = two_years(workspace)
    workspace.set_input(1, "007", {"yes": True})
    workspace.set_input(later, "007", {"yes": False})  # 3 points lost
    comparison = compare_assessments(workspace, 1, later)
    first = comparison.items[0]
    assert (first.code, first.score_a, first.score_b, first.delta) == ("007", Decimal(3), Decimal(0), Decimal(-3))
    assert [row.code for row in comparison.lost] == ["007"]
    scored_on_both = [row.score_a is not None and row.score_b is not None for row in comparison.items]
    assert scored_on_both == sorted(scored_on_both, reverse=True)  # 003 not scored in 2020 is not lost: after them
    ratio = next(row for row in comparison.items if row.code == "021")
    assert ratio.score_b == Decimal(3)
    assert ratio.delta is not None
    assert ratio.delta > 0
    assert ratio.points_a == ratio.points_b == Decimal(3)
    assert ratio.rule_change == ()
    assert ratio.matched_by == "code"
    judged = next(row for row in comparison.items if row.code == "005")
    assert (judged.score_a, judged.score_b, judged.delta) == (None, Decimal(0), Decimal(0))
    assert comparison.items[-1].delta is None  # neither side scored: last
    assert comparison.only_a == comparison.only_b == []
    development = next(level for level in comparison.levels if level.name == "发展环境")
    assert (development.score_a, development.score_b) == (Decimal(2), Decimal(0))
    assert comparison.delta == comparison.b.total - comparison.a.total


def test_a_new_version_shows_the_removed_the_added_and_the_changed_items(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    version = workspace.store_system_version(1, edited_2019(workspace)).system_id
    later = workspace.create_assessment(version, "测试单位", 2020).assessment_id
    workspace.set_input(later, "021", {"numerator": 7, "denominator": 9})

    comparison = compare_assessments(workspace, 1, later)
    rows = {row.code: row for row in comparison.items}
    assert comparison.only_a == ["005"]
    assert comparison.only_b == ["036"]
    assert comparison.items[0].code == "021"  # scored in both and fell: first
    assert rows["005"].delta == Decimal(-3)  # gone from the table: after the items scored in both
    assert (rows["021"].points_a, rows["021"].points_b) == (Decimal(3), Decimal("2.7"))
    assert rows["021"].rule_change == ("parameters",)
    assert rows["021"].delta is not None
    assert rows["021"].delta < 0
    assert rows["003"].rule_change == ("type",)
    assert rows["004"].rule_change == ()
    data = comparison.to_json()
    assert data["only_a"] == ["005"]
    assert data["a"]["assessment"] == 1
    assert data["b"]["assessment"] == later
    assert next(row for row in data["items"] if row["code_b"] == "021")["points_b"] == 2.7


def test_an_item_renumbered_in_the_other_table_is_matched_by_its_name_and_rule(workspace: Workspace) -> None:
    data = workspace.export_system_json(1)
    tree = data["tree"][0]["children"][0]["children"][0]
    renamed = next(item for item in tree["items"] if item["code"] == "001")
    renamed["code"] = "101"
    other = workspace.add_system(data, key="renumbered").system_id
    later = workspace.create_assessment(other, "测试单位", 2020).assessment_id
    comparison = compare_assessments(workspace, 1, later)
    row = next(row for row in comparison.items if row.code_b == "101")
    assert (row.code_a, row.matched_by, row.code) == ("001", "name", "001→101")
    assert comparison.only_a == comparison.only_b == []


def test_the_comparison_written_as_a_workbook(workspace: Workspace, tmp_path: Path) -> None:
    comparison = compare_assessments(workspace, 1, two_years(workspace))
    out = write_comparison_xlsx(comparison, tmp_path / "对比.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == ["逐项对比", "一级指标", "说明"]
    items = book["逐项对比"]
    head = ["编号", "名称", "分值 A", "分值 B", "得分 A", "得分 B", "变化", "规则变化"]
    assert [cell.value for cell in items[1]] == head
    assert [cell.value for cell in items[2]][:7] == ["021", comparison.items[0].name, 3, 3, 2.33, 3, 0.67]
    levels = book["一级指标"]
    assert levels.cell(row=levels.max_row, column=1).value == "合计"
    assert not list(tmp_path.glob("*.part*"))
