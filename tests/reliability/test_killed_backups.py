"""SIGKILL of `backup create` while it copies: every backup listed afterwards is a whole, sound database and
the workspace itself is untouched."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import kill_when, require_command, run_cli, start_cli
from tests.reliability.workspaces import integrity

KLASS = "killed writer"
KILLS = 8

pytestmark = pytest.mark.slow


def sound(database: Path) -> str:
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)


def test_a_killed_backup_never_leaves_a_half_backup_in_the_list(tmp_path: Path, figures: Figures) -> None:
    require_command("backup", "create")
    folder = tmp_path / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    for code in ("004", "008", "012"):  # a bigger database, so that the copy takes a moment
        assert run_cli("workspace", "note", "--workspace", folder, code, "备注" * 20_000).clean
    backups = folder / "backups"
    chance = random.Random(44)
    failures = []
    for n in range(1, KILLS + 1):
        delay = chance.uniform(0.0, 0.05)
        killed, run = kill_when(
            start_cli("backup", "create", "--workspace", folder),
            lambda: backups.is_dir() and any(backups.glob(".*.part")),
            delay,
        )
        listed = run_cli("backup", "list", "--workspace", folder)
        bad = {p.name: sound(p) for p in backups.glob("*.sqlite") if sound(p) != "ok"}
        problems = [f"{name}: {why}" for name, why in bad.items()]
        if not listed.clean:
            problems.append(listed.describe())
        if (state := integrity(folder)) != "ok":
            problems.append(f"the workspace: {state}")
        verdict = "corrupt" if problems else ("killed" if killed else run.outcome)
        figures.record(
            KLASS,
            f"backup create #{n} ({'killed' if killed else 'ended'} {delay:.3f} s in)",
            verdict,
            "; ".join(problems)[:500],
        )
        failures += [f"kill #{n}: {p}" for p in problems]
    assert not failures, "\n".join(failures)
