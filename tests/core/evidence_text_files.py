"""Evidence files made in the tests, holding Chinese text: a page image rendered from text (PIL with Noto Sans CJK),
a scanner-like PDF of such images (img2pdf), a born-digital PDF (Qt's QPdfWriter), a DOCX (python-docx)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
A4_AT_100DPI = (827, 1169)


def page_image(path: Path, lines: Sequence[str], size: tuple[int, int] = (900, 600), font_size: int = 34) -> Path:
    """A grey page with ``lines`` of text, a line every 1.6 font sizes from the top left, as a scanner gives."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, font_size)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((60, 50 + number * int(font_size * 1.6)), line, font=font, fill=0)
    image.save(path)
    return path


def line_top(number: int, size: tuple[int, int] = (900, 600), font_size: int = 34) -> float:
    """Where line ``number`` (from 0) of :func:`page_image` begins, as a fraction of the page's height."""
    return (50 + number * int(font_size * 1.6)) / size[1]


def scanned_pdf(path: Path, pages: Sequence[Path]) -> Path:
    """A PDF of page images only (no text of its own), as a scanner's software makes it."""
    import img2pdf

    path.write_bytes(img2pdf.convert([str(page) for page in pages]))
    return path


def text_pdf(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """A born-digital PDF: each page's lines drawn as text with a CJK font (needs a Qt application)."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.setFont(QFont("Noto Sans CJK SC", 12))
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        for row, line in enumerate(lines):
            painter.drawText(100, 120 + row * 60, line)
    painter.end()
    return path


def docx(path: Path, paragraphs: Sequence[str]) -> Path:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path
