"""The department checklist as a Word document: landscape A4, one section per department, a real table with the
indicator levels merged like the original, repeated header rows, a signature line, "第 X 页 共 Y 页"."""

from __future__ import annotations

import math
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from egov_desk.core.exports.checklist import Checklist, ChecklistRow, ChecklistSection, material_line, signature_line
from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.word import (
    SIZES,
    Fonts,
    add_text,
    cell_margins,
    cell_text,
    keep_rows_whole,
    landscape_a4,
    page_numbers,
    repeat_as_header,
    set_defaults,
    table_widths,
)

TEXT_WIDTH_MM = 297 - 37 - 35
LEVEL_NAMES = ["一级指标", "二级指标", "三级指标", "四级指标", "五级指标"]


HEADER_SIZE = SIZES["小五"]  # the header row and the cells
CELL_MARGIN_TWIPS = 57  # left and right padding of every cell (1 mm), written into the table


def fits(text: str, size: float = HEADER_SIZE) -> float:
    """The narrowest column (mm) that holds ``text`` on one line at ``size`` pt: a Chinese character is one em
    wide, a Latin one about half; plus the cell's padding and a little slack for rounding in Word and WPS."""
    ems = sum(1 if ord(char) > 0x2E80 else 0.55 for char in text)
    twips = ems * size * 20 + 2 * CELL_MARGIN_TWIPS
    return twips / 1440 * 25.4 + 0.8


def columns(depth: int) -> tuple[list[str], list[float]]:
    """Headers and widths (mm): the levels, then 编号, 分值, 职责, 评分细则, materials, 状态, 备注. Every header
    fits on one line; the fixed columns also fit what they hold ("外单位提供", "配合（牵头：" per line); the rule,
    the materials and the notes share the rest."""
    levels = LEVEL_NAMES[:depth]
    fixed = ["编号", "分值", "职责", "评分细则", "需提供的材料", "目前状态", "备注"]
    headers = levels + fixed
    wanted = {"编号": fits("编号"), "分值": fits("分值"), "职责": fits("配合（牵头："), "目前状态": fits("外单位提供")}
    level = max(fits(LEVEL_NAMES[0]), 16.0 if depth <= 3 else 0)
    rest = TEXT_WIDTH_MM - level * depth - sum(wanted.values())
    shares = {"评分细则": 0.40, "需提供的材料": 0.38, "备注": 0.22}
    widths = [level if name in levels else wanted.get(name) or rest * shares[name] for name in headers]
    widths = [math.ceil(max(width, fits(name)) * 10) / 10 for name, width in zip(headers, widths, strict=True)]
    widths[-1] = round(TEXT_WIDTH_MM - sum(widths[:-1]), 1)  # the notes take what is left
    return headers, widths


def _merge_levels(table: docx.table.Table, rows: list[ChecklistRow], depth: int, first: int, fonts: Fonts) -> None:
    """Cells of a level that repeats on consecutive rows become one merged cell, as in the printed table."""
    for level in range(depth):
        start = 0
        for index in range(1, len(rows) + 1):
            same = index < len(rows) and rows[index].path[: level + 1] == rows[start].path[: level + 1]
            if not same:
                if index - start > 1:
                    top = table.cell(first + start, level)
                    text = top.text
                    merged = top.merge(table.cell(first + index - 1, level))
                    merged.text = ""
                    cell_text(merged, [text], fonts, SIZES["小五"])
                start = index


def _section_table(document: docx.document.Document, section: ChecklistSection, depth: int, fonts: Fonts) -> None:
    headers, widths = columns(depth)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    cell_margins(table, CELL_MARGIN_TWIPS)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell_text(cell, [text], fonts, SIZES["小五"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in section.rows:
        cells = table.add_row().cells
        path = list(row.path[:depth]) + [""] * (depth - len(row.path[:depth]))
        for level, name in enumerate(path):
            cell_text(cells[level], [name], fonts, SIZES["小五"])
        materials = [material_line(m.text, m.done, m.supplied_by) for m in row.materials] or ["—"]
        statuses = [m.status for m in row.materials] or ["—"]
        values = [
            [row.item.code],
            [row.points],
            [row.duty],
            row.item.rule_text.split("\n"),
            materials,
            statuses,
            [row.note] if row.note else [""],
        ]
        for offset, lines in enumerate(values):
            align = WD_ALIGN_PARAGRAPH.CENTER if offset in (0, 1) else None
            cell_text(cells[depth + offset], lines, fonts, SIZES["小五"], align=align)
    table_widths(table, widths)
    repeat_as_header(table)
    keep_rows_whole(table)
    _merge_levels(table, section.rows, depth, 1, fonts)


def write_checklist_docx(checklist: Checklist, out: Path, fonts: Fonts | None = None) -> Path:
    fonts = fonts or Fonts()
    document = docx.Document()
    set_defaults(document, fonts, SIZES["小四"])
    landscape_a4(document)
    page_numbers(document, fonts, checklist.header)
    for number, section in enumerate(checklist.sections):
        if number:
            document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(title, f"{checklist.year}年{checklist.title}", fonts, SIZES["小三"] + 1, east_asia=fonts.title)
        subtitle = document.add_paragraph()
        subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(
            subtitle,
            f"单位：{checklist.unit}　　科室：{section.department}　　"
            f"牵头 {len(section.lead)} 项，配合 {len(section.cooperating)} 项",
            fonts,
            SIZES["小四"],
        )
        subtitle.paragraph_format.space_after = Pt(6)
        if section.rows:
            _section_table(document, section, checklist.depth, fonts)
        else:
            add_text(document.add_paragraph(), "本科室在本指标体系中没有承担的评分项。", fonts, SIZES["小四"])
        signature = document.add_paragraph()
        signature.paragraph_format.space_before = Pt(24)
        signature.paragraph_format.keep_together = True
        add_text(signature, signature_line(checklist), fonts, SIZES["小四"])
    with atomic_output(out) as temporary:
        document.save(str(temporary))
    return out
