"""The command line where Qt cannot be loaded: every command that does not print runs, and the two that draw with
Qt (the checklist as a PDF, the report with its chart) fail in one line, in the person's language, saying so.

Nothing is uninstalled: each command runs in a process of its own whose ``sitecustomize`` refuses to import
PySide6 and shiboken6, as on a machine where they are missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "data" / "seed"
BLOCKER = '''
import sys


class NoQt:
    """Finds PySide6 and shiboken6 by refusing them, as an interpreter without them would."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"No module named {name!r} (blocked by the test)", name=name)
        return None


sys.meta_path.insert(0, NoQt())
'''
HEAVY = ("sqlalchemy", "alembic", "openpyxl", "docx", "docxtpl", "PySide6")


@pytest.fixture(scope="module")
def no_qt(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    blocker = tmp_path_factory.mktemp("no-qt")
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(blocker), os.environ.get("PYTHONPATH", "")]))
    return {**os.environ, "PYTHONPATH": path, "LC_ALL": "C", "LANG": "C", "QT_QPA_PLATFORM": "offscreen"}


def cli(env: dict[str, str], *args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "egov_desk.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


def ok(env: dict[str, str], *args: str) -> str:
    run = cli(env, *args)
    assert run.returncode == 0, f"{' '.join(args)}: {run.stderr}"
    return run.stdout


def imported(run: subprocess.CompletedProcess[str]) -> set[str]:
    """The top-level packages a run loaded, from its -X importtime lines."""
    return {line.split("|")[-1].strip().split(".")[0] for line in run.stderr.splitlines() if "|" in line}


def test_the_blocker_keeps_qt_out(no_qt: dict[str, str]) -> None:
    run = subprocess.run([sys.executable, "-c", "import PySide6"], capture_output=True, text=True, env=no_qt)
    assert run.returncode == 1
    assert "blocked by the test" in run.stderr


def test_scoring_a_file_and_showing_a_system_load_neither_qt_nor_the_database(
    no_qt: dict[str, str], tmp_path: Path
) -> None:
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"items": {"021": {"numerator": 7, "denominator": 9}}}), encoding="utf-8")
    for args in (
        ("score", "--inputs", str(inputs), "--json"),
        ("template", "show", "builtin:2019"),
        ("template", "list"),
    ):
        run = cli(no_qt, *args, importtime=True)
        assert run.returncode == 0, run.stderr
        assert imported(run).isdisjoint(HEAVY), args
    assert json.loads(ok(no_qt, "score", "--inputs", str(inputs), "--json"))["items"]["021"]["score"] == 2.33


def test_reading_a_table_loads_no_qt(no_qt: dict[str, str], tmp_path: Path) -> None:
    found = json.loads(ok(no_qt, "import", str(SEED / "2019-indicators.docx"), "--json"))
    assert (found["year"], found["total_points"]) == (2019, 100)
    assert "个评分项" in ok(no_qt, "import", str(SEED / "2019-indicators.xlsx"))


def test_every_command_that_does_not_draw_runs_without_qt(no_qt: dict[str, str], tmp_path: Path) -> None:
    folder = str(tmp_path / "ws")
    at = ("--workspace", folder)
    assert "created" in ok(no_qt, "workspace", "init", *at, "--unit", "测试单位")
    assert ok(no_qt, "workspace", "list", *at).startswith("* 1\t")
    assert json.loads(ok(no_qt, "workspace", "status", *at, "--json"))["database"] == "ok"
    assert "021" in ok(no_qt, "workspace", "set", *at, "021", '{"numerator": 7, "denominator": 9}')
    ok(no_qt, "workspace", "note", *at, "021", "见附件")
    assert json.loads(ok(no_qt, "workspace", "score", *at, "--json"))["items"]["021"]["score"] == 2.33
    ok(no_qt, "workspace", "departments", *at)
    ok(no_qt, "assessment", "set", *at, "--filled-by", "王晓梅")
    assert json.loads(ok(no_qt, "assessment", "show", *at, "--json"))["filled_by"] == "王晓梅"

    scan = tmp_path / "批复.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    ok(no_qt, "evidence", "add", *at, "--item", "021", str(scan))
    assert [f["name"] for f in json.loads(ok(no_qt, "evidence", "list", *at, "--json"))["files"]] == ["批复.pdf"]
    ok(no_qt, "verify", *at)

    sheet = tmp_path / "sheet.xlsx"
    ok(no_qt, "export", "sheet", *at, "--out", str(sheet))
    ok(no_qt, "export", "package", *at, "--out", str(tmp_path / "package.zip"))
    ok(no_qt, "export", "checklist", *at, "--out", str(tmp_path / "checklist.docx"))
    assert "unchanged" in ok(no_qt, "import-scores", *at, str(sheet), "--dry-run")
    ok(no_qt, "import", str(SEED / "2019-indicators.xlsx"), "--into", folder)

    ok(no_qt, "backup", "create", *at)
    assert ok(no_qt, "backup", "list", *at).strip()
    ok(no_qt, "backup", "restore", *at, "--latest")
    for made in (sheet, tmp_path / "package.zip", tmp_path / "checklist.docx"):
        assert made.stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "language", "words"),
    [
        (("export", "checklist", "--out", "c.pdf"), "C", "drawn with Qt (PySide6), which cannot be loaded here"),
        (("export", "report", "--out", "r.docx"), "C", "drawn with Qt (PySide6), which cannot be loaded here"),
        (("export", "checklist", "--out", "c.pdf"), "zh_CN.UTF-8", "需要 Qt（PySide6），但此处无法加载"),
    ],
)
def test_what_draws_with_qt_says_qt_is_needed_in_one_line(
    no_qt: dict[str, str], tmp_path: Path, args: tuple[str, ...], language: str, words: str
) -> None:
    folder = tmp_path / "ws"
    ok(no_qt, "workspace", "init", "--workspace", str(folder), "--unit", "测试单位")
    env = {**no_qt, "LC_ALL": language, "LANG": language}
    command, what, _, name = args
    run = cli(env, command, what, "--workspace", str(folder), "--out", str(tmp_path / name))
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr
    assert words in run.stderr
    assert not (tmp_path / name).exists()
