"""Build the indicator tree from the data rows of a table whose layout is known.

Levels come from level columns — a merged cell spans its children, a repeated or blank cell (fill-down) means
"same as above" — or, when a single column holds every level, from numbering (一、/（一）/1./（1）). A table
with no level column groups its items by its name column (评估内容 over 评估要点).
Each row with a rule, a code or item points is a scoring item under the deepest level of its row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from egov_desk.core.importers.findings import Finding
from egov_desk.core.importers.grid import Grid
from egov_desk.core.importers.headers import normalise
from egov_desk.core.importers.labels import (
    numbering_style,
    read_points,
    split_departments,
    split_evidence_and_departments,
    split_points,
    strip_numbering,
)
from egov_desk.core.importers.options import RowKind
from egov_desk.core.importers.table import Column, Layout
from egov_desk.core.points import json_number

_FOOTER = re.compile(r"^(合计|总计|总分|小计|共计)")
_NOTE = re.compile(r"^(备注|注|说明)\s*[:：]")


@dataclass
class Level:
    name: str
    points: Decimal | None
    row: str  # where it was first seen
    children: list[Level] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    origin: tuple[int, int] | None = None  # the merged cell it came from

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "points": json_number(self.points)}
        if self.children:
            data["children"] = [child.to_json() for child in self.children]
        if self.items:
            data["items"] = self.items
        return data


@dataclass
class Built:
    roots: list[Level]
    findings: list[Finding]
    total_row: Decimal | None = None  # the 合计 row's points, when there is one
    item_rows: dict[str, str] = field(default_factory=dict)  # item position → row label, for findings
    row_kinds: dict[int, RowKind] = field(default_factory=dict)  # grid row → what it was read as (the wizard shows it)


class TreeBuilder:
    def __init__(
        self,
        grid: Grid,
        layout: Layout,
        known_departments: set[str],
        row_kinds: Mapping[int, RowKind] | None = None,
    ) -> None:
        self.grid = grid
        self.chosen_kinds = dict(row_kinds or {})  # what the person said rows are (grid row → kind)
        self.layout = layout
        self.known = known_departments
        self.findings: list[Finding] = []
        self.roots: list[Level] = []
        self.total_row: Decimal | None = None
        self.header_texts = [grid.row_texts(r) for r in layout.header_rows]
        self.level_columns = layout.levels
        self.merged_levels = False
        self.name_is_level = False  # no level columns: the name column groups the items (评估内容 → 评估要点)

    def cell(self, row: int, column: Column | None) -> str:
        return self.grid.text(row, column.index).strip() if column else ""

    # --- which rows are data ----------------------------------------------------------------------

    def _skip(self, row: int) -> bool:
        texts = self.grid.row_texts(row)
        filled = [t for t in texts if t.strip()]
        if not filled:
            return True
        if texts in self.header_texts:
            self.findings.append(
                Finding("info", self.grid.labels[row], "重复的表头行，已跳过", many="个重复的表头行，已跳过")
            )
            return True
        first = normalise(filled[0])
        if _FOOTER.match(first):
            numbers = [p for t in filled if (p := read_points(t)) is not None]
            if numbers:
                self.total_row = numbers[-1]
            label = self.grid.labels[row]
            self.findings.append(
                Finding("info", label, f"合计行（{first[:10]}），不作为评分项", many="个合计行，不作为评分项")
            )
            return True
        if _NOTE.match(first):
            self.findings.append(
                Finding("info", self.grid.labels[row], "表注，不作为评分项", many="行表注，不作为评分项")
            )
            return True
        return False

    def _is_item(self, row: int) -> bool:
        layout = self.layout
        return any(
            self.cell(row, c)
            for c in (layout.first("rule"), layout.first("code"), layout.item_points, layout.first("evidence"))
            if c
        )

    # --- items ------------------------------------------------------------------------------------

    def _item(self, row: int, name: str = "", label_points: Decimal | None = None) -> dict[str, Any]:
        layout = self.layout
        points = None
        raw_points = self.cell(row, layout.item_points)
        if raw_points:
            points = read_points(raw_points)
            if points is None:
                label = self.grid.labels[row]
                self.findings.append(Finding("warning", label, f"分值“{raw_points}”不是数字", many="项分值不是数字"))
        if points is None:
            points = label_points
        if layout.first("name") and not self.name_is_level:
            name_text, name_points = split_points(self.cell(row, layout.first("name")))
            name = name_text or name
            points = points if points is not None else name_points
        evidence_column = layout.first("evidence")
        evidence = self.cell(row, evidence_column)
        named: list[str] = []
        if evidence_column and evidence_column.also == "lead":  # 佐证材料及责任科室: evidence lines, then names
            evidence, named = split_evidence_and_departments(evidence, self.known)
        lead_names = split_departments(self.cell(row, layout.first("lead")), self.known)
        lead_names += [department for department in named if department not in lead_names]
        cooperating = split_departments(self.cell(row, layout.first("cooperating")), self.known)
        item: dict[str, Any] = {
            "code": normalise(self.cell(row, layout.first("code"))),
            "points": json_number(points),
            "rule": self.cell(row, layout.first("rule")),
            "evidence": evidence,
            "lead": lead_names[0] if lead_names else "",
            "cooperating": [n for n in lead_names[1:] + cooperating if n not in lead_names[:1]],
        }
        if name:
            item["name"] = name
        extras = {c.header: self.cell(row, c) for c in layout.of("extra") if self.cell(row, c)}
        extras |= {
            c.header: self.cell(row, c)
            for c in layout.of("rule")[1:] + layout.of("code")[1:] + layout.of("evidence")[1:] + layout.of("name")[1:]
            if self.cell(row, c)
        }
        if extras:
            item["columns"] = extras
        item["_row"] = self.grid.labels[row]
        return item

    # --- levels from level columns ----------------------------------------------------------------

    def _by_columns(self, rows: list[int]) -> None:
        levels = self.level_columns
        self.merged_levels = any(
            self.grid.rows[r][c.index].is_continuation(r, c.index)
            for c in levels
            for r in range(self.layout.header_rows[-1] + 1, len(self.grid.rows))
        )
        previous: list[Level] = []  # the levels of the row above
        for row in rows:
            path: list[Level] = []
            for depth, column in enumerate(levels):
                cell = self.grid.rows[row][column.index]
                text = cell.text.strip()
                above = previous[depth] if depth < len(previous) else None
                same_parent = above is not None and (depth == 0 or previous[depth - 1] is path[-1])
                if (
                    above
                    and same_parent
                    and (
                        (cell.is_continuation(row, column.index) and cell.origin == above.origin)
                        or (text and split_points(text)[0] == above.name and not self.merged_levels)
                        or (not text and not self.merged_levels)
                    )
                ):
                    node = above
                elif text:
                    node = self._level(row, column, cell.origin)
                    (path[-1].children if path else self.roots).append(node)
                else:
                    break
                path.append(node)
            if not path:
                label = self.grid.labels[row]
                self.findings.append(
                    Finding("warning", label, "此行没有所属指标，已跳过", many="行没有所属指标，已跳过")
                )
                continue
            previous = path
            if self._is_item(row):
                path[-1].items.append(self._item(row))

    def _level(self, row: int, column: Column, origin: tuple[int, int]) -> Level:
        name, points = split_points(self.cell(row, column))
        attached = next((c for c in self.layout.of("points") if c.points_of == column.level), None)
        if attached and read_points(self.cell(row, attached)) is not None:
            points = read_points(self.cell(row, attached))
        return Level(name, points, self.grid.labels[row], origin=origin)

    # --- levels from numbering in one column ------------------------------------------------------

    def _by_numbering(self, rows: list[int], column: Column) -> None:
        styles: list[str] = []
        stack: list[Level] = []
        for row in rows:
            text = self.cell(row, column)
            style = numbering_style(text) if text else None
            if text and not self._is_item(row):
                if style not in styles:
                    styles.append(style or "")
                depth = styles.index(style or "")
                del stack[depth:]
                name, points = split_points(strip_numbering(text))
                node = Level(name, points, self.grid.labels[row])
                (stack[-1].children if stack else self.roots).append(node)
                stack.append(node)
            elif self._is_item(row):
                if not stack:
                    stack.append(Level("指标", None, self.grid.labels[row]))
                    self.roots.append(stack[0])
                name, points = split_points(strip_numbering(text)) if text else ("", None)
                stack[-1].items.append(self._item(row, name, points))

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
        rows = [r for r in range(first, len(self.grid.rows)) if not self._skip(r)]
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
        for root in self.roots:
            self._fill_points(root)
        return Built(self.roots, self.findings, self.total_row)
