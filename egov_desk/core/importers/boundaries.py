"""Rows below the header that are not part of the indicator tree: repeated headers (before each block, the same
or not), 合计 rows, notes, legends (标识说明, ★为…, 学校填写) and signature or footer rows (填表人：, 单位（盖章）).

Each is skipped with a finding (one per kind, its rows listed) — never silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from egov_desk.core.importers.findings import Finding
from egov_desk.core.importers.grid import Grid
from egov_desk.core.importers.headers import header_score, normalise
from egov_desk.core.importers.labels import read_points

_TOTAL = re.compile(r"^(合计|总计|总分|小计|共计)")
_NOTE = re.compile(r"^(备注|注|说明)\s*[:：]")
_LEGEND = re.compile(
    r"^(标识说明|图例|填表说明|填写说明|[★☆※▲△●○◆◇■□]\s*(为|表示|是|[:：]))|学校填写|单位填写|自行填写"
)
_SIGNATURE = re.compile(
    r"^(填表人|填报人|制表人|审核人|审批人|负责人|单位负责人|分管领导|联系人|联系电话|填报单位|填表单位|单位|"
    r"填表日期|填报日期|日期)\s*(（盖章）|\(盖章\))?\s*[:：]|盖章|签字|签名"
)
HEADER_TEXT_LENGTH = 12  # header cells are short; a cell longer than this is data


@dataclass(frozen=True)
class Skipped:
    """A row kept out of the tree and the finding that says so."""

    finding: Finding
    total: Decimal | None = None  # a 合计 row's points


def own_texts(grid: Grid, row: int) -> list[str]:
    """The distinct texts of a row's own cells (not those merged down into it from a row above)."""
    texts: list[str] = []
    for cell in grid.rows[row]:
        text = cell.text.strip()
        if text and cell.origin[0] == row and text not in texts:
            texts.append(text)
    return texts


def is_header_like(texts: list[str], header_texts: list[list[str]]) -> bool:
    """A header again: the same as the table's, most of its texts repeated, or short cells naming two roles
    (a block's own header that words the columns a little differently)."""
    if texts in header_texts:
        return True
    raw = [t.strip() for t in texts if t.strip()]
    if not raw or sum(1 for t in raw if len(t) > HEADER_TEXT_LENGTH) > 1:
        return False  # two long cells (a rule, its evidence): a data row, said without normalising every cell
    if any(t.replace(".", "", 1).isdigit() for t in raw):
        return False  # a code or points (1, 2.5, 001): a header names its columns, it holds no numbers
    filled = [normalise(t) for t in raw if len(t) <= 2 * HEADER_TEXT_LENGTH]
    known = _known(tuple(tuple(row) for row in header_texts))
    if len(known) >= 2 and len(set(filled) & known) * 2 > len(known):
        return True
    short = len(filled) == len(raw) and all(len(t) <= HEADER_TEXT_LENGTH for t in filled)
    return short and not any(read_points(t) is not None for t in filled) and header_score(texts) >= 2


@lru_cache(maxsize=8)
def _known(header_texts: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(normalise(t) for row in header_texts for t in row if t.strip())


def skipped(grid: Grid, row: int, header_texts: list[list[str]]) -> Skipped | None:
    """Why this row is not part of the tree, or None when it is data."""
    texts = grid.row_texts(row)
    filled = [t for t in texts if t.strip()]
    if not filled:
        return None
    label = grid.labels[row]
    if is_header_like(texts, header_texts):
        return Skipped(Finding("info", label, "重复的表头行，已跳过", many="个重复的表头行，已跳过"))
    first = normalise(filled[0])
    if _TOTAL.match(first):
        numbers = [p for t in filled if (p := read_points(t)) is not None]
        finding = Finding("info", label, f"合计行（{first[:10]}），不作为评分项", many="个合计行，不作为评分项")
        return Skipped(finding, numbers[-1] if numbers else None)
    if _NOTE.match(first):
        return Skipped(Finding("info", label, "表注，不作为评分项", many="行表注，不作为评分项"))
    distinct = own_texts(grid, row) or filled
    if len(set(distinct)) <= 2 and any(_LEGEND.search(normalise(t)) for t in distinct):
        return Skipped(Finding("info", label, "标识或填写说明行，不作为评分项", many="行标识或填写说明，不作为评分项"))
    if all(len(t) <= 40 and read_points(t) is None for t in distinct) and any(
        _SIGNATURE.search(normalise(t)) for t in distinct
    ):
        return Skipped(Finding("info", label, "签字或落款行，不作为评分项", many="行签字或落款，不作为评分项"))
    return None


def is_blank(grid: Grid, row: int) -> bool:
    return not any(t.strip() for t in grid.row_texts(row))
