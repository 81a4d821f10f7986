"""`server init --evidence database|folder PATH` keeps the workspace's evidence there for every client, and
`server check` says where it lives and whether this PC reaches it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from egov_desk.cli import main
from egov_desk.core.db.models import VaultBlob
from egov_desk.core.evidence.database_vault import DatabaseVault
from egov_desk.core.workspace import Workspace
from tests.postgres import server

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    if not server.configured():
        pytest.skip(server.skip_reason())
    monkeypatch.delenv("EGOV_VAULT", raising=False)
    monkeypatch.setenv("EGOV_EVIDENCE_CACHE", str(tmp_path / "cache"))
    url = server.empty_database()
    yield url
    server.drop(url)


def test_evidence_in_the_database_is_where_every_command_puts_it(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "init", "--url", empty_url, "--evidence", "database"]) == 0
    assert "Evidence is kept in the server's database; reachable" in capsys.readouterr().out
    scan = tmp_path / "培训通知.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    assert main(["evidence", "add", "--workspace", empty_url, "--item", "001", str(scan)]) == 0
    capsys.readouterr()
    with Workspace.connect(empty_url) as workspace:
        assert isinstance(workspace.evidence.vault, DatabaseVault)
        with workspace.store.read() as session:
            assert session.scalar(select(func.count()).select_from(VaultBlob)) == 1
    assert main(["server", "check", "--url", empty_url, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)["evidence"]
    assert (said["kind"], said["reachable"]) == ("database", True)


def test_a_shared_folder_is_used_and_said_unreachable_when_it_is_gone(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    assert main(["server", "init", "--url", empty_url, "--evidence", "folder", str(share)]) == 0
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"a scan")
    assert main(["evidence", "add", "--workspace", empty_url, "--item", "001", str(scan)]) == 0
    assert len(list(share.glob("??/*"))) == 1
    capsys.readouterr()
    share.rename(tmp_path / "unmounted")
    assert main(["server", "check", "--url", empty_url]) == 1
    assert f"Evidence is kept the shared folder {share}; not reachable" in capsys.readouterr().out


def test_an_evidence_place_that_is_neither_is_refused(empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "init", "--url", empty_url, "--evidence", "folder"]) != 0
    assert "--evidence folder: say database, or folder and the shared folder's path" in capsys.readouterr().err
    assert main(["server", "check", "--url", empty_url]) == 1  # nothing was set up
