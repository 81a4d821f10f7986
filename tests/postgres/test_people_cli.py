"""`egov-desk-cli server people add|remove|list --url …`: a login per person, its password from stdin or a file
(never the command line), and the commands run as that login refused in words for another department's item."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from egov_desk.cli import main
from tests.postgres.test_row_security import as_login

pytestmark = pytest.mark.postgres


def test_people_are_added_listed_and_removed_and_a_fillers_commands_stay_in_their_department(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EGOV_VAULT", str(tmp_path / "vault"))
    login = f"clerk_cli_{os.getpid()}"
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-密码\n"))
    add = ["server", "people", "add", "--url", server_url, "--login", login, "--role", "filler"]
    assert main([*add, "--department", "办公室", "--name", "王五"]) == 0
    assert "王五" in capsys.readouterr().out
    assert main(["server", "people", "list", "--url", server_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"login": login, "name": "王五", "role": "filler", "department": "办公室"}
    ]
    as_clerk = as_login(server_url, login)
    assert main(["workspace", "note", "--workspace", as_clerk, "003", "两次培训"]) == 0
    capsys.readouterr()
    assert main(["workspace", "note", "--workspace", as_clerk, "002", "改别人的"]) == 2
    refused = capsys.readouterr().err
    assert "002" in refused
    assert "办公室" in refused
    assert main(["server", "people", "remove", "--url", server_url, "--login", login]) == 0
    capsys.readouterr()
    assert main(["server", "people", "list", "--url", server_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["workspace", "note", "--workspace", as_clerk, "003", "又一次"]) == 1  # no rights left here
    capsys.readouterr()


def test_a_new_login_needs_a_password_and_never_takes_it_on_the_command_line(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    login = f"checker_cli_{os.getpid()}"
    add = ["server", "people", "add", "--url", server_url, "--login", login, "--role", "reviewer"]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(add) == 2
    assert "--password-file" in capsys.readouterr().err
    assert main([*add, "--password", "seen-by-ps"]) == 2
    assert "--password-file" in capsys.readouterr().err
    assert main([*add[:-2], "--role", "filler", "--department", "不存在科"]) == 2
    assert "不存在科" in capsys.readouterr().err
    secret = tmp_path / "password.txt"
    secret.write_text("from-a-file\n", encoding="utf-8")
    assert main([*add, "--password-file", str(secret)]) == 0
    capsys.readouterr()
    assert main(["server", "people", "remove", "--url", server_url, "--login", login]) == 0
    assert main(["server", "people", "list", "--url", str(tmp_path)]) == 2
    assert "postgresql://" in capsys.readouterr().err
