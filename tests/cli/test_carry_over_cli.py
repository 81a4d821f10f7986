"""``egov-desk-cli assessment new``: the matching printed (nothing written), a carry-over made, an empty one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.workspace import Workspace
from tests.core.test_carry_over import last_year


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with Workspace.open(tmp_path / "ws") as workspace:
        last_year(workspace, tmp_path)
    return tmp_path / "ws"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_plan_prints_the_matching_and_writes_nothing(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "assessment", "new", "--from", "1", "--system", "2", "--plan", "--json", "--workspace", str(folder)
    )
    assert code == 0
    data = json.loads(out)
    assert data["counts"] == {"same": 30, "points": 1, "rule": 1, "moved": 2, "new": 1, "dropped": 1}
    moved = next(p for p in data["pairs"] if p["new"] and p["new"]["code"] == "036")
    assert moved["old"]["code"] == "033"
    assert moved["class_zh"] == "移动"
    code, out, _ = run(
        capsys, "assessment", "new", "--from", "1", "--system", "2", "--plan", "--workspace", str(folder)
    )
    assert "moved 2" in out
    with Workspace.open(folder) as workspace:
        assert len(workspace.assessments()) == 1


def test_a_carry_over_with_a_mapping_and_chosen_evidence(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["assessment", "new", "--from", "1", "--system", "2", "--evidence", "036", "--map", "037=010"]
    code, out, _ = run(capsys, *args, "--json", "--workspace", str(folder))
    assert code == 0
    data = json.loads(out)
    assert data["from"] == 1
    assert data["counts"]["dropped"] == 0
    assert data["carried"]["files"] == 1
    with Workspace.open(folder) as workspace:
        new = data["assessment"]
        assert workspace.assessment(new).year == 2020
        assert workspace.notes(new) == {"004": "已备案", "036": "制度已印发", "037": "明年取消"}


def test_an_empty_assessment_and_refusals(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assessment", "new", "--system", "2", "--year", "2020", "--workspace", str(folder))
    assert code == 0
    assert "2020" in out
    code, _, err = run(capsys, "assessment", "new", "--year", "2020", "--workspace", str(folder))
    assert code == 2
    assert "--from" in err
    code, _, err = run(capsys, "assessment", "new", "--from", "1", "--map", "037", "--workspace", str(folder))
    assert code == 2
    assert "NEW=OLD" in err


def test_last_years_files_are_confirmed_from_the_command_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "assessment", "new", "--from", "1", "--system", "2", "--json", "--workspace", str(folder)
    )
    new = str(json.loads(out)["assessment"])
    where = ["--workspace", str(folder), "--assessment", new]
    code, _, err = run(capsys, "evidence", "confirm", "--item", "036", "其他.pdf", *where)
    assert code == 2
    assert "其他.pdf" in err
    code, out, _ = run(capsys, "evidence", "confirm", "--item", "036", *where)
    assert code == 0
    assert "制度.pdf" in out
    with Workspace.open(folder) as workspace:
        assert not any(file.carried for file in workspace.evidence.files(int(new), "036"))
    code, _, err = run(capsys, "evidence", "confirm", "--item", "036", *where)
    assert code == 2  # nothing of last year's left to confirm there
