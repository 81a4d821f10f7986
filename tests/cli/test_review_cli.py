"""Review and sign-off from the command line: ``review submit|return|approve`` and ``assessment finalize | reopen |
stage`` as --name/--role; a final assessment refuses every write command in one line, exit 2, nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.exports.score_sheet import CODE_HEADER, SCORE_HEADER
from egov_desk.core.snapshot import FROZEN_LABEL, snapshot_hash
from egov_desk.core.workspace import Workspace

LEADER = ("--name", "王局长", "--role", "负责人")
REVIEWER = ("--name", "李审核", "--role", "reviewer")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def audit_count(folder: Path) -> int:
    with Workspace.open(folder, create=False) as workspace:
        return len(workspace.audit())


def test_an_item_is_submitted_returned_and_approved(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = ("--workspace", str(folder))
    filler = ("--name", "赵填报", "--role", "filler", "--department", "政策法规科")
    assert run(capsys, "review", "submit", "001", *w, *filler) == (0, "001\t已提交\n", "")
    assert run(capsys, "review", "return", "001", "--comment", "补签到表", *w, *REVIEWER) == (0, "001\t已退回\n", "")
    assert run(capsys, "review", "submit", "001", *w, *filler)[0] == 0
    assert run(capsys, "review", "approve", "001", *w, *REVIEWER) == (0, "001\t已审核\n", "")
    with Workspace.open(folder, create=False) as workspace:
        rows = [(e.action, e.name, e.role) for e in workspace.audit(1, "001")][-4:]
    assert rows == [
        ("submit", "赵填报", "filler"),
        ("return", "李审核", "reviewer"),
        ("submit", "赵填报", "filler"),
        ("approve", "李审核", "reviewer"),
    ]


def test_without_a_name_and_role_review_is_refused_in_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "review", "submit", "001", "--workspace", str(folder))
    assert (code, out) == (2, "")
    assert err == "egov-desk-cli: 请用 --role 和 --name 给出角色和姓名（填报人还需 --department）\n"
    code, _, err = run(capsys, "review", "submit", "001", "--workspace", str(folder), "--name", "某", "--role", "boss")
    assert code == 2
    assert "--role 'boss'" in err


def test_refusals_name_the_item_and_the_role(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = ("--workspace", str(folder))
    code, _, err = run(
        capsys, "review", "submit", "001", *w, "--name", "钱", "--role", "filler", "--department", "计财科"
    )
    assert code == 2
    assert "“政策法规科”牵头" in err
    assert err.count("\n") == 1
    code, _, err = run(capsys, "assessment", "finalize", "--force", *w, *REVIEWER)
    assert code == 2
    assert "只有负责人可以" in err
    code, _, err = run(capsys, "review", "approve", "001", *w, *REVIEWER)
    assert (code, err) == (2, "egov-desk-cli: 001 目前为“填报中”：尚未提交，请先由填报人提交；没有作任何修改\n")


def test_finalize_prints_the_snapshot_and_show_says_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = ("--workspace", str(folder))
    with Workspace.open(folder, create=False) as workspace:
        expected = snapshot_hash(workspace, 1)
    code, _, err = run(capsys, "assessment", "finalize", *w, *LEADER)
    assert code == 2
    assert "还有指标未审核通过" in err
    code, out, _ = run(capsys, "assessment", "finalize", "--force", *w, *LEADER)
    assert code == 0
    assert out.splitlines()[-1] == f"{FROZEN_LABEL}{expected}"
    code, out, _ = run(capsys, "assessment", "show", "--json", *w)
    data = json.loads(out)
    assert (data["stage"], data["snapshot"], data["finalized_by"], data["deadline"]) == (
        "final",
        expected,
        "王局长",
        None,
    )
    assert data["finalized_at"].endswith("+00:00")


def typed_sheet(folder: Path, capsys: pytest.CaptureFixture[str], out: Path) -> Path:
    assert run(capsys, "export", "sheet", "--workspace", str(folder), "--out", str(out))[0] == 0
    book = load_workbook(out)
    sheet = book.active
    assert sheet is not None
    headers = [cell.value for cell in sheet[2]]
    for row in sheet.iter_rows(min_row=3):
        if row[headers.index(CODE_HEADER)].value == "004":
            row[headers.index(SCORE_HEADER)].value = 1.5
    book.save(out)
    return out


def test_a_final_assessment_refuses_every_write_command_and_reopen_allows_them(
    folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    w = ("--workspace", str(folder))
    sheet = typed_sheet(folder, capsys, tmp_path / "得分表.xlsx")
    new_file = tmp_path / "新材料.txt"
    new_file.write_text("材料", encoding="utf-8")
    commands = [
        ("workspace", "set", "004", '{"score": 1}', *w),
        ("workspace", "note", "001", "定稿后的说明", *w),
        ("evidence", "add", "--item", "001", str(new_file), *w),
        ("import-scores", str(sheet), *w),
        ("deadline", "set", "2019-12-01", *w),
        ("review", "submit", "001", *w, *LEADER),
        ("assessment", "stage", "review", *w, *LEADER),
        ("assessment", "set", "--title", "改过", *w),
    ]
    assert run(capsys, "assessment", "finalize", "--force", *w, *LEADER)[0] == 0
    count = audit_count(folder)
    for command in commands:
        code, _, err = run(capsys, *command)
        assert code == 2, command
        assert "已定稿" in err, command
        assert err.count("\n") == 1, command
    assert audit_count(folder) == count
    assert run(capsys, "assessment", "reopen", *w, *LEADER)[0] == 2  # a reason is required
    assert run(capsys, "assessment", "reopen", "--reason", "补材料", *w, *LEADER) == (
        0,
        "已重新打开，进入审核阶段\n",
        "",
    )
    for command in commands:
        code, _, err = run(capsys, *command)
        assert code == 0, (command, err)
