"""A damaged or missing file in the vault: `verify` names it (exit 1, no traceback); adding the original again
repairs it; a package export writes everything else, names what is missing and exits 1."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import Run, run_cli
from tests.reliability.workspaces import sha256, vault_files, vault_mismatches

KLASS = "damaged vault"

pytestmark = pytest.mark.slow


def flipped(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[10:14] = b"XXXX"  # same size: a copy checked by its size alone looks whole
    path.write_bytes(bytes(data))


def truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:7])


def emptied(path: Path) -> None:
    path.write_bytes(b"")


def removed(path: Path) -> None:
    path.unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "same size, other bytes": flipped,
    "truncated": truncated,
    "zero bytes": emptied,
    "missing": removed,
}


def no_traceback(run: Run) -> bool:
    return run.returncode is not None and run.returncode >= 0 and "Traceback" not in run.stderr


@pytest.fixture
def two_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    good, bad = tmp_path / "计划.pdf", tmp_path / "总结.pdf"
    good.write_bytes(b"%PDF-1.4\n" + b"plan " * 200 + b"\n%%EOF\n")
    bad.write_bytes(b"%PDF-1.4\n" + b"summary " * 200 + b"\n%%EOF\n")
    assert run_cli("evidence", "add", "--workspace", folder, "--item", "002", good, bad).outcome == "ok"
    return folder, good, bad


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_vault_file_is_named_and_repaired_by_adding_the_original(
    damage: str, two_files: tuple[Path, Path, Path], figures: Figures
) -> None:
    folder, _good, bad = two_files
    DAMAGE[damage](vault_files(folder)[sha256(bad)])
    problems = []
    verify = run_cli("verify", "--workspace", folder)
    if not no_traceback(verify) or verify.returncode != 1 or sha256(bad) not in verify.stdout:
        problems.append(f"verify did not name the damaged file: {verify.describe()} {verify.stdout[-300:]}")
    again = run_cli("evidence", "add", "--workspace", folder, "--item", "002", bad)
    if again.outcome != "ok":
        problems.append(again.describe())
    if sha256(bad) not in vault_files(folder) or vault_mismatches(folder):
        problems.append(f"adding the original again left the vault damaged: {vault_mismatches(folder)}")
    after = run_cli("verify", "--workspace", folder)
    if after.outcome != "ok":
        problems.append(f"verify after the repair: {after.describe()} {after.stdout[-300:]}")
    crashed = not all(no_traceback(r) for r in (verify, again, after))
    verdict = "crash" if crashed else "corrupt" if problems else "ok"
    figures.record(KLASS, f"vault file {damage}: verify, add again", verdict, "; ".join(problems)[:500])
    assert not problems, "\n".join(problems)


def test_a_package_export_past_a_missing_file_writes_the_rest_and_names_it(
    two_files: tuple[Path, Path, Path], tmp_path: Path, figures: Figures
) -> None:
    folder, good, bad = two_files
    vault_files(folder)[sha256(bad)].unlink()
    out = tmp_path / "材料包.zip"
    run = run_cli("export", "package", "--workspace", folder, "--out", out)
    problems = []
    if run.returncode != 1 or not no_traceback(run):
        problems.append(f"expected exit 1 without a traceback: {run.describe()}")
    if bad.name not in run.stderr:
        problems.append(f"the message does not name {bad.name}: {run.stderr.strip()[-300:]}")
    if not out.is_file():
        problems.append("no package was written")
    else:
        with zipfile.ZipFile(out) as package:
            names = package.namelist()
            if package.testzip() is not None:
                problems.append("the package is damaged")
        if not any(name.endswith(good.name) for name in names):
            problems.append(f"{good.name} is not in the package: {names}")
    verdict = "crash" if not no_traceback(run) else "lost" if problems else "failed"
    figures.record(KLASS, "package export past a missing vault file", verdict, "; ".join(problems)[:500])
    assert not problems, "\n".join(problems)
