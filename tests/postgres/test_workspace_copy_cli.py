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


@pytest.mark.postgres
def test_ctrl_c_leaves_the_server_database_empty(demo: Path, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    from sqlalchemy import inspect

    from egov_desk.core.db.engine import make_engine
    from egov_desk.core.server import engine_url
    from egov_desk.core.workspace import Workspace

    if not server.configured():
        pytest.skip(server.skip_reason())
    big = tmp_path / "扫描件.bin"
    big.write_bytes(os.urandom(64 * 1024 * 1024))
    with Workspace.open(demo, create=False) as workspace:
        workspace.evidence.attach(workspace.default_assessment().id, "001", [big])
    url = server.empty_database()
    environment = {**os.environ, "EGOV_EVIDENCE_CACHE": str(tmp_path / "cache"), "LANG": "C.UTF-8"}
    try:
        copying = subprocess.Popen(
            [sys.executable, "-m", "egov_desk.cli", "workspace", "copy", "--workspace", str(demo), "--to", url],
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        assert copying.stderr is not None
        for line in copying.stderr:
            if "evidence" in line or "佐证材料" in line:  # the rows are in, the files going
                copying.send_signal(signal.SIGINT)
                break
        rest = copying.communicate(timeout=60)[1]
        assert copying.returncode == 130, rest
        assert url in rest
        engine = make_engine(engine_url(url))
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()
    finally:
        server.drop(url)
