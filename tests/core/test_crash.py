"""Killing a writer mid-transaction loses nothing that was committed and leaves the database consistent."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from egov_desk.core.workspace import Workspace
from tests.core.crash_writer import CODES, inputs_for

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]


def run_writer_and_kill(folder: Path, first: int, batches: int) -> int:
    """Start the writer, let it commit ``batches`` batches, SIGKILL it while it writes the next; return the
    last batch it reported as committed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), str(first)], stdout=subprocess.PIPE, text=True, env=env
    ) as writer:
        assert writer.stdout is not None
        last = first - 1
        try:
            for line in writer.stdout:
                last = int(line.split()[1])
                if last >= first + batches - 1:
                    break
            writer.send_signal(signal.SIGKILL)  # the writer is already inside its next transaction
        finally:
            writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    return last


def committed_batches(database: Path) -> int:
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        audited = db.execute("SELECT count(*) FROM audit WHERE action = 'set_input'").fetchone()[0]
    assert audited % len(CODES) == 0, "a batch was half written"
    return audited // len(CODES)


def test_a_killed_writer_leaves_every_committed_batch_and_no_half_batch(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    database = folder / "workspace.sqlite"
    for _ in range(3):
        first = committed_batches(database) + 1
        reported = run_writer_and_kill(folder, first, batches=15)
        stored = committed_batches(database)
        assert stored >= reported, "a batch reported as committed is missing"
        with Workspace.open(folder) as workspace:
            assert workspace.inputs(workspace.default_assessment().id) == inputs_for(stored)
