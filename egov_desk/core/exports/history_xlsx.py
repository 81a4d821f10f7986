"""The change history as a workbook: one row per change (时间, 登录账户, 姓名, 角色, 编号, 指标, 修改内容, 记录哈希前 16
位), printed landscape on A4 with its head on every page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.xlsx import first_sheet, put, write_table
from egov_desk.core.history import HistoryLine
from egov_desk.core.review_states import ROLES, said

HEAD = ("时间", "登录账户", "姓名", "角色", "编号", "指标", "修改内容", "记录哈希前 16 位")
WIDTHS = (19, 12, 10, 8, 8, 28, 60, 18)


Names = Mapping[tuple[int | None, str], str]  # (assessment id, code) → the item's name (history.item_names)


def history_rows(lines: Sequence[HistoryLine], names: Names) -> list[tuple[str, ...]]:
    """The workbook's rows: ``names`` gives each item's name (指标)."""
    return [
        (
            line.local_time(),
            line.who,
            line.name,
            said(ROLES, line.role) if line.role else "",
            line.code,
            names.get((line.assessment_id, line.code), ""),
            line.what,
            line.hash[:16],
        )
        for line in lines
    ]


def write_history_xlsx(
    lines: Sequence[HistoryLine], out: Path, names: Names, title: str = "修改记录", records: Path | None = None
) -> Path:
    """``lines`` (as :func:`~egov_desk.core.history.history` gives them) written to ``out`` (whole, or not at all)."""
    book = Workbook()
    sheet = first_sheet(book, "修改记录")
    put(sheet.cell(row=1, column=1), title).font = Font(bold=True, size=12)
    write_table(sheet, HEAD, history_rows(lines, names), WIDTHS, first_row=2)
    with atomic_output(out, records) as temporary:
        book.save(temporary)
    return out
