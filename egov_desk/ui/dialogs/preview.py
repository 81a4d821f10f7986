"""Preview of an evidence file: PDFs page by page with zoom (QtPdf), images (multi-page TIFF too) — thumbnails
beside them, pages turned as a view setting, searched words marked (egov_desk/ui/preview/) — the text of DOCX, OFD
and text files (the beginning only, read off the UI thread); anything else shows its details and opens in the
system's program."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.evidence import FileInfo
from egov_desk.core.evidence.filetypes import IMAGES, LABELS
from egov_desk.core.importers.document_text import MAX_CHARS, DocumentText, document_text
from egov_desk.core.workspace import Workspace
from egov_desk.ui.ops import Job, Runner
from egov_desk.ui.panels.evidence_panel import human_size
from egov_desk.ui.preview.highlight import Highlight, PdfWords
from egov_desk.ui.preview.paged import PagedPreview
from egov_desk.ui.preview.pager import Pager
from egov_desk.ui.preview.pages import ImagePages, PdfPages
from egov_desk.ui.preview.rotation import PageRotations

__all__ = ["Highlight", "ImagePreview", "Pager", "PdfPreview", "PreviewDialog", "TextPreview", "preview_widget"]


class PdfPreview(PagedPreview):
    """A PDF page by page (QtPdf renders it); the highlight's words are found in its text by QtPdf's search."""

    def __init__(
        self,
        path: Path,
        rotations: PageRotations | None = None,
        highlight: Highlight | None = None,
        page: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        self.document = QPdfDocument()
        pages = PdfPages(path, self.document)
        self.error = pages.error
        words = PdfWords(self.document, highlight.words) if highlight is not None and highlight.words else None
        super().__init__(pages, rotations or PageRotations(None, ""), highlight, words, page, parent)
        self.document.setParent(self)


class ImagePreview(PagedPreview):
    """JPEG, PNG, BMP, GIF and TIFF — every page of a multi-page TIFF."""

    def __init__(
        self,
        path: Path,
        rotations: PageRotations | None = None,
        highlight: Highlight | None = None,
        page: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        self.path = path
        self.images = ImagePages(path)
        super().__init__(self.images, rotations or PageRotations(None, ""), highlight, None, page, parent)

    @property
    def image(self) -> QImage:
        """The page shown, as read from the file (unturned, unmarked)."""
        return self.images.read(self.page)


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


def preview_widget(
    file: FileInfo,
    path: Path,
    parent: QWidget | None = None,
    runner: Runner | None = None,
    *,
    rotations: PageRotations | None = None,
    highlight: Highlight | None = None,
    page: int = 0,
) -> QWidget:
    """The widget that shows ``file`` best; details only when nothing better is possible. Text is read with
    ``runner`` (off the UI thread); PDFs and images open at the 0-based ``page``, turned as ``rotations`` say,
    ``highlight`` marked."""
    if file.kind == "pdf":
        return PdfPreview(path, rotations, highlight, page, parent)
    if file.kind in IMAGES:
        return ImagePreview(path, rotations, highlight, page, parent)
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
    else with a runner of its own. Opens at ``page`` (1-based, as people count) with ``highlight`` marked; pages
    turned are kept in ``workspace`` (the parent's when not given) by the file's SHA-256."""

    def __init__(
        self,
        file: FileInfo,
        path: Path,
        open_with: object,
        parent: QWidget | None = None,
        runner: Runner | None = None,
        *,
        page: int = 1,
        highlight: Highlight | None = None,
        workspace: Workspace | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(file.name)
        self.runner = runner or getattr(parent, "runner", None) or Runner(self)
        shared = workspace if workspace is not None else getattr(parent, "workspace", None)
        self.rotations = PageRotations(shared if isinstance(shared, Workspace) else None, file.sha256)
        self.content = preview_widget(
            file, path, self, self.runner, rotations=self.rotations, highlight=highlight, page=max(page - 1, 0)
        )
        self.name = file.name
        if isinstance(self.content, PagedPreview):
            self.content.page_shown.connect(self._titled)
            self._titled(self.content.page)
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

    def _titled(self, page: int) -> None:
        """The file's name, and the page shown when it has more than one."""
        several = isinstance(self.content, PagedPreview) and self.content.pages > 1
        title = self.tr("%1 — page %2").replace("%1", self.name).replace("%2", str(page + 1))
        self.setWindowTitle(title if several else self.name)

    def show_page(self, page: int) -> None:
        """Go to ``page`` (1-based) of a paged file."""
        if isinstance(self.content, PagedPreview):
            self.content.go(page - 1)

    def done(self, result: int) -> None:
        if isinstance(self.content, TextPreview):
            self.content.cancel()
        super().done(result)
