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


def test_a_line_names_the_person_and_role_given_beside_the_login(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from egov_desk.core.actor import os_account
    from egov_desk.core.person import Person
    from egov_desk.core.workspace import Workspace

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_person(Person("张三", "reviewer"))
        workspace.set_note(1, "021", "待核")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "audit", "show", "--workspace", str(tmp_path / "ws"), "--item", "021")
    assert code == 0
    assert f"  张三（审核人）/{os_account()}  021 说明" in out.splitlines()[-1]


def test_verify_exits_0_on_a_whole_chain_and_1_naming_what_was_changed_on_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    from contextlib import closing

    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "audit", "verify", "--workspace", str(folder))
    assert code == 0
    assert out.startswith("修改记录完整：共 ")
    with closing(sqlite3.connect(folder / "workspace.sqlite")) as connection:
        connection.execute(
            "UPDATE item_inputs SET score = '3' WHERE item_id = (SELECT id FROM items WHERE code = '021')"
        )
        connection.commit()
    code, out, _ = run(capsys, "audit", "verify", "--workspace", str(folder))
    assert code == 1
    assert "021 的得分在数据库中为 3，按记录应为 2.1" in out
    code, out, _ = run(capsys, "audit", "verify", "--workspace", str(folder), "--json")
    data = json.loads(out)
    assert code == 1
    assert data["clean"] is False
    assert [(d["code"], d["what"]) for d in data["differences"]] == [("021", "score")]


def test_export_writes_the_history_as_a_landscape_workbook(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    out = folder.parent / "修改记录.xlsx"
    code, printed, _ = run(
        capsys, "audit", "export", "--workspace", str(folder), "--assessment", "1", "--item", "021", "--out", str(out)
    )
    assert code == 0
    assert printed.strip() == str(out)
    sheet = load_workbook(out).active
    assert sheet is not None
    head = [cell.value for cell in sheet[2]]
    assert head == ["时间", "登录账户", "姓名", "角色", "编号", "指标", "修改内容", "记录哈希前 16 位"]
    last = [cell.value for cell in sheet[sheet.max_row]]
    assert last[4] == "021"
    assert last[5]  # the item's name
    assert last[6] == "部门目录总数 9 → 10，得分 2.33 → 2.10"
    assert len(last[7]) == 16
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$2:$2"  # the head on every page


def test_export_refuses_a_file_that_is_not_xlsx(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", "export", "--workspace", str(folder), "--out", str(folder.parent / "x.csv"))
    assert code == 2
    assert ".xlsx" in err
