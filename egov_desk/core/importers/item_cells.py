"""One scoring item from its row: code, points, name, rule, evidence, lead and cooperating departments, and the
texts of the columns kept as they are."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from egov_desk.core.importers.findings import Finding
from egov_desk.core.importers.grid import Grid
from egov_desk.core.importers.headers import normalise
from egov_desk.core.importers.labels import read_points, split_departments, split_evidence_and_departments, split_points
from egov_desk.core.importers.table import Column, Layout
from egov_desk.core.points import json_number


def cell(grid: Grid, row: int, column: Column | None) -> str:
    return grid.text(row, column.index).strip() if column else ""


def own_cell(grid: Grid, row: int, column: Column | None) -> str:
    """The cell's text when the cell starts on this row (not merged down from a row above)."""
    if column is None or column.index >= len(grid.rows[row]):
        return ""
    found = grid.rows[row][column.index]
    return found.text.strip() if found.origin[0] == row else ""


def read_item(
    grid: Grid,
    layout: Layout,
    row: int,
    known: set[str],
    findings: list[Finding],
    name: str = "",
    label_points: Decimal | None = None,
    name_is_level: bool = False,
) -> dict[str, Any]:
    points = None
    raw_points = cell(grid, row, layout.item_points)
    if raw_points:
        points = read_points(raw_points)
        if points is None:
            label = grid.labels[row]
            findings.append(Finding("warning", label, f"分值“{raw_points}”不是数字", many="项分值不是数字"))
    if points is None:
        points = label_points
    if layout.first("name") and not name_is_level:
        name_text, name_points = split_points(cell(grid, row, layout.first("name")))
        name = name_text or name
        points = points if points is not None else name_points
    evidence_column = layout.first("evidence")
    evidence = cell(grid, row, evidence_column)
    named: list[str] = []
    if evidence_column and evidence_column.also == "lead":  # 佐证材料及责任科室: evidence lines, then names
        evidence, named = split_evidence_and_departments(evidence, known)
    lead_names = split_departments(cell(grid, row, layout.first("lead")), known)
    lead_names += [department for department in named if department not in lead_names]
    cooperating = split_departments(cell(grid, row, layout.first("cooperating")), known)
    item: dict[str, Any] = {
        "code": normalise(cell(grid, row, layout.first("code"))),
        "points": json_number(points),
        "rule": cell(grid, row, layout.first("rule")),
        "evidence": evidence,
        "lead": lead_names[0] if lead_names else "",
        "cooperating": [n for n in lead_names[1:] + cooperating if n not in lead_names[:1]],
    }
    if name:
        item["name"] = name
    extras = {c.header: cell(grid, row, c) for c in layout.of("extra") if cell(grid, row, c)}
    extras |= {
        c.header: cell(grid, row, c)
        for role in ("rule", "code", "evidence", "name")
        for c in layout.of(role)[1:]
        if cell(grid, row, c)
    }
    if extras:
        item["columns"] = extras
    item["_row"] = grid.labels[row]
    return item
