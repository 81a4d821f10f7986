"""Preview of an evidence file: PDFs page by page with zoom (QtPdf), images (multi-page TIFF too), the text of
DOCX, OFD and text files (the beginning only, read off the UI thread); anything else shows its details and opens
in the system's program."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.evidence import FileInfo
from egov_desk.core.evidence.filetypes import IMAGES, LABELS
from egov_desk.core.importers.document_text import MAX_CHARS, DocumentText, document_text
from egov_desk.ui.ops import Job, Runner
from egov_desk.ui.panels.evidence_panel import human_size


class Pager(QWidget):
    """Previous / next page, "2 / 7", zoom in / out / fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous = QPushButton(self.tr("◀ Previous page"))
        self.next = QPushButton(self.tr("Next page ▶"))
        self.where = QLabel()
        self.smaller = QPushButton(self.tr("Zoom out"))
        self.larger = QPushButton(self.tr("Zoom in"))
        self.fit = QPushButton(self.tr("Fit width"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous, self.where, self.next):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.smaller, self.larger, self.fit):
            layout.addWidget(widget)


class PdfPreview(QWidget):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.error = self.document.load(str(path))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pager = Pager()
        self.pager.previous.clicked.connect(lambda: self.go(self.page - 1))
        self.pager.next.clicked.connect(lambda: self.go(self.page + 1))
        self.pager.larger.clicked.connect(lambda: self.zoom(1.25))
        self.pager.smaller.clicked.connect(lambda: self.zoom(0.8))
        self.pager.fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pager)
        layout.addWidget(self.view, 1)
        self._show_page()

    @property
    def page(self) -> int:
        return self.view.pageNavigator().currentPage()

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def go(self, page: int) -> None:
        if 0 <= page < self.pages:
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
            self._show_page()

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    def _show_page(self) -> None:
        self.pager.where.setText(f"{self.page + 1} / {self.pages}")
        self.pager.previous.setEnabled(self.page > 0)
        self.pager.next.setEnabled(self.page + 1 < self.pages)

    def render_page(self, page: int, width: int = 600) -> QImage:
        size = self.document.pagePointSize(page)
        height = int(width * size.height() / size.width()) if size.width() else width
        return self.document.render(page, QImage(width, height, QImage.Format.Format_ARGB32).size())


class ImagePreview(QWidget):
    """JPEG, PNG, BMP, GIF and TIFF — every page of a multi-page TIFF."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        reader = QImageReader(str(path))
        reader.setDecideFormatFromContent(True)
        self.pages = max(reader.imageCount(), 1)
        self.page = 0
        self.scale = 0.0  # 0: fit the width
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea()
        self.area.setWidget(self.label)
        self.area.setWidgetResizable(True)
        self.pager = Pager()
        self.pager.previous.clicked.connect(lambda: self.go(self.page - 1))
        self.pager.next.clicked.connect(lambda: self.go(self.page + 1))
        self.pager.larger.clicked.connect(lambda: self.zoom(1.25))
        self.pager.smaller.clicked.connect(lambda: self.zoom(0.8))
        self.pager.fit.clicked.connect(lambda: self.zoom(0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pager)
        layout.addWidget(self.area, 1)
        self.image = QImage()
        self.go(0)

    def read(self, page: int) -> QImage:
        reader = QImageReader(str(self.path))
        reader.setDecideFormatFromContent(True)
        reader.setAutoTransform(True)
        if page:
            reader.jumpToImage(page)
        return reader.read()

    def go(self, page: int) -> None:
        if 0 <= page < self.pages:
            self.page = page
            self.image = self.read(page)
            self._show()

    def zoom(self, factor: float) -> None:
        current = self.scale or (self.area.viewport().width() / max(self.image.width(), 1))
        self.scale = current * factor if factor else 0.0
        self._show()

    def _show(self) -> None:
        if self.image.isNull():
            self.label.setText(self.tr("This image cannot be shown."))
            return
        width = int(self.image.width() * self.scale) if self.scale else max(self.area.viewport().width() - 20, 200)
        self.label.setPixmap(
            QPixmap.fromImage(self.image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
        self.pager.where.setText(f"{self.page + 1} / {self.pages}")
        self.pager.previous.setEnabled(self.page > 0)
        self.pager.next.setEnabled(self.page + 1 < self.pages)


class TextPreview(QPlainTextEdit):
    """The text of a DOCX, OFD or text file. :meth:`load` reads its beginning off the UI thread (only what is
    shown: see :mod:`egov_desk.core.importers.document_text`), showing "Loading…" until it arrives."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.job: Job | None = None
        self.loading = False
        if text:
            self.setPlainText(text[:MAX_CHARS])

    def load(self, kind: str, path: Path, runner: Runner) -> None:
        self.loading = True
        self.setPlaceholderText(self.tr("Loading…"))
        self.job = runner.start(
            lambda progress: document_text(kind, path, cancelled=lambda: progress.cancelled),
            self._loaded,
            self._failed,
        )

    def cancel(self) -> None:
        """Stop the reading (the dialog closes): the worker gives up at its next piece."""
        if self.job is not None:
            self.job.cancel()

    def _loaded(self, result: DocumentText) -> None:
        if not shiboken6.isValid(self):  # the dialog closed and was deleted while the file was read
            return
        self.loading = False
        text = result.text
        if not result.complete:
            text += "\n\n" + self.tr("… Only the beginning is shown; open the file with its program to read all of it.")
        self.setPlaceholderText("")
        self.setPlainText(text)

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.loading = False
        self.setPlainText("")
        self.setPlaceholderText(self.tr("The text cannot be read: %1").replace("%1", str(error)))


def preview_widget(file: FileInfo, path: Path, parent: QWidget | None = None, runner: Runner | None = None) -> QWidget:
    """The widget that shows ``file`` best; details only when nothing better is possible. Text is read with
    ``runner`` (off the UI thread)."""
    if file.kind == "pdf":
        return PdfPreview(path, parent)
    if file.kind in IMAGES:
        return ImagePreview(path, parent)
    if file.kind in ("docx", "ofd", "text"):
        text = TextPreview(parent=parent)
        text.load(file.kind, path, runner or Runner(text))
        return text
    return details(file)


def details(file: FileInfo) -> QWidget:
    box = QWidget()
    form = QFormLayout(box)
    form.addRow(QCoreApplication.translate("Preview", "Name:"), QLabel(file.name))
    form.addRow(QCoreApplication.translate("Preview", "Type:"), QLabel(LABELS.get(file.kind, file.kind)))
    form.addRow(QCoreApplication.translate("Preview", "Size:"), QLabel(human_size(file.size)))
    form.addRow(QCoreApplication.translate("Preview", "SHA-256:"), QLabel(file.sha256))
    form.addRow(QLabel(QCoreApplication.translate("Preview", "No preview for this type; open it with its program.")))
    return box


class PreviewDialog(QDialog):
    """Reads text with the window's runner when its parent has one (so quitting cancels and waits for it),
    else with a runner of its own."""

    def __init__(
        self, file: FileInfo, path: Path, open_with: object, parent: QWidget | None = None, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(file.name)
        self.runner = runner or getattr(parent, "runner", None) or Runner(self)
        self.content = preview_widget(file, path, self, self.runner)
        open_button = QPushButton(self.tr("Open with its program"))
        open_button.clicked.connect(lambda: open_with(file))  # type: ignore[operator]
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.content, 1)
        layout.addLayout(buttons)
        self.resize(900, 700)

    def done(self, result: int) -> None:
        if isinstance(self.content, TextPreview):
            self.content.cancel()
        super().done(result)
