"""The report's chart: the total and a bar per level-1 indicator, drawn with Qt into a PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from egov_desk.core.judgements import judged_only
from egov_desk.core.points import compact, display
from egov_desk.core.scoring import ScoreSheet

WIDTH, ROW = 1500, 90
BLUE, PALE, TEXT = QColor("#1f4e8c"), QColor("#dbe4f0"), QColor("#1e293b")


def level_bars_png(sheet: ScoreSheet) -> bytes:
    """The levels' scores as bars; nothing (b"") for a table without points, whose judgements the report counts."""
    if judged_only(sheet.system):
        return b""
    nodes = list(sheet.system.tree)
    image = QImage(WIDTH, 130 + ROW * len(nodes), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(["Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "WenQuanYi Micro Hei"])
    font.setPixelSize(40)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(TEXT)
    painter.drawText(
        QRectF(0, 10, WIDTH, 70),
        Qt.AlignmentFlag.AlignCenter,
        f"自评总分 {display(sheet.total)} / {compact(sheet.max)}",
    )
    font.setPixelSize(30)
    font.setBold(False)
    painter.setFont(font)
    label_width, bar_left = 520, 540
    for number, node in enumerate(nodes):
        top = 110 + number * ROW
        score = sheet.nodes[node.key].points
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(0, top, label_width, 60), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, node.name
        )
        track = QRectF(bar_left, top + 10, WIDTH - bar_left - 220, 40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PALE)
        painter.drawRoundedRect(track, 8, 8)
        if node.points:
            share = min(max(float(score / node.points), 0.0), 1.0)
            painter.setBrush(BLUE)
            painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * share, track.height()), 8, 8)
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(track.right() + 15, top, 210, 60),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{display(score)} / {compact(node.points) if node.points is not None else '—'}",
        )
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes only str
    return bytes(data.data())
