"""What an import found: each finding tied to the row it is about."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from egov_desk.core.points import compact, to_points

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" stops the import until fixed or accepted; "warning" and "info" do not
    row: str  # "表1 第5行", "Sheet1 第12行", or "" for the whole table
    message: str
    code: str | None = None  # the item it concerns

    def to_json(self) -> dict[str, Any]:
        data = {"severity": self.severity, "row": self.row, "message": self.message}
        if self.code:
            data["code"] = self.code
        return data


def _points(value: object) -> Decimal | None:
    return None if value is None else to_points(value)


def _check_node(node: dict[str, Any], kind: str, findings: list[Finding], rows: dict[int, str]) -> None:
    parts = [*node.get("children", []), *node.get("items", [])]
    own = _points(node.get("points"))
    values = [_points(p.get("points")) for p in parts]
    known = [v for v in values if v is not None]
    if own is not None and parts and len(known) == len(values):
        total = sum(known, Decimal(0))
        if total != own:
            findings.append(
                Finding(
                    "warning",
                    rows.get(id(node), ""),
                    f"{kind}“{node['name']}”分值 {compact(own)}，下级合计 {compact(total)}",
                )
            )
    for child in node.get("children", []):
        _check_node(child, "下级指标", findings, rows)


def check_system(
    data: dict[str, Any], known_departments: set[str], rows: dict[int, str], pass_fail: bool
) -> list[Finding]:
    """Sums, totals, codes, missing points or rules, new departments. ``rows`` maps id(node) → row label."""
    findings: list[Finding] = []
    for root in data["tree"]:
        _check_node(root, "一级指标", findings, rows)
    roots = [_points(r.get("points")) for r in data["tree"] if not re.search(r"加分|扣分|倒扣|否决", r["name"])]
    known = [p for p in roots if p is not None]
    if not pass_fail and len(known) == len(roots):
        total = sum(known, Decimal(0))
        if total != 100:
            findings.append(Finding("warning", "", f"一级指标合计 {compact(total)} 分，不是 100 分"))
    items = all_items(data["tree"])
    counts = Counter(item["code"] for item in items)
    new_departments: list[str] = []
    for item in items:
        code, row = item["code"], item.get("_row", "")
        if counts[code] > 1:
            findings.append(Finding("error", row, f"编号 {code} 重复（共 {counts[code]} 处）", code))
        if item.get("points") is None and not pass_fail:
            findings.append(Finding("warning", row, f"{code} 没有分值", code))
        if not item.get("rule"):
            findings.append(Finding("warning", row, f"{code} 没有评分细则", code))
        for name in [item.get("lead", ""), *item.get("cooperating", [])]:
            if name and name not in known_departments and name not in new_departments:
                new_departments.append(name)
                findings.append(Finding("info", row, f"新出现的科室：{name}", code))
    return findings


def all_items(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every item of an interchange tree, in table order."""
    found = []
    for node in nodes:
        found.extend(all_items(node.get("children", [])))
        found.extend(node.get("items", []))
    return found


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]
