"""Writing a binder: lay it out (count every evidence page, convert office documents), number the pages, paint the
cover, the table of contents (now that the numbers are known), the separators, notices and images with Qt, stamp
the evidence PDFs' pages by overlay, join everything with pikepdf, and rename the finished file onto the target —
a cancel or a failure leaves no binder, half or whole, at the target."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from egov_desk.core.binder import Binder, BinderItem
from egov_desk.core.errors import Cancelled
from egov_desk.core.exports.files import atomic_output
from egov_desk.render.binder.assemble import Evidence, Mark, Painted, assemble
from egov_desk.render.binder.pages import (
    Entry,
    paint_cover,
    paint_image,
    paint_notice,
    paint_separator,
    paint_toc,
    separator_lines,
    separator_pages,
    toc_lines,
)
from egov_desk.render.binder.parts import IMAGE, NOTICE, Part, cannot_bind, evidence_parts
from egov_desk.render.binder.sheets import STAMP_SIZE, Line, Sheets, font, stamp_text

BinderProgress = Callable[[int, int, str], None]  # pages done, pages in all (0: not known yet), what is under way


@dataclass(frozen=True)
class BinderWritten:
    path: Path
    pages: int
    bytes: int
    not_bound: tuple[str, ...]  # the notices' texts: files listed instead of bound


@dataclass
class _Laid:
    item: BinderItem
    parts: list[Part]
    separator: list[list[Line]]
    first: int = 0  # the binder page (0-based) of its separator


def _entries(laid: list[_Laid]) -> tuple[list[Entry], list[Mark]]:
    """The table of contents and the bookmarks: level-1 and level-2 headings, each item under them."""
    entries: list[Entry] = []
    marks: list[Mark] = []
    level1: Mark | None = None
    level2: Mark | None = None
    for one in laid:
        item = one.item
        if level1 is None or item.level1 != level1.title:
            level1, level2 = Mark(item.level1, one.first), None
            if item.level1:
                marks.append(level1)
                entries.append(Entry(1, item.level1, one.first + 1))
        if item.level2 and (level2 is None or item.level2 != level2.title):
            level2 = Mark(item.level2, one.first)
            (level1.children if item.level1 else marks).append(level2)
            entries.append(Entry(2, item.level2, one.first + 1))
        mine = Mark(f"{item.code} {item.name}", one.first)
        (level2.children if item.level2 and level2 else level1.children if item.level1 else marks).append(mine)
        entries.append(Entry(3, f"{item.code}　{item.name}", one.first + 1))
    return entries, marks


class _Stamps:
    """ "002 第 n 页" for an item's pages in turn: its separator is 第 1 页."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.number = 0

    def __call__(self) -> str:
        self.number += 1
        return stamp_text(self.code, self.number)


class _Scratch:
    """A temporary folder, made the first time it is asked for — by LibreOffice's files, or by Qt's pages when they
    hold images — and removed with ``stack``: a binder of PDFs needs none."""

    def __init__(self, stack: ExitStack) -> None:
        self.stack = stack
        self.folder: Path | None = None

    def __call__(self) -> Path:
        if self.folder is None:
            self.folder = Path(self.stack.enter_context(tempfile.TemporaryDirectory(prefix="egov-binder-")))
        return self.folder


def _cancel() -> Cancelled:
    return Cancelled("the binder was cancelled", "装订已取消", "cancelled")


def write_binder(
    binder: Binder,
    out: Path,
    progress: BinderProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BinderWritten:
    """The binder as one PDF at ``out``; ``progress`` hears pages, ``cancelled`` is asked between files."""
    told = progress or (lambda _done, _total, _text: None)
    stop = cancelled or (lambda: False)
    title = f"{binder.unit} {binder.year}年 佐证材料装订册（{binder.scope.label}）"
    with ExitStack() as stack:
        work = _Scratch(stack)
        told(0, 0, "正在清点材料…")
        parts = evidence_parts(binder, work, stop, lambda name: told(0, 0, f"正在清点：{name}"))
        try:
            pages, not_bound = _lay_out_and_join(binder, parts, work, out, title, told, stop)
        finally:  # each evidence PDF stays open until the binder is saved; closed whatever happened (Windows
            for part in (p for mine in parts for p in mine):  # cannot remove the temporary folder otherwise)
                if part.pdf is not None:
                    part.pdf.close()
    return BinderWritten(out, pages, out.stat().st_size, tuple(not_bound))


def _lay_out_and_join(
    binder: Binder,
    parts: list[list[Part]],
    work: Callable[[], Path],
    out: Path,
    title: str,
    told: BinderProgress,
    stop: Callable[[], bool],
) -> tuple[int, list[str]]:
    """Number the pages, paint Qt's, join them with the evidence at ``out``: (pages, the notices' texts)."""
    images = any(part.kind == IMAGE for mine in parts for part in mine)  # pages of scans: in a file, not in memory
    sheets = Sheets(work() / "painted.pdf" if images else None, title)
    try:
        laid = []
        for item, mine in zip(binder.items, parts, strict=True):
            lines = separator_lines(item, len(item.files), sum(p.pages for p in mine))
            laid.append(_Laid(item, mine, separator_pages(sheets, lines)))
        _height, per_page = toc_lines(sheets)
        heading_count = len(_entries(laid)[0])
        toc_pages = max(1, -(-heading_count // per_page))
        page = 1 + toc_pages
        for one in laid:
            one.first = page
            page += len(one.separator) + sum(p.pages for p in one.parts)
        total = page
        entries, marks = _entries(laid)
        marks[:0] = [Mark("封面", 0), Mark("目录", 1)]  # the cover and the contents, first in the bookmarks too
        order: list[Painted | Evidence] = []
        paint_cover(sheets, binder, total)
        order.append(Painted(0))
        painted_toc = paint_toc(sheets, entries)
        order.extend(Painted(1 + n) for n in range(painted_toc))
        not_bound = _paint_items(laid, sheets, order, total, told, stop)
        type_case = None
        if any(isinstance(step, Evidence) for step in order):
            sheets.type_case()  # after the binder's pages: the characters the evidence pages' stamps are set with
            type_case = sheets.count - 1
        space = sheets.text_width(" ", font(STAMP_SIZE, heading=True)) / STAMP_SIZE
    finally:
        sheets.end()
    if len(order) != total:  # the layout's count and the painting disagree: a bug, never a wrong TOC
        raise RuntimeError(f"binder layout counted {total} pages but painted {len(order)}")
    with atomic_output(out) as temporary:
        pages = assemble(
            order,
            sheets.painted(),
            type_case,
            marks,
            title,
            temporary,
            lambda done, of: told(done, of, f"正在合成：第 {done} / {of} 页"),
            stop,
            space,
        )
    return pages, not_bound


def _paint_items(
    laid: list[_Laid],
    sheets: Sheets,
    order: list[Painted | Evidence],
    total: int,
    told: BinderProgress,
    stop: Callable[[], bool],
) -> list[str]:
    not_bound: list[str] = []
    for one in laid:
        next_stamp = _Stamps(one.item.code)
        painted = [next_stamp() for _ in one.separator]
        paint_separator(sheets, one.item.code, one.separator, painted)
        order.extend(Painted(sheets.count - len(one.separator) + n) for n in range(len(one.separator)))
        for part in one.parts:
            if stop():
                raise _cancel()
            told(len(order), total, f"正在排版：{one.item.code} {part.file.name}")
            if part.kind == NOTICE:
                paint_notice(sheets, part.notice, next_stamp())
                not_bound.append(part.notice)
                order.append(Painted(sheets.count - 1))
            elif part.kind == IMAGE:
                for frame in range(part.pages):
                    stamp = next_stamp()
                    assert part.file.path is not None  # an image part has its file
                    if not paint_image(sheets, part.file.path, frame, stamp):
                        failed = cannot_bind(part.file, "图片无法读取").notice
                        paint_notice(sheets, failed, stamp)
                        not_bound.append(failed)
                    order.append(Painted(sheets.count - 1))
            else:
                assert part.pdf is not None  # a PDF part holds its open document
                for index in range(part.pages):
                    order.append(Evidence(part.pdf, index, next_stamp(), index == part.pages - 1))
    return not_bound
