"""Printing the department checklist onto a printer or into a PDF with the Chinese fonts embedded (the print
preview dialog, which needs widgets, is egov_desk.ui.print_preview).

The checklist is laid out by QTextDocument (a real table whose header row repeats on every page) and painted page
by page, so that each page gets the header line and "第 X 页 共 Y 页". Landscape A4 with the same margins as the
Word export.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from egov_desk.core.exports.checklist import Checklist, material_line, signature_line
from egov_desk.core.exports.files import atomic_output

FONT_FAMILIES = "'FangSong', '仿宋', 'SimSun', '宋体', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif"
HEADING_FAMILIES = "'SimHei', '黑体', 'Noto Sans CJK SC', sans-serif"
MARGINS_MM = QMarginsF(37, 28, 35, 26)
BAND_MM = 8  # room for the header line above and the page number below the text


def _cell(lines: list[str]) -> str:
    return "<br/>".join(html.escape(line) for line in lines if line is not None)


def _spans(paths: list[tuple[str, ...]], level: int) -> list[int]:
    """For each row, how many rows its cell of ``level`` covers (0: merged into a cell above), as the Word export
    and the original table merge a level repeated on consecutive rows."""
    spans = [0] * len(paths)
    start = 0
    for index in range(1, len(paths) + 1):
        if index == len(paths) or paths[index][: level + 1] != paths[start][: level + 1]:
            spans[start] = index - start
            start = index
    return spans


def checklist_html(checklist: Checklist) -> str:
    levels = ["一级指标", "二级指标", "三级指标", "四级指标", "五级指标"][: checklist.depth]
    headers = [*levels, "编号", "分值", "职责", "评分细则", "需提供的材料", "目前状态", "备注"]
    widths = [7] * len(levels) + [4, 4, 9, 20, 19, 10]
    widths.append(100 - sum(widths))
    parts = [f'<html><body style="font-family: {FONT_FAMILIES}; font-size: 9pt;">']
    for number, section in enumerate(checklist.sections):
        breaker = ' style="page-break-before: always;"' if number else ""
        parts.append(
            f'<h2 align="center"{breaker} style="font-family: {HEADING_FAMILIES}; font-size: 15pt;">'
            f"{checklist.year}年{html.escape(checklist.title)}</h2>"
        )
        parts.append(
            f'<p align="center" style="font-size: 11pt; white-space: pre-wrap;">单位：{html.escape(checklist.unit)}　　'
            f"科室：{html.escape(section.department)}　　牵头 {len(section.lead)} 项，"
            f"配合 {len(section.cooperating)} 项</p>"
        )
        parts.append(
            '<table border="1" cellspacing="0" cellpadding="3" width="100%" '
            'style="border-collapse: collapse; border-color: #000;"><thead><tr>'
        )
        parts.extend(
            f'<th width="{w}%" bgcolor="#e8edf5" style="white-space: nowrap;">{h}</th>'
            for h, w in zip(headers, widths, strict=True)
        )
        parts.append("</tr></thead><tbody>")
        paths = [
            tuple(row.path[: checklist.depth]) + ("",) * (checklist.depth - len(row.path[: checklist.depth]))
            for row in section.rows
        ]
        spans = [_spans(paths, level) for level in range(checklist.depth)]
        for index, row in enumerate(section.rows):
            levels_html = "".join(
                f'<td valign="top"{f" rowspan={span}" if span > 1 else ""}>{_cell([paths[index][level]])}</td>'
                for level in range(checklist.depth)
                if (span := spans[level][index])
            )
            materials = [material_line(m.text, m.done, m.supplied_by) for m in row.materials] or ["—"]
            cells = [
                [row.item.code],
                [row.points],
                [row.duty],
                row.item.rule_text.split("\n"),
                materials,
                [m.status for m in row.materials] or ["—"],
                [row.note],
            ]
            parts.append("<tr>" + levels_html + "".join(f'<td valign="top">{_cell(c)}</td>' for c in cells) + "</tr>")
        if not section.rows:
            parts.append(f'<tr><td colspan="{len(headers)}">本科室在本指标体系中没有承担的评分项。</td></tr>')
        parts.append("</tbody></table>")
        # Room to sign: an empty line of 18 pt (over 8 mm, whatever the device's resolution: Qt takes a margin
        # in px as device pixels, 1.5 mm at 300 dpi) between the table and the signature line. The spaces between
        # the parts of a line are kept (pre-wrap), not collapsed into one.
        parts.append('<p style="font-size: 18pt; margin: 0;">&nbsp;</p>')
        parts.append(f'<p style="font-size: 11pt; white-space: pre-wrap;">{html.escape(signature_line(checklist))}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(MARGINS_MM.left(), MARGINS_MM.top() - BAND_MM, MARGINS_MM.right(), MARGINS_MM.bottom() - BAND_MM),
        QPageLayout.Unit.Millimeter,
    )


def paint_checklist(checklist: Checklist, device: QPagedPaintDevice) -> int:
    """Lay the checklist out for ``device`` (a printer or a PDF writer) and paint every page; returns the count."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for writing")
    try:
        resolution: int = device.resolution()  # type: ignore[attr-defined]  # QPrinter and QPdfWriter have it
        page = device.pageLayout().paintRectPixels(resolution)
        band = BAND_MM / 25.4 * resolution
        body = QRectF(0, band, page.width(), page.height() - 2 * band)
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)
        document.setDefaultFont(QFont("FangSong", 9))
        document.setHtml(checklist_html(checklist))
        document.setPageSize(QSizeF(body.width(), body.height()))
        pages = document.pageCount()
        small = QFont(document.defaultFont())
        small.setPointSizeF(8)
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, band - number * body.height())
            document.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, 0, page.width(), band * 0.8),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                checklist.header,
            )
            painter.drawText(
                QRectF(0, page.height() - band * 0.8, page.width(), band * 0.8),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"第 {number + 1} 页 共 {pages} 页",
            )
        return pages
    finally:
        painter.end()


def write_checklist_pdf(checklist: Checklist, out: Path) -> int:
    """The checklist as a PDF (fonts embedded, so the text can be searched and copied); returns the pages."""
    with atomic_output(out) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(300)
        writer.setPageLayout(page_layout())
        writer.setTitle(f"{checklist.year}年{checklist.title}")
        writer.setCreator("egov-desk")
        pages = paint_checklist(checklist, writer)
        del writer  # closes the file before it is renamed
    return pages
