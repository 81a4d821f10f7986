"""The painter every Qt-made page of a binder goes through: a PDF writer at 72 dpi (one unit is one PDF point), pages
of any size and orientation one after another, the Chinese fonts (embedded by Qt's PDF engine as subsets), text that
wraps and is measured the way it is painted, and the stamp at the foot of a page."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from egov_desk.render.singletons import keep_singletons_alive

BODY_FAMILIES = ["SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
HEADING_FAMILIES = ["SimHei", "黑体", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
A4 = QSizeF(595.276, 841.89)
MARGIN = 56.0  # 2 cm
STAMP_FROM_BOTTOM = 22.0
STAMP_SIZE, STAMP_PADDING = 9, 6.0
TYPE_CASE = "0123456789 第页"  # every character a stamp uses (stamps.py sets the evidence pages' stamps with them)
WRAP = Qt.TextFlag.TextWordWrap


@cache
def font(size: float, heading: bool = False, bold: bool = False) -> QFont:
    """The binder's font of this size and kind: one object for each, shared by every page (never change it)."""
    chosen = QFont()
    chosen.setFamilies(HEADING_FAMILIES if heading else BODY_FAMILIES)
    chosen.setPointSizeF(size)
    chosen.setBold(bold)
    return chosen


@cache
def _wrapped(align: Qt.AlignmentFlag) -> int:
    return WRAP | align  # an enum's | is a Python call of its own: thousands per binder


@cache
def _color(name: str) -> QColor:
    return QColor(name)


@dataclass(frozen=True)
class Line:
    """A block of text as it is laid out: its font, colour, indent and the room left above it."""

    text: str
    font: QFont
    color: str = "#111111"
    indent: float = 0.0
    above: float = 4.0
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


class Sheets:
    """Pages painted into one PDF file; ``page()`` starts each (A4 portrait unless told), ``end()`` closes it, and
    ``painted()`` is the file to read them from. Without a path the file is kept in memory (pages of text only: a
    few megabytes at most, and no temporary file to make and remove)."""

    def __init__(self, path: Path | None, title: str = "") -> None:
        self.path = path
        self.buffer = QBuffer()
        if path is None:
            self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(str(path)) if path is not None else QPdfWriter(self.buffer)
        self.writer.setResolution(72)
        self.writer.setCreator("egov-desk")
        if title:
            self.writer.setTitle(title)
        self.writer.setPageLayout(self._layout(A4))
        keep_singletons_alive()  # thousands of void painter calls: render/singletons.py
        self.painter = QPainter()
        self.count = 0
        self.size = A4
        self._metrics: dict[str, QFontMetricsF] = {}
        self._keys: dict[int, tuple[QFont, str]] = {}
        self._heights: dict[tuple[str, str, float, float], float] = {}

    @staticmethod
    def _layout(size: QSizeF) -> QPageLayout:
        exact = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
        return QPageLayout(exact, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)

    def page(self, size: QSizeF = A4) -> QPainter:
        """Start the next page of ``size`` (points, as it is seen: landscape when wider than high)."""
        if self.count == 0:
            self.writer.setPageLayout(self._layout(size))
            if not self.painter.begin(self.writer):
                raise OSError("the binder's pages could not be written (the temporary folder refused the file)")
        else:
            if size != self.size:
                self.writer.setPageLayout(self._layout(size))
            self.writer.newPage()
        self.count += 1
        self.size = size
        return self.painter

    def end(self) -> None:
        if self.painter.isActive():
            self.painter.end()
        del self.writer

    def painted(self) -> Path | io.BytesIO:
        """The finished file (after ``end()``)."""
        return self.path if self.path is not None else io.BytesIO(self.buffer.data().data())

    # --- text -------------------------------------------------------------------------------------

    def _key(self, chosen: QFont) -> str:
        """The font's key, asked of Qt once per font object (kept here, so that its id is never another's)."""
        known = self._keys.get(id(chosen))
        if known is None:
            known = self._keys[id(chosen)] = (chosen, chosen.key())
        return known[1]

    def metrics(self, chosen: QFont) -> QFontMetricsF:
        key = self._key(chosen)
        found = self._metrics.get(key)
        if found is None:
            found = self._metrics[key] = QFontMetricsF(chosen, self.writer)
        return found

    def height_of(self, line: Line, width: float) -> float:
        """The height ``line`` takes when wrapped to ``width`` (measured once: the layout and the painting ask)."""
        key = (line.text, self._key(line.font), line.indent, width)
        found = self._heights.get(key)
        if found is None:
            metrics = self.metrics(line.font)
            box = metrics.boundingRect(QRectF(0, 0, width - line.indent, 1e6), _wrapped(line.align), line.text)
            found = self._heights[key] = max(box.height(), metrics.height())
        return found

    def line_height(self, chosen: QFont) -> float:
        return self.metrics(chosen).height()

    def draw(self, line: Line, left: float, top: float, width: float) -> float:
        """Paint ``line`` with its top at ``top`` (after its room above); returns where the next line starts."""
        top += line.above
        height = self.height_of(line, width)
        self.painter.setFont(line.font)
        self.painter.setPen(_color(line.color))
        box = QRectF(left + line.indent, top, width - line.indent, height)
        self.painter.drawText(box, _wrapped(line.align), line.text)
        return top + height

    def elided(self, text: str, chosen: QFont, width: float) -> str:
        return self.metrics(chosen).elidedText(text, Qt.TextElideMode.ElideRight, width)

    def text_width(self, text: str, chosen: QFont) -> float:
        return self.metrics(chosen).horizontalAdvance(text)

    def stamp(self, text: str) -> None:
        """ "002 第 3 页" at the foot of the page, in a small white box that stays legible over a scan."""
        painter = self.painter
        small = font(STAMP_SIZE, heading=True)
        width = self.text_width(text, small) + 2 * STAMP_PADDING
        height = self.line_height(small) + 4
        box = QRectF((self.size.width() - width) / 2, self.size.height() - STAMP_FROM_BOTTOM - height, width, height)
        painter.save()
        painter.setPen(QPen(QColor("#9ca3af"), 0.5))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(box)
        painter.setFont(small)
        painter.setPen(QColor("#111111"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def type_case(self) -> None:
        """A page holding every character of a stamp in the stamp's font, for stamps.py to set stamps with."""
        painter = self.page()
        painter.setFont(font(STAMP_SIZE, heading=True))
        painter.setPen(QColor("#111111"))
        painter.drawText(QRectF(0, 0, self.size.width(), 40), Qt.AlignmentFlag.AlignCenter, TYPE_CASE)


def stamp_text(code: str, number: int) -> str:
    return f"{code} 第 {number} 页"
