"""The text of the pages Qt paints, as a reader copies or searches it: 页, not the radical ⻚.

Qt's PDF engine writes each font's ToUnicode map from glyph back to character, taking the first character of the
font that uses a glyph. The Noto CJK fonts (Linux, UOS, Kylin) draw the radicals ⻚ (U+2EDA) and ⽹ (U+2F79) with
the glyphs of 页 and 网, so the binder's stamps would read "第 1 ⻚" to a search — and "第 1 页" would not be
found. Before joining, each map of the painted pages is rewritten: a radical becomes the ideograph of the same
glyph (Kangxi radicals by Unicode's own compatibility mapping; the supplement's by the fonts' glyphs)."""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import cache

import pikepdf
from pikepdf import Name
from PySide6.QtGui import QFont, QRawFont

from egov_desk.render.binder.sheets import BODY_FAMILIES, HEADING_FAMILIES

RADICALS = range(0x2E80, 0x2FE0)
IDEOGRAPHS = "".join(chr(code) for code in range(0x4E00, 0xA000))
TOKEN = re.compile(rb"<([0-9A-Fa-f]{4})>")
ARRAY = re.compile(rb"\[[^\]]*\]")
BFCHAR = re.compile(rb"(<[0-9A-Fa-f]{4}>\s*)(<[0-9A-Fa-f]{4}>)")


@cache
def radical_ideographs() -> dict[int, int]:
    """Radical → the ideograph drawn with the same glyph, for the fonts the binder paints with."""
    found: dict[int, int] = {}
    for code in RADICALS:
        normal = unicodedata.normalize("NFKC", chr(code))
        if normal != chr(code) and len(normal) == 1:
            found[code] = ord(normal)
    for family in dict.fromkeys(HEADING_FAMILIES + BODY_FAMILIES):
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        glyphs = raw.glyphIndexesForString(IDEOGRAPHS)
        by_glyph: dict[int, int] = {}
        for char, glyph in zip(IDEOGRAPHS, glyphs, strict=False):
            if glyph:
                by_glyph.setdefault(glyph, ord(char))
        radicals = "".join(chr(code) for code in RADICALS if code not in found)
        for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=False):
            if glyph and glyph in by_glyph:
                found.setdefault(ord(char), by_glyph[glyph])
    return found


def _ideograph(token: re.Match[bytes]) -> bytes:
    code = int(token.group(1), 16)
    mapped = radical_ideographs().get(code) if code in RADICALS else None
    return b"<%04X>" % mapped if mapped else token.group(0)


def readable(cmap: bytes) -> bytes:
    """A ToUnicode map with its radicals' targets turned into ideographs (the glyph ids left as they are)."""
    cmap = ARRAY.sub(lambda array: TOKEN.sub(_ideograph, array.group(0)), cmap)
    return BFCHAR.sub(lambda pair: pair.group(1) + TOKEN.sub(_ideograph, pair.group(2)), cmap)


def fix_text_maps(document: pikepdf.Pdf) -> None:
    """Every font's ToUnicode map in ``document`` (the binder's painted pages) made readable, each once."""
    done: set[tuple[int, int]] = set()
    for page in document.pages:
        resources = page.obj.get(Name.Resources)
        fonts = resources.get(Name.Font) if resources is not None else None
        for font in fonts.values() if fonts is not None else ():
            cmap = font.get(Name.ToUnicode)
            if cmap is None or cmap.objgen in done:
                continue
            done.add(cmap.objgen)
            before = cmap.read_bytes()
            after = readable(before)
            if after != before:
                cmap.write(zlib.compress(after), filter=Name.FlateDecode)  # the binder is saved as it is
