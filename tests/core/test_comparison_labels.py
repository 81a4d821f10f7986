"""Two assessments listed together never share a label, and an item not (yet) scored has lost nothing: what a new
user saw comparing a finished 2019 with a 2020 just started, two "2020 市教育局 自评" side by side."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from egov_desk.core.comparison import compare_assessments, distinct_labels
from egov_desk.core.exports.comparison_xlsx import write_comparison_xlsx
from egov_desk.core.templates import template_data
from egov_desk.core.trend import trends
from egov_desk.core.workspace import Workspace
from tests.core.test_comparison import two_years


def two_of_2020(workspace: Workspace) -> tuple[int, int]:
    """The 2020 table's 自评 and, on the 2019 system, another 2020 自评 of the same unit."""
    data = template_data("builtin:2019")
    data["year"], data["title"] = 2020, "2020年电子政务考评指标"
    system = workspace.add_system(data, "import:2020").system_id
    unit = workspace.assessment(1).unit
    imported = workspace.create_assessment(system, unit, 2020, "自评").assessment_id
    carried = workspace.create_assessment(1, unit, 2020, "自评").assessment_id
    return imported, carried


def test_equal_labels_get_their_systems_title(workspace: Workspace) -> None:
    imported, carried = two_of_2020(workspace)
    labels = distinct_labels(workspace, workspace.assessments())
    assert labels[1] == workspace.assessment(1).label  # alone: as it was
    assert labels[imported] != labels[carried]
    assert "2020年电子政务考评指标" in labels[imported]
    comparison = compare_assessments(workspace, imported, carried)
    assert comparison.a.label == labels[imported]
    assert comparison.b.label == labels[carried]


def test_the_workbooks_note_sheet_tells_them_apart(workspace: Workspace, tmp_path: Path) -> None:
    imported, carried = two_of_2020(workspace)
    out = write_comparison_xlsx(compare_assessments(workspace, imported, carried), tmp_path / "对比.xlsx")
    sheet = load_workbook(out)["说明"]
    assert sheet["B2"].value != sheet["B3"].value


def test_the_trend_labels_by_year_and_tells_equal_titles_apart(workspace: Workspace) -> None:
    two_of_2020(workspace)
    labels = [point.label for point in trends(workspace)[0].points]
    assert labels[0] == "2019"
    assert len(set(labels)) == 3


def test_an_item_not_yet_scored_is_not_counted_as_lost(workspace: Workspace) -> None:
    later = two_years(workspace)  # 2019's 003 scored 2; 2020's left unscored
    comparison = compare_assessments(workspace, 1, later)
    assert comparison.lost == []
    workspace.set_input(later, "003", {"count": 1})
    lost = compare_assessments(workspace, 1, later).lost
    assert [(row.code, row.score_a, row.score_b) for row in lost] == [("003", Decimal(2), Decimal(1))]


def test_a_partly_scored_level_says_how_many_items_are_left(workspace: Workspace) -> None:
    later = two_years(workspace)
    system = workspace.system(1)
    top = system.item("021").path[0]
    level = next(level for level in trends(workspace) if level.name == top)
    point = next(point for point in level.points if point.assessment_id == later)
    node = next(node for node in system.tree if node.name == top)
    assert point.partial
    assert point.unscored == workspace.scores(later).nodes[node.key].unscored > 0
    assert level.to_json()["points"][1]["unscored"] == point.unscored
