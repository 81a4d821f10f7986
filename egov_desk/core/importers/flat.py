"""A flat table: one label column whose every row is a different indicator holding one scoring item (a KPI sheet,
a threshold sheet). Each label is then the item's name, not a level of its own: the items stand under one level
named by the table's title (or, on a sheet of two tables, under each table's own), instead of as many one-item
levels, each item titled by a piece of its rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from egov_desk.core.importers.findings import Finding, places
from egov_desk.core.points import json_number

Node = dict[str, Any]


def _one_item_leaves(nodes: list[Node]) -> bool:
    return len(nodes) >= 2 and all(
        not node.get("children") and len(node.get("items") or []) == 1 and not node["items"][0].get("name")
        for node in nodes
    )


def _items_named(nodes: list[Node]) -> list[dict[str, Any]]:
    items = []
    for node in nodes:
        item = node["items"][0]
        item["name"] = node["name"]
        if item.get("points") is None and node.get("points") is not None:
            item["points"] = node["points"]
        items.append(item)
    return items


def _sum(items: list[dict[str, Any]]) -> Any:
    values = [item.get("points") for item in items]
    if any(value is None for value in values):
        return None
    return json_number(sum((Decimal(str(value)) for value in values), Decimal(0)))


def named_items(tree: list[Node], rows: dict[int, str], title: str) -> list[Finding]:
    """Make ``tree`` (changed in place) hold named items where its levels are one-item rows; ``rows`` (node id →
    row label) gets the new level's. One finding listing the rows, or none when nothing changed."""
    if _one_item_leaves(tree):
        shown = tuple(rows.get(id(node), "") for node in tree)
        items = _items_named(tree)
        holder: Node = {"name": title or "评分项", "points": _sum(items), "items": items}
        rows[id(holder)] = shown[0]
        tree[:] = [holder]
        return [_finding(len(items), holder["name"], shown)]
    findings = []
    for table in tree:  # a sheet of two tables: each table's rows under its own title
        children = table.get("children") or []
        if table.get("items") or not _one_item_leaves(children):
            continue
        shown = tuple(rows.get(id(node), "") for node in children)
        table["items"] = _items_named(children)
        del table["children"]
        findings.append(_finding(len(children), table["name"], shown))
    return findings


def _finding(count: int, holder: str, shown: tuple[str, ...]) -> Finding:
    message = f"{count} 个指标各只有一个评分项，已作为评分项的名称，列在“{holder}”下：{places(shown)}"
    return Finding("info", "", message, rows=shown)
