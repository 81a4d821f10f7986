"""Table understanding: where the header is, what each column holds.

Finds the header row(s) (one or two, below any title rows), joins multi-row headers ("任务分解/牵头科室"),
and maps each column to a role by its words. Level columns are numbered left to right unless the header says
(一级/二级…); a points column belongs to the level column on its left, except the last one, which holds the
items' points. The person may override any column's role; the tree is then built again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from egov_desk.core.importers.grid import Grid, ImportRefused
from egov_desk.core.importers.headers import ROLES, guess_role, header_score, normalise

HEADER_SEARCH_ROWS = 20
ROLE_NAMES = {
    "level": "指标层级",
    "points": "分值",
    "rule": "评分细则",
    "name": "评分项名称",
    "code": "编号",
    "evidence": "备注/佐证材料",
    "lead": "牵头科室",
    "cooperating": "配合科室",
    "extra": "其他（保留）",
    "ignore": "忽略",
}


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: str  # one of ROLES, or "ignore"
    level: int | None = None  # level columns: 1 = outermost
    points_of: int | None = None  # points columns: the level they belong to; None = the items' points
    guessed: bool = True  # False when the person chose the role

    @property
    def describe(self) -> str:
        name = ROLE_NAMES.get(self.role, self.role)
        if self.role == "level" and self.level:
            return f"{name} {self.level}"
        if self.role == "points":
            return f"{name}（第{self.points_of}级）" if self.points_of else f"{name}（评分项）"
        return name


@dataclass
class Layout:
    title: str
    header_rows: list[int]
    columns: list[Column]

    def of(self, role: str) -> list[Column]:
        return [column for column in self.columns if column.role == role]

    def first(self, role: str) -> Column | None:
        found = self.of(role)
        return found[0] if found else None

    @property
    def levels(self) -> list[Column]:
        return sorted(self.of("level"), key=lambda c: (c.level or 0, c.index))

    @property
    def item_points(self) -> Column | None:
        return next((c for c in self.of("points") if c.points_of is None), None)


def _is_header_continuation(grid: Grid, row: int, header: int) -> bool:
    """Is ``row`` a second header row under ``header``: short labels, some of them new roles, the rest
    merged down from the row above?"""
    if row >= len(grid.rows):
        return False
    cells = grid.rows[row]
    recognised = 0
    for column, cell in enumerate(cells):
        text = normalise(cell.text)
        if not text:
            continue
        if cell.origin[0] <= header and cell.is_continuation(row, column):
            continue
        if len(text) > 12 or text.replace(".", "").isdigit():
            return False
        if guess_role(cell.text):
            recognised += 1
    return recognised > 0


def find_header(grid: Grid) -> tuple[list[int], str]:
    """The header rows and the title found above them."""
    for row in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
        if header_score(grid.row_texts(row)) >= 2:
            rows = [row]
            while len(rows) < 3 and _is_header_continuation(grid, rows[-1] + 1, rows[0]):
                rows.append(rows[-1] + 1)
            above = [t for r in range(row) for t in grid.row_texts(r) if t.strip()]
            title = max(above, key=len) if above else grid.title
            return rows, normalise(title) if title else ""
    raise ImportRefused("no header row found: the table has no columns named like 指标, 分值, 评分细则, 编号")


def _header_text(grid: Grid, rows: list[int], column: int) -> list[str]:
    texts: list[str] = []
    for row in rows:
        text = normalise(grid.text(row, column))
        if text and text not in texts:
            texts.append(text)
    return texts


def _assign(columns: list[Column]) -> list[Column]:
    """Number the level columns and attach each points column to its level (or to the items)."""
    levels = [c for c in columns if c.role == "level"]
    explicit = all(c.level for c in levels) and len({c.level for c in levels}) == len(levels)
    numbers = {c.index: (c.level if explicit else n) for n, c in enumerate(levels, start=1)}
    points = [c for c in columns if c.role == "points"]
    out = []
    for column in columns:
        if column.role == "level":
            column = replace(column, level=numbers[column.index], points_of=None)
        elif column.role == "points":
            owner = None
            if column is not points[-1]:
                left = [c for c in levels if c.index < column.index]
                owner = numbers[left[-1].index] if left else None
            column = replace(column, level=None, points_of=owner)
        else:
            column = replace(column, level=None, points_of=None)
        out.append(column)
    return out


def read_layout(grid: Grid, roles: dict[int, str] | None = None) -> Layout:
    """Header rows, title and column roles; ``roles`` (column index → role) overrides the guesses."""
    header_rows, title = find_header(grid)
    columns = []
    for index in range(grid.width):
        texts = _header_text(grid, header_rows, index)
        guess = None
        for candidate in [*reversed(texts), "".join(texts)]:
            guess = guess_role(candidate)
            if guess:
                break
        role, level = (guess.role, guess.level) if guess else ("extra", None)
        if roles and index in roles:
            if roles[index] not in (*ROLES, "ignore"):
                raise ImportRefused(f"unknown column role {roles[index]!r}")
            role, level = roles[index], None
        columns.append(
            Column(index, "/".join(texts) or f"第{index + 1}列", role, level, guessed=not (roles and index in roles))
        )
    layout = Layout(title, header_rows, _assign(columns))
    if not layout.levels and not layout.first("name"):
        raise ImportRefused("no indicator column found (一级指标, 考核项目, 考核内容 …)")
    if not (layout.first("rule") or layout.first("points") or layout.first("code")):
        raise ImportRefused("no column with rules, points or codes (评分细则, 分值, 编号)")
    return layout
