"""`egov-desk-cli server init|upgrade|check --url …` and the usual commands on `--workspace postgresql://…`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.db.migrations import HEAD
from egov_desk.core.workspace import Workspace
from tests.postgres import server


@pytest.fixture
def empty_url() -> str:
    if not server.configured():
        pytest.skip(server.skip_reason())
    url = server.empty_database()
    yield url
    server.drop(url)


@pytest.mark.postgres
def test_init_makes_an_empty_database_a_workspace_the_commands_then_work_on(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EGOV_VAULT", str(tmp_path / "vault"))
    assert main(["server", "check", "--url", empty_url]) == 1
    assert "server init needed" in capsys.readouterr().out
    assert main(["server", "init", "--url", empty_url, "--unit", "某某市某某局", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert (made["before"], made["revision"], made["seeded"]) == (None, HEAD, True)
    assert main(["workspace", "set", "--workspace", empty_url, "003", '{"count": 2}']) == 0
    assert main(["workspace", "note", "--workspace", empty_url, "003", "两次培训"]) == 0
    capsys.readouterr()
    assert main(["workspace", "score", "--workspace", empty_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"]["003"] == {"score": 2, "max": 2, "scored": True}
    assert main(["assessment", "show", "--workspace", empty_url]) == 0
    assert "某某市某某局" in capsys.readouterr().out
    assert main(["audit", "verify", "--workspace", empty_url]) == 0
    capsys.readouterr()
    assert main(["server", "check", "--url", empty_url, "--json"]) == 0
    checked = json.loads(capsys.readouterr().out)
    assert (checked["revision"], checked["current"], checked["can_write"]) == (HEAD, True, True)
    assert main(["server", "init", "--url", empty_url, "--json"]) == 0  # a second init only brings it up to date
    again = json.loads(capsys.readouterr().out)
    assert (again["seeded"], again["workspace_id"]) == (False, made["workspace_id"])
    assert main(["server", "upgrade", "--url", empty_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["before"] == HEAD


@pytest.mark.postgres
def test_an_empty_database_is_not_upgraded_nor_opened(empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "upgrade", "--url", empty_url]) == 1
    assert "server init --url" in capsys.readouterr().err
    assert main(["workspace", "list", "--workspace", empty_url]) == 1
    assert "server init --url" in capsys.readouterr().err


def test_a_server_that_does_not_answer_exits_1_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["workspace", "list", "--workspace", "postgresql://egov@127.0.0.1:1/egov"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("egov-desk-cli: 无法连接服务器 127.0.0.1:1：")
    assert error.count("\n") == 1
    assert main(["server", "check", "--url", "postgresql://egov@127.0.0.1:1/egov"]) == 1


def test_a_url_that_is_not_postgresql_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "init", "--url", "mysql://x@y/z"]) == 2
    assert "not a PostgreSQL URL" in capsys.readouterr().err


@pytest.mark.postgres
def test_two_inits_at_once_make_one_workspace(empty_url: str, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "egov_desk.cli", "server", "init", "--url", empty_url, "--json"]
    environment = {**os.environ, "EGOV_VAULT": str(tmp_path / "vault")}
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment) for _ in range(2)]
    made = [json.loads(run.communicate(timeout=120)[0]) for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert sorted(m["seeded"] for m in made) == [False, True]
    assert made[0]["workspace_id"] == made[1]["workspace_id"]
    with Workspace.connect(empty_url, vault=tmp_path / "vault") as workspace:
        assert (len(workspace.systems()), len(workspace.assessments())) == (1, 1)


@pytest.mark.parametrize(
    "command", [["backup", "list"], ["backup", "create"], ["workspace", "status"], ["workspace", "init"]]
)
def test_a_command_about_the_folder_refuses_a_server_url(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--workspace", "postgresql://egov@127.0.0.1:1/egov"]) == 2
    assert "this command works on a workspace folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no folder named after the URL
