"""``egov-desk-cli package import``: a return said change by change and nothing applied (exit 3 on conflicts),
``--accept-all`` / ``--keep-office`` applying it, ``--json`` the plan, a department package refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.review import item_reviews
from egov_desk.core.workspace import Workspace
from tests.core.package_returns import change, exported, write_return

INPUT = change("input", {"checked": [0, 1]}, {"checked": [0]})
NOTE = change("note", "", "科室的说明")
SUBMIT = change("status", "filling", "submitted", comment="")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def a_return(folder: Path, tmp_path: Path, office_input: dict[str, list[int]] | None = None) -> Path:
    """信息中心's return of 002 (input, note, submitted); the office changed the input since, when given."""
    with Workspace.open(folder) as workspace:
        package = exported(workspace, "信息中心", tmp_path)
        if office_input is not None:
            workspace.set_input(1, "002", office_input)
    return write_return(package, tmp_path / "return.egovpkg", {"002": [INPUT, NOTE, SUBMIT]})


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def held(folder: Path) -> tuple[object, str]:
    with Workspace.open(folder) as workspace:
        return workspace.inputs(1)["002"], workspace.notes(1).get("002", "")


def test_without_a_choice_conflicts_are_said_and_nothing_applied(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    path = a_return(folder, tmp_path, office_input={"checked": [1]})

    code, said, _ = run(capsys, "package", "import", "--workspace", str(folder), str(path))

    assert code == 3
    assert "「信息中心」第 1 个工作包的回执" in said
    assert "1. [冲突] 002 填报数据（勾选项）：科室 0；本处 1（工作包发出后本处已被" in said
    assert "工作包发出后本处已被" in said
    assert "2. [导入] 002 说明：科室 科室的说明；本处 空" in said
    assert held(folder) == ({"checked": [1]}, "")


def test_accept_all_takes_the_departments_values(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    path = a_return(folder, tmp_path, office_input={"checked": [1]})

    code, said, _ = run(capsys, "package", "import", "--workspace", str(folder), str(path), "--accept-all")

    assert code == 0
    assert "applied 3 change(s) of 信息中心's return" in said
    assert held(folder) == ({"checked": [0]}, "科室的说明")
    code, said, _ = run(capsys, "package", "import", "--workspace", str(folder), str(path))
    assert code == 0
    assert "3 the same here" in said


def test_keep_office_applies_the_rest_and_keeps_the_office_value(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = a_return(folder, tmp_path, office_input={"checked": [1]})

    code, _, _ = run(capsys, "package", "import", "--workspace", str(folder), str(path), "--keep-office")

    assert code == 0
    assert held(folder) == ({"checked": [1]}, "科室的说明")
    with Workspace.open(folder) as workspace:
        assert item_reviews(workspace, 1)["002"].status == "submitted"


def test_json_prints_the_plan(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = a_return(folder, tmp_path)

    code, printed, _ = run(capsys, "package", "import", "--workspace", str(folder), str(path), "--json")

    data = json.loads(printed)
    assert code == 0
    assert (data["department"], data["sequence"], data["conflicts"], data["to_apply"]) == ("信息中心", 1, 0, 3)
    assert [c["key"] for c in data["changes"]] == ["002/input", "002/note", "002/status"]
    assert data["changes"][0]["by"]["name"] == "张三"


def test_a_department_package_is_refused_in_one_line(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(folder) as workspace:
        package = exported(workspace, "信息中心", tmp_path)

    code, said, err = run(capsys, "package", "import", "--workspace", str(folder), str(package.path))

    assert code == 2
    assert said == ""
    assert len(err.strip().splitlines()) == 1
    assert str(package.path) in err
