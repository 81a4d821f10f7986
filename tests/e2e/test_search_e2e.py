"""材料内容 from the keyboard, in the real app: a Chinese scan attached by the CLI before the app starts is read by
the OCR worker the window starts in the background; Ctrl+Shift+F, a word from the scan, Enter, Enter on the hit —
the preview shows the scan's page with the word's line marked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import Display, cli, cli_json, init_workspace, step, wait_until
from tests.e2e.screen import key_moment, wait_still

pytestmark = pytest.mark.e2e

_SCAN = """
import sys
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
app = QGuiApplication([])
image = QImage(1240, 1754, QImage.Format.Format_RGB32)
image.fill(QColor("white"))
painter = QPainter(image)
font = QFont("Noto Sans CJK SC")
font.setPixelSize(56)
painter.setFont(font)
painter.setPen(QColor("black"))
for number, line in enumerate(("关于网站建设情况的通知", "政务公开工作总结报告", "二〇一九年三月")):
    painter.drawText(120, 260 + number * 140, line)
painter.end()
image.save(sys.argv[1])
"""


def chinese_scan(path: Path) -> Path:
    """A scanned page of Chinese text, drawn by Qt in a process of its own (as make_pdf does)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", _SCAN, str(path)], env=env, check=True, timeout=60, capture_output=True)
    return path


def found(workspace: Path, words: str) -> list[dict[str, object]]:
    return list(cli_json("search", "--workspace", str(workspace), words, "--json")["hits"])


@pytest.mark.parametrize("width", [1366, 1024])
def test_a_word_on_a_scan_is_found_from_the_keyboard_and_shown_marked_in_the_preview(
    launch: Launcher, tmp_path: Path, screen: Display, small_screen: Display, width: int
) -> None:
    workspace = init_workspace(tmp_path / "workspace")
    scan = chinese_scan(tmp_path / "网站建设通知.png")
    cli("evidence", "add", "--workspace", str(workspace), "--item", "002", str(scan))
    assert found(workspace, "网站建设") == []  # not read yet: the window reads it
    app = launch(workspace, screen if width == 1366 else small_screen)
    main = app.wait_main()

    with step("the window reads the scan's text in the background"):
        hits = wait_until(lambda: found(workspace, "网站建设"), timeout=120, what="the scan's text read by the window")
        assert hits[0]["file"] == scan.name
        assert hits[0]["page"] == 1

    with step("Ctrl+Shift+F, the words, Enter: the hits"):
        app.key("ctrl+shift+f")
        app.type("网站建设")
        app.key("Return")
        wait_still(app, main)
        key_moment(app, tmp_path, f"search-hits-{width}")

    with step("Enter on the hit: the preview at its page, the words marked"):
        app.key("Return")
        preview = app.wait_window(scan.name)
        wait_still(app, preview)
        shot = key_moment(app, tmp_path, f"search-hit-{width}")
        assert shot.stat().st_size > 0
        app.key("Escape")
        app.wait_gone(scan.name)
    app.assert_alive()
