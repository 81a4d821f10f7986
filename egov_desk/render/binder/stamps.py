"""The stamp "002 第 3 页" on an evidence PDF's page, written as a few PDF operators over the page.

Qt paints one page holding every character a stamp uses ("0123456789 第页", the type case) in the stamp's font; its
embedded font subset, its glyph widths and its ToUnicode map are then enough to set any stamp: a white box and the
text centred at the foot of the page as it is seen (turned with its /Rotate), drawn after the page's own content
(wrapped in q … Q, so whatever state that content leaves, the stamp starts clean). One painted page instead of one
per evidence page, and per page only a content stream and the font's name in its resources: the binder of 300
scans is joined at the pace of qpdf. The pages Qt paints itself (separators, notices, images) get the same stamp
from Qt (sheets.py)."""

from __future__ import annotations

import re
import secrets

import pikepdf
from pikepdf import Array, Dictionary, Name

from egov_desk.render.binder.sheets import STAMP_FROM_BOTTOM, STAMP_PADDING, STAMP_SIZE, TYPE_CASE

HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
SECTION = re.compile(rb"beginbf(range|char)(.*?)endbf\1", re.S)
BOX = "0.5 w 0.612 0.639 0.686 RG 1 g"  # a grey frame around a white box, as sheets.py paints it
INK = "0.067 g"
ROTATE, RESOURCES, FONT = Name.Rotate, Name.Resources, Name.Font  # each Name.X is a lookup of its own


def character_ids(cmap: bytes) -> dict[str, int]:
    """Character → glyph id (CID), read backwards from a ToUnicode map."""
    found: dict[str, int] = {}
    for kind, body in SECTION.findall(cmap):
        if kind == b"range":
            for start, end, target in RANGE.findall(body):
                first = int(start, 16)
                if target.startswith(b"["):
                    for offset, code in enumerate(HEX.findall(target)):
                        found.setdefault(bytes.fromhex(code.decode()).decode("utf-16-be"), first + offset)
                else:
                    last, base = int(end, 16), int(target[1:-1], 16)
                    for offset in range(last - first + 1):
                        found.setdefault(chr(base + offset), first + offset)
        else:
            for cid, code in CHAR.findall(body):
                found.setdefault(bytes.fromhex(code.decode()).decode("utf-16-be"), int(cid, 16))
    return found


def glyph_widths(font: pikepdf.Object) -> tuple[dict[int, float], float]:
    """Glyph id → width (thousandths of the size) from the CID font's /W, and its default /DW."""
    descendant = font.DescendantFonts[0]
    default = float(descendant.get(Name.DW, 1000))
    widths: dict[int, float] = {}
    given = list(descendant.get(Name.W, Array()))
    index = 0
    while index < len(given):
        first = int(given[index])
        following = given[index + 1]
        if isinstance(following, Array):
            for offset, width in enumerate(following):
                widths[first + offset] = float(width)
            index += 2
        else:
            for cid in range(first, int(following) + 1):
                widths[cid] = float(given[index + 2])
            index += 3
    return widths, default


def rotation(page: Dictionary) -> int:
    """The page's /Rotate as a viewer takes it: a multiple of 90 within 0–270; anything else (a name, text, 45)
    is no turn, as viewers read a damaged value."""
    value = page.get(ROTATE, 0)
    try:
        turned = int(value)
    except (TypeError, ValueError):
        return 0
    return turned % 360 if turned % 90 == 0 else 0


def seen_from_page(box: tuple[float, float, float, float], rotate: int) -> tuple[float, ...]:
    """The matrix from the page as it is seen (origin at its visible lower left, in points) to the page's own space,
    for its crop box (x0, y0, x1, y1) and its /Rotate (a viewer turns the page clockwise by it)."""
    x0, y0, x1, y1 = box
    if rotate == 90:
        return (0, 1, -1, 0, x1, y0)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, -1, 1, 0, x0, y1)
    return (1, 0, 0, 1, x0, y0)


def crop_box(page: pikepdf.Page) -> tuple[float, float, float, float]:
    """The page's crop box (its media box when it has none) as (x0, y0, x1, y1), lower left first."""
    a, b, c, d = (float(value) for value in page.cropbox)
    return min(a, c), min(b, d), max(a, c), max(b, d)


class Stamps:
    """Stamps on ``target``'s pages, set in the font of the type case page."""

    def __init__(self, target: pikepdf.Pdf, type_case: pikepdf.Page, space: float) -> None:
        fonts = type_case.obj.Resources.Font
        chosen, ids = None, {}
        for font in fonts.values():
            cmap = font.get(Name.ToUnicode)
            ids = character_ids(cmap.read_bytes()) if cmap is not None else {}
            if all(char in ids for char in TYPE_CASE.replace(" ", "")):
                chosen = font
                break
        if chosen is None:
            raise ValueError("the stamp's type case page holds no font with every character a stamp needs")
        widths, default = glyph_widths(chosen)
        # a character → its glyph in the TJ array and its advance (thousandths); a space is a move to the right
        # (Qt draws no glyph for it), as is a character the font lacks
        self.glyphs = {char: (f"<{cid:04X}>", widths.get(cid, default)) for char, cid in ids.items() if char != " "}
        self.space = (f"{-space * 1000:.0f}", space * 1000)
        descriptor = chosen.DescendantFonts[0].FontDescriptor
        self.ascent = float(descriptor.get(Name.Ascent, 880)) / 1000
        self.descent = -float(descriptor.get(Name.Descent, -120)) / 1000
        self.font = target.copy_foreign(chosen)
        # its name on the pages: new to each binder, so a page of an earlier binder, bound again, keeps its own stamp
        self.name = f"/EgovStamp{secrets.token_hex(4)}"
        self.opening = target.make_stream(b"q\n")  # one stream, first in every stamped page's contents
        self.placed: dict[tuple[bytes, int], tuple[str, float]] = {}  # a page's box and turn → matrix, seen width

    def operators(self, text: str, width: float) -> str:
        """The stamp's box and text for a page seen ``width`` points wide, in the seen page's coordinates."""
        runs, advance = [], 0.0
        for char in text:
            run, step = self.glyphs.get(char, self.space)
            runs.append(run)
            advance += step
        line = (self.ascent + self.descent) * STAMP_SIZE
        box_width, box_height = advance / 1000 * STAMP_SIZE + 2 * STAMP_PADDING, line + 4
        left, bottom = (width - box_width) / 2, STAMP_FROM_BOTTOM
        baseline = bottom + (box_height - line) / 2 + self.descent * STAMP_SIZE
        text_at = f"{left + STAMP_PADDING:.2f} {baseline:.2f} Td"
        return (
            f"q {BOX} {left:.2f} {bottom:.2f} {box_width:.2f} {box_height:.2f} re B Q\n"
            f"BT {self.name} {STAMP_SIZE} Tf {INK} {text_at} [{' '.join(runs)}] TJ ET"
        )

    def _placed(self, page: pikepdf.Page, rotate: int) -> tuple[str, float]:
        """The matrix from the page as seen to its own space, and its width as seen: the pages of a scan share it."""
        key = (page.cropbox.unparse(), rotate)
        found = self.placed.get(key)
        if found is None:
            box = crop_box(page)
            width = box[3] - box[1] if rotate in (90, 270) else box[2] - box[0]
            found = self.placed[key] = (" ".join(f"{value:g}" for value in seen_from_page(box, rotate)), width)
        return found

    def put(self, page: pikepdf.Page, text: str) -> None:
        """Stamp ``page`` (of the target) with ``text`` at its visible foot."""
        obj = page.obj
        matrix, width = self._placed(page, rotation(obj))
        resources = obj.get(RESOURCES)
        if not isinstance(resources, Dictionary):  # none, or a damaged page's (the page's text had no fonts anyway)
            obj[RESOURCES] = Dictionary(Font=Dictionary({self.name: self.font}))
        else:
            fonts = resources.get(FONT)
            if isinstance(fonts, Dictionary):
                fonts[self.name] = self.font  # a font dictionary shared by pages gets the one name once
            else:
                resources[FONT] = Dictionary({self.name: self.font})
        page.contents_add(self.opening, prepend=True)
        page.contents_add(f"Q\nq {matrix} cm\n{self.operators(text, width)}\nQ\n".encode("ascii"))
