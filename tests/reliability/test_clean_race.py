"""`verify --clean` in one process while `evidence add` runs in another: no file added meanwhile is removed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import run_cli, start_cli
from tests.reliability.workspaces import sha256, stored_hashes, vault_files

KLASS = "two processes"
ROUNDS = 3

pytestmark = pytest.mark.slow


def scans(folder: Path, count: int, size: int, seed: int) -> list[Path]:
    folder.mkdir(parents=True)
    chance = random.Random(seed)
    paths = []
    for number in range(count):
        path = folder / f"扫描件{number}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + chance.randbytes(size) + b"\n%%EOF\n")
        paths.append(path)
    return paths


def test_files_added_while_verify_clean_runs_survive(tmp_path: Path, figures: Figures) -> None:
    folder = tmp_path / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    many = scans(tmp_path / "many", 8, 12 * 1024 * 1024, 1)  # a vault that takes a while to re-hash
    assert run_cli("evidence", "add", "--workspace", folder, "--item", "002", *many).outcome == "ok"
    failures = []
    for round_ in range(ROUNDS):
        new = scans(tmp_path / f"new{round_}", 3, 256 * 1024, 10 + round_)
        cleaner = start_cli("verify", "--clean", "--workspace", folder)
        adder = start_cli("evidence", "add", "--workspace", folder, "--item", "025", *new)
        outcomes = []
        for process in (adder, cleaner):
            _out, err = process.communicate(timeout=120)
            outcomes.append((process.returncode, err.decode(errors="replace").strip()))
        stored, vault = stored_hashes(folder), vault_files(folder)
        lost = [p.name for p in new if (h := sha256(p)) in stored and h not in vault]
        missing = [p.name for p in new if adder.returncode == 0 and sha256(p) not in stored]
        crashed = [err for _, err in outcomes if "Traceback" in err]
        verdict = "lost" if lost or missing else "crash" if crashed else "ok"
        figures.record(
            KLASS,
            f"evidence add during verify --clean #{round_ + 1}",
            verdict,
            "; ".join([*lost, *missing, *crashed])[:500],
        )
        if lost or missing or crashed:
            failures.append(f"round {round_ + 1}: removed {lost}, not stored {missing}, {crashed}")
    assert not failures, "\n".join(failures)
