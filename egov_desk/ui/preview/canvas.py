"""One page as shown: rendered unturned, the found words marked in translucent yellow, then turned as the view
setting says — so a mark stays on its words however the page is turned."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from egov_desk.ui.preview.highlight import Box

MARK = QColor(255, 214, 0, 110)
MARK_EDGE = QColor(230, 160, 0, 220)


def marked(image: QImage, boxes: tuple[Box, ...]) -> QImage:
    """``image`` with each box (fractions of it) painted over in translucent yellow; ``image`` itself untouched."""
    if not boxes or image.isNull():
        return image
    painted = image.convertToFormat(QImage.Format.Format_ARGB32)
    painter = QPainter(painted)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(MARK_EDGE, max(1.0, image.width() / 600)))
    painter.setBrush(MARK)
    pad = image.width() * 0.003
    for x0, y0, x1, y1 in boxes:
        painter.drawRect(
            QRectF(
                x0 * image.width() - pad,
                y0 * image.height() - pad,
                (x1 - x0) * image.width() + 2 * pad,
                (y1 - y0) * image.height() + 2 * pad,
            )
        )
    painter.end()
    return painted


def turned(image: QImage, degrees: int) -> QImage:
    if degrees % 360 == 0 or image.isNull():
        return image
    return image.transformed(QTransform().rotate(degrees), Qt.TransformationMode.SmoothTransformation)


def unturned_width(shown_width: int, width: float, height: float, degrees: int) -> int:
    """The width to render a page at so that, turned by ``degrees``, it is ``shown_width`` wide."""
    if degrees % 180 and width > 0:
        return max(1, round(shown_width * width / height))
    return max(1, shown_width)


class PageCanvas(QScrollArea):
    """The page, in a scroll area; the image shown is kept (tests look at its pixels)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setBackgroundRole(self.backgroundRole())
        self.shown = QImage()

    def fit_width(self) -> int:
        return max(self.viewport().width() - 20, 200)

    def show_image(self, image: QImage) -> None:
        self.shown = image
        self.label.setPixmap(QPixmap.fromImage(image))

    def show_text(self, text: str) -> None:
        self.shown = QImage()
        self.label.setPixmap(QPixmap())
        self.label.setText(text)
