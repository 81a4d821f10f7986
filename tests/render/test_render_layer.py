"""render/ draws with QtGui alone: loading it pulls in neither widgets nor the window's code, so the command line
can draw a PDF or a chart on a machine without a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "egov_desk"


def imported_modules(source: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_loading_render_loads_no_widgets_and_no_ui() -> None:
    code = (
        "import sys\n"
        "import egov_desk.render.charts, egov_desk.render.headless, egov_desk.render.printing\n"
        "print(sorted(m for m in sys.modules if m.startswith(('egov_desk.ui', 'PySide6.QtWidgets', "
        "'PySide6.QtPrintSupport'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_neither_render_nor_the_command_line_imports_the_window_code() -> None:
    """Anywhere in the module, inside functions too: a command that drew through ui/ would need widgets."""
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in imported_modules(path) if name.split(".")[:2] == ["egov_desk", "ui"]
        )
        for part in ("cli", "render")
        for path in (PACKAGE / part).rglob("*.py")
    }
    assert {path: found for path, found in offenders.items() if found} == {}
