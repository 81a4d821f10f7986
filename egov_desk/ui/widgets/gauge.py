"""The live gauge: the total as a painted dial (68.50 / 100), a bar per level-1 indicator, what is unscored;
基础分 + 加分 − 扣分 when the system has bonus or deduction sections, and 一票否决：021 in red when a veto is
triggered (its text and effect in the tooltip). A table without points (every item judged 合格/基本合格/不合格)
shows how many items have each judgement instead of 0.00 / 0, in the dial and in each level's bar."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from egov_desk.core.points import compact, display

# Qt's namespace as QtCore.Qt, used while painting: importing the name Qt would build all of its enums (~15 ms) when
# the first screen imports this module, before its first paint (ui/first_screen shows the gauge's picture).
if TYPE_CHECKING:  # the first screen paints a gauge before the scoring modules are imported (ui/first_screen)
    from egov_desk.core.judgements import JudgementCounts
    from egov_desk.core.scoring import ScoreSheet

BACKGROUND = QColor("#1f4e8c")
TRACK = QColor("#3b6aa8")
FILL = QColor("#f5c451")
TEXT = QColor("#ffffff")
MUTED = QColor("#c9d8ee")
WARN = QColor("#ffd79a")
VETO = QColor("#dc2626")
PASSED = QColor("#4ade80")  # 合格, on the gauge's dark blue
BETWEEN = FILL  # 基本合格 and the levels between


@dataclass
class Bar:
    name: str
    points: Decimal
    max: Decimal | None
    unscored: int


class ScoreGauge(QWidget):
    """Painted, so it updates in one repaint: ``set_total`` and ``set_bar`` change only numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreGauge")
        self.total = Decimal(0)
        self.maximum = Decimal(100)
        self.unscored = 0
        self.bars: list[Bar] = []
        self.title = ""
        self.subtitle = ""
        self.sections: tuple[Decimal, Decimal, Decimal] | None = None  # base, bonus, deduction
        self.veto = ""  # "zero" | "fail" | "": what the triggered vetoes do
        self.vetoed: list[str] = []  # the codes of the items whose veto is triggered
        self.veto_texts: list[str] = []  # what each triggered veto says, as the table words it
        self.judgements: JudgementCounts | None = None  # a table without points: its items' judgements
        self.bar_judgements: list[JudgementCounts] = []  # … and those of each level-1 indicator
        self._judged_system: object = None  # the system judgements were last looked for in, and whether found
        self._judged = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(118)

    def sizeHint(self) -> QSize:
        return QSize(900, 118)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.update()

    def set_bar(self, index: int, points: Decimal, unscored: int) -> None:
        self.bars[index].points, self.bars[index].unscored = points, unscored
        self.update()

    def set_total(self, total: Decimal, maximum: Decimal, unscored: int) -> None:
        self.total, self.maximum, self.unscored = total, maximum, unscored
        self.update()

    def set_sheet(self, sheet: ScoreSheet) -> None:
        """The total, the sections' breakdown and the veto, from the assessment's score sheet."""
        from egov_desk.core.judgements import count_judgements, judged_only

        self.sections = (sheet.base, sheet.bonus, sheet.deduction) if sheet.has_sections else None
        self.veto, self.vetoed = sheet.veto, sheet.vetoed
        vetoes = [sheet.system.item(code).veto for code in self.vetoed]
        self.veto_texts = [veto.text for veto in vetoes if veto is not None and veto.text]
        self.setToolTip(self.veto_tip)
        if self._judged_system is not sheet.system:
            self._judged_system, self._judged = sheet.system, judged_only(sheet.system)
        self.judgements = count_judgements(sheet) if self._judged else None
        self.bar_judgements = [count_judgements(sheet, node.key) for node in sheet.system.tree] if self._judged else []
        self.set_total(sheet.total, sheet.max, len(sheet.unscored))

    @property
    def breakdown_text(self) -> str:
        """基础分 88.50 + 加分 5.00 − 扣分 1.50, when the system has sections; else ""."""
        if self.sections is None:
            return ""
        base, bonus, deduction = (display(value) for value in self.sections)
        return (
            self.tr("Base %1 + bonus %2 − deduction %3")
            .replace("%1", base)
            .replace("%2", bonus)
            .replace("%3", deduction)
        )

    @property
    def veto_text(self) -> str:
        """一票否决：002 when a veto is triggered; else ""."""
        if not self.veto:
            return ""
        return self.tr("Veto: %1").replace("%1", "、".join(self.vetoed))

    @property
    def veto_tip(self) -> str:
        """The triggered vetoes' own words and what they do to the total; else ""."""
        if not self.veto:
            return ""
        if self.veto == "zero":
            effect = self.tr("The total counts as 0.")
        else:
            effect = self.tr("The assessment is marked failed (否决); the total is kept as it is.")
        said = self.tr("Veto triggered by item %1").replace("%1", "、".join(self.vetoed))
        return "\n".join([said, *self.veto_texts, effect])

    def judgement_text(self, counts: JudgementCounts) -> str:
        """合格 3 · 基本合格 1 · 不合格 0 · 未评定 2."""
        return counts.text(self.tr("not judged"))

    @property
    def total_text(self) -> str:
        if self.judgements is not None:
            return self.judgement_text(self.judgements)
        return f"{display(self.total)} / {compact(self.maximum)}"

    @property
    def unscored_text(self) -> str:
        if self.judgements is not None:
            unjudged = self.judgements.unjudged
            return self.tr("%n item(s) not judged", "", unjudged) if unjudged else self.tr("All items judged")
        return self.tr("%n item(s) not scored", "", self.unscored) if self.unscored else self.tr("All items scored")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        height = self.height()
        dial = QRectF(16, 10, height - 20, height - 20)
        self._paint_dial(painter, dial)
        left = dial.right() + 18
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(TEXT)
        titles = QRectF(left, 8, self.width() - left - 16, 24)
        painter.drawText(
            titles,
            QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(self.title, QtCore.Qt.TextElideMode.ElideRight, int(titles.width())),
        )
        painter.setFont(self.font())
        painter.setPen(MUTED)
        painter.drawText(QRectF(left, 32, titles.width(), 18), QtCore.Qt.AlignmentFlag.AlignLeft, self.subtitle)
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(left, 32, titles.width(), 18),
            QtCore.Qt.AlignmentFlag.AlignRight,
            self.total_text if self.judgements is not None else self.breakdown_text,
        )
        if self.veto:
            self._paint_veto(painter, QRectF(left, 8, titles.width(), 24))
        self._paint_bars(painter, QRectF(left, 56, self.width() - left - 16, height - 62))
        painter.end()

    def _paint_veto(self, painter: QPainter, row: QRectF) -> None:
        """A red badge at the right of the title row: 否决（002）."""
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        width = painter.fontMetrics().horizontalAdvance(self.veto_text) + 16
        badge = QRectF(row.right() - width, row.top(), width, row.height())
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(VETO)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(TEXT)
        painter.drawText(badge, QtCore.Qt.AlignmentFlag.AlignCenter, self.veto_text)
        painter.setFont(self.font())

    def _paint_dial(self, painter: QPainter, box: QRectF) -> None:
        judged = self.judgements
        if judged is not None:  # how many are judged, of how many
            share = judged.judged / judged.items if judged.items else 0.0
            big_text, small_text = str(judged.judged), f"/ {judged.items}"
        else:
            share = float(self.total / self.maximum) if self.maximum else 0.0
            big_text, small_text = display(self.total), f"/ {compact(self.maximum)}"
        pen = QPen(TRACK, 9, QtCore.Qt.PenStyle.SolidLine, QtCore.Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(box.adjusted(5, 5, -5, -5), 225 * 16, -270 * 16)
        failed = judged is not None and judged.levels and judged.levels[-1][1] > 0
        pen.setColor(VETO if self.veto or failed else FILL)
        painter.setPen(pen)
        painter.drawArc(box.adjusted(5, 5, -5, -5), 225 * 16, int(-270 * 16 * min(max(share, 0.0), 1.0)))
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.7)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(TEXT)
        painter.drawText(box.adjusted(0, -8, 0, -8), QtCore.Qt.AlignmentFlag.AlignCenter, big_text)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        painter.setFont(small)
        painter.setPen(MUTED)
        painter.drawText(box.adjusted(0, 26, 0, 26), QtCore.Qt.AlignmentFlag.AlignCenter, small_text)
        waiting = judged.unjudged if judged is not None else self.unscored
        painter.setPen(WARN if waiting else MUTED)
        painter.drawText(
            QRectF(box.left() - 10, box.bottom() - 14, box.width() + 20, 16),
            QtCore.Qt.AlignmentFlag.AlignCenter,
            self.unscored_text,
        )

    def _paint_bars(self, painter: QPainter, area: QRectF) -> None:
        if not self.bars:
            return
        gap = 12
        width = (area.width() - gap * (len(self.bars) - 1)) / len(self.bars)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        painter.setFont(small)
        metrics = painter.fontMetrics()
        for number, bar in enumerate(self.bars):
            x = area.left() + number * (width + gap)
            painter.setPen(TEXT)
            name = metrics.elidedText(bar.name, QtCore.Qt.TextElideMode.ElideRight, int(width))
            painter.drawText(QRectF(x, area.top(), width, 18), QtCore.Qt.AlignmentFlag.AlignLeft, name)
            counts = self.bar_judgements[number] if number < len(self.bar_judgements) else None
            if counts is not None:
                figures = metrics.elidedText(
                    self.judgement_text(counts), QtCore.Qt.TextElideMode.ElideRight, int(width)
                )
            elif bar.max is not None:
                figures = f"{display(bar.points)} / {compact(bar.max)}"
            else:
                figures = display(bar.points)
            painter.setPen(WARN if bar.unscored else MUTED)
            painter.drawText(QRectF(x, area.top() + 18, width, 18), QtCore.Qt.AlignmentFlag.AlignLeft, figures)
            track = QRectF(x, area.top() + 40, width, 7)
            painter.setPen(QtCore.Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, 3, 3)
            if counts is not None:
                self._paint_judged_track(painter, track, counts)
            elif bar.max:
                share = min(max(float(bar.points / bar.max), 0.0), 1.0)
                painter.setBrush(FILL)
                painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * share, track.height()), 3, 3)

    @staticmethod
    def _paint_judged_track(painter: QPainter, track: QRectF, counts: JudgementCounts) -> None:
        """One segment per judgement, best first (合格 green, 基本合格 yellow, 不合格 red); the rest of the track is
        what is not judged yet."""
        if not counts.items:
            return
        x = track.left()
        last = len(counts.levels) - 1
        for index, (_label, count) in enumerate(counts.levels):
            width = track.width() * count / counts.items
            if width <= 0:
                continue
            painter.setBrush(PASSED if index == 0 else VETO if index == last else BETWEEN)
            painter.drawRect(QRectF(x, track.top(), width, track.height()))
            x += width
