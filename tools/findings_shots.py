"""Screenshot of the evidence text's checks in the real window, on the X display given (a window manager running):

    Xvfb :63 -screen 0 1366x768x24 & DISPLAY=:63 openbox &
    DISPLAY=:63 python tools/findings_shots.py OUT [--extra-ts pairs.json]

Saves OUT/text-finding-<width>.png: the item's checklist with a scanned letter of another unit, dated outside the
assessed year, marked, and its tooltip saying both findings with their page. The scan is read by
``egov-desk-cli ocr`` first, as the window's background worker would. ``--extra-ts`` installs English→Chinese pairs
not yet in the translations (a JSON object), compiled with pyside6-lrelease for this run. The picture is the whole
screen, taken with ImageMagick's ``import -window root`` (a tooltip is a window of its own)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import shot_translations

CONTEXTS = ("TextFindingMarks",)


def compiled(pairs: Path, folder: Path) -> Path:
    return shot_translations.compiled(pairs, folder, CONTEXTS)  # CONTEXTS read at call time (binder_shots sets it)


def letter(path: Path) -> Path:
    """A scanned letter of another unit (交通运输局), signed and dated May 2016, at 150 dpi."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(1240, 1754, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(72)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#c00000"))
    painter.drawText(250, 230, "某某市交通运输局文件")
    painter.setPen(QColor("black"))
    font.setPixelSize(40)
    font.setBold(False)
    painter.setFont(font)
    body = ("关于报送交通运输统计数据的通知", "各单位：", "请于月底前报送本年度统计数据。", "特此通知。")
    for number, line in enumerate(body):
        painter.drawText(140, 420 + number * 90, line)
    painter.drawText(760, 1100, "某某市交通运输局")
    painter.drawText(800, 1190, "2016年5月")
    painter.end()
    image.save(str(path))
    return path


def summary(path: Path) -> Path:
    """The unit's own report, dated in the assessed year (nothing to say about it)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    font = QFont()
    font.setPointSize(16)
    painter.setFont(font)
    for number, line in enumerate(("2019年政务公开工作总结", "全年完成各项工作任务。", "2019年12月5日")):
        painter.drawText(QRect(600, 600 + number * 700, 8000, 600), line)
    painter.end()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--extra-ts", type=Path)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="egov-findings-shots-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")

    from PySide6.QtCore import QPoint, QTimer, QTranslator
    from PySide6.QtWidgets import QToolTip

    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.shell import Shell
    from egov_desk.ui.text_findings import PlainTipRole

    app = create_app(["egov-desk"], "zh_CN")
    if args.extra_ts:
        translator = QTranslator(app)
        if translator.load(str(compiled(args.extra_ts, home))):
            app.installTranslator(translator)
    width = app.primaryScreen().geometry().width()
    folder = home / "workspace"
    workspace = create_demo_workspace(folder)
    assessment = workspace.default_assessment().id
    code = "002"
    first = workspace.evidence.item_evidence(assessment, code).requirements[0].id
    scanned = letter(home / "交通局来函.png")
    workspace.evidence.attach(assessment, code, [scanned, summary(home / "2019年工作总结.pdf")], first)
    subprocess.run(  # read now, as the window's background worker does a moment after it opens
        [sys.executable, "-m", "egov_desk.cli", "ocr", "--workspace", str(folder)], check=True, capture_output=True
    )
    shell = Shell(app, workspace)
    window = shell.show(maximised=True)
    window.runner.synchronous = True

    def point() -> None:
        window.select_item(code)
        tree = window.panel.evidence.tree
        row = next(
            tree.topLevelItem(0).child(n)  # type: ignore[union-attr]
            for n in range(tree.topLevelItem(0).childCount())  # type: ignore[union-attr]
            if tree.topLevelItem(0).child(n).data(0, PlainTipRole) is not None  # type: ignore[union-attr]
            and tree.topLevelItem(0).child(n).text(0) == scanned.name  # type: ignore[union-attr]
        )
        window.panel.ensureWidgetVisible(window.panel.evidence_box)
        tree.setCurrentItem(row)
        rect = tree.visualItemRect(row)
        where = tree.viewport().mapToGlobal(rect.center()) + QPoint(-rect.width() // 4, rect.height())
        QTimer.singleShot(300, lambda: QToolTip.showText(where, row.toolTip(0), tree.viewport(), rect, 60_000))

    def shot() -> None:
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(out / f"text-finding-{width}.png")], check=True)
        shell.close()
        app.quit()

    QTimer.singleShot(1500, point)
    QTimer.singleShot(3500, shot)
    app.exec()


if __name__ == "__main__":
    main()
