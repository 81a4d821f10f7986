"""``egov-desk-cli deadline set|show``: optional deadlines of the assessment, a department, an item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_deadlines_set_are_shown_as_json_and_none_clears_one(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = ("--workspace", str(folder))
    assert run(capsys, "deadline", "set", "2019-12-31", *where)[0] == 0
    assert run(capsys, "deadline", "set", "2019-11-30", "--department", "计财科", *where)[0] == 0
    assert run(capsys, "deadline", "set", "2019-10-15", "--item", "003", *where)[0] == 0
    code, out, _ = run(capsys, "deadline", "show", "--json", *where)
    data = json.loads(out)
    assert code == 0
    assert (data["deadline"], data["departments"], data["items"]) == (
        "2019-12-31",
        {"计财科": "2019-11-30"},
        {"003": "2019-10-15"},
    )
    run(capsys, "deadline", "set", "none", "--item", "003", *where)
    assert json.loads(run(capsys, "deadline", "show", "--json", *where)[1])["items"] == {}


def test_a_date_not_written_as_a_date_is_refused_saying_how(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "deadline", "set", "30/6", "--workspace", str(folder))
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_the_worklist_names_an_overdue_items_due_date(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "deadline", "set", "2019-10-15", "--item", "003", "--workspace", str(folder))
    data = json.loads(run(capsys, "worklist", "--workspace", str(folder), "--json")[1])
    assert {"kind": "overdue", "code": "003", "due": "2019-10-15"}.items() <= next(
        e for e in data["entries"] if e["kind"] == "overdue"
    ).items()
