"""What an import found: each finding tied to the row(s) it is about, one finding per kind.

A finding about one row names that row; the same finding about several rows is given once, with the rows
listed and runs compressed ("23 项没有分值：指标 第9–31行"), so a long table's findings stay readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from egov_desk.core.points import compact, to_points

SEVERITIES = ("error", "warning", "info")


_ROW_LABEL = re.compile(r"^(.*?)\s*第(\d+)行$")


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" stops the import until fixed or accepted; "warning" and "info" do not
    row: str  # "表1 第5行", "Sheet1 第12行", or "" for the whole table or several rows (then see ``rows``)
    message: str
    code: str | None = None  # the item it concerns
    rows: tuple[str, ...] = ()  # a finding about several rows: each of them, in table order
    many: str = ""  # how the same finding reads for several rows, after their count: "项没有分值"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"severity": self.severity, "row": self.row, "message": self.message}
        if self.code:
            data["code"] = self.code
        if self.rows:
            data["rows"] = list(self.rows)
        return data


def places(labels: list[str] | tuple[str, ...]) -> str:
    """Row labels in a few words: ["指标 第9行", …, "指标 第31行"] → "指标 第9–31行"; gaps and other
    tables or sheets listed ("表1 第3、5–7行；表2 第2行"). Labels not of the form "… 第N行" are kept as they are."""
    parts: list[tuple[str, list[list[int]]]] = []  # (table or sheet, runs of row numbers)
    loose: list[str] = []
    for label in labels:
        match = _ROW_LABEL.match(label)
        if not match:
            if label and label not in loose:
                loose.append(label)
            continue
        prefix, number = match.group(1), int(match.group(2))
        if not parts or parts[-1][0] != prefix:
            parts.append((prefix, [[number, number]]))
            continue
        runs = parts[-1][1]
        if number == runs[-1][1] + 1:
            runs[-1][1] = number
        elif number > runs[-1][1]:
            runs.append([number, number])
    shown = []
    for prefix, runs in parts:
        numbers = "、".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
        shown.append(f"{prefix} 第{numbers}行".strip())
    return "；".join(shown + loose)


def grouped(findings: list[Finding]) -> list[Finding]:
    """The same finding about several rows (same severity and ``many``) given once, where it first occurs,
    with its rows listed; a finding about one row stays as it is."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.many:
            groups.setdefault((finding.severity, finding.many), []).append(finding)
    out = []
    for finding in findings:
        group = groups.get((finding.severity, finding.many), []) if finding.many else []
        if len(group) < 2:
            out.append(finding)
        elif finding is group[0]:
            rows = tuple(f.row for f in group)
            out.append(Finding(finding.severity, "", f"{len(group)} {finding.many}：{places(rows)}", rows=rows))
    return out


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
    findings += _repeated_codes(items)
    new_departments: list[str] = []
    for item in items:
        code, row = item["code"], item.get("_row", "")
        if item.get("points") is None and not pass_fail:
            findings.append(Finding("warning", row, f"{code} 没有分值", code, many="项没有分值"))
        if not item.get("rule"):
            findings.append(Finding("warning", row, f"{code} 没有评分细则", code, many="项没有评分细则"))
        for name in [item.get("lead", ""), *item.get("cooperating", [])]:
            if name and name not in known_departments and name not in new_departments:
                new_departments.append(name)
                findings.append(Finding("info", row, f"新出现的科室：{name}", code))
    return findings


def _repeated_codes(items: list[dict[str, Any]]) -> list[Finding]:
    """One error for all repeated codes, each with the rows it is on (one code repeated: that code's error)."""
    rows: dict[str, list[str]] = {}
    for item in items:
        rows.setdefault(item["code"], []).append(item.get("_row", ""))
    repeated = {code: where for code, where in rows.items() if len(where) > 1}
    if not repeated:
        return []
    if len(repeated) == 1:
        code, where = next(iter(repeated.items()))
        return [Finding("error", "", f"编号 {code} 重复（共 {len(where)} 处）：{places(where)}", code, tuple(where))]
    listed = "；".join(f"{code}（{places(where)}）" for code, where in repeated.items())
    every = tuple(row for where in repeated.values() for row in where)
    return [Finding("error", "", f"{len(repeated)} 个编号重复：{listed}", rows=every)]


def all_items(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every item of an interchange tree, in table order."""
    found = []
    for node in nodes:
        found.extend(all_items(node.get("children", [])))
        found.extend(node.get("items", []))
    return found


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]
