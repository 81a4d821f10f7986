"""The unit's worklist as a workbook: one sheet of every entry with a 科室 column (each item under its lead
department, or 未分配), and a sheet per kind's count; printed landscape, as wide as the page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.xlsx import BORDER, HEAD_FILL, first_sheet, lines_needed, print_landscape, put
from egov_desk.core.worklist import KIND_LABELS, KINDS

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from egov_desk.core.indicators import IndicatorSystem
    from egov_desk.core.worklist import Worklist

HEAD = ("科室", "类别", "编号", "名称", "待办内容", "截止日期")
WIDTHS = (14, 14, 10, 36, 56, 12)
COUNT_HEAD = ("类别", "数量")
UNASSIGNED = "未分配"
LINE_HEIGHT = 15


def _write(sheet: Worksheet, head: tuple[str, ...], rows: list[tuple[Any, ...]], widths: tuple[int, ...]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for column, text in enumerate(head, start=1):
        cell = put(sheet.cell(row=1, column=column), text)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center")
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = put(sheet.cell(row=number, column=column), value)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = max(lines_needed(value, width) for value, width in zip(row, widths, strict=False))
        if lines > 1:
            sheet.row_dimensions[number].height = lines * LINE_HEIGHT
    sheet.freeze_panes = "A2"
    print_landscape(sheet, "1:1")


def worklist_rows(work: Worklist, system: IndicatorSystem) -> list[tuple[str, str, str, str, str, str]]:
    """One row per entry, grouped by the item's lead department (in the system's order of departments), then in
    the worklist's order."""
    departments = system.departments()
    leads = {item.code: item.lead or UNASSIGNED for item in system.items()}
    order = {name: position for position, name in enumerate([*departments, UNASSIGNED])}
    rows = [
        (
            leads.get(entry.code, UNASSIGNED),
            entry.label,
            entry.code,
            entry.title,
            "\n".join(entry.subjects) or ("部分已填" if entry.partial else ""),
            entry.due.isoformat() if entry.due else "",
        )
        for entry in work.entries
    ]
    return sorted(rows, key=lambda row: order.get(row[0], len(order)))  # stable: the worklist's order kept


def write_worklist_xlsx(work: Worklist, system: IndicatorSystem, title: str, out: Path) -> Path:
    """``title`` names the assessment (and the department) on the counts sheet."""
    book = Workbook()
    entries = first_sheet(book, "待办清单")
    _write(entries, HEAD, list(worklist_rows(work, system)), WIDTHS)
    counts = book.create_sheet("按类别统计")
    tally = work.counts()
    _write(counts, COUNT_HEAD, [("考评", title), *((KIND_LABELS[kind], tally[kind]) for kind in KINDS)], (20, 40))
    with atomic_output(out) as temporary:
        book.save(temporary)
    return out
