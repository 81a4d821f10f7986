"""Sections outside the 100: bonus (加分项), deduction (综合奖扣分) and veto (一票否决) parts of a table.

A top-level section named as bonus or deduction is marked (``"section"``, and ``"cap"`` when its name or its
row says 最高加N分 / 加分不超过N分), so it is scored outside the total; an item whose rule says 一票否决 gets
its ``"veto"``. Each special section keeps one finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from egov_desk.core.importers.findings import Finding
from egov_desk.core.points import json_number
from egov_desk.core.rules.reader_text import NUM, normalise, number
from egov_desk.core.rules.reader_tiers import veto

SPECIAL_SECTION = re.compile(r"加分|扣分|倒扣|否决")
_BONUS = re.compile(r"加分")
_DEDUCTION = re.compile(r"扣分|倒扣")
_CAP = re.compile(rf"最(?:高|多)(?:加|扣)(?:分)?\s*{NUM}\s*分|(?:加|扣)分(?:不超过|最高|上限为?|封顶)\s*{NUM}\s*分")
_SAID = {"bonus": "加分项", "deduction": "扣分项"}


def special_sections(tree: list[dict[str, Any]], rows: dict[int, str]) -> tuple[list[dict[str, Any]], list[Finding]]:
    """The top-level sections whose points sit outside the total (marked), and a finding for each; items whose
    rule says 一票否决 get their veto."""
    for item in _items(tree):
        found = veto(normalise(str(item.get("rule") or "")))
        if found and "veto" not in item:
            item["veto"] = found
    special = [node for node in tree if SPECIAL_SECTION.search(node["name"])]
    findings = [_mark(node, rows.get(id(node), "")) for node in special]
    return special, findings


def _mark(node: dict[str, Any], row: str) -> Finding:
    kind = "bonus" if _BONUS.search(node["name"]) else "deduction" if _DEDUCTION.search(node["name"]) else ""
    if not kind:
        return Finding("info", row, f"“{node['name']}”是否决部分，其分值不计入总分合计；请核对其计分方式")
    node["section"] = kind
    cap = _cap(node)
    if cap is not None:
        node["cap"] = cap
    limit = f"，最多 {cap} 分" if cap is not None else ""
    return Finding(
        "info",
        row,
        f"“{node['name']}”作为{_SAID[kind]}计在总分之外{limit}（总分 = 基础分 + 加分 − 扣分）；请核对其计分方式",
    )


def _cap(node: dict[str, Any]) -> int | float | None:
    """The section's cap as its own row says it (加分项（最高加5分）); an item's 最高 is that item's own."""
    found = _CAP.search(normalise(node["name"]))
    return json_number(number(next(g for g in found.groups() if g))) if found else None


def _items(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield from node.get("items") or []
        yield from _items(node.get("children") or [])
