"""The unit's worklist as a workbook: one sheet of every entry with a 科室 column (each item under its lead
department, or 未分配), and a sheet per kind's count; printed landscape, as wide as the page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook

from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.xlsx import first_sheet, write_table
from egov_desk.core.worklist import KIND_LABELS, KINDS

if TYPE_CHECKING:
    from egov_desk.core.indicators import IndicatorSystem
    from egov_desk.core.worklist import Worklist

HEAD = ("科室", "类别", "编号", "名称", "待办内容", "截止日期")
WIDTHS = (14, 14, 10, 36, 56, 12)
COUNT_HEAD = ("类别", "数量")
UNASSIGNED = "未分配"


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
    write_table(entries, HEAD, list(worklist_rows(work, system)), WIDTHS)
    counts = book.create_sheet("按类别统计")
    tally = work.counts()
    write_table(counts, COUNT_HEAD, [("考评", title), *((KIND_LABELS[kind], tally[kind]) for kind in KINDS)], (20, 40))
    with atomic_output(out) as temporary:
        book.save(temporary)
    return out
