"""What the app imports before its first paint, read from the real process: none of the heavy modules. The first
screen (ui/first_screen) is painted from the snapshot kept at the last close; the ORM, the exporters, the PDF viewer
and OCR load after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from egov_desk.core.workspace import Workspace

HEAVY = ("sqlalchemy", "alembic", "openpyxl", "docx", "docxtpl", "PySide6.QtPdf", "onnxruntime", "cv2", "rapidocr")


def start(folder: Path, home: Path) -> dict[str, dict[str, object]]:
    """Start egov-desk on ``folder`` until its window is ready; what it reported at each moment (the modules
    imported by then, whether PySide6's Qt namespace was built)."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        EGOV_DESK_STARTUP_REPORT="1",
    )
    done = subprocess.run(
        [sys.executable, "-m", "egov_desk", "--smoke", "--workspace", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    said = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {entry["event"]: entry for entry in said}


def heavy_in(modules: object) -> list[str]:
    assert isinstance(modules, list)
    return [name for name in modules if any(name == h or name.startswith(h + ".") for h in HEAVY)]


def test_the_first_paint_imports_no_heavy_module(tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    first_start = start(folder, tmp_path)  # no snapshot yet: the window itself is the first paint
    assert "sqlalchemy" in first_start["first-paint"]["modules"]  # type: ignore[operator]
    assert "ready" in first_start

    again = start(folder, tmp_path)
    assert "egov_desk.ui.first_screen.window" in again["first-paint"]["modules"]  # type: ignore[operator]
    assert "egov_desk.ui.main_window" not in again["first-paint"]["modules"]  # type: ignore[operator]
    assert heavy_in(again["first-paint"]["modules"]) == []
    assert "ready" in again


def test_the_first_paint_does_without_qts_namespace(tmp_path: Path) -> None:
    """PySide6 builds all 321 enums of its Qt namespace at its first use (~15 ms): the first screen is painted
    without it (its gauge as the picture taken at the close, the crash reporter installed after the paint)."""
    folder = tmp_path / "workspace"
    with Workspace.open(folder) as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    start(folder, tmp_path)
    again = start(folder, tmp_path)
    assert "egov_desk.ui.first_screen.window" in again["first-paint"]["modules"]  # type: ignore[operator]
    assert again["first-paint"]["qt_namespace"] is False
    assert "egov_desk.ui.crash" not in again["first-paint"]["modules"]  # type: ignore[operator]


def test_what_is_imported_before_pyside6_imports_no_qt() -> None:
    """ui/preload.py runs before PySide6 is imported (so PySide6's import hook passes its modules by): it must stay
    Qt-free, or the hook reads them after all."""
    probe = "import sys, egov_desk.ui.preload; print(sorted(m for m in sys.modules if m.startswith('PySide')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
