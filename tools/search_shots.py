"""Screenshots of 材料内容 in the real window, on the X display given (a window manager running):

    Xvfb :59 -screen 0 1366x768x24 & DISPLAY=:59 openbox &
    DISPLAY=:59 python tools/search_shots.py OUT [--extra-ts pairs.json]

Saves OUT/search-hits-<width>.png (the hits of a word found on a Chinese scan and in a PDF),
OUT/search-hit-<width>.png (the preview at the scan's page with the word's lines marked) and
OUT/preview-thumbnails-<width>.png (a PDF's pages as thumbnails, one page turned as a view setting). The scan's
text is read by ``egov-desk-cli ocr`` first, as the window's background worker would. ``--extra-ts`` installs
English→Chinese pairs not yet in the translations (a JSON object), compiled with pyside6-lrelease for this run.
Each picture is the whole screen, taken with ImageMagick's ``import -window root``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tools import shot_translations

CONTEXTS = (
    "Pager",
    "PagedPreview",
    "ThumbnailStrip",
    "PreviewDialog",
    "SearchScope",
    "HitsDock",
    "OcrStatus",
    "OcrRunner",
    "FailuresDialog",
    "EvidenceSearch",
)


def compiled(pairs: Path, folder: Path) -> Path:
    return shot_translations.compiled(pairs, folder, CONTEXTS)  # CONTEXTS read at call time (binder_shots sets it)


def scan(path: Path) -> Path:
    """A scanned notice: Chinese lines on white, as a scanner at 150 dpi gives it."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(1240, 1754, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(64)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(260, 240, "关于加强网站建设的通知")
    font.setPixelSize(40)
    font.setBold(False)
    painter.setFont(font)
    lines = (
        "各科室：",
        "为做好2019年度政府网站建设和管理工作，",
        "现将有关事项通知如下：",
        "一、各科室按时报送网站信息更新情况；",
        "二、信息中心负责网站安全检查。",
        "测试局办公室",
        "二〇一九年三月十五日",
    )
    for number, line in enumerate(lines):
        painter.drawText(140 if number < 5 else 760, 420 + number * 90 + (160 if number >= 5 else 0), line)
    painter.end()
    image.save(str(path))
    return path


def report(path: Path, pages: int) -> Path:
    """A born-digital PDF: a heading and a few lines on each page."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        font = QFont()
        font.setPointSize(22)
        painter.setFont(font)
        painter.drawText(QRect(600, 500, 8000, 900), f"2019年电子政务工作总结（第{page + 1}部分）")
        font.setPointSize(12)
        painter.setFont(font)
        for line in range(12):
            task = "网站建设" if (page, line) == (1, 2) else "各项建设"
            said = f"第{page + 1}部分 第{line + 1}条 全年完成{task}任务。"
            painter.drawText(QRect(600, 1600 + line * 420, 8000, 400), said)
    painter.end()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--extra-ts", type=Path)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="egov-search-shots-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")

    from PySide6.QtCore import QTimer, QTranslator

    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.dialogs.preview import PreviewDialog
    from egov_desk.ui.shell import Shell

    app = create_app(["egov-desk"], "zh_CN")
    if args.extra_ts:
        translator = QTranslator(app)
        if translator.load(str(compiled(args.extra_ts, home))):
            app.installTranslator(translator)
    width = app.primaryScreen().geometry().width()
    folder = home / "workspace"
    workspace = create_demo_workspace(folder)
    assessment = workspace.default_assessment().id
    workspace.evidence.attach(assessment, "002", [scan(home / "关于加强网站建设的通知.png")])
    workspace.evidence.attach(assessment, "003", [report(home / "2019年工作总结.pdf", 6)])
    subprocess.run(  # read now, as the window's background worker does a moment after it opens
        [sys.executable, "-m", "egov_desk.cli", "ocr", "--workspace", str(folder)], check=True, capture_output=True
    )
    shell = Shell(app, workspace)
    window = shell.show(maximised=True)
    window.runner.synchronous = True

    def shot(name: str) -> None:
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(out / f"{name}-{width}.png")], check=True)

    def search() -> None:
        window.select_item("002")
        window.evidence_search.scope.focus_evidence()
        window.evidence_search.scope.box.setText("网站建设")
        window.evidence_search.search("网站建设")

    def open_hit() -> None:
        hits = window.evidence_search.hits
        hit = next(h for h in hits.hits if h.file_name.endswith(".png"))
        window.evidence_search.open_hit(hit)

    def thumbnails() -> None:
        preview = window.evidence_search.preview
        if isinstance(preview, PreviewDialog):
            preview.close()
        file = next(f for f in workspace.evidence.files(assessment) if f.name == "2019年工作总结.pdf")
        dialog = window.evidence_actions.preview(file)
        if dialog is not None:
            dialog.content.go(2)  # type: ignore[attr-defined]
            dialog.content.turn(90)  # type: ignore[attr-defined]

    steps: list[tuple[Callable[[], None], str]] = [
        (search, "search-hits"),
        (open_hit, "search-hit"),
        (thumbnails, "preview-thumbnails"),
    ]

    def run(index: int) -> None:
        if index == len(steps):
            shell.close()
            app.quit()
            return
        step, name = steps[index]
        step()

        def after() -> None:
            if name:
                shot(name)
            run(index + 1)

        QTimer.singleShot(1500, after)

    QTimer.singleShot(1500, lambda: run(0))
    app.exec()


if __name__ == "__main__":
    main()
