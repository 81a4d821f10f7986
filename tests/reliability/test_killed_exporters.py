"""SIGKILL at random points of `export package`, `export sheet` and `export report`: a file under the real name is
always complete, and the next export leaves no leftovers of the killed ones beside it."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import kill_when, run_cli, start_cli
from tests.reliability.workspaces import integrity

KLASS = "killed exporter"
KILLS = 5  # per export: 15 in all

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with scores and 24 MB of evidence, so that a package takes long enough to be killed inside."""
    home = tmp_path_factory.mktemp("export")
    folder = home / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    assert run_cli("workspace", "set", "--workspace", folder, "021", '{"numerator": 7, "denominator": 9}').clean
    chance = random.Random(5)
    scans = []
    for number in range(6):
        path = home / f"扫描件{number}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + chance.randbytes(4 * 1024 * 1024) + b"\n%%EOF\n")
        scans.append(path)
    added = run_cli("evidence", "add", "--workspace", folder, "--item", "002", "--requirement", "1", *scans)
    assert added.outcome == "ok", added.describe()
    return folder


def complete_zip(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        assert any(name.endswith("SHA256SUMS") for name in package.namelist())


def complete_xlsx(path: Path) -> None:
    openpyxl.load_workbook(path, read_only=True).close()


def complete_docx(path: Path) -> None:
    assert docx.Document(str(path)).paragraphs


EXPORTS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "package": ("材料包.zip", complete_zip),
    "sheet": ("得分表.xlsx", complete_xlsx),
    "report": ("自评报告.docx", complete_docx),
}


def whole_or_absent(path: Path, complete: Callable[[Path], None]) -> str:
    """Empty when ``path`` is absent or a complete file; else what is wrong with it."""
    if not path.exists():
        return ""
    try:
        complete(path)
    except Exception as exc:  # any reader's complaint means a half-written file under the real name
        return f"{path.name} is under its real name but incomplete: {type(exc).__name__}: {exc}"
    return ""


def leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != name and name in p.name)


@pytest.mark.parametrize("what", list(EXPORTS))
def test_a_killed_export_never_leaves_a_half_file_under_its_name(
    what: str, scored: Path, tmp_path: Path, figures: Figures
) -> None:
    name, complete = EXPORTS[what]
    out = tmp_path / name
    command = ["export", what, "--workspace", scored, "--out", out]
    measure = run_cli(*command)
    assert measure.outcome == "ok", measure.describe()
    out.unlink()
    chance = random.Random(list(EXPORTS).index(what))
    failures = []
    for n in range(1, KILLS + 1):
        delay = chance.uniform(0.0, 0.2)  # after its temporary file appears: inside the writing
        killed, run = kill_when(start_cli(*command), lambda: bool(leftovers(tmp_path, name)), delay)
        wrong = whole_or_absent(out, complete)
        verdict = "corrupt" if wrong else ("killed" if killed else run.outcome)
        figures.record(
            KLASS, f"export {what} #{n} ({'killed' if killed else 'ended'} {delay:.2f} s into writing)", verdict, wrong
        )
        if wrong:
            failures.append(f"kill #{n} at {delay:.2f} s: {wrong}")
        if not killed and not run.clean:
            failures.append(run.describe())
        out.unlink(missing_ok=True)
    final = run_cli(*command)
    left = leftovers(tmp_path, name)
    wrong = whole_or_absent(out, complete) if out.exists() else f"the export after the kills wrote no {name}"
    verdict = "corrupt" if wrong else "leftover" if left else final.outcome
    figures.record(
        KLASS, f"export {what} after the kills", verdict, "; ".join([*([wrong] if wrong else []), *left])[:500]
    )
    assert final.outcome == "ok", final.describe()
    assert not wrong
    assert integrity(scored) == "ok"
    assert not failures, "\n".join(failures)
    assert left == [], f"the killed exports' temporary files are still beside {name} after the next export: {left}"
