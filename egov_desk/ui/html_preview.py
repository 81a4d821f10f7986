"""The print preview of a page of HTML (the worklist, two years side by side): landscape A4, laid out by
QTextDocument so that a table's head repeats on every page, "第 X 页 共 Y 页" under each, and a heading never
stands alone at the bottom of a page: it goes to the next one with its table when its first lines do not fit
(QTextDocument knows no page-break-after: avoid)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPainter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QGraphicsView, QWidget

from egov_desk.render.printing import BAND_MM, page_layout

TABLE_STYLE = (
    "<style>table { border-collapse: collapse; } th, td { border: 1px solid #666; padding: 2px 4px; "
    "vertical-align: top; } th { background: #e8eef7; } .level td { background: #eef3fb; font-weight: bold; }"
    "</style>"
)


def _row_bottom(document: QTextDocument, table: QTextTable, row: int) -> float:
    layout = document.documentLayout()
    bottoms = [
        layout.blockBoundingRect(table.cellAt(row, column).lastCursorPosition().block()).bottom()
        for column in range(table.columns())
    ]
    return max(bottoms, default=0.0)


def headings_before_tables(document: QTextDocument) -> list[tuple[QTextBlock, QTextTable]]:
    """Each block of text right before a table (a group's heading: 未评分（5）) with its table. (Frames are listed
    by childFrames(): QTextFrame.iterator.currentFrame() releases None once too often in PySide6.)"""
    found: list[tuple[QTextBlock, QTextTable]] = []
    after = -1  # the end of the table before: a heading is between the two
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        block = document.findBlock(frame.firstPosition()).previous()
        while block.isValid() and block.position() > after and not block.text().strip():
            block = block.previous()
        if block.isValid() and block.position() > after and block.text().strip():
            found.append((block, frame))
        after = frame.lastPosition()
    return found


def keep_headings_with_lines(document: QTextDocument, lines: int = 2) -> int:
    """A heading whose table's head and first ``lines`` lines do not fit on its page starts the next page (the
    document's page size set); returns how many were moved."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    moved = 0
    for heading, table in headings_before_tables(document):
        top = layout.blockBoundingRect(heading).top()
        last_row = min(lines, table.rows() - 1)  # row 0 is the table's head
        if int(top // height) == int((_row_bottom(document, table, last_row) - 0.5) // height):
            continue
        cursor = QTextCursor(heading)
        page_break = heading.blockFormat()
        page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(page_break)
        moved += 1
    return moved


def paint_html(page_html: str, device: QPagedPaintDevice) -> int:
    """Lay ``page_html`` out for ``device`` (a printer or a PDF writer) and paint every page; returns the count."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for writing")
    try:
        resolution: int = device.resolution()  # type: ignore[attr-defined]  # QPrinter and QPdfWriter have it
        page = device.pageLayout().paintRectPixels(resolution)
        band = BAND_MM / 25.4 * resolution
        body = QRectF(0, band, page.width(), page.height() - 2 * band)
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)
        document.setDefaultFont(QFont("SimSun", 9))
        document.setHtml(page_html)
        document.setPageSize(QSizeF(body.width(), body.height()))
        keep_headings_with_lines(document)
        pages = document.pageCount()
        small = QFont(document.defaultFont())
        small.setPointSizeF(8)
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, band - number * body.height())
            document.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, page.height() - band * 0.8, page.width(), band * 0.8),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"第 {number + 1} 页 共 {pages} 页",
            )
        return pages
    finally:
        painter.end()


class HtmlPreview(QPrintPreviewDialog):
    """Print preview of a page of HTML. It owns its printer: QPrintPreviewDialog keeps only a C++ pointer to it."""

    def __init__(self, page_html: str, title: str, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        printer.setDocName(title)
        super().__init__(printer, parent)
        self._printer = printer
        self.page_html = page_html
        self.pages = 0
        self._focused = False
        self.setWindowTitle(self.tr("Print preview"))
        self.paintRequested.connect(self._paint)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(int(screen.width() * 0.9), int(screen.height() * 0.9))

    def _paint(self, device: QPagedPaintDevice) -> None:
        self.pages = paint_html(self.page_html, device)

    def _focus_pages(self) -> None:
        view = self.findChild(QGraphicsView)
        if view is not None:
            view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.WindowActivate and not self._focused:
            self._focused = True  # PageDown pages, rather than typing into the page number field
            QTimer.singleShot(0, self._focus_pages)
        return handled
