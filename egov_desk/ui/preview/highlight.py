"""What a preview marks on its pages: the words searched for, found in a PDF's text by QtPdf's search, and the
boxes of the lines OCR read them in (fractions of the page) for a page that is a picture."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from PySide6.QtPdf import QPdfDocument, QPdfSearchModel

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions 0..1 of the unturned page


@dataclass(frozen=True)
class Highlight:
    words: str = ""
    page: int = 0  # 0-based: the page ``boxes`` are on
    boxes: tuple[Box, ...] = ()


@cache
def _radicals() -> dict[str, str]:
    """Ideograph → the Kangxi radical character some PDF writers' ToUnicode maps it to (网 → ⽹)."""
    found = {}
    for code in range(0x2F00, 0x2FE0):
        radical = chr(code)
        ideograph = unicodedata.normalize("NFKC", radical)
        if ideograph != radical:
            found[ideograph] = radical
    return found


def as_written(words: str) -> list[str]:
    """``words`` and, when it differs, its spelling with Kangxi radicals: a PDF whose text says ⽹站 is found
    by 网站 too."""
    radicals = _radicals()
    spelled = "".join(radicals.get(char, char) for char in words)
    return [words] if spelled == words else [words, spelled]


class PdfWords:
    """The rectangles of ``words`` on a PDF's page, by QtPdf's search model, as fractions of the page."""

    def __init__(self, document: QPdfDocument, words: str) -> None:
        self.document = document
        self.spellings = as_written(words.strip()) if words.strip() else []
        self.model = QPdfSearchModel(document)
        self.model.setDocument(document)

    def on_page(self, page: int) -> tuple[Box, ...]:
        size = self.document.pagePointSize(page)
        if not self.spellings or size.width() <= 0 or size.height() <= 0:
            return ()
        for spelling in self.spellings:
            if self.model.searchString() != spelling:
                self.model.setSearchString(spelling)
            found = [
                (
                    rect.left() / size.width(),
                    rect.top() / size.height(),
                    rect.right() / size.width(),
                    rect.bottom() / size.height(),
                )
                for link in self.model.resultsOnPage(page)
                for rect in link.rectangles()
            ]
            if found:
                return tuple(found)
        return ()
