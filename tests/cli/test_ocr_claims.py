"""Two readers on one workspace — the window's worker and ``egov-desk-cli ocr`` at a prompt, or two PCs on a server —
share the queue: each file is claimed before it is read, so it is read once; a killed reader's claim is taken over."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from egov_desk.cli import main
from egov_desk.core.db.models import EvidenceTextClaim
from egov_desk.core.evidence_text.worker import ocr_command
from egov_desk.core.workspace import Workspace
from tests.core.evidence_text_files import page_image

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    Workspace.open(tmp_path / "ws").close()
    for n in range(4):
        scan = page_image(tmp_path / f"第{n}号.png", [f"编号{n}号材料的正文"], size=(600, 200))
        assert main(["evidence", "add", "--workspace", str(tmp_path / "ws"), "--item", "001", str(scan)]) == 0
    capsys.readouterr()
    return tmp_path / "ws"


def reader(folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(ocr_command(str(folder)), stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def begun(out: str) -> set[str]:
    """The files this reader began to read: a page of each is heard."""
    return {line["file"] for line in map(json.loads, out.splitlines()) if "file" in line}


def test_two_readers_started_together_read_each_file_exactly_once(folder: Path) -> None:
    first, second = reader(folder), reader(folder)
    out_first, _ = first.communicate(timeout=300)
    out_second, _ = second.communicate(timeout=300)

    ends = [json.loads(out.splitlines()[-1]) for out in (out_first, out_second)]
    assert sum(end["done"] for end in ends) == 4
    assert begun(out_first).isdisjoint(begun(out_second))
    assert begun(out_first) | begun(out_second) == {f"第{n}号.png" for n in range(4)}
    with Workspace.open(folder) as workspace:
        progress = workspace.evidence_text.progress()
        with workspace.store.read() as session:
            assert session.scalars(select(EvidenceTextClaim)).all() == []  # dropped with each state row
    assert (progress.done, progress.failed, progress.pending) == (4, 0, 0)


def test_a_killed_readers_claim_is_taken_over_by_the_next_reader(folder: Path) -> None:
    killed = reader(folder)
    assert killed.stdout is not None
    for line in killed.stdout:
        if json.loads(line).get("page") == 1:  # a file claimed and begun
            break
    killed.kill()
    killed.wait(30)
    killed.stdout.close()
    with Workspace.open(folder) as workspace, workspace.store.read() as session:
        [claim] = session.scalars(select(EvidenceTextClaim)).all()
        assert claim.who.endswith(f":{killed.pid}")

    again = reader(folder)
    out, _ = again.communicate(timeout=300)
    assert again.returncode == 0
    with Workspace.open(folder) as workspace:
        progress = workspace.evidence_text.progress()
    assert json.loads(out.splitlines()[-1])["done"] == 4
    assert (progress.done, progress.pending) == (4, 0)


@pytest.mark.postgres
def test_on_a_server_two_readers_read_each_file_once(server_url: str, tmp_path: Path) -> None:
    from egov_desk.core.evidence_place import choose, place

    workspace = Workspace.connect(server_url)
    try:
        choose(workspace, place("database"))  # both readers the same bytes, as two PCs would have
        scans = [page_image(tmp_path / f"第{n}号.png", [f"编号{n}号材料"], size=(600, 200)) for n in range(4)]
        assessment = workspace.default_assessment().id
        workspace.evidence.attach(assessment, "001", scans)
        first, second = reader_at(server_url), reader_at(server_url)
        outs = [first.communicate(timeout=300)[0], second.communicate(timeout=300)[0]]
        assert sum(json.loads(out.splitlines()[-1])["done"] for out in outs) == 4
        assert begun(outs[0]).isdisjoint(begun(outs[1]))
        progress = workspace.evidence_text.progress()
        assert (progress.done, progress.pending) == (4, 0)
    finally:
        workspace.close()


def reader_at(location: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(ocr_command(location), stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
