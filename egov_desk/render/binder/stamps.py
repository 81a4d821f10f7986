"""The stamp "002 第 3 页" on an evidence PDF's page, written as a few PDF operators over the page.

Qt paints one page holding every character a stamp uses ("0123456789 第页", the type case) in the stamp's font; its
embedded font subset, its glyph widths and its ToUnicode map are then enough to set any stamp: each becomes a small
form — a white box and the text centred at the foot of the page — placed over the page as it is seen (turned with
its /Rotate). One painted page instead of one per evidence page: the binder of 300 scans is joined at the pace of
qpdf. The pages Qt paints itself (separators, notices, images) get the same stamp from Qt (sheets.py)."""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Array, Dictionary, Name

from egov_desk.render.binder.sheets import STAMP_FROM_BOTTOM, STAMP_PADDING, STAMP_SIZE, TYPE_CASE

HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
SECTION = re.compile(rb"beginbf(range|char)(.*?)endbf\1", re.S)


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


class Stamps:
    """Stamp forms for ``target``, set in the font of the type case page."""

    def __init__(self, target: pikepdf.Pdf, type_case: pikepdf.Page, space: float) -> None:
        self.space = space * 1000  # a space is an advance, not a glyph: Qt draws none
        fonts = type_case.obj.Resources.Font
        chosen = None
        for font in fonts.values():
            cmap = font.get(Name.ToUnicode)
            ids = character_ids(cmap.read_bytes()) if cmap is not None else {}
            if all(char in ids for char in TYPE_CASE.replace(" ", "")):
                chosen, self.ids = font, ids
                break
        if chosen is None:
            raise ValueError("the stamp's type case page holds no font with every character a stamp needs")
        self.widths, self.default = glyph_widths(chosen)
        descriptor = chosen.DescendantFonts[0].FontDescriptor
        self.ascent = float(descriptor.get(Name.Ascent, 880)) / 1000
        self.descent = -float(descriptor.get(Name.Descent, -120)) / 1000
        self.font = target.copy_foreign(chosen)
        self.target = target

    def form(self, text: str, width: float, height: float) -> pikepdf.Object:
        """The stamp for a page seen ``width`` × ``height`` points."""
        runs: list[str] = []  # the TJ array: glyph strings, a space as a move to the right
        advance = 0.0
        for char in text:
            if char == " " or char not in self.ids:
                runs.append(f"{-self.space:.0f}")
                advance += self.space
            else:
                cid = self.ids[char]
                runs.append(f"<{cid:04X}>")
                advance += self.widths.get(cid, self.default)
        advance = advance / 1000 * STAMP_SIZE
        line = (self.ascent + self.descent) * STAMP_SIZE
        box_width, box_height = advance + 2 * STAMP_PADDING, line + 4
        left, bottom = (width - box_width) / 2, STAMP_FROM_BOTTOM
        baseline = bottom + (box_height - line) / 2 + self.descent * STAMP_SIZE
        content = (
            f"q 0.5 w 0.612 0.639 0.686 RG 1 g {left:.2f} {bottom:.2f} {box_width:.2f} {box_height:.2f} re B Q\n"
            f"BT /Stamp {STAMP_SIZE} Tf 0.067 g {left + STAMP_PADDING:.2f} {baseline:.2f} Td [{' '.join(runs)}] TJ ET\n"
        )
        return self.target.make_stream(
            content.encode("ascii"),
            Type=Name.XObject,
            Subtype=Name.Form,
            BBox=Array([0, 0, width, height]),
            Resources=Dictionary(Font=Dictionary(Stamp=self.font)),
        )
