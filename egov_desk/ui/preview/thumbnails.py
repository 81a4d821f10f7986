"""The strip of page thumbnails beside the preview. Only the thumbnails scrolled into view are rendered, a few at
a time between events: a 300-page scan opens at once and the window keeps answering while the strip fills in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

THUMB_WIDTH = 96
THUMB_HEIGHT = 128
PER_TICK = 1  # thumbnails rendered before the event loop runs again (a scanned page takes ~25 ms)


def framed(image: QImage) -> QPixmap:
    """A thumbnail centred in the strip's fixed box, with a thin grey edge (a white page stays visible on the
    white strip): a turned, landscape page takes the same box as the others, so its number sits as theirs do."""
    pixmap = QPixmap(THUMB_WIDTH, THUMB_HEIGHT)
    pixmap.fill(Qt.GlobalColor.transparent)
    left, top = (THUMB_WIDTH - image.width()) // 2, (THUMB_HEIGHT - image.height()) // 2
    painter = QPainter(pixmap)
    painter.drawImage(left, top, image)
    painter.setPen(QColor(150, 150, 150))
    painter.drawRect(left, top, image.width() - 1, image.height() - 1)
    painter.end()
    return pixmap


class ThumbnailStrip(QListWidget):
    page_chosen = Signal(int)  # 0-based

    def __init__(self, pages: int, render: Callable[[int, int], QImage], parent: QWidget | None = None) -> None:
        """``render(page, width)`` draws one thumbnail (turned as the page is shown)."""
        super().__init__(parent)
        self.setObjectName("pageThumbnails")
        self.render_page = render
        self.setViewMode(QListWidget.ViewMode.IconMode)  # the page number under its thumbnail
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setSpacing(4)
        self.setIconSize(QSize(THUMB_WIDTH, THUMB_HEIGHT))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(THUMB_WIDTH + 44)
        self.setAccessibleName(self.tr("Pages"))
        blank = QPixmap(THUMB_WIDTH, THUMB_HEIGHT)
        blank.fill(QColor(235, 235, 235))
        self.blank = QIcon(blank)
        for page in range(pages):
            item = QListWidgetItem(self.blank, str(page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.addItem(item)
        self.rendered: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._render_some)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.timer.start())
        self.currentRowChanged.connect(self._chosen)

    def _chosen(self, row: int) -> None:
        if row >= 0:
            self.page_chosen.emit(row)

    def show_page(self, page: int) -> None:
        """Mark ``page`` as the one shown, quietly (it is not chosen again)."""
        self.blockSignals(True)
        self.setCurrentRow(page)
        self.blockSignals(False)
        self.scrollToItem(self.item(page))
        self.timer.start()

    def redraw(self, page: int) -> None:
        """The page was turned: its thumbnail again."""
        self.rendered.discard(page)
        self.timer.start()

    def visible_pages(self) -> range:
        """The pages whose thumbnails are in view (found by halving: the list may be 300 pages long)."""
        count, height = self.count(), self.viewport().height()
        if not count:
            return range(0)

        def first_where(below: bool) -> int:
            low, high = 0, count
            while low < high:
                middle = (low + high) // 2
                rect = self.visualItemRect(self.item(middle))
                if (rect.bottom() >= 0) if below else (rect.top() > height):
                    high = middle
                else:
                    low = middle + 1
            return low

        return range(first_where(True), first_where(False))

    def _render_some(self) -> None:
        waiting = [page for page in self.visible_pages() if page not in self.rendered]
        for page in waiting[:PER_TICK]:
            image = self.render_page(page, THUMB_WIDTH)
            if not image.isNull():
                image = image.scaled(
                    QSize(THUMB_WIDTH, THUMB_HEIGHT),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                self.item(page).setIcon(QIcon(framed(image)))
            self.rendered.add(page)
        if len(waiting) > PER_TICK:
            self.timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.timer.start()
