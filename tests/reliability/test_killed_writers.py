"""SIGKILL at random points of `workspace set`, `evidence add` and `import --into`: after every kill the database
is sound, every acknowledged write is there, no batch is half there, the vault holds no file whose bytes do not
match its name, and `verify` finds nothing missing or damaged."""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.reliability.figures import Figures
from tests.reliability.harness import holds_open, kill_when, run_cli, start_cli
from tests.reliability.workspaces import (
    DATABASE,
    inputs,
    integrity,
    query,
    sha256,
    stored_hashes,
    vault_files,
    vault_leftovers,
    vault_mismatches,
)

KLASS = "killed writer"
KILLS = 10  # per command: 30 in all
CODES = ("004", "008", "012", "013", "014", "015", "016", "017", "018", "022", "023", "024")  # manual scores
VALUES = (0.0, 0.5, 1.0, 1.5)

pytestmark = pytest.mark.slow


def new_workspace(folder: Path) -> Path:
    made = run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位")
    assert made.outcome == "ok", made.describe()
    return folder


def problems_after(folder: Path) -> list[str]:
    """What is wrong with the workspace right after a kill (empty: nothing)."""
    found = []
    if (sound := integrity(folder)) != "ok":
        found.append(f"integrity_check: {sound}")
    if bad := vault_mismatches(folder):
        found.append(f"vault files whose bytes do not match their name: {bad}")
    stored = vault_files(folder)
    if missing := sorted(h for h in stored_hashes(folder) if h not in stored):
        found.append(f"evidence rows whose file is not in the vault: {missing}")
    return found


def verify_says_nothing_lost(folder: Path) -> list[str]:
    run = run_cli("verify", "--workspace", folder)
    lost = [line for line in run.stdout.splitlines() if line.startswith(("MISSING", "CORRUPT"))]
    if run.returncode not in (0, 1) or "Traceback" in run.stderr:  # 1 with a report: orphans or leftovers
        lost.append(run.describe())
    return lost


def kill_many(
    figures: Figures,
    name: str,
    folder: Path,
    command: Callable[[int], list[str | os.PathLike[str]]],
    acknowledged: Callable[[list[int], int], list[str]],
    seed: int,
    whole: Callable[[], list[str]] = list,
    writing: Callable[[], bool] | None = None,
    window: float = 0.3,
) -> list[str]:
    """Run ``command(n)`` twice to the end, then KILLS times killed at a random moment — within ``window``
    seconds after the process has opened the database (or after ``writing()`` first holds); after each run n
    check the workspace, that ``acknowledged(acked, n)`` finds the writes of every run in ``acked`` (those
    that reported success) and that ``whole()`` finds nothing half-written."""
    failures: list[str] = []
    measures = [run_cli(*command(-n)) for n in range(2)]
    assert all(m.outcome == "ok" for m in measures), [m.describe() for m in measures]
    acked = [-1]
    chance = random.Random(seed)
    for n in range(1, KILLS + 1):
        delay = chance.uniform(0.0, window)
        process = start_cli(*command(n))
        killed, run = kill_when(process, writing or holds_open(process, folder / DATABASE), delay)
        if not killed:
            if run.outcome == "ok":
                acked.append(n)
            elif not run.clean:
                failures.append(run.describe())
        found = problems_after(folder) + whole()
        lost = acknowledged(acked, n)
        verdict = "lost" if lost else "corrupt" if found else ("killed" if killed else run.outcome)
        if not killed and not run.clean:
            verdict = run.outcome
        figures.record(
            KLASS,
            f"{name} #{n} ({'killed' if killed else 'ended'} {delay:.2f} s in)",
            verdict,
            "; ".join(lost + found)[:500],
        )
        failures += [f"after kill #{n} {delay:.2f} s in: {p}" for p in lost + found]
    failures += [f"verify: {line}" for line in verify_says_nothing_lost(folder)]
    return failures


def test_killed_workspace_set_keeps_every_acknowledged_batch_whole(tmp_path: Path, figures: Figures) -> None:
    folder = new_workspace(tmp_path / "ws")
    chance = random.Random(1)
    batches: dict[int, float] = {}

    def command(n: int) -> list[str | os.PathLike[str]]:
        value = chance.choice(VALUES)
        batches[n] = value
        path = tmp_path / f"batch{n}.json"
        path.write_text(json.dumps({"items": {code: {"score": value} for code in CODES}}), encoding="utf-8")
        return ["workspace", "set", "--workspace", folder, "--inputs", path]

    def acknowledged(acked: list[int], n: int) -> list[str]:
        """The stored batch is whole, and it is the last acknowledged one or one of the killed ones after it."""
        stored = {json.loads(value).get("score") for code, value in inputs(folder).items() if code in CODES}
        if len(stored) != 1:
            return [f"a half-written batch: {sorted(map(str, stored))}"]
        possible = {batches[acked[-1]]} | {batches[m] for m in range(max(acked[-1], 0) + 1, n + 1)}
        [value] = stored
        return (
            []
            if value in possible
            else [
                f"stored {value}, the last acknowledged batch {acked[-1]} set "
                f"{batches[acked[-1]]} (later killed ones: {possible})"
            ]
        )

    failures = kill_many(figures, "workspace set", folder, command, acknowledged, seed=11, window=0.15)
    assert not failures, "\n".join(failures)


def test_killed_evidence_add_keeps_every_acknowledged_file_and_no_bad_copy(tmp_path: Path, figures: Figures) -> None:
    folder = new_workspace(tmp_path / "ws")
    files: dict[int, list[Path]] = {}

    def command(n: int) -> list[str | os.PathLike[str]]:
        chance = random.Random(100 + n)
        batch = tmp_path / f"batch{n}"
        batch.mkdir()
        files[n] = []
        for number in range(3):
            path = batch / f"扫描件{number}.pdf"
            path.write_bytes(b"%PDF-1.4\n" + chance.randbytes(8 * 1024 * 1024) + b"\n%%EOF\n")
            files[n].append(path)
        return ["evidence", "add", "--workspace", folder, "--item", "002", "--requirement", "1", *files[n]]

    def acknowledged(acked: list[int], _n: int) -> list[str]:
        stored = stored_hashes(folder)
        vault = vault_files(folder)
        return [
            f"batch {m}: {path.name} acknowledged but not stored"
            for m in acked
            for path in files[m]
            if (digest := sha256(path)) not in stored or digest not in vault
        ]

    failures = kill_many(
        figures, "evidence add", folder, command, acknowledged, seed=22, writing=lambda: bool(vault_leftovers(folder))
    )
    assert not failures, "\n".join(failures)


def test_killed_import_into_adds_a_whole_system_or_nothing(tmp_path: Path, figures: Figures) -> None:
    folder = new_workspace(tmp_path / "ws")

    def command(n: int) -> list[str | os.PathLike[str]]:
        path = tmp_path / f"{2020 + n}指标.xlsx"
        shutil.copyfile(SEED / "2019-indicators.xlsx", path)
        return ["import", path, "--into", folder, "--accept"]

    def source(n: int) -> str:
        return f"{2020 + n}指标.xlsx"

    def acknowledged(acked: list[int], _n: int) -> list[str]:
        sources = {row[0] for row in query(folder, "SELECT source FROM indicator_systems")}
        return [f"import {source(m)} acknowledged but its system is missing" for m in acked if source(m) not in sources]

    def half_imports() -> list[str]:
        found = []
        for system_id, system_source in query(folder, "SELECT id, source FROM indicator_systems"):
            items = query(folder, "SELECT count(*) FROM items WHERE system_id = ?", system_id)[0][0]
            assessments = query(folder, "SELECT count(*) FROM assessments WHERE system_id = ?", system_id)[0][0]
            if not items or not assessments:
                found.append(f"system {system_source}: {items} items, {assessments} assessments (half an import)")
        return found

    failures = kill_many(
        figures, "import --into", folder, command, acknowledged, seed=33, whole=half_imports, window=0.8
    )
    assert not failures, "\n".join(failures)
