"""``package inspect`` on a department's return says each change with its values — what, the value in the package,
the value now, who and when — in JSON and in words, not only the items' codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.packages.department import department_mode
from egov_desk.core.workspace import Workspace


@pytest.fixture
def returned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    create_demo_workspace(tmp_path / "office").close()
    package, desk, back = tmp_path / "办公室.egovpkg", tmp_path / "科室", tmp_path / "回执.egovpkg"
    office = str(tmp_path / "office")
    assert main(["package", "export", "--workspace", office, "--department", "办公室", "--out", str(package)]) == 0
    assert main(["package", "open", str(package), "--into", str(desk)]) == 0
    assert main(["workspace", "note", "--workspace", str(desk), "003", "已参加两次"]) == 0
    assert main(["package", "return", "--workspace", str(desk), "--out", str(back)]) == 0
    capsys.readouterr()
    return back


def test_inspect_json_lists_each_change_of_a_return_with_its_values(
    returned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["package", "inspect", str(returned), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "return"
    (item,) = data["items"]
    assert item["code"] == "003"
    (change,) = item["changes"]
    assert (change["field"], change["value"]) == ("note", "已参加两次")
    assert "base" in change
    assert change["by"]["login"]
    assert change["at"]


def test_inspect_says_each_change_of_a_return_in_words(
    returned: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["package", "inspect", str(returned)]) == 0
    said = capsys.readouterr().out
    line = next(line for line in said.splitlines() if "已参加两次" in line)
    assert line.strip().startswith("备注：")
    assert "→ “已参加两次”" in line
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert main(["package", "inspect", str(returned)]) == 0
    said = capsys.readouterr().out
    line = next(line for line in said.splitlines() if "已参加两次" in line)
    assert line.strip().startswith("note: ")
    assert '→ "已参加两次"' in line


def test_a_department_package_lists_no_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    create_demo_workspace(tmp_path / "office").close()
    package = tmp_path / "办公室.egovpkg"
    office = str(tmp_path / "office")
    assert main(["package", "export", "--workspace", office, "--department", "办公室", "--out", str(package)]) == 0
    capsys.readouterr()
    assert main(["package", "inspect", str(package), "--json"]) == 0
    assert all("changes" not in item for item in json.loads(capsys.readouterr().out)["items"])


def test_the_clerks_name_given_on_the_command_line_is_who_opened_and_who_returned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create_demo_workspace(tmp_path / "office").close()
    package, desk, back = tmp_path / "办公室.egovpkg", tmp_path / "科室", tmp_path / "回执.egovpkg"
    office = str(tmp_path / "office")
    assert main(["package", "export", "--workspace", office, "--department", "办公室", "--out", str(package)]) == 0
    assert main(["package", "open", str(package), "--into", str(desk), "--name", "李四"]) == 0
    assert main(["workspace", "note", "--workspace", str(desk), "003", "已参加两次"]) == 0
    assert main(["package", "return", "--workspace", str(desk), "--out", str(back), "--name", "李四"]) == 0
    capsys.readouterr()
    assert main(["package", "inspect", str(back), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["made_by"]["name"] == "李四"
    with Workspace.open(desk, create=False) as department:
        mode = department_mode(department)
        assert mode is not None
        assert mode.data["made_by"]["name"] == "李四"
