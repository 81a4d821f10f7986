"""What the evidence text offers its callers (``workspace.evidence_text``): progress, search hits, a page's text,
findings; and what reading a file gives back."""

from __future__ import annotations

from dataclasses import dataclass

from egov_desk.core.errors import Failure

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions 0..1 of the page
SOURCES = ("pdf", "ocr", "docx", "ofd", "xlsx", "text")
DONE, FAILED = "done", "failed"


class TextNotRead(Failure, ValueError):
    """A file whose text cannot be read (broken, encrypted, too large); the message says why, in both languages."""


@dataclass(frozen=True)
class TextProgress:
    done: int
    failed: int
    pending: int

    @property
    def total(self) -> int:
        return self.done + self.failed + self.pending


@dataclass(frozen=True)
class PageText:
    text: str
    source: str  # pdf, ocr, docx, ofd, xlsx, text
    lines: tuple[tuple[str, Box], ...] = ()  # OCR only: each line and its box on the page


@dataclass(frozen=True)
class SearchHit:
    file_id: int
    sha256: str
    file_name: str
    kind: str
    code: str
    item_title: str
    requirement_position: int | None  # 1-based, the number ``evidence add --requirement`` takes; None: the item
    page: int  # 1-based
    snippet: str
    match: tuple[int, int]  # the match's span within snippet
    boxes: tuple[Box, ...]  # the matched OCR lines on that page; empty for a file's own text
    requirement_id: int | None = None
    source: str = ""


@dataclass(frozen=True)
class TextFinding:
    file_id: int
    file_name: str
    code: str
    page: int
    kind: str  # date_outside_year, other_unit
    found: str
    year: int = 0  # the assessment's year (a date finding)

    def said(self, chinese: bool = True) -> str:
        if self.kind == "date_outside_year":
            if chinese:
                where = f"（{self.file_name} 第 {self.page} 页）"
                return f"材料中的日期不在考评年度（{self.year}年）内：{self.found}{where}"
            return (
                f"a date outside the assessed year ({self.year}) in the text: {self.found} "
                f"({self.file_name}, page {self.page})"
            )
        if chinese:
            return f"可能是其他单位的材料：{self.found}（{self.file_name} 第 {self.page} 页）"
        return f"may be another unit's material: {self.found} ({self.file_name}, page {self.page})"


@dataclass(frozen=True)
class ReadPage:
    """One page read from a file: its text and, for OCR, its lines with their boxes."""

    page: int
    text: str
    source: str
    lines: tuple[tuple[str, Box], ...] = ()
