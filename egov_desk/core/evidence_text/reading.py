"""A stored file's text, page by page, by its kind (read from its bytes when it was attached): a PDF's own text,
OCR of scanned pages and images, DOCX and OFD through the preview's readers, XLSX cell text, plain text.

Bounded: at most :data:`MAX_PAGES` pages and :data:`MAX_PIXELS` pixels an image; past them, or for a broken or
encrypted file, :class:`~egov_desk.core.evidence_text.types.TextNotRead` says why. ``cancelled`` is asked between
pages; ``on_page(page, pages)`` hears of each page begun."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from egov_desk.core.errors import EgovError
from egov_desk.core.evidence_text.normalize import clean
from egov_desk.core.evidence_text.pages import (
    MAX_PAGES,
    MAX_TEXT,
    PageHeard,
    Reader,
    Stopped,
    broken,
    checked_image,
    ocr_page,
    too_many_pages,
)
from egov_desk.core.evidence_text.types import ReadPage, TextNotRead

IMAGE_KINDS = ("jpeg", "png", "tiff", "bmp", "gif")


def read_file(
    path: Path,
    kind: str,
    ocr: Reader,
    cancelled: Callable[[], bool] = lambda: False,
    on_page: PageHeard = lambda _page, _pages: None,
) -> list[ReadPage]:
    try:
        if kind == "pdf":
            from egov_desk.core.evidence_text.pdf_text import pdf_pages

            return pdf_pages(path, ocr, cancelled, on_page)
        if kind in IMAGE_KINDS:
            return _image_pages(path, ocr, cancelled, on_page)
        if kind == "ofd":
            return _ofd_pages(path, cancelled, on_page)
        if kind in ("docx", "text"):
            return _document(path, kind, on_page)
        if kind == "xlsx":
            return _workbook(path, cancelled, on_page)
    except (TextNotRead, Stopped):
        raise
    except EgovError as exc:
        raise TextNotRead(exc.english, exc.chinese, "not_read") from exc
    except Exception as exc:
        raise broken(path, exc) from exc
    return []  # a kind without text to read (an old Office file, an archive): done, with no pages


def _image_pages(path: Path, ocr: Reader, cancelled: Callable[[], bool], on_page: PageHeard) -> list[ReadPage]:
    from PIL import Image, ImageSequence

    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None  # the size is refused below, in words
    try:
        image = Image.open(path)  # reads the header only: no pixel decoded yet
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    with image:
        checked_image(image)
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_PAGES:
            raise too_many_pages(frames)
        pages: list[ReadPage] = []
        for number, frame in enumerate(ImageSequence.Iterator(image), 1):  # a multi-page TIFF: a page a frame
            if cancelled():
                raise Stopped
            on_page(number, frames)
            pages.append(ocr_page(ocr, checked_image(frame).copy(), number))
            if image.format != "TIFF":
                break
    return pages


def _document(path: Path, kind: str, on_page: PageHeard) -> list[ReadPage]:
    from egov_desk.core.importers.document_text import document_text

    on_page(1, 1)
    text = clean(document_text(kind, path, MAX_TEXT).text)
    return [ReadPage(1, text, kind)] if text else []


def _ofd_pages(path: Path, cancelled: Callable[[], bool], on_page: PageHeard) -> list[ReadPage]:
    """An OFD page by page (ofdkit caps each part it reads at 64 MB), as the preview reads it."""
    from ofdkit.document import OFDDocument

    pages: list[ReadPage] = []
    size = 0
    with OFDDocument(str(path)) as document:
        count = len(document.pages)
        if count > MAX_PAGES:
            raise too_many_pages(count)
        for number, page in enumerate(document.pages, 1):
            if cancelled():
                raise Stopped
            on_page(number, count)
            text = clean(page.text())[: MAX_TEXT - size]
            size += len(text)
            if text:
                pages.append(ReadPage(number, text, "ofd"))
    return pages


def _workbook(path: Path, cancelled: Callable[[], bool], on_page: PageHeard) -> list[ReadPage]:
    """A page per sheet: its cells' text, a row a line, cells apart by a tab."""
    from openpyxl import load_workbook

    with path.open("rb") as handle:  # a stream: the vault's file has no extension for openpyxl to check
        return _sheets(load_workbook(handle, read_only=True, data_only=True), cancelled, on_page)


def _sheets(book: Any, cancelled: Callable[[], bool], on_page: PageHeard) -> list[ReadPage]:
    try:
        sheets = book.worksheets
        pages: list[ReadPage] = []
        size = 0
        for number, sheet in enumerate(sheets, 1):
            if cancelled():
                raise Stopped
            on_page(number, len(sheets))
            rows = []
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None and str(value).strip()]
                if cells:
                    rows.append("\t".join(cells))
                    size += sum(len(cell) for cell in cells)
                if size > MAX_TEXT:
                    break
            text = clean("\n".join(rows))
            if text:
                pages.append(ReadPage(number, text, "xlsx"))
            if size > MAX_TEXT:
                break
        return pages
    finally:
        book.close()
