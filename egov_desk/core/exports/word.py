"""Word documents the way government offices set them (GB/T 9704): fonts per run, margins, page numbers.

python-docx's ``font.name`` sets only the Latin font; Chinese text needs ``w:eastAsia`` on every run, or Word
and WPS fall back to a font the office did not choose. The fonts are configurable; defaults are the Windows
families every office PC has (仿宋 FangSong for text, 黑体 SimHei for headings), with fallbacks in the font
table so that WPS on UOS/Kylin picks its own equivalents.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from egov_desk.core.exports.text import printable


@dataclass(frozen=True)
class Fonts:
    body: str = "仿宋"  # FangSong; 仿宋_GB2312 where installed
    heading: str = "黑体"  # SimHei
    title: str = "方正小标宋简体"  # 小标宋; Word substitutes 宋体 when it is missing
    latin: str = "Times New Roman"


SIZES = {"二号": 22, "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9}


def style_run(
    run: Run, east_asia: str, size: float | None = None, bold: bool = False, latin: str = "Times New Roman"
) -> Run:
    run.font.name = latin
    r_pr = run._element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    if size:
        run.font.size = Pt(size)
    run.font.bold = bold
    return run


def add_text(
    paragraph: Paragraph, text: str, fonts: Fonts, size: float, bold: bool = False, east_asia: str | None = None
) -> Run:
    return style_run(paragraph.add_run(printable(text)), east_asia or fonts.body, size, bold, fonts.latin)


def set_defaults(document: Document, fonts: Fonts, size: float) -> None:
    """The Normal style: so that text the user types later in Word/WPS gets the same fonts."""
    normal = document.styles["Normal"]
    normal.font.name = fonts.latin
    normal.font.size = Pt(size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), fonts.body)


def heading_style(document: Document, level: int, east_asia: str, fonts: Fonts, size: float) -> None:
    """Word's own "Heading 1"/"Heading 2" (so that the navigation pane and the PDF bookmarks list them) set the
    way GB/T 9704 sets 一、 and （一） headings: the given Chinese font (黑体, 楷体) as the East-Asian font — the
    theme fonts python-docx's template names are dropped, or Word would use them instead —, not bold, black, the
    body's size and line pitch, indented two characters, kept with the paragraph that follows."""
    style = document.styles[f"Heading {level}"]
    r_pr = style.element.get_or_add_rPr()
    for old in r_pr.findall(qn("w:rFonts")) + r_pr.findall(qn("w:color")):
        r_pr.remove(old)
    fonts_element = r_pr.get_or_add_rFonts()
    for key, value in (("w:ascii", fonts.latin), ("w:hAnsi", fonts.latin), ("w:eastAsia", east_asia)):
        fonts_element.set(qn(key), value)
    style.font.bold = False
    style.font.italic = False
    style.font.size = Pt(size)
    paragraph = style.paragraph_format
    paragraph.keep_with_next = True
    paragraph.keep_together = True
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.line_spacing = Pt(28)
    paragraph.first_line_indent = Pt(size * 2)


def landscape_a4(document: Document) -> None:
    """A4 landscape with GB/T 9704's margins turned with the page (top 37, bottom 35, left 28, right 26 mm become
    left 37, right 35, top 28, bottom 26): a wide table keeps the official white space."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(37), Mm(35)
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(15)


def _field(paragraph: Paragraph, instruction: str, fonts: Fonts, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and WPS update when they lay the pages out."""
    run = add_text(paragraph, "", fonts, size)
    begin, text, separate, value, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
        OxmlElement("w:t"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate.set(qn("w:fldCharType"), "separate")
    value.text = "1"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, value, end):
        run._element.append(element)


def page_numbers(document: Document, fonts: Fonts, header: str) -> None:
    """The header line and "第 X 页 共 Y 页" centred in the footer."""
    section = document.sections[0]
    top = section.header.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_text(top, header, fonts, SIZES["小五"])
    bottom = section.footer.paragraphs[0]
    bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(bottom, "第 ", fonts, SIZES["小五"])
    _field(bottom, "PAGE", fonts, SIZES["小五"])
    add_text(bottom, " 页 共 ", fonts, SIZES["小五"])
    _field(bottom, "NUMPAGES", fonts, SIZES["小五"])
    add_text(bottom, " 页", fonts, SIZES["小五"])


def repeat_as_header(table: Table, rows: int = 1) -> None:
    """Mark the first rows as header rows: Word and WPS repeat them at the top of every page."""
    for row in table.rows[:rows]:
        tr_pr = row._tr.get_or_add_trPr()
        marker = OxmlElement("w:tblHeader")
        marker.set(qn("w:val"), "true")
        tr_pr.append(marker)


def keep_rows_whole(table: Table) -> None:
    """A row is not split across two pages (w:cantSplit): a rule is read in one piece."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def cell_text(
    cell: _Cell,
    lines: list[str],
    fonts: Fonts,
    size: float,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    for extra in cell.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    first = cell.paragraphs[0]
    first.clear()
    for number, line in enumerate(lines):
        paragraph = first if number == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        if align is not None:
            paragraph.alignment = align
        add_text(paragraph, line, fonts, size, bold)


def cell_margins(table: Table, twips: int) -> None:
    """The left and right padding of every cell (w:tblCellMar), so that column widths can be reckoned exactly."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


def table_widths(table: Table, widths_mm: list[float]) -> None:
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")  # fixed: Word, WPS and LibreOffice keep these widths
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)  # the grid (w:gridCol) that LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)
