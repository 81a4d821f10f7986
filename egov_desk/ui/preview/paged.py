"""A paged preview: the pager above, the thumbnails at the side, the page shown fitted to the width (or zoomed),
turned as its view setting says, the words searched for marked on it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QResizeEvent, QShortcut, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from egov_desk.ui.preview.canvas import PageCanvas, marked, turned, unturned_width
from egov_desk.ui.preview.highlight import Box, Highlight, PdfWords
from egov_desk.ui.preview.pager import Pager
from egov_desk.ui.preview.pages import PageSource
from egov_desk.ui.preview.rotation import PageRotations
from egov_desk.ui.preview.thumbnails import ThumbnailStrip

WIDEST = 4000  # pixels: the widest a page is rendered


class PagedPreview(QWidget):
    page_shown = Signal(int)  # 0-based: the page now shown (the dialog's title follows it)

    def __init__(
        self,
        source: PageSource,
        rotations: PageRotations,
        highlight: Highlight | None = None,
        words: PdfWords | None = None,
        page: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.rotations = rotations
        self.highlight = highlight
        self.words = words  # a PDF's own text, searched for the highlight's words on every page
        self.page = 0
        self.scale = 0.0  # 0: fit the width
        self.pager = Pager()
        self.canvas = PageCanvas()
        self.thumbnails = ThumbnailStrip(source.count(), self.render_thumbnail)
        self.pager.previous.clicked.connect(lambda: self.go(self.page - 1))
        self.pager.next.clicked.connect(lambda: self.go(self.page + 1))
        self.pager.turn_left.clicked.connect(lambda: self.turn(-90))
        self.pager.turn_right.clicked.connect(lambda: self.turn(90))
        self.pager.larger.clicked.connect(lambda: self.zoom(1.25))
        self.pager.smaller.clicked.connect(lambda: self.zoom(0.8))
        self.pager.fit.clicked.connect(lambda: self.zoom(0))
        self.thumbnails.page_chosen.connect(self.go)
        for keys, step in (("Ctrl+L", -90), ("Ctrl+R", 90)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self.turn(step))
        zooms = (
            (QKeySequence.StandardKey.ZoomIn, 1.25),
            ("Ctrl+=", 1.25),  # Ctrl++ without Shift on most keyboards
            (QKeySequence.StandardKey.ZoomOut, 0.8),
            ("Ctrl+0", 0.0),
        )
        for key, factor in zooms:
            QShortcut(QKeySequence(key), self, lambda factor=factor: self.zoom(factor))
        self.canvas.viewport().installEventFilter(self)  # Ctrl+wheel zooms
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), self, lambda: self.go(self.page - 1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage), self, lambda: self.go(self.page + 1))
        QShortcut(QKeySequence("Home"), self, lambda: self.go(0))  # the first and the last page
        QShortcut(QKeySequence("End"), self, lambda: self.go(self.pages - 1))
        self.resize_timer = QTimer(self)  # one rendering once the size settles, not one per pixel dragged
        self.resize_timer.setSingleShot(True)
        self.resize_timer.setInterval(60)
        self.resize_timer.timeout.connect(self._show)
        side = QHBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.thumbnails)
        side.addWidget(self.canvas, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pager)
        layout.addLayout(side, 1)
        self.go(page if 0 <= page < self.pages else 0)

    @property
    def pages(self) -> int:
        return self.source.count()

    def go(self, page: int) -> None:
        if 0 <= page < self.pages:
            self.page = page
            self._show()
            self.thumbnails.show_page(page)
            self.page_shown.emit(page)

    def zoom(self, factor: float) -> None:
        natural = self.source.natural_size(self.page) if self.pages else None
        fitted = self.canvas.fit_width() / max(natural.width(), 1.0) if natural is not None else 1.0
        current = self.scale or fitted
        self.scale = max(0.1, min(8.0, current * factor)) if factor else 0.0
        self._show()

    def level(self) -> int:
        """The zoom shown, in percent of the page's natural size (PDF points at 96 dpi, image pixels)."""
        if not self.pages:
            return 100
        size = self.source.natural_size(self.page)
        natural = size.height() if self.rotations.of(self.page) % 180 else size.width()
        return round(100 * self.shown_width(self.page) / max(natural, 1.0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.angleDelta().y():
                self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
            return True
        return super().eventFilter(watched, event)

    def turn(self, degrees: int) -> int:
        """Turn the page shown by ``degrees`` (90 right, -90 left): a view setting, the file is not touched."""
        if not self.pages:
            return 0
        now = self.rotations.turn(self.page, degrees)
        self._show()
        self.thumbnails.redraw(self.page)
        return now

    def boxes(self, page: int) -> tuple[Box, ...]:
        """What is marked on ``page``: the words in the PDF's own text, else the boxes OCR found them in."""
        found = self.words.on_page(page) if self.words is not None else ()
        if not found and self.highlight is not None and self.highlight.page == page:
            found = self.highlight.boxes
        return found

    def shown_width(self, page: int) -> int:
        """The page's width on screen, turned; never wider than :data:`WIDEST` (a page at 800 % would take
        hundreds of megabytes)."""
        if not self.scale:
            return min(self.canvas.fit_width(), WIDEST)
        size = self.source.natural_size(page)
        degrees = self.rotations.of(page)
        return min(round((size.height() if degrees % 180 else size.width()) * self.scale), WIDEST)

    def render_page(self, page: int, width: int = 600) -> QImage:
        """``page`` as shown ``width`` wide: marked, then turned."""
        size = self.source.natural_size(page)
        degrees = self.rotations.of(page)
        image = self.source.render(page, unturned_width(width, size.width(), size.height(), degrees))
        return turned(marked(image, self.boxes(page)), degrees)

    def render_thumbnail(self, page: int, width: int) -> QImage:
        return turned(self.source.thumbnail(page, width), self.rotations.of(page))

    def _show(self) -> None:
        self.pager.show_page(self.page, self.pages)
        if not self.pages:
            return
        self.pager.level.setText(f"{self.level()}%")
        image = self.render_page(self.page, self.shown_width(self.page))
        if image.isNull():
            self.canvas.show_text(self.tr("This page cannot be shown."))
        else:
            self.canvas.show_image(image)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.scale:
            self.resize_timer.start()
