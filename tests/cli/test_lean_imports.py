"""Each command imports only what it uses, and Ctrl+C while it loads is one line, not a traceback.

Every command runs in a fresh process that writes, as it leaves, the modules it loaded in the order it first
imported them; a test names the heavy module a command should not have loaded. Nothing is timed.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from egov_desk.cli.commands import COMMANDS

SEED = Path(__file__).resolve().parents[1] / "data" / "seed"
RUN = """
import atexit, json, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(json.dumps(list(sys.modules))))
from egov_desk.cli import main
raise SystemExit(main())
"""
THE_DATABASE = ("sqlalchemy", "alembic", "egov_desk.core.db")
QT = ("PySide6", "shiboken6")
THE_SERVER = (
    "egov_desk.core.server",
    "egov_desk.core.server_people",
    "egov_desk.core.row_security",
    "egov_desk.core.evidence_text",
    "psycopg",
)


def loaded(tmp_path: Path, *args: str) -> list[str]:
    """The modules ``egov-desk-cli ARGS`` loaded, in the order it first imported them."""
    out = tmp_path / "modules.json"
    env = {**os.environ, "LC_ALL": "C", "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", RUN, str(out), *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert run.returncode == 0, f"{' '.join(args)}: {run.stderr}"
    modules: list[str] = json.loads(out.read_text(encoding="utf-8"))
    return modules


def heavy(modules: list[str], *packages: str) -> list[str]:
    """Which of ``packages`` (a package counts with its sub-modules) are among ``modules``."""
    return [p for p in packages if any(m == p or m.startswith(p + ".") for m in modules)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from egov_desk.cli import main

    made = tmp_path_factory.mktemp("lean") / "ws"
    assert main(["workspace", "init", "--workspace", str(made), "--unit", "测试单位"]) == 0
    return made


def test_scoring_a_file_loads_neither_the_database_nor_qt(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"items": {"021": {"numerator": 7, "denominator": 9}}}), encoding="utf-8")
    modules = loaded(tmp_path, "score", "--inputs", str(inputs), "--json")
    assert heavy(modules, *THE_DATABASE, *QT, "openpyxl", "docx") == []


@pytest.mark.parametrize("args", [("template", "show", "builtin:2019"), ("template", "list")])
def test_showing_a_system_loads_neither_the_database_nor_qt(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert heavy(loaded(tmp_path, *args), *THE_DATABASE, *QT, "openpyxl", "docx") == []


def test_reading_a_word_table_loads_no_excel_reader_and_no_database(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "import", "--json", str(SEED / "2019-indicators.docx"))
    assert heavy(modules, "openpyxl", "numpy", *THE_DATABASE, *QT) == []
    assert heavy(modules, "docx") == ["docx"]


def test_reading_an_excel_table_loads_no_word_reader_and_no_database(tmp_path: Path) -> None:
    modules = loaded(tmp_path, "import", "--json", str(SEED / "2019-indicators.xlsx"))
    assert heavy(modules, "docx", "docxtpl", *THE_DATABASE, *QT) == []


def test_a_pdf_checklist_loads_no_word_writer_and_the_database_before_qt(folder: Path, tmp_path: Path) -> None:
    modules = loaded(tmp_path, "export", "checklist", "--workspace", str(folder), "--out", str(tmp_path / "c.pdf"))
    assert heavy(modules, "docx", "docxtpl", "openpyxl") == []
    # PySide6's import hook reads every later module's source: SQLAlchemy loaded after it costs ~115 ms more
    assert modules.index("sqlalchemy") < modules.index("PySide6")


def test_adding_evidence_to_a_folder_loads_nothing_of_a_server_nor_qt(folder: Path, tmp_path: Path) -> None:
    scan = tmp_path / "批复.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    modules = loaded(tmp_path, "evidence", "add", "--workspace", str(folder), "--item", "021", str(scan))
    assert heavy(modules, *THE_SERVER, *QT, "docx", "openpyxl") == []


def test_a_workspace_status_loads_nothing_of_a_server_nor_qt(folder: Path, tmp_path: Path) -> None:
    modules = loaded(tmp_path, "workspace", "status", "--workspace", str(folder))
    assert heavy(modules, *THE_SERVER, *QT, "docx", "openpyxl") == []


class Registered:
    """The sub-parsers as a command's module sees them: what it adds, with the help line it gives."""

    def __init__(self) -> None:
        self.helps: dict[str, str] = {}

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        import argparse

        self.helps[name] = kwargs.get("help", "")
        return argparse.ArgumentParser(name)


def test_the_command_table_says_what_each_module_registers() -> None:
    """The top-level help lists each command from the table without importing its module: the table's help
    line is the module's, and every command a listed module adds is in the table."""
    registered = Registered()
    for module, register in dict.fromkeys((command.module, command.register) for command in COMMANDS):
        getattr(importlib.import_module(f"egov_desk.cli.{module}"), register)(registered)
    assert {command.name: command.help for command in COMMANDS} == registered.helps


INTERRUPT = '''
import os, signal, sys


class CtrlC:
    """Ctrl+C the moment the command starts importing {name}, as a person pressing it while the command loads."""

    def find_spec(self, name, path=None, target=None):
        if name == {name!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, CtrlC())
'''


@pytest.mark.parametrize(
    ("args", "when", "language", "words"),
    [
        (("score", "--inputs", "-"), "egov_desk.cli.scoring", "C", "egov-desk-cli: cancelled\n"),
        (("workspace", "list"), "sqlalchemy", "zh_CN.UTF-8", "egov-desk-cli: 已取消\n"),
        (("template", "list"), "egov_desk.core.messages", "C", "egov-desk-cli: cancelled\n"),
    ],
)
def test_ctrl_c_while_a_command_loads_exits_130_with_one_line(
    tmp_path: Path, args: tuple[str, ...], when: str, language: str, words: str
) -> None:
    (tmp_path / "sitecustomize.py").write_text(INTERRUPT.format(name=when), encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    env = {**os.environ, "PYTHONPATH": path, "LC_ALL": language, "XDG_DATA_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "egov_desk.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert (run.returncode, run.stderr) == (130, words)
