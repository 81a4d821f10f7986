"""The unit's name and the assessment's details: asked once, changed later, audited, used by the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.workspace import Workspace, WorkspaceError


def test_a_new_workspace_has_no_unit_given_until_someone_names_it(workspace: Workspace) -> None:
    assert not workspace.unit_given()
    assert workspace.default_assessment().unit == "本单位"
    change = workspace.update_assessment(1, unit=" 市教育局 ", filled_by="张三")
    assert change.changed == {"unit": "市教育局", "filled_by": "张三"}
    assert workspace.unit_given()
    info = workspace.assessment(1)
    assert (info.unit, info.filled_by, info.report_date) == ("市教育局", "张三", None)


def test_details_change_in_one_audited_write_and_read_back(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws", unit="市教育局") as workspace:
        assert workspace.unit_given()
        workspace.update_assessment(1, year=2020, title="年终自评", report_date=date(2020, 12, 20))
        entry = workspace.audit(1)[-1]
        assert entry.action == "update_assessment"
        assert entry.before == {"year": 2019, "title": "自评", "report_date": None}
        assert entry.after == {"year": 2020, "title": "年终自评", "report_date": "2020-12-20"}
    with Workspace.open(tmp_path / "ws") as workspace:
        info = workspace.assessment(1)
        assert (info.unit, info.year, info.title, info.report_date) == (
            "市教育局",
            2020,
            "年终自评",
            date(2020, 12, 20),
        )


@pytest.mark.parametrize(
    "details",
    [{"unit": "  "}, {"year": 19}, {"year": "2020"}, {"title": ""}, {"report_date": "2020-01-01"}, {"colour": "red"}],
)
def test_impossible_details_are_refused_and_nothing_changes(workspace: Workspace, details: dict[str, object]) -> None:
    with pytest.raises(WorkspaceError):
        workspace.update_assessment(1, **details)
    assert workspace.assessment(1).unit == "本单位"
    assert workspace.assessment(1).year == 2019
    assert not workspace.unit_given()


def test_the_cli_initialises_with_the_unit_and_year_and_sets_details(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "ws")
    assert main(["workspace", "init", "--workspace", folder, "--unit", "市教育局", "--year", "2020"]) == 0
    assert main(["assessment", "set", "--workspace", folder, "--filled-by", "李四", "--date", "2020-12-31"]) == 0
    capsys.readouterr()
    assert main(["assessment", "show", "--workspace", folder, "--json"]) == 0
    shown = capsys.readouterr().out
    assert '"unit": "市教育局"' in shown
    assert '"year": 2020' in shown
    assert '"filled_by": "李四"' in shown
    assert '"report_date": "2020-12-31"' in shown
    with Workspace.open(folder) as workspace:
        assert workspace.unit_given()


def test_the_cli_refuses_a_bad_date_with_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "ws")
    main(["workspace", "init", "--workspace", folder])
    assert main(["assessment", "set", "--workspace", folder, "--date", "31.12.2020"]) == 2
    assert "--date" in capsys.readouterr().err
