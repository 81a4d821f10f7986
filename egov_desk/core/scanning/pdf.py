"""Scanned pages → one PDF, losslessly: img2pdf embeds each PNG's pixels as they are (no re-encoding).

A page turned in the preview is turned in its pixels (a lossless quarter turn of the PNG, written beside it),
not by a /Rotate entry: every PDF reader then shows it upright, and text recognition reads it upright. Each page
is as large as it was scanned: its pixels at the scan's resolution (200 dpi A4 → 595 × 842 pt).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from egov_desk.core.scanning.refusals import no_pages
from egov_desk.core.scanning.types import ScannedPage

_TURNS = {90: "ROTATE_270", 180: "ROTATE_180", 270: "ROTATE_90"}  # PIL turns counter-clockwise


def upright(page: ScannedPage) -> Path:
    """The page's PNG as it is to be read: itself, or its pixels turned (and saved with its resolution)."""
    from PIL import Image

    if page.rotation % 360 == 0:
        return page.path
    turned = page.path.with_name(f"{page.path.stem}-r{page.rotation}.png")
    with Image.open(page.path) as image:
        image.transpose(getattr(Image.Transpose, _TURNS[page.rotation % 360])).save(turned, dpi=(page.dpi, page.dpi))
    return turned


def write_pdf(pages: Sequence[ScannedPage], target: Path) -> Path:
    """Write ``pages`` in order into ``target`` (one PDF page each, at each page's own resolution)."""
    import img2pdf  # type: ignore[import-untyped, unused-ignore]

    if not pages:
        raise no_pages()
    files = [upright(page) for page in pages]
    dpis = [page.dpi for page in pages]
    at = iter(dpis)

    def layout(width: int, height: int, _read: Any) -> Any:
        # The page's resolution as scanned (a PNG's pHYs holds it only to a few decimals: 199.9996).
        dpi = next(at)
        return img2pdf.default_layout_fun(width, height, (dpi, dpi))

    data = img2pdf.convert([str(f) for f in files], layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)
    target.write_bytes(data)
    for file, page in zip(files, pages, strict=True):
        if file != page.path:
            file.unlink(missing_ok=True)
    return target
