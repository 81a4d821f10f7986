"""Two clients in processes of their own on one server workspace: both edit the same item at once and every write
lands, in order, with its audit row; a client killed in the middle of a write leaves the data whole."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from egov_desk.core.audit_verify import verify
from egov_desk.core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
WRITES = 30


def client(url: str, vault: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.postgres.client", url, str(vault), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.postgres
def test_two_clients_editing_the_same_item_at_once_both_land(server_url: str, tmp_path: Path) -> None:
    start = str(time.time() + 3)
    clients = [client(server_url, tmp_path / "vault", "write", name, str(WRITES), start) for name in ("甲", "乙")]
    for process in clients:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    with Workspace.connect(server_url, vault=tmp_path / "vault") as workspace:
        assessment = workspace.default_assessment().id
        rows = [e for e in workspace.audit(assessment, "001") if e.action in ("set_note", "set_input")]
        assert len(rows) == 2 * 2 * WRITES  # a note and an input per write, per client: none lost
        for name in ("甲", "乙"):
            notes = [e.after for e in rows if e.name == name and e.action == "set_note"]
            assert notes == [f"{name} {n}" for n in range(WRITES)]  # each client's in its order, under its name
        names = [e.name for e in rows]
        assert sum(a != b for a, b in itertools.pairwise(names)) > 2  # the two clients' writes interleaved
        last_note = next(e for e in reversed(rows) if e.action == "set_note")
        assert workspace.notes(assessment)["001"] == last_note.after
        report = verify(workspace)
        assert (report.breaks, report.differences) == ([], [])


@pytest.mark.postgres
def test_a_client_killed_holding_the_write_lock_leaves_the_data_whole(server_url: str, tmp_path: Path) -> None:
    with Workspace.connect(server_url, vault=tmp_path / "vault") as workspace:
        assessment = workspace.default_assessment().id
        workspace.set_note(assessment, "002", "before")
        holder = client(server_url, tmp_path / "vault", "hold")
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding", holder.stderr.read() if holder.stderr else ""
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=30)
        workspace.set_note(assessment, "002", "after")  # the lock went with the killed client's connection
        assert workspace.notes(assessment) == {"002": "after"}
        assert [e.after for e in workspace.audit(assessment) if e.action == "set_note"] == ["before", "after"]
        report = verify(workspace)
        assert (report.breaks, report.differences) == ([], [])
