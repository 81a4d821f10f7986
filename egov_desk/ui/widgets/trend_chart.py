"""Small multiples, one per 一级指标: its score per year as a line of points with the score written above each,
its points (the most it could score) as a dashed line above. Painted with QPainter (QtCharts is GPL)."""

from __future__ import annotations

import itertools
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from egov_desk.core.points import compact, display
from egov_desk.core.trend import LevelTrend, TrendPoint

CELL_MIN_WIDTH = 170
CELL_HEIGHT = 118
LINE = QColor("#1d4ed8")
CEILING = QColor("#94a3b8")
TEXT = QColor("#1f2937")
MUTED = QColor("#64748b")
FRAME = QColor("#e2e8f0")


class TrendChart(QWidget):
    """``show_trends`` sets the series; each is drawn in a cell of a grid as wide as the widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.series: list[LevelTrend] = []
        self.painted = 0  # cells painted by the last paint (tests look)
        self.year_labels: list[list[tuple[QRectF, str]]] = []  # per cell, each year's label and its box (tests look)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(CELL_HEIGHT)

    def show_trends(self, series: list[LevelTrend]) -> None:
        self.series = series
        self.setToolTip(
            "\n".join(
                f"{level.name}：" + "，".join(f"{p.label} {self.value_text(p)}" for p in level.points)
                for level in series
            )
        )
        self.updateGeometry()
        self.setFixedHeight(self._rows(self.width()) * CELL_HEIGHT)
        self.update()

    def _columns(self, width: int) -> int:
        return max(1, min(len(self.series) or 1, width // CELL_MIN_WIDTH))

    def _rows(self, width: int) -> int:
        return max(1, -(-len(self.series) // self._columns(width)))

    def sizeHint(self) -> QSize:
        return QSize(CELL_MIN_WIDTH * max(1, len(self.series)), CELL_HEIGHT)

    def resizeEvent(self, event: object) -> None:
        height = self._rows(self.width()) * CELL_HEIGHT
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        columns = self._columns(self.width())
        width = self.width() / columns
        self.painted = 0
        self.year_labels = []
        for number, level in enumerate(self.series):
            row, column = divmod(number, columns)
            cell = QRectF(column * width, row * CELL_HEIGHT, width, CELL_HEIGHT).adjusted(4, 4, -4, -4)
            self._paint_level(painter, cell, level)
            self.painted += 1
        painter.end()

    def _paint_level(self, painter: QPainter, cell: QRectF, level: LevelTrend) -> None:
        painter.setPen(QPen(FRAME))
        painter.drawRoundedRect(cell, 4, 4)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(TEXT)
        metrics = QFontMetrics(title_font)
        title = QRectF(cell.left() + 6, cell.top() + 2, cell.width() - 12, metrics.height())
        name = metrics.elidedText(level.name, Qt.TextElideMode.ElideRight, int(title.width()))
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft, name)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        small_height = QFontMetrics(small).height()
        plot = QRectF(
            cell.left() + 28,  # room for the value labels, centred on the first and last points
            title.bottom() + small_height + 2,
            cell.width() - 56,
            cell.height() - metrics.height() - 2 * small_height - 12,
        )
        ceiling = max((p.points for p in level.points if p.points is not None), default=Decimal(0))
        top = max([ceiling, *(p.score for p in level.points if p.score is not None)], default=Decimal(0))
        count = len(level.points)

        def x_of(index: int) -> float:
            return plot.center().x() if count == 1 else plot.left() + plot.width() * index / (count - 1)

        def y_of(value: Decimal) -> float:
            share = float(value / top) if top else 0.0
            return plot.bottom() - plot.height() * share

        painter.setPen(QPen(CEILING, 1, Qt.PenStyle.DashLine))
        ceilings = [(i, p.points) for i, p in enumerate(level.points) if p.points is not None]
        for (i, a), (j, b) in itertools.pairwise(ceilings):
            painter.drawLine(QPointF(x_of(i), y_of(a)), QPointF(x_of(j), y_of(b)))
        if len(ceilings) == 1:
            i, a = ceilings[0]
            painter.drawLine(QPointF(plot.left(), y_of(a)), QPointF(plot.right(), y_of(a)))
        painter.setPen(QPen(CEILING))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        scored = [(i, p) for i, p in enumerate(level.points) if p.score is not None]
        for (i, before), (j, after) in itertools.pairwise(scored):
            assert before.score is not None
            assert after.score is not None
            style = Qt.PenStyle.DashLine if after.partial else Qt.PenStyle.SolidLine  # towards a partly scored year
            painter.setPen(QPen(LINE, 2, style))
            painter.drawLine(QPointF(x_of(i), y_of(before.score)), QPointF(x_of(j), y_of(after.score)))
        room = plot.width() / (count - 1) if count > 1 else plot.width()
        label_width = max(30.0, min(room - 4, 110.0))
        small_metrics = QFontMetrics(small)
        self.year_labels.append([])
        for index, point in enumerate(level.points):
            x = x_of(index)
            painter.setPen(MUTED)
            width = min(label_width, 2 * (x - cell.left() - 2), 2 * (cell.right() - 2 - x))  # centred, in the cell
            text = small_metrics.elidedText(point.label, Qt.TextElideMode.ElideRight, int(width))
            label = QRectF(x - width / 2, plot.bottom() + 2, width, small_height)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
            used = small_metrics.horizontalAdvance(text)
            self.year_labels[-1].append((QRectF(label.center().x() - used / 2, label.top(), used, small_height), text))
            if point.score is None:
                continue
            y = y_of(point.score)
            if point.partial:  # hollow: some of its items are not scored yet, so it is no drop
                painter.setPen(QPen(LINE, 1.5))
                painter.setBrush(Qt.GlobalColor.white)
            else:
                painter.setPen(QPen(LINE, 2))
                painter.setBrush(LINE)
            painter.drawEllipse(QPointF(x, y), 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(MUTED if point.partial else TEXT)
            value = self.value_text(point)
            if small_metrics.horizontalAdvance(value) > room - 4:  # no room: the score above, what is left below
                value = _value(point.score)
                if point.partial:
                    self._centred(painter, cell, x, y + 5, room, small_height, self.unscored_text(point))
            self._centred(painter, cell, x, y - small_height - 3, room, small_height, value)

    def _centred(
        self, painter: QPainter, cell: QRectF, x: float, top: float, room: float, height: int, text: str
    ) -> None:
        """``text`` centred on ``x``, elided to the room between two points and kept inside the cell."""
        metrics = painter.fontMetrics()
        width = min(float(metrics.horizontalAdvance(text) + 4), max(room - 4, 30.0), cell.width() - 4)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width))
        left = max(cell.left() + 2, min(x - width / 2, cell.right() - width - 2))
        painter.drawText(QRectF(left, top, width, height), Qt.AlignmentFlag.AlignHCenter, shown)

    def unscored_text(self, point: TrendPoint) -> str:
        return self.tr("%1 unscored").replace("%1", str(point.unscored))

    def value_text(self, point: TrendPoint) -> str:
        """12.50/14; partly scored: 3.00 · 9 项未评 (its points so far and how many items are left)."""
        if point.partial:
            return f"{_value(point.score)} · {self.unscored_text(point)}"
        return _value(point.score) + (f"/{compact(point.points)}" if point.points is not None else "")


def _value(score: Decimal | None) -> str:
    return "—" if score is None else display(score)
