"""A long session of Qt calls never takes None's reference count to zero (PySide6 6.12 on CPython 3.11 gives one up
at every call of a method returning nothing; render/singletons.py)."""

from __future__ import annotations

import os
import subprocess
import sys

SESSION = """
import sys
from egov_desk.render.headless import ensure_app
from PySide6.QtGui import QImage, QPainter
app = ensure_app()
image = QImage(8, 8, QImage.Format.Format_RGB32)
painter = QPainter(image)
before = sys.getrefcount(None)
for _ in range(CALLS):
    painter.save()
    painter.restore()
painter.end()
print(before - sys.getrefcount(None))
"""


def test_a_million_painter_calls_and_a_normal_exit_leave_none_alive() -> None:
    calls = 500_000  # two void calls each: more than None's own count in a fresh interpreter, several times over
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", SESSION.replace("CALLS", str(calls))],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]  # no "none_dealloc" abort (exit 134) at the end either
    drained = int(run.stdout.strip().splitlines()[-1])
    assert drained <= 1 or drained >= 2 * calls  # none once PySide6 no longer drops them; else all, survived
