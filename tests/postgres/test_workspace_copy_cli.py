"""`egov-desk-cli workspace copy --workspace SRC --to DEST`: progress on stderr, the proof on stdout, a destination
that is not empty refused (exit 1, nothing written)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from tests.postgres import server


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    create_demo_workspace(folder).close()
    return folder


@pytest.mark.postgres
def test_a_folder_moves_to_a_server_and_back(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if not server.configured():
        pytest.skip(server.skip_reason())
    monkeypatch.delenv("EGOV_VAULT", raising=False)
    monkeypatch.setenv("EGOV_EVIDENCE_CACHE", str(tmp_path / "cache"))
    url = server.empty_database()
    try:
        assert main(["workspace", "copy", "--workspace", str(demo), "--to", url]) == 0
        said = capsys.readouterr()
        assert "evidence 9/9" in said.err
        assert "copied to" in said.out
        assert "snapshot" in said.out
        assert main(["workspace", "copy", "--workspace", url, "--to", str(tmp_path / "back"), "--json"]) == 0
        back = json.loads(capsys.readouterr().out)
        assert (back["files"], back["rows"]["assessments"]) == (9, 1)
        assert main(["audit", "verify", "--workspace", str(tmp_path / "back")]) == 0
        assert main(["workspace", "copy", "--workspace", str(demo), "--to", url]) == 1
        assert "not empty" in capsys.readouterr().err
    finally:
        server.drop(url)


def test_a_copy_into_a_folder_in_use_is_refused(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "a.txt").write_text("x")
    assert main(["workspace", "copy", "--workspace", str(demo), "--to", str(tmp_path / "used")]) == 1
    assert "not empty" in capsys.readouterr().err
