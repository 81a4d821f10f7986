"""``egov-desk-cli audit show``: the change history as JSON or as plain lines, per assessment and item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    workspace = create_demo_workspace(tmp_path / "demo")
    try:
        assessment = workspace.default_assessment().id
        workspace.set_input(assessment, "021", {"numerator": 7, "denominator": 9})
        workspace.set_input(assessment, "021", {"numerator": 7, "denominator": 10})
    finally:
        workspace.close()
    return tmp_path / "demo"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_json_lists_each_change_of_the_item_in_words(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", "show", "--workspace", str(folder), "--item", "021", "--json")
    data = json.loads(out)
    assert code == 0
    assert {entry["code"] for entry in data} == {"021"}
    assert data[-1]["what"] == "部门目录总数 9 → 10，得分 2.33 → 2.10"
    assert data[-1]["action"] == "set_input"
    assert data[-1]["who"]


def test_the_plain_lines_say_when_who_and_what_in_chinese(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "audit", "show", "--workspace", str(folder), "--assessment", "1", "--item", "021")
    assert code == 0
    assert out.splitlines()[-1].endswith("021 部门目录总数 9 → 10，得分 2.33 → 2.10")


def test_english_lines_under_an_english_locale(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    code, out, _ = run(capsys, "audit", "show", "--workspace", str(folder), "--item", "021")
    assert code == 0
    assert out.splitlines()[-1].endswith("021 denominator 9 → 10, score 2.33 → 2.10")


def test_an_item_without_changes_says_so(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "audit", "show", "--workspace", str(folder), "--item", "no-such-item")
    assert (code, out.strip()) == (0, "没有修改记录。")


def test_an_unknown_assessment_fails_naming_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", "show", "--workspace", str(folder), "--assessment", "99")
    assert code == 1
    assert "99" in err
