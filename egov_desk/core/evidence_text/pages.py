"""What every reader of a file's pages shares: the limits, the OCR reader's shape, the refusals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from egov_desk.core.errors import Cancelled
from egov_desk.core.evidence_text.types import Box, ReadPage, TextNotRead

MAX_PAGES = 2000
MAX_PIXELS = 120_000_000  # an A3 page at 600 dpi is 70 million
MAX_TEXT = 2_000_000  # characters kept of one document without pages (DOCX, OFD, text)


class Reader(Protocol):
    def read(self, image: Any) -> list[tuple[str, Box]]: ...


class Stopped(Cancelled):
    """The worker was asked to stop between two pages; nothing of the file is written."""


PageHeard = Callable[[int, int], None]
log = logging.getLogger(__name__)


def broken(path: Path, exc: BaseException) -> TextNotRead:
    """The library's own words (English) only in the log and after "details:" in English: the Chinese is whole."""
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    log.warning("the text of %s cannot be read: %s", path.name, reason)
    return TextNotRead(
        f"the file cannot be read (damaged or not what its name says) — details: {reason}",
        "无法读取文件内容：文件已损坏，或与其类型不符；请添加一份能正常打开的副本",
        "broken",
    )


def too_many_pages(pages: int) -> TextNotRead:
    return TextNotRead(
        f"{pages} pages: more than the {MAX_PAGES} whose text is read; split the file",
        f"共 {pages} 页，超过可识别的 {MAX_PAGES} 页；请拆分文件",
        "too_many_pages",
        pages=pages,
    )


def too_large(width: int, height: int) -> TextNotRead:
    return TextNotRead(
        f"an image of {width}×{height} pixels: more than the {MAX_PIXELS // 1_000_000} million read; scan it at a "
        "lower resolution",
        f"图片为 {width}×{height} 像素，超过可识别的 {MAX_PIXELS // 1_000_000} 百万像素；请用较低分辨率扫描",
        "too_large",
    )


def checked_image(image: Any) -> Any:
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise too_large(width, height)
    return image


def ocr_page(ocr: Reader, image: Any, page: int) -> ReadPage:
    lines = tuple(ocr.read(checked_image(image)))
    return ReadPage(page, "\n".join(text for text, _box in lines), "ocr", lines)
