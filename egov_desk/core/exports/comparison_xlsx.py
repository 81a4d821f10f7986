"""Two assessments side by side as a workbook: a sheet of items (the ones that lost points first), a sheet of
一级指标."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.xlsx import BORDER, HEAD_FILL, first_sheet, lines_needed, print_landscape, put
from egov_desk.core.points import rounded

if TYPE_CHECKING:
    from decimal import Decimal

    from openpyxl.worksheet.worksheet import Worksheet

    from egov_desk.core.comparison import Comparison

RULE_CHANGES = {"type": "规则类型", "parameters": "规则参数", "text": "规则文字"}
ITEM_HEAD = ("编号", "名称", "分值 A", "分值 B", "得分 A", "得分 B", "变化", "规则变化")
LEVEL_HEAD = ("一级指标", "分值 A", "分值 B", "得分 A", "得分 B", "变化")
WIDTHS = (12, 40, 9, 9, 9, 9, 9, 24)
LEVEL_WIDTHS = (36, 9, 9, 9, 9, 9)
SCORE = "0.00"  # scores and changes always to the cent (2.10, not 2.1)
LINE_HEIGHT = 15  # points per line of 10 pt text


def rule_words(change: tuple[str, ...], matched_by: str, code_a: str | None, code_b: str | None) -> str:
    """What changed about an item's rule, in words: 规则类型、规则文字, 新增, 删除."""
    if code_a is None:
        return "新增"
    if code_b is None:
        return "删除"
    words = [RULE_CHANGES[what] for what in change]
    if matched_by == "name":
        words.insert(0, "按名称匹配")
    return "、".join(words)


def _number(value: Decimal | None) -> Decimal | None:
    return None if value is None else rounded(value)


def _table(
    sheet: Worksheet,
    head: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    widths: tuple[int, ...],
    scores: tuple[int, ...] = (),
) -> None:
    """The head and the rows; ``widths`` per column, long text wrapped with the row as tall as it needs (a
    spreadsheet does not grow it on opening); the columns ``scores`` (1-based) shown to two decimals."""
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for column, text in enumerate(head, start=1):
        cell = put(sheet.cell(row=1, column=column), text)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center")
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = put(sheet.cell(row=row_number, column=column), value)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column in scores:
                cell.number_format = SCORE
        lines = max(lines_needed(value, width) for value, width in zip(row, widths, strict=False))
        if lines > 1:
            sheet.row_dimensions[row_number].height = lines * LINE_HEIGHT
    sheet.freeze_panes = "A2"
    print_landscape(sheet, "1:1")


def write_comparison_xlsx(comparison: Comparison, out: Path, records: Path | None = None) -> Path:
    book = Workbook()
    items = first_sheet(book, "逐项对比")
    _table(
        items,
        ITEM_HEAD,
        [
            (
                row.code,
                row.name,
                row.points_a,
                row.points_b,
                _number(row.score_a),
                _number(row.score_b),
                _number(row.delta),
                rule_words(row.rule_change, row.matched_by, row.code_a, row.code_b),
            )
            for row in comparison.items
        ],
        WIDTHS,
        scores=(5, 6, 7),
    )
    levels = book.create_sheet("一级指标")
    _table(
        levels,
        LEVEL_HEAD,
        [
            (row.name, row.points_a, row.points_b, _number(row.score_a), _number(row.score_b), _number(row.delta))
            for row in comparison.levels
        ]
        + [
            (
                "合计",
                comparison.a.max,
                comparison.b.max,
                _number(comparison.a.total),
                _number(comparison.b.total),
                _number(comparison.delta),
            )
        ],
        LEVEL_WIDTHS,
        scores=(4, 5, 6),
    )
    about = book.create_sheet("说明")
    _table(about, ("", "考评"), [("A", comparison.a.label), ("B", comparison.b.label)], (6, 40))
    with atomic_output(out, records) as temporary:
        book.save(temporary)
    return out
