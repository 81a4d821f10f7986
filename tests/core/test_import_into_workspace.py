"""Importing a table into a workspace: one use case for the wizard and the CLI, one transaction, a year always."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.changes import AssessmentAdded, AssessmentRemoved, SystemAdded, SystemRemoved
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.into_workspace import import_into_workspace
from egov_desk.core.importers.options import ImportOptions
from egov_desk.core.importers.pipeline import import_table
from egov_desk.core.workspace import Workspace
from tests.conftest import SEED
from tests.core.importing.files import write_xlsx

ROWS = [["一级指标", "分值", "评分细则", "编号"], ["A（100）", "100", "取考核结果", "1"]]


def test_the_wizard_and_the_cli_store_the_same_system_and_assessment(tmp_path: Path) -> None:
    table = SEED / "2019-indicators.xlsx"
    by_cli, by_wizard = tmp_path / "cli", tmp_path / "wizard"
    Workspace.open(by_cli).close()
    Workspace.open(by_wizard).close()
    assert main(["import", str(table), "--into", str(by_cli)]) == 0
    with Workspace.open(by_wizard) as workspace:  # the wizard gives the unit field and its year box
        import_into_workspace(workspace, import_table(table), table, unit="", year=2019)
    stored = []
    for folder in (by_cli, by_wizard):
        with Workspace.open(folder) as workspace:
            system, assessment = workspace.systems()[-1], workspace.assessments()[-1]
            stored.append((system.key, system.title, system.source, assessment.unit, assessment.year))
    assert stored[0] == stored[1]
    assert stored[0][4] == 2019


def test_the_year_given_comes_first_then_the_tables_own(workspace: Workspace, tmp_path: Path) -> None:
    """A year typed is kept as typed (a 2019 table may serve 2020); without one, the title's year is the year."""
    stated = write_xlsx(tmp_path / "2021年考评.xlsx", ROWS)
    plain = write_xlsx(tmp_path / "考评.xlsx", ROWS)
    import_into_workspace(workspace, import_table(stated), stated)
    import_into_workspace(workspace, import_table(stated), stated, year=2030)
    import_into_workspace(workspace, import_table(plain), plain, year=2022)
    assert [a.year for a in workspace.assessments()[-3:]] == [2021, 2030, 2022]


def test_a_table_without_a_year_and_none_given_is_refused_and_nothing_stored(
    workspace: Workspace, tmp_path: Path
) -> None:
    plain = write_xlsx(tmp_path / "考评.xlsx", ROWS)
    before = (workspace.systems(), workspace.assessments())
    with pytest.raises(ImportRefused) as refused:
        import_into_workspace(workspace, import_table(plain), plain)
    assert refused.value.kind == "no_year"
    assert "年份" in refused.value.describe("zh_CN")
    assert (workspace.systems(), workspace.assessments()) == before


def test_the_system_and_its_assessment_are_stored_in_one_transaction(workspace: Workspace, tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "2021年考评.xlsx", ROWS)
    assert workspace.folder is not None
    with sqlite3.connect(workspace.folder / "workspace.sqlite") as database:  # the assessment cannot be written
        database.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON assessments BEGIN SELECT RAISE(ABORT, 'no assessments'); END"
        )
    before = (workspace.systems(), workspace.assessments())
    with pytest.raises(WorkspaceError):
        import_into_workspace(workspace, import_table(table), table)
    assert (workspace.systems(), workspace.assessments()) == before


def test_an_import_says_what_it_added_and_is_undone_with_its_system(workspace: Workspace, tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "2021年考评.xlsx", ROWS)
    changes = import_into_workspace(workspace, import_table(table), table)
    [system], [assessment] = changes.systems_added, changes.assessments_added
    assert list(changes) == [SystemAdded(system), AssessmentAdded(assessment, system)]
    assert list(workspace.remove_assessment(assessment, with_system=True)) == [
        AssessmentRemoved(assessment, system),
        SystemRemoved(system),
    ]
    assert system not in [s.id for s in workspace.systems()]
    again = import_into_workspace(workspace, import_table(table), table)  # the same key is free again
    assert again.assessments_added


def test_an_assessment_with_anything_entered_is_not_removed(workspace: Workspace, tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "2021年考评.xlsx", ROWS)
    [assessment] = import_into_workspace(workspace, import_table(table), table).assessments_added
    workspace.set_input(assessment, "1", {"score": 50})
    with pytest.raises(WorkspaceError) as refused:
        workspace.remove_assessment(assessment, with_system=True)
    assert refused.value.kind == "assessment_in_use"
    assert "得分或说明" in refused.value.chinese
    assert assessment in [a.id for a in workspace.assessments()]


def test_the_only_assessment_is_not_removed(workspace: Workspace) -> None:
    [only] = workspace.assessments()
    with pytest.raises(WorkspaceError) as refused:
        workspace.remove_assessment(only.id)
    assert refused.value.kind == "only_assessment"


def test_an_imported_assessment_is_told_apart_from_the_units_other_of_that_year(
    workspace: Workspace, tmp_path: Path
) -> None:
    table = write_xlsx(tmp_path / "考评.xlsx", [["2019年专项考评表"], *ROWS])
    import_into_workspace(workspace, import_table(table), table)
    import_into_workspace(workspace, import_table(table), table.rename(tmp_path / "考评2.xlsx"))
    labels = [info.label for info in workspace.assessments()]
    assert len(set(labels)) == len(labels) == 3
    titles = [info.title for info in workspace.assessments()[1:]]
    assert titles == ["自评（2019年专项考评表）", "自评 2（2019年专项考评表）"]  # the number where a list shows it


def test_the_same_table_imported_again_is_a_new_assessment_of_the_system_stored_before(
    workspace: Workspace, tmp_path: Path
) -> None:
    table = write_xlsx(tmp_path / "考评.xlsx", ROWS)
    first = import_into_workspace(workspace, import_table(table), table, year=2023)
    again = import_into_workspace(workspace, import_table(table), table, year=2024)
    assert again.systems_added == []
    assert [c.system_id for c in again if isinstance(c, AssessmentAdded)] == first.systems_added
    assert [a.year for a in workspace.assessments()[-2:]] == [2023, 2024]


def test_the_same_table_read_with_other_corrections_is_another_system(workspace: Workspace, tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "考评.xlsx", ROWS)
    import_into_workspace(workspace, import_table(table), table, year=2024)
    corrected = import_table(table, options=ImportOptions(roles={2: "evidence"}))
    changes = import_into_workspace(workspace, corrected, table, year=2024, accept=True)
    assert len(changes.systems_added) == 1
