"""Table understanding: where the header is, what each column holds.

Finds the header row(s) (one or two, below any title rows), joins multi-row headers ("任务分解/牵头科室"),
and maps each column to a role by its words. Level columns are numbered left to right unless the header says
(一级/二级…, A级/B级…); a points column belongs to the level column on its left, except the last one, which holds
the items' points. A header naming two roles ("佐证材料及责任科室", "B级指标及评估要点") gives a column both, or
its two merged columns one each. The person may override any column's role; the tree is then built again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from egov_desk.core.importers.grid import Grid, ImportRefused
from egov_desk.core.importers.headers import CRITERIA_NAMES, ROLES, RoleGuess, guess_role, header_score, normalise
from egov_desk.core.importers.no_header import infer_columns

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
    also: str | None = None  # a second role its cells hold: "lead" for 佐证材料及责任科室 (evidence lines, then names)

    @property
    def describe(self) -> str:
        name = ROLE_NAMES.get(self.role, self.role)
        if self.also:
            return f"{name}（含{ROLE_NAMES.get(self.also, self.also)}）"
        if self.role == "level" and self.level:
            return f"{name} {self.level}"
        if self.role == "points":
            return f"{name}（第{self.points_of}级）" if self.points_of else f"{name}（评分项）"
        return name


class HeaderRows(list[int]):
    """The header's grid rows. Readers take ``header_rows[-1] + 1`` as the first data row; for a table without a
    header (no rows) that is row 0, so ``[-1]`` of no rows is -1 rather than an IndexError."""

    def __getitem__(self, index: Any) -> Any:
        if not self and index == -1:
            return -1
        return super().__getitem__(index)


@dataclass
class Layout:
    title: str
    header_rows: list[int]
    columns: list[Column]
    inferred: bool = False  # no header row: the roles were told from the columns' content (no_header.py)
    # the columns of each role, asked for many times on every row of a long table: made when the columns are set
    _by_role: dict[str, tuple[Column, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index_columns()

    def __setattr__(self, name: str, value: object) -> None:
        super().__setattr__(name, value)
        if name == "columns" and "_by_role" in self.__dict__:  # columns replaced after the layout was made
            self._index_columns()

    def _index_columns(self) -> None:
        by_role: dict[str, list[Column]] = {}
        for column in self.columns:
            by_role.setdefault(column.role, []).append(column)
        self._by_role = {role: tuple(found) for role, found in by_role.items()}

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1 if self.header_rows else 0

    def of(self, role: str) -> Sequence[Column]:
        """The columns of ``role``, left to right. (The list of columns is replaced, never changed in place.)"""
        return self._by_role.get(role, ())

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
    raise ImportRefused(
        "no header row found: the table has no columns named like 指标, 分值, 评分细则, 编号",
        "找不到表头：表格中没有“指标”“分值”“评分细则”“编号”之类的列；请确认这是考评指标表",
        "no_header",
    )


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


def _merged_pairs(grid: Grid, rows: list[int], guesses: list[RoleGuess | None]) -> dict[int, RoleGuess]:
    """Two columns under one merged header naming two roles ("B级指标及评估要点" over two columns, no sub-header):
    the left column takes the first role, the right one the second."""
    pairs: dict[int, RoleGuess] = {}
    last = rows[-1]
    for index in range(grid.width - 1):
        guess = guesses[index]
        left, right = grid.rows[last][index], grid.rows[last][index + 1]
        if guess and guess.also and left.origin == right.origin and guesses[index + 1] == guess:
            pairs[index] = RoleGuess(guess.role, guess.level)
            pairs[index + 1] = RoleGuess(guess.also)
    return pairs


def _one_column_pair(guess: RoleGuess, guesses: list[RoleGuess | None]) -> RoleGuess:
    """One column under a header naming a level and its criteria ("B级指标及评估要点"): below an outer level
    column its cells are the items' rules (or their names, when another column holds the rules)."""
    if guess.role != "level" or guess.also not in ("rule", "name"):
        return guess
    outer = any(g and g.role == "level" and g is not guess for g in guesses)
    if not outer:
        return RoleGuess("level", guess.level)
    other_rule = any(g and g.role == "rule" for g in guesses)
    return RoleGuess("name" if other_rule else guess.also)


def _criteria_as_rule(columns: list[Column]) -> list[Column]:
    """No rule column but levels above a 考核内容/考核要点 column: that column holds the criteria."""
    if any(c.role == "rule" for c in columns) or not any(c.role == "level" for c in columns):
        return columns
    for position, column in enumerate(columns):
        if column.guessed and column.role == "name" and any(word in column.header for word in CRITERIA_NAMES):
            return [*columns[:position], replace(column, role="rule"), *columns[position + 1 :]]
    return columns


def _given_header(grid: Grid, rows: Sequence[int]) -> tuple[list[int], str]:
    """The header rows the person named (grid rows) and the title above them."""
    wrong = [row for row in rows if not 0 <= row < len(grid.rows)]
    if wrong or list(rows) != sorted(set(rows)):
        shown = ",".join(str(Grid.shown(row)) for row in rows)
        raise ImportRefused(
            f"header row {shown}: the table has rows 1–{len(grid.rows)}; give one row or two in order (--header-row)",
            f"表头行 {shown} 不对：表格共 1–{len(grid.rows)} 行；请给出一行或相邻的两行（--header-row）",
            "bad_header_row",
            {"rows": list(rows)},
        )
    above = [t for r in range(rows[0]) for t in grid.row_texts(r) if t.strip()]
    return list(rows), normalise(max(above, key=len)) if above else normalise(grid.title)


def _role_chosen(index: int, roles: dict[int, str] | None) -> str | None:
    if not roles or index not in roles:
        return None
    if roles[index] not in (*ROLES, "ignore"):
        known = ", ".join((*ROLES, "ignore"))
        raise ImportRefused(
            f"unknown column role {roles[index]!r} (known: {known})",
            f"列的用途“{roles[index]}”无法识别（可用：{known}）",
            "unknown_role",
            {"role": roles[index]},
        )
    return roles[index]


def _inferred_layout(grid: Grid, roles: dict[int, str] | None, no_header: ImportRefused | None) -> Layout:
    """A table without a header: the roles told from content, the person's roles over them."""
    inferred = infer_columns(grid)
    columns = []
    for index in range(grid.width):
        chosen = _role_chosen(index, roles)
        role = chosen or inferred.roles.get(index, "extra")
        columns.append(Column(index, f"第{index + 1}列", role, guessed=chosen is None))
    layout = Layout(inferred.title or normalise(grid.title), HeaderRows(inferred.title_rows), _assign(columns), True)
    # a rule column, or items named with their points: a list of names and numbers is no indicator table
    if not (layout.first("rule") or (layout.first("points") and (layout.first("name") or layout.levels))):
        english = "the columns could not be told from their content either"
        chinese = "也无法从内容判断各列的用途"
        if no_header is not None:
            english, chinese = f"{no_header.english}, and {english}", f"{no_header.chinese}，{chinese}"
        raise ImportRefused(
            f"{english}: say which row is the header (--header-row N) or what each column holds (--role COL=ROLE)",
            f"{chinese}：请在导入向导的“表格的行”页指明表头所在行或各列的用途"
            "（命令行：--header-row 行号、--role 列号=用途）",
            "no_header",
        )
    return layout


def read_layout(grid: Grid, roles: dict[int, str] | None = None, header_rows: Sequence[int] | None = None) -> Layout:
    """Header rows, title and column roles; ``roles`` (column index → role) overrides the guesses.
    ``header_rows`` (grid rows) are the header the person named, ``()`` a table without one; None: found,
    or when none is found, the roles are told from the columns' content (a finding says so)."""
    if header_rows is not None and not header_rows:
        return _inferred_layout(grid, roles, None)
    if header_rows is not None:
        header_rows, title = _given_header(grid, header_rows)
    else:
        try:
            header_rows, title = find_header(grid)
        except ImportRefused as refused:
            return _inferred_layout(grid, roles, refused)
    header_rows = list(header_rows)
    headers = [_header_text(grid, header_rows, index) for index in range(grid.width)]
    guesses: list[RoleGuess | None] = []
    for texts in headers:
        guess = None
        for candidate in [*reversed(texts), "".join(texts)]:
            guess = guess_role(candidate)
            if guess:
                break
        guesses.append(guess)
    pairs = _merged_pairs(grid, header_rows, guesses)
    columns = []
    for index, texts in enumerate(headers):
        guess = pairs.get(index) or guesses[index]
        if guess and index not in pairs:
            guess = _one_column_pair(guess, guesses)
        role, level = (guess.role, guess.level) if guess else ("extra", None)
        also = guess.also if guess and guess.role == "evidence" else None
        chosen = _role_chosen(index, roles)
        if chosen:
            role, level, also = chosen, None, None
        columns.append(
            Column(index, "/".join(texts) or f"第{index + 1}列", role, level, guessed=chosen is None, also=also)
        )
    layout = Layout(title, header_rows, _assign(_criteria_as_rule(columns)))
    if not layout.levels and not layout.first("name"):
        raise ImportRefused(
            "no indicator column found (一级指标, 考核项目, 考核内容 …); say which column it is: --role COL=level",
            "找不到指标列（一级指标、考核项目、考核内容……）；可在导入向导中单击列标题指定（命令行：--role 列号=level）",
            "no_indicator_column",
        )
    if not (layout.first("rule") or layout.first("points") or layout.first("code")):
        raise ImportRefused(
            "no column with rules, points or codes (评分细则, 分值, 编号); say which: --role COL=rule|points|code",
            "找不到评分细则、分值或编号列；可在导入向导中单击列标题指定（命令行：--role 列号=rule、points 或 code）",
            "no_rule_column",
        )
    return layout
