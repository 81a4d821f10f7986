"""Two assessments side by side as a workbook: a sheet of items (the ones that lost points first), a sheet of
一级指标."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook

from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.xlsx import first_sheet, write_table
from egov_desk.core.points import rounded

if TYPE_CHECKING:
    from decimal import Decimal

    from egov_desk.core.comparison import Comparison

RULE_CHANGES = {"type": "规则类型", "parameters": "规则参数", "text": "规则文字"}
ITEM_HEAD = ("编号", "名称", "分值 A", "分值 B", "得分 A", "得分 B", "变化", "规则变化")
LEVEL_HEAD = ("一级指标", "分值 A", "分值 B", "得分 A", "得分 B", "变化")
WIDTHS = (12, 40, 9, 9, 9, 9, 9, 24)
LEVEL_WIDTHS = (36, 9, 9, 9, 9, 9)


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


def write_comparison_xlsx(comparison: Comparison, out: Path, records: Path | None = None) -> Path:
    book = Workbook()
    items = first_sheet(book, "逐项对比")
    write_table(
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
    write_table(
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
    write_table(about, ("", "考评"), [("A", comparison.a.label), ("B", comparison.b.label)], (6, 40))
    with atomic_output(out, records) as temporary:
        book.save(temporary)
    return out
