"""A table without a header row: each column's role told from its content.

Codes (1, 1.1, 001, 一、) are short and mostly different from row to row; points are small numbers; the rule is
the column of the longest texts (得…分, 扣…分); levels are short texts left of the rule, repeated or merged down
(a short text left of the rule that changes on every row names the item); evidence is text right of the rule;
departments are names ending in 科/处/室/局/办/中心. Rows above the table holding one text (a title) are kept
out. What is inferred is a proposal: the import says so, and the person can name the header row or the roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from egov_desk.core.importers.grid import Grid
from egov_desk.core.importers.headers import normalise
from egov_desk.core.importers.sheets import CODE, is_points, is_rule

_DEPARTMENT = re.compile(r"(科|处|室|局|办|中心|办公室|委|队|站|所)$")
_SPLIT = re.compile(r"[\n、，,；;/／\s]+")
_NUMBER = re.compile(r"^[-+]?[0-9０-９.,%％]+$")
MOSTLY = 0.6


@dataclass
class _Column:
    index: int
    texts: list[str] = field(default_factory=list)  # the texts of its own cells (not merged from above)
    filled: int = 0  # cells with text, merged ones included
    repeated: int = 0  # cells merged down from, or the same as, the cell above

    def share(self, test: object) -> float:
        assert callable(test)
        return sum(1 for text in self.texts if test(text)) / len(self.texts) if self.texts else 0

    @property
    def mean_length(self) -> float:
        return sum(len(text) for text in self.texts) / len(self.texts) if self.texts else 0

    @property
    def distinct(self) -> float:
        return len(set(self.texts)) / len(self.texts) if self.texts else 0


@dataclass(frozen=True)
class Inferred:
    roles: dict[int, str]  # column → role (see headers.ROLES); columns left out are extra
    title_rows: list[int]  # rows above the table (a title), kept out of the data
    title: str


def _numbered(column: _Column) -> bool:
    """Codes, not points: written like codes (1.1, 001, 一、), or whole numbers rising row by row."""
    if column.share(CODE.match) < MOSTLY or column.mean_length > 8 or column.distinct < 0.9:
        return False
    numbers = [int(text) for text in column.texts if text.isdigit()]
    if len(numbers) < len(column.texts) * MOSTLY:
        return True
    rising = sum(1 for a, b in pairwise(numbers) if b > a)
    return rising >= (len(numbers) - 1) * 0.8


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def _is_departments(text: str) -> bool:
    names = [name for name in _SPLIT.split(text) if name]
    return bool(names) and all(len(name) <= 12 and _DEPARTMENT.search(name) for name in names)


def _title_rows(grid: Grid) -> list[int]:
    """Leading rows with a single text (one cell, or one merged cell across the row): a title, not data."""
    rows = []
    for row in range(min(5, len(grid.rows))):
        cells = grid.rows[row]
        origins = {cell.origin for cell in cells if cell.text.strip()}
        if len(origins) == 1 and grid.width > 2:
            rows.append(row)
        elif origins:
            break
        else:
            rows.append(row)  # a blank row above the table
    return rows if len(rows) < len(grid.rows) else []


def _columns(grid: Grid, first: int) -> list[_Column]:
    columns = [_Column(index) for index in range(grid.width)]
    for row in range(first, len(grid.rows)):
        for column in columns:
            cell = grid.rows[row][column.index]
            text = normalise(cell.text)
            if not text:
                continue
            column.filled += 1
            if cell.origin[0] < row or (row > first and normalise(grid.text(row - 1, column.index)) == text):
                column.repeated += 1
            if cell.origin == (row, column.index):
                column.texts.append(text)
    return columns


def infer_columns(grid: Grid) -> Inferred:
    """Each column's role, told from the cells below any title rows."""
    title_rows = _title_rows(grid)
    first = title_rows[-1] + 1 if title_rows else 0
    columns = [c for c in _columns(grid, first) if c.texts]
    roles: dict[int, str] = {}
    for column in columns:
        if _numbered(column):
            roles[column.index] = "code"
        elif column.share(is_points) >= MOSTLY:
            roles[column.index] = "points"
    departments = [c for c in columns if c.index not in roles and c.share(_is_departments) >= MOSTLY]
    for column, role in zip(departments, ("lead", "cooperating"), strict=False):
        roles[column.index] = role
    texts = [c for c in columns if c.index not in roles and c.share(_is_number) < MOSTLY]
    rule = max(texts, key=lambda c: c.mean_length + 20 * c.share(is_rule), default=None)
    if rule and (rule.mean_length >= 10 or rule.share(is_rule) >= 0.3):
        roles[rule.index] = "rule"
    else:
        rule = None
    named = False
    for column in texts:
        if column is rule:
            continue
        if rule is None or column.index < rule.index:
            if column.repeated / column.filled >= 0.2 or column.distinct < 0.8 or named:
                roles[column.index] = "level"
            else:
                roles[column.index], named = "name", True
        elif "evidence" not in roles.values():
            roles[column.index] = "evidence"
    names = [normalise(t) for r in title_rows for t in grid.row_texts(r) if t.strip()]
    return Inferred(roles, title_rows, max(names, key=len) if names else "")
