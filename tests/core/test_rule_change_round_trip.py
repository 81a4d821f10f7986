"""The 2019 system exported to .xlsx and imported again is the same system: no item is flagged 细则变化 because the
reader worded a part's label (or a count's unit) otherwise the second time."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from egov_desk.core.comparison import compare_assessments
from egov_desk.core.importers.into_workspace import import_into_workspace
from egov_desk.core.importers.pipeline import import_table
from egov_desk.core.item_matching import POINTS, RULE, SAME, Matching
from egov_desk.core.workspace import Workspace


def reimported(workspace: Workspace, tmp_path: Path) -> int:
    """The 2019 system exported with ``system export --format xlsx`` and imported again: the new assessment's id."""
    table = workspace.export_system_xlsx(1, tmp_path / "2019 exported.xlsx")
    import_into_workspace(workspace, import_table(table), table, year=2020)
    return max(info.id for info in workspace.assessments())


def test_the_exported_and_reimported_system_matches_item_for_item_unchanged(
    workspace: Workspace, tmp_path: Path
) -> None:
    later = reimported(workspace, tmp_path)
    new_system = workspace.assessment(later).system_id
    assert new_system != 1
    matching = Matching.of(workspace.system(1).items(), workspace.system(new_system).items())
    assert {pair.kind for pair in matching.pairs} == {SAME}
    label_001 = workspace.system(new_system).item("001").scoring.to_dict()["parts"][0]["label"]
    assert label_001 != workspace.system(1).item("001").scoring.to_dict()["parts"][0]["label"]  # re-read


def test_the_comparison_of_the_two_flags_no_rule_change(workspace: Workspace, tmp_path: Path) -> None:
    later = reimported(workspace, tmp_path)
    comparison = compare_assessments(workspace, 1, later)
    assert [row.code for row in comparison.items if row.rule_change] == []


def test_points_and_rule_text_still_count_as_changes(workspace: Workspace) -> None:
    system = workspace.system(1)
    item = system.item("003")
    fewer = replace(item, points=item.points - Decimal(1))
    reworded = replace(item, rule_text=item.rule_text + "（新增要求）")
    matching = Matching.of([item], [fewer])
    assert matching.pairs[0].kind == POINTS
    assert Matching.of([item], [reworded]).pairs[0].kind == RULE
    assert Matching.of([item], [reworded]).pairs[0].rule_change == ("text",)
