"""The one-folder app builds, starts (--smoke) and answers on the command line; the .deb carries it properly.

Slow (a PyInstaller build takes about a minute); `make test` and CI run it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "build" / "dist" / "egov-desk"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(2400),  # the one-folder build and the .deb come first (up to 20 minutes on a slow machine)
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed (not a Debian system)"),
]


@pytest.fixture(scope="module")
def deb() -> Path:
    env = dict(os.environ, PYTHON=sys.executable)
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "build-deb.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [package] = (ROOT / "build").glob("egov-desk_*.deb")
    return package


def test_the_frozen_app_starts_on_a_new_default_workspace(deb: Path, tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        EGOV_DESK_STARTUP_REPORT="1",
    )
    app = [str(DIST / "egov-desk"), "--smoke"]
    result = subprocess.run(app, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "egov-desk" / "workspace" / "workspace.sqlite").is_file()  # migrations ran

    again = subprocess.run(app, env=env, capture_output=True, text=True, timeout=120)  # the first screen this time
    assert again.returncode == 0, again.stderr
    first_paint = again.stdout.splitlines()[0]
    assert "egov_desk.ui.first_screen.window" in first_paint
    assert "sqlalchemy" not in first_paint
    assert list(DIST.rglob("QtTest.*")), "QtTest types again what was pressed on the first screen"


def test_the_frozen_command_line_scores_and_exports(deb: Path, tmp_path: Path) -> None:
    cli = str(DIST / "egov-desk-cli")
    listing = subprocess.run([cli, "template", "list"], capture_output=True, text=True, timeout=60, check=True)
    assert "builtin:2019" in listing.stdout
    folder = str(tmp_path / "ws")
    subprocess.run([cli, "workspace", "init", "--workspace", folder], check=True, capture_output=True, timeout=60)
    subprocess.run(
        [cli, "export", "report", "--workspace", folder, "--out", str(tmp_path / "r.docx")],
        check=True,
        capture_output=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert (tmp_path / "r.docx").stat().st_size > 10000  # the template and the chart were found


def test_the_deb_control_fields(deb: Path) -> None:
    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == "egov-desk"
    assert field("Version") == "0.1.0"
    depends = field("Depends")
    for library in ("libgl1", "libegl1", "libxkbcommon-x11-0", "libxcb-cursor0", "fonts-noto-cjk"):
        assert library in depends


def test_the_deb_file_list(deb: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    names = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    internal = "/opt/egov-desk/_internal"
    for wanted in (
        "/opt/egov-desk/egov-desk",
        "/opt/egov-desk/egov-desk-cli",
        "/usr/bin/egov-desk",
        "/usr/share/applications/egov-desk.desktop",
        "/usr/share/icons/hicolor/scalable/apps/egov-desk.svg",
        f"{internal}/egov_desk/resources/templates/2019.json",
        f"{internal}/egov_desk/resources/templates/report-template.docx",
        f"{internal}/egov_desk/resources/translations/egov_desk_zh_CN.qm",
        f"{internal}/egov_desk/core/db/migrations/versions/0002_evidence.py",
        f"{internal}/PySide6/Qt/translations/qtbase_zh_CN.qm",
    ):
        assert wanted in names, wanted
    assert not [n for n in names if "WebEngine" in n or "libQt6Quick" in n or "qtbase_de" in n]


def _chinese_page(path: Path, words: str) -> None:
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(1240, 400, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(52)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(80, 200, words)
    painter.end()
    assert image.save(str(path))


def test_the_frozen_app_reads_a_chinese_scan_with_no_network(deb: Path, tmp_path: Path) -> None:
    """The OCR models travel inside the folder: a scan attached on a PC with no network is found by a word on it."""
    cli = str(DIST / "egov-desk-cli")
    folder = str(tmp_path / "ws")
    scan = tmp_path / "扫描件.png"
    _chinese_page(scan, "网络安全等级保护测评报告")
    offline = ["unshare", "--net"] if shutil.which("unshare") and os.geteuid() == 0 else []
    subprocess.run([cli, "workspace", "init", "--workspace", folder], check=True, capture_output=True, timeout=60)
    subprocess.run(
        [cli, "evidence", "add", "--workspace", folder, "--item", "001", str(scan)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    read = subprocess.run([*offline, cli, "ocr", "--workspace", folder], capture_output=True, text=True, timeout=300)
    assert read.returncode == 0, read.stderr
    found = subprocess.run(
        [cli, "search", "等级保护", "--workspace", folder, "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "扫描件.png" in found.stdout
