"""On a server the history names who the server knows — the login the URL signs in as, the one its row security
checks — not the account of the PC the window runs on."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.workspace import Workspace
from tests.postgres import server


@pytest.mark.postgres
def test_a_server_workspaces_history_names_the_login(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not server.configured():
        pytest.skip(server.skip_reason())
    url = server.empty_database()
    try:
        assert main(["server", "init", "--url", url]) == 0
        capsys.readouterr()
        with Workspace.connect(url, vault=tmp_path / "vault") as workspace:
            assessment = workspace.default_assessment().id
            workspace.set_note(assessment, "003", "两次培训")
            login = url.split("://", 1)[1].split("@", 1)[0].split(":", 1)[0]
            assert workspace.audit(assessment, "003")[-1].actor == login
    finally:
        server.drop(url)
