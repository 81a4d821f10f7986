"""The core knows nothing of Qt: it imports none, and loading all of it pulls none in."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "egov_desk" / "core"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def imported_modules(source: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt() -> None:
    offenders = {
        str(path.relative_to(CORE)): sorted(m for m in imported_modules(path) if m.split(".")[0] in QT_MODULES)
        for path in CORE.rglob("*.py")
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_loading_the_whole_core_and_the_cli_loads_no_qt() -> None:
    modules = sorted(
        "egov_desk.core." + ".".join(path.relative_to(CORE).with_suffix("").parts)
        for path in CORE.rglob("*.py")
        if path.name not in ("__init__.py", "env.py") and "versions" not in path.parts
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r} + ['egov_desk.cli']: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=CORE.parents[1]
    )
    assert result.stdout.strip() == "[]"
