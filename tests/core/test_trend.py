"""Each 一级指标 over the years: a point per assessment, ordered by year, levels matched by name."""

from __future__ import annotations

from decimal import Decimal

from egov_desk.core.trend import trends
from egov_desk.core.workspace import Workspace
from tests.core.test_comparison import two_years


def test_a_series_per_first_level_with_a_point_per_year_in_order(workspace: Workspace) -> None:
    later = workspace.create_assessment(1, "测试单位", 2018).assessment_id  # made later, an earlier year
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    series = trends(workspace)
    system = workspace.system(1)
    assert [level.name for level in series] == [node.name for node in system.tree]
    for level in series:
        assert [point.year for point in level.points] == [2018, 2019]
        assert [point.assessment_id for point in level.points] == [later, 1]
    node = next(node for node in system.tree if node.name == system.item("021").path[0])
    level = next(level for level in series if level.name == node.name)
    assert level.points[0].score is None  # nothing of it scored in 2018
    assert level.points[1].score == workspace.scores(1).nodes[node.key].points
    assert level.points[1].points == node.points


def test_two_assessments_of_one_year_are_told_apart_by_their_titles(workspace: Workspace) -> None:
    workspace.create_assessment(1, "测试单位", 2019, "复核")
    labels = [point.label for point in trends(workspace)[0].points]
    assert labels == ["2019 自评", "2019 复核"]


def test_the_json_gives_scores_to_the_cent(workspace: Workspace) -> None:
    two_years(workspace)
    data = trends(workspace)[0].to_json()
    assert [point["year"] for point in data["points"]] == [2019, 2020]
    assert all(isinstance(point["points"], (int, float)) for point in data["points"])
    assert Decimal(str(data["points"][0]["score"] or 0)).as_tuple().exponent >= -2
