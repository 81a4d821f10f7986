"""A PDF's text page by page with pypdf (faster than pdfminer.six on the seed-like samples, with the same Chinese:
bench notes in bench/RESULTS.md). A page with (almost) no text of its own is a scan: its largest embedded image —
what a scanner's PDF holds — is read by OCR, taken out by pikepdf (qpdf decodes a lossless scan's Flate stream ten
times faster than pypdf's Python; its size is checked before a pixel is decoded), by pypdf where pikepdf cannot; a
page drawn without one is rendered by ``pdftoppm`` where poppler is installed (not on Windows)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from egov_desk.core.evidence_text.normalize import clean
from egov_desk.core.evidence_text.pages import (
    MAX_PAGES,
    MAX_PIXELS,
    PageHeard,
    Reader,
    Stopped,
    checked_image,
    ocr_page,
    too_large,
    too_many_pages,
)
from egov_desk.core.evidence_text.types import ReadPage, TextNotRead

SCANNED_BELOW = 10  # characters: a page with fewer of its own is read by OCR (a scan with a printed page number)
RENDER_DPI = 200


def pdf_pages(path: Path, ocr: Reader, cancelled: Callable[[], bool], on_page: PageHeard) -> list[ReadPage]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted and not _opened(reader):
        raise TextNotRead(
            "the PDF is protected by a password; add a copy without one to make it searchable",
            "PDF 文件设有密码，无法读取内容；请添加未加密的副本",
            "encrypted",
        )
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise too_many_pages(count)
    pages: list[ReadPage] = []
    images = _Images(path)
    try:
        for number, page in enumerate(reader.pages, 1):
            if cancelled():
                raise Stopped
            on_page(number, count)
            read = _page(path, number, page, images, ocr)
            if read is not None:
                pages.append(read)
    finally:
        images.close()
    return pages


def _page(path: Path, number: int, page: Any, images: _Images, ocr: Reader) -> ReadPage | None:
    try:
        text = clean(page.extract_text() or "")
    except Exception:
        text = ""
    if len(text.replace("\n", "")) >= SCANNED_BELOW:
        return ReadPage(number, text, "pdf")
    image = images.largest(number) or _largest_image(page) or _rendered(path, number)
    if image is not None:
        read = ocr_page(ocr, image, number)
        if read.text:
            return read
    return ReadPage(number, text, "pdf") if text else None


class _Images:
    """A scanned page's largest image, through pikepdf; None where pikepdf cannot open the file or the image."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pdf: Any = None
        self.failed = False

    def largest(self, number: int) -> Any:
        if self.failed:
            return None
        try:
            import pikepdf

            if self.pdf is None:
                self.pdf = pikepdf.open(self.path)
            found = self.pdf.pages[number - 1].get_images()
            sizes = [(int(raw.get("/Width", 0)) * int(raw.get("/Height", 0)), raw) for raw in found.values()]
            if not sizes:
                return None
            size, raw = max(sizes, key=lambda pair: pair[0])
            if size > MAX_PIXELS:
                raise too_large(int(raw.get("/Width", 0)), int(raw.get("/Height", 0)))
            return pikepdf.PdfImage(raw).as_pil_image()
        except TextNotRead:
            raise
        except Exception:
            self.failed = self.pdf is None
            return None

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _opened(reader: Any) -> bool:
    try:
        return bool(reader.decrypt(""))  # an owner password only: readable by anyone, as viewers do
    except Exception:
        return False


def _largest_image(page: Any) -> Any:
    best, best_size = None, 0
    try:
        images = list(page.images)
    except Exception:
        return None
    for found in images:
        try:
            image = found.image
        except Exception:
            continue
        if image is None:
            continue
        size = image.width * image.height
        if size > best_size:
            best, best_size = image, size
    return checked_image(best) if best is not None else None


def _rendered(path: Path, number: int) -> Any:
    """The page drawn to an image by poppler's pdftoppm, where it is installed; None where it is not."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return None
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="egov-ocr-") as folder:
        out = Path(folder) / "page"
        done = subprocess.run(
            [
                pdftoppm,
                "-r",
                str(RENDER_DPI),
                "-f",
                str(number),
                "-l",
                str(number),
                "-gray",
                "-png",
                "-singlefile",
                str(path),
                str(out),
            ],
            capture_output=True,
            timeout=300,
            check=False,
        )
        made = out.with_suffix(".png")
        if done.returncode != 0 or not made.exists():
            return None
        with Image.open(made) as image:
            return checked_image(image).copy()
