"""A damaged or missing database next to a full vault: every command exits 1 with one line (no traceback),
nothing is created or migrated over the file, and the vault is untouched."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import run_cli
from tests.reliability.workspaces import DATABASE, changes, snapshot

KLASS = "damaged database"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with scores and evidence in its vault, closed cleanly (no WAL beside it)."""
    home = tmp_path_factory.mktemp("healthy")
    folder = home / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    assert run_cli("workspace", "set", "--workspace", folder, "004", '{"score": 0.5}').outcome == "ok"
    scans = []
    for number in range(3):
        scan = home / f"扫描件{number}.pdf"
        scan.write_bytes(b"%PDF-1.4\n" + random.Random(number).randbytes(64 * 1024) + b"\n%%EOF\n")
        scans.append(scan)
    assert run_cli("evidence", "add", "--workspace", folder, "--item", "002", *scans).outcome == "ok"
    return folder


def zero_bytes(database: Path) -> None:
    database.write_bytes(b"")


def truncated(database: Path) -> None:
    database.write_bytes(database.read_bytes()[:20_000])


def junk(database: Path) -> None:
    database.write_bytes(random.Random(9).randbytes(database.stat().st_size))


def junk_after_header(database: Path) -> None:
    data = database.read_bytes()
    database.write_bytes(data[:100] + random.Random(10).randbytes(len(data) - 100))


def missing(database: Path) -> None:
    database.unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "zero-byte": zero_bytes,
    "truncated": truncated,
    "junk": junk,
    "junk after a valid header": junk_after_header,
    "missing next to a full vault": missing,
}


def commands(folder: Path, out: Path) -> list[list[str | Path]]:
    return [
        ["workspace", "score", "--workspace", folder],
        ["workspace", "set", "--workspace", folder, "008", '{"score": 1}'],
        ["evidence", "list", "--workspace", folder],
        ["verify", "--clean", "--workspace", folder],
        ["export", "sheet", "--workspace", folder, "--out", out],
    ]


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_is_refused_with_one_line_and_nothing_changes(
    damage: str, healthy: Path, tmp_path: Path, figures: Figures
) -> None:
    folder = tmp_path / "ws"
    shutil.copytree(healthy, folder)
    DAMAGE[damage](folder / DATABASE)
    before = snapshot(folder)
    failures = []
    for command in commands(folder, tmp_path / "得分表.xlsx"):
        run = run_cli(*command)
        changed = changes(before, snapshot(folder))
        verdict = run.outcome
        if changed:
            verdict = "lost" if any(c.startswith(("removed vault", "changed vault")) for c in changed) else "corrupt"
        elif run.outcome == "ok":
            verdict = "corrupt"  # a damaged workspace read as if it were sound
        name = f"{damage}: {' '.join(str(a) for a in command[:2])}"
        figures.record(KLASS, name, verdict, "; ".join([run.describe(), *changed])[:500])
        if run.outcome != "failed":
            failures.append(f"{run.describe()} (expected exit 1 with one line)")
        if changed:
            failures.append(f"{command[0]} {command[1]} changed the folder: {changed[:5]}")
        before = snapshot(folder)
    assert not failures, "\n".join(failures)
