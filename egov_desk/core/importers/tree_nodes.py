"""The indicator tree as the importer builds it: levels holding levels and items, and what was built."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from egov_desk.core.importers.findings import Finding
from egov_desk.core.importers.options import RowKind
from egov_desk.core.points import json_number


@dataclass
class Level:
    name: str
    points: Decimal | None
    row: str  # where it was first seen
    children: list[Level] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    origin: tuple[int, int] | None = None  # the merged cell it came from
    grid_row: int | None = None  # the row that opened it, when left without items it is that row's item

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
    tables: int = 1  # 2 when a second table on the sheet was read into its own top-level level
    later_headers: tuple[int, ...] = ()  # the header rows of a second table on the sheet (grid rows)
