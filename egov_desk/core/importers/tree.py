"""Build the indicator tree from the data rows of a table whose layout is known.

Levels come from level columns — a merged cell spans its children (a label merged across two level columns is
one level), a repeated or blank cell (fill-down) means "same as above", blank level cells at the top of a Word
table continuing the one before continue its levels — or, when a single column holds every level, from numbering
(一、/（一）/1./（1）). A table with no level column groups its items by its name column (评估内容 over 评估要点).
Each row with a rule, a code, item points, evidence or a name is a scoring item under the deepest level of its
row; a section row (一、 in the code column, no rule) is a level above the level columns; tier rows under an item
("90%≤N＜95%，扣0.2分") join its rule. What the person said a row is (``row_kinds``) wins over this reading, and
:attr:`Built.row_kinds` says what every row below the header was read as. No row is dropped without a finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from egov_desk.core.importers.boundaries import is_blank, own_texts, skipped
from egov_desk.core.importers.findings import Finding
from egov_desk.core.importers.grid import Grid, ImportRefused
from egov_desk.core.importers.headers import normalise
from egov_desk.core.importers.item_cells import cell, own_cell, read_item
from egov_desk.core.importers.labels import numbering_style, read_points, split_points, strip_numbering
from egov_desk.core.importers.options import RowKind
from egov_desk.core.importers.second_table import find_second_table, joined, part_from
from egov_desk.core.importers.table import Column, Layout, read_layout
from egov_desk.core.importers.tiers import MAX_TIERS, add_tier, is_tier_text
from egov_desk.core.importers.tree_nodes import Built as Built
from egov_desk.core.importers.tree_nodes import Level as Level
from egov_desk.core.points import json_number

_SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]+[、.．]?$")  # 一、 in the code column: a section row


class TreeBuilder:
    def __init__(
        self,
        grid: Grid,
        layout: Layout,
        known_departments: set[str],
        row_kinds: Mapping[int, RowKind] | None = None,
        table_number: int = 1,
    ) -> None:
        self.grid = grid
        self.chosen_kinds = dict(row_kinds or {})  # what the person said rows are (grid row → kind)
        self.layout = layout
        self.known = known_departments
        self.table_number = table_number  # 2 for a second table found on the same sheet
        self.findings: list[Finding] = []
        self.roots: list[Level] = []
        self.total_row: Decimal | None = None
        self.header_texts = [grid.row_texts(r) for r in layout.header_rows]
        self.level_columns = layout.levels
        self.merged_levels = False
        self.name_is_level = False  # no level columns: the name column groups the items (评估内容 → 评估要点)
        self.kinds: dict[int, RowKind] = {}  # what each row was read as
        self.section: Level | None = None  # the section row the rows below belong to
        self.last_item: dict[str, Any] | None = None  # the item a tier row below would belong to
        self.tiers_in_a_row = 0

    def cell(self, row: int, column: Column | None) -> str:
        return cell(self.grid, row, column)

    def _note(self, row: int, kind: RowKind, severity: str, message: str, many: str) -> None:
        self.kinds[row] = kind
        self.findings.append(Finding(severity, self.grid.labels[row], message, many=many))

    # --- which rows are data ----------------------------------------------------------------------

    def _data_rows(self, first: int, end: int) -> list[int]:
        rows = []
        for row in range(first, end):
            chosen = self.chosen_kinds.get(row)
            if chosen == "ignore":
                self._note(row, "ignore", "info", "已按指定忽略此行", "行已按指定忽略")
            elif is_blank(self.grid, row):
                self.kinds[row] = "ignore"
            elif chosen is None and (skip := skipped(self.grid, row, self.header_texts)):
                self.kinds[row] = "ignore"
                self.findings.append(skip.finding)
                self.total_row = skip.total if skip.total is not None else self.total_row
            else:
                rows.append(row)
        return rows

    def _is_item(self, row: int) -> bool:
        layout = self.layout
        columns = [layout.first("rule"), layout.first("code"), layout.item_points, layout.first("evidence")]
        if not self.name_is_level:
            columns.append(layout.first("name"))
        return any(self.cell(row, c) for c in columns if c)

    def _add_item(self, level: Level, row: int, name: str = "", points: Decimal | None = None) -> None:
        item = read_item(
            self.grid, self.layout, row, self.known, self.findings, name, points, name_is_level=self.name_is_level
        )
        level.items.append(item)
        self.kinds[row] = "item"
        self.last_item, self.tiers_in_a_row = item, 0

    def _opened_level(self, row: int) -> None:
        self.kinds[row] = "level"
        self.last_item = None

    def _nothing_new(self, row: int) -> None:
        message, many = "此行既不是评分项，也没有新的指标，已跳过", "行既不是评分项也没有新的指标，已跳过"
        self._note(row, "ignore", "warning", message, many)

    def _top(self) -> list[Level]:
        return self.section.children if self.section else self.roots

    # --- section and tier rows --------------------------------------------------------------------

    def _is_section(self, row: int) -> bool:
        code = normalise(own_cell(self.grid, row, self.layout.first("code")))
        return bool(_SECTION_NUMBER.match(code)) and not self.cell(row, self.layout.first("rule"))

    def _open_section(self, row: int) -> None:
        code = own_cell(self.grid, row, self.layout.first("code"))
        texts = [t for t in own_texts(self.grid, row) if t != code and read_points(t) is None]
        name, points = split_points(strip_numbering(texts[0])) if texts else (strip_numbering(code), None)
        own_points = read_points(own_cell(self.grid, row, self.layout.item_points))
        self.section = Level(name, own_points if own_points is not None else points, self.grid.labels[row])
        self.roots.append(self.section)
        self.kinds[row] = "section"
        self.last_item = None

    def _tier_text(self, row: int) -> str:
        """The tier's words for the item's rule; points in its own 分值 cell are kept in them ("…，得4分")."""
        rule = own_cell(self.grid, row, self.layout.first("rule"))
        points = own_cell(self.grid, row, self.layout.item_points)
        if rule:
            return f"{rule}，得{points}分" if points and read_points(points) is not None else rule
        levels = {c.index for c in self.level_columns}
        texts = [
            c.text.strip()
            for i, c in enumerate(self.grid.rows[row])
            if i not in levels and c.origin[0] == row and c.text.strip()
        ]
        return " ".join(dict.fromkeys(texts))

    def _is_tier(self, row: int) -> bool:
        if self.last_item is None or self.tiers_in_a_row >= MAX_TIERS:
            return False
        own = [*self.level_columns, self.layout.first("code"), self.layout.item_points]
        if any(own_cell(self.grid, row, c) for c in own):
            return False
        return is_tier_text(self._tier_text(row))

    def _add_tier(self, row: int) -> None:
        if self.last_item is None:
            message, many = "标为分档的行上方没有评分项，已跳过", "行标为分档但上方没有评分项，已跳过"
            self._note(row, "ignore", "warning", message, many)
            return
        add_tier(self.last_item, self._tier_text(row))
        self.tiers_in_a_row += 1
        self._note(row, "tier", "info", "分档行，已并入上方评分项的评分细则", "行分档，已并入上方评分项的评分细则")

    def _section_or_tier(self, row: int) -> bool:
        """Section and tier rows, as the person said or as read; True when the row is taken."""
        chosen = self.chosen_kinds.get(row)
        if chosen == "section" or (chosen is None and self._is_section(row)):
            self._open_section(row)
            return True
        if chosen == "tier" or (chosen is None and self._is_tier(row)):
            self._add_tier(row)
            return True
        return False

    # --- levels from level columns ----------------------------------------------------------------

    def _by_columns(self, rows: list[int]) -> None:
        levels = self.level_columns
        self.merged_levels = any(  # merged down: a blank level cell is then a new row's, not "same as above"
            self.grid.rows[r][c.index].origin[0] != r
            for c in levels
            for r in range(self.layout.header_rows[-1] + 1, len(self.grid.rows))
        )
        previous: list[Level] = []  # the levels of the row above
        part = ""  # the Word table the row is in: blank level cells at the top of the next one continue
        carried: set[int] = set()
        for row in rows:
            here = self.grid.labels[row].rsplit(" 第", 1)[0]
            if here != part:
                carried = set(range(len(levels))) if part else set()
                part = here
            if self._section_or_tier(row):
                previous = [] if self.kinds[row] == "section" else previous
                continue
            chosen = self.chosen_kinds.get(row)
            path: list[Level] = []
            opened = continued = False
            for depth, column in enumerate(levels):
                cell = self.grid.rows[row][column.index]
                if path and cell.origin == path[-1].origin:  # one label merged across two level columns
                    path.append(path[-1])
                    continue
                text = cell.text.strip()
                if text:
                    carried -= set(range(depth, len(levels)))
                above = previous[depth] if depth < len(previous) else None
                same_parent = above is not None and (depth == 0 or previous[depth - 1] is path[-1])
                blank_carried = not text and depth in carried
                if (
                    above
                    and same_parent
                    and (
                        (cell.is_continuation(row, column.index) and cell.origin == above.origin)
                        or (text and split_points(text)[0] == above.name and not self.merged_levels)
                        or (not text and (not self.merged_levels or blank_carried))
                    )
                ):
                    node = above
                    continued = continued or blank_carried
                elif text:
                    node = self._level(row, column, cell.origin)
                    (path[-1].children if path else self._top()).append(node)
                    opened = True
                else:
                    break
                path.append(node)
            if not path and chosen == "item" and previous:
                path = previous  # the person says it is an item: it belongs to the levels above
            if not path:
                self._note(row, "ignore", "warning", "此行没有所属指标，已跳过", "行没有所属指标，已跳过")
                continue
            if continued:
                message, many = "指标列为空，接续上一个表格的指标", "行的指标列为空，接续上一个表格的指标"
                self.findings.append(Finding("info", self.grid.labels[row], message, many=many))
            previous = path
            if chosen == "level":
                for node in path:
                    node.grid_row = None if node.grid_row == row else node.grid_row
                self._opened_level(row) if opened else self._nothing_new(row)
            elif chosen == "item" or self._is_item(row):
                self._add_item(path[-1], row)
            elif opened:
                self._opened_level(row)
            else:
                self._nothing_new(row)

    def _level(self, row: int, column: Column, origin: tuple[int, int]) -> Level:
        name, points = split_points(self.cell(row, column))
        attached = next((c for c in self.layout.of("points") if c.points_of == column.level), None)
        if attached and read_points(self.cell(row, attached)) is not None:
            points = read_points(self.cell(row, attached))
        return Level(name, points, self.grid.labels[row], origin=origin, grid_row=row)

    # --- levels from numbering in one column ------------------------------------------------------

    def _by_numbering(self, rows: list[int], column: Column) -> None:
        styles: list[str] = []
        stack: list[Level] = []
        for row in rows:
            if self._section_or_tier(row):
                stack = [] if self.kinds[row] == "section" else stack
                continue
            chosen = self.chosen_kinds.get(row)
            text = self.cell(row, column)
            is_item = chosen == "item" or (chosen != "level" and self._is_item(row))
            if text and not is_item:
                style = numbering_style(text)
                if style not in styles:
                    styles.append(style or "")
                depth = styles.index(style or "")
                del stack[depth:]
                name, points = split_points(strip_numbering(text))
                node = Level(name, points, self.grid.labels[row], grid_row=None if chosen == "level" else row)
                (stack[-1].children if stack else self._top()).append(node)
                stack.append(node)
                self._opened_level(row)
            elif is_item:
                if not stack:
                    stack.append(Level("指标", None, self.grid.labels[row]))
                    self._top().append(stack[0])
                name, points = split_points(strip_numbering(text)) if text else ("", None)
                self._add_item(stack[-1], row, name, points)
            else:
                self._nothing_new(row)

    # --- after the rows ---------------------------------------------------------------------------

    def _leaves_as_items(self, levels: list[Level]) -> None:
        """A level opened by a row and left without items or levels below is that row's item (a row with a
        name but no rule, points or code is still an item)."""
        for level in levels:
            self._leaves_as_items(level.children)
            if level.children or level.items or level.grid_row is None:
                continue
            self._add_item(level, level.grid_row, points=level.points)
            self.findings.append(
                Finding(
                    "info",
                    level.row,
                    f"“{level.name}”下没有评分项，已将其作为一个评分项导入",
                    many="个指标下没有评分项，已将其作为评分项导入",
                )
            )

    def _fill_points(self, level: Level) -> None:
        """A lone item without points takes its level's; a level without points is the sum below it."""
        for child in level.children:
            self._fill_points(child)
        if len(level.items) == 1 and not level.children and level.items[0]["points"] is None and level.points:
            item = level.items[0]
            item["points"] = json_number(level.points)
            self.findings.append(
                Finding(
                    "info",
                    item["_row"],
                    f"没有单独的分值，取所属指标“{level.name}”的分值",
                    many="项没有单独的分值，取所属指标的分值",
                )
            )
        values = [c.points for c in level.children] + [
            None if i["points"] is None else Decimal(str(i["points"])) for i in level.items
        ]
        known = [v for v in values if v is not None]
        if level.points is None and values and len(known) == len(values):
            level.points = sum(known, Decimal(0))

    def build(self) -> Built:
        first = self.layout.header_rows[-1] + 1
        second = find_second_table(self.grid, first, self.header_texts, self.chosen_kinds)
        part = self._second_part(second) if second is not None else None
        second = second if part else None
        end = len(self.grid.rows) if second is None else second
        rows = self._data_rows(first, end)
        levels = self.layout.levels
        label_column = levels[0] if len(levels) == 1 else (self.layout.first("name") if not levels else None)
        numbered = (
            label_column is not None
            and sum(1 for r in rows if numbering_style(self.cell(r, label_column)) and not self._is_item(r)) >= 2
        )
        if numbered and label_column:
            self._by_numbering(rows, label_column)
        else:
            if not levels and label_column:
                self.level_columns, self.name_is_level = [label_column], True
            self._by_columns(rows)
        self._leaves_as_items(self.roots)
        for root in self.roots:
            self._fill_points(root)
        for row in range(first, end):
            self.kinds.setdefault(row, "ignore")
        built = Built(self.roots, self.findings, self.total_row, row_kinds=self.kinds)
        if second is None or part is None:
            return built
        if self.layout.title and self.layout.header_rows:  # the first table's title names its level too
            for row in range(self.layout.header_rows[0]):
                if self.layout.title in (normalise(text) for text in own_texts(self.grid, row)):
                    built.row_kinds.setdefault(row, "section")
        chosen = {row - second: kind for row, kind in self.chosen_kinds.items() if row >= second}
        number = self.table_number + 1
        later = TreeBuilder(part[0], part[1], self.known, chosen, number).build()
        return joined(self.grid, self.layout.title, built, second, part[1], later, number)

    def _second_part(self, start: int) -> tuple[Grid, Layout] | None:
        """The second table's rows and the layout its own header gives (the person's column roles kept)."""
        grid = part_from(self.grid, start)
        roles = {c.index: c.role for c in self.layout.columns if not c.guessed}
        try:
            return grid, read_layout(grid, roles)
        except ImportRefused:
            return None
