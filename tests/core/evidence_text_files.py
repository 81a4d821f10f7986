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


def ofd(path: Path, pages: Sequence[str]) -> Path:
    """A minimal OFD (GB/T 33190): the entry, one document, a text object a page."""
    import zipfile

    space = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    listed = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "OFD.xml",
            f'{head}<ofd:OFD {space} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t</ofd:DocID>'
            "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        archive.writestr(
            "Doc_0/Document.xml",
            f"{head}<ofd:Document {space}><ofd:CommonData><ofd:MaxUnitID>100</ofd:MaxUnitID><ofd:PageArea>"
            f"<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{listed}"
            "</ofd:Pages></ofd:Document>",
        )
        for n, text in enumerate(pages):
            archive.writestr(
                f"Doc_0/Pages/Page_{n}/Content.xml",
                f'{head}<ofd:Page {space}><ofd:Content><ofd:Layer ID="{n + 50}"><ofd:TextObject ID="{n + 60}" '
                f'Boundary="10 10 100 10" Font="1" Size="5"><ofd:TextCode X="0" Y="5">{text}</ofd:TextCode>'
                "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>",
            )
    return path


def outlined_pdf(path: Path, lines: Sequence[str]) -> Path:
    """A PDF whose words are drawn as outlines (paths, as some printers' and designers' PDFs are): no text and no
    image to take out, only a rendered page can be read (needs a Qt application)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPainterPath, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    outline = QPainterPath()
    for row, line in enumerate(lines):
        outline.addText(100, 160 + row * 90, QFont("Noto Sans CJK SC", 16), line)
    painter.fillPath(outline, Qt.GlobalColor.black)
    painter.end()
    return path
