"""Joining a binder with pikepdf: the pages Qt painted and the evidence PDFs' own pages in binding order, each evidence
page stamped over its content (which is left as it is), and the bookmarks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pikepdf import Name, OutlineItem

from egov_desk.core.errors import Cancelled
from egov_desk.render.binder.stamps import Stamps
from egov_desk.render.binder.text_map import fix_text_maps
from egov_desk.render.binder.writeback import written_back


@dataclass(frozen=True)
class Painted:
    page: int  # its index in the painted pages' PDF


@dataclass(frozen=True)
class Evidence:
    pdf: pikepdf.Pdf
    page: int  # its index in that PDF
    stamp: str  # "002 第 3 页"
    last_of_file: bool  # a cancel is heard here, between files


@dataclass
class Mark:
    """A bookmark: its title, the binder page (0-based) it opens at, and the bookmarks under it."""

    title: str
    page: int
    children: list[Mark] = field(default_factory=list)


def _outline(target: pikepdf.Pdf, marks: list[Mark]) -> None:
    def item(mark: Mark) -> OutlineItem:
        made = OutlineItem(mark.title, mark.page)
        made.children.extend(item(child) for child in mark.children)
        return made

    with target.open_outline() as outline:
        outline.root.extend(item(mark) for mark in marks)
    target.Root.PageMode = Name.UseOutlines


def assemble(
    order: list[Painted | Evidence],
    painted: Path | BinaryIO,
    type_case: int | None,
    marks: list[Mark],
    title: str,
    out: Path,
    told: Callable[[int, int], None],
    cancelled: Callable[[], bool],
    stamp_space: float = 0.25,
) -> int:
    """Write the binder to ``out`` (a temporary name: the caller renames it); returns its page count.
    ``type_case``: the painted page the evidence pages' stamps take their characters from (None: no evidence PDF);
    ``stamp_space``: the width of a space in the stamp's font, in ems (a space has no glyph to take it from)."""
    with pikepdf.open(painted) as frame, pikepdf.new() as target:
        fix_text_maps(frame)
        stamps = Stamps(target, frame.pages[type_case], stamp_space) if type_case is not None else None
        total = len(order)
        listed: dict[int, list[pikepdf.Page]] = {}  # each PDF's pages, walked once: a page by index costs a search

        def pages_of(pdf: pikepdf.Pdf) -> list[pikepdf.Page]:
            found = listed.get(id(pdf))  # the PDFs live as long as ``order``: an id stays theirs
            if found is None:
                found = listed[id(pdf)] = list(pdf.pages)
            return found

        for done, step in enumerate(order):
            if isinstance(step, Painted):
                target.pages.append(pages_of(frame)[step.page])
            else:
                target.pages.append(pages_of(step.pdf)[step.page])
                if step.last_of_file and cancelled():
                    raise Cancelled("the binder was cancelled", "装订已取消", "cancelled")
            if done % 10 == 0:
                told(done, total)
        if stamps is not None:  # once all are in: walking the pages is cheap, finding the last one each time is not
            for page, step in zip(target.pages, order, strict=True):
                if isinstance(step, Evidence):
                    stamps.put(page, step.stamp)
        _outline(target, marks)
        with target.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            meta["xmp:CreatorTool"] = "egov-desk"
        target.docinfo[Name.Title] = title
        target.docinfo[Name.Creator] = "egov-desk"
        # streams copied as they are, none compressed on the way: the stamps' few operators each are not worth a
        # compressor's start (4 ms a binder of 300 pages), the rest is compressed already
        with written_back(out) as file:
            target.save(file, stream_decode_level=pikepdf.StreamDecodeLevel.none, compress_streams=False)
        told(total, total)
        return total
