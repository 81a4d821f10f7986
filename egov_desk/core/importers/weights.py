"""Weighted tables and per-department sub-totals, as an import reads them (the model: a level's ``weight`` and
``scale``, scored in core/scoring.py).

- Weighted levels: level-1 points (a 权重 column, "（权重50%）" in the label) adding up to 100 while the parts
  under every level-1 add up to the same S (100): each level-1 gets ``weight`` = its points and ``scale`` = S and
  no points of its own, so the total is Σ sum × W / S out of Σ W. One finding says so.
- Department sub-totals: a 责任科室 column left of the levels groups the rows by department; departments whose
  parts each add up to the same S (60) with no weights given are named in one finding saying how to weight them
  in the editor — no weight is guessed.
- Percent points: a 权重 of "30%" is read as 30 points (labels.read_points); one finding says so, a warning when
  the percentages do not add up to 100%.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from egov_desk.core.importers.findings import Finding, all_items, places
from egov_desk.core.importers.grid import Grid
from egov_desk.core.importers.labels import is_department, read_points, to_number
from egov_desk.core.importers.options import RowKind
from egov_desk.core.importers.table import Layout
from egov_desk.core.points import compact, json_number, to_points

Node = dict[str, Any]

_NUM = r"([0-9０-９]+(?:[.．][0-9０-９]+)?)"
# "业务工作（权重50%）", "业务工作(权重：50%)", "业务工作（权重占比为50）", "业务工作 权重50%"
_LABEL_WEIGHT = re.compile(
    rf"\s*[（(]\s*(?:权重|占比|权重占比)\s*(?:为|[:：])?\s*{_NUM}\s*[%％]?\s*[)）]\s*$"
    rf"|\s+(?:权重|占比)\s*(?:为|[:：])?\s*{_NUM}\s*[%％]\s*$"
)
_PERCENT = re.compile(r"^\s*[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]\s*$")
EDITOR = "“编辑指标体系”中选中该级，修改其“权重”和“下级合计满分（折算基数）”"


def weighting(
    tree: list[Node],
    rows: dict[int, str],
    special: list[Node],
    grid: Grid,
    layout: Layout,
    row_kinds: Mapping[int, RowKind],
    known_departments: set[str] | frozenset[str] = frozenset(),
) -> list[Finding]:
    """Read the table's weighting into ``tree`` (changed in place; ``rows`` maps id(node) → row label and gets
    the rows of levels made here) and say what was read. ``special`` are the sections outside the total."""
    findings: list[Finding] = []
    departments = _group_by_department(tree, rows, special, layout)
    top = [node for node in tree if not any(node is s for s in special)]
    labelled = {id(node): weight for node in top if (weight := _label_weight(node["name"])) is not None}
    scale = _weighted_levels(top, labelled)
    if scale is not None:
        findings.append(_weighted_finding(top, rows, scale))
    elif labelled:
        findings.append(_weights_not_used(top, rows, labelled))
    elif departments or all(_names_a_department(node, known_departments) for node in top):
        findings += _department_totals(top, rows)
    percent = _percent_points(grid, layout, row_kinds, per_level=len(top) if scale == 100 else 1)
    return findings + ([percent] if percent else [])


def _points(value: object) -> Decimal | None:
    return None if value is None else to_points(value)


def _parts_sum(node: Node) -> Decimal | None:
    """What the parts directly under a level add up to; None when one has no points."""
    parts = [_points(part.get("points")) for part in (*node.get("children", []), *node.get("items", []))]
    if not parts or any(part is None for part in parts):
        return None
    return sum((part for part in parts if part is not None), Decimal(0))


def _label_weight(name: str) -> Decimal | None:
    found = _LABEL_WEIGHT.search(name)
    return to_number(next(g for g in found.groups() if g)) if found else None


# --- weighted level-1 ---------------------------------------------------------------------------------


def _weighted_levels(top: list[Node], labelled: dict[int, Decimal]) -> Decimal | None:
    """Weight the level-1 levels when their points (or label weights) add up to 100 while the parts of each add
    up to the same S; returns S, or None when the table is not weighted."""
    if len(top) < 2:
        return None
    weights = [labelled.get(id(node), _points(node.get("points"))) for node in top]
    sums = {_parts_sum(node) for node in top}
    if None in weights or None in sums or len(sums) != 1:
        return None
    scale = sums.pop()
    known = [weight for weight in weights if weight is not None]
    if scale is None or scale <= 0 or sum(known, Decimal(0)) != 100 or all(w == scale for w in known):
        return None
    for node, weight in zip(top, known, strict=True):
        found = _LABEL_WEIGHT.search(node["name"])
        name = node["name"][: found.start()].strip() if found else node["name"]
        rest = {key: value for key, value in node.items() if key not in ("name", "points", "weight", "scale")}
        node.clear()  # the same dict, re-filled in the interchange's key order (rows and sections hold it)
        node.update(name=name, points=None, weight=json_number(weight), scale=json_number(scale), **rest)
    return scale


def _weighted_finding(top: list[Node], rows: dict[int, str], scale: Decimal) -> Finding:
    weights = "/".join(f"{compact(to_points(node['weight']))}%" for node in top)
    where = tuple(rows.get(id(node), "") for node in top)
    return Finding(
        "info",
        "",
        f"一级指标按权重计分：各一级指标内按 {compact(scale)} 分计，乘权重 {weights} 计入总分"
        f"（得分 = 一级指标内得分 × 权重 ÷ {compact(scale)}）；如不对，可在{EDITOR}：{places(where)}",
        rows=where,
    )


def _weights_not_used(top: list[Node], rows: dict[int, str], labelled: dict[int, Decimal]) -> Finding:
    sums = "、".join(
        f"{node['name']} {compact(found)}" if (found := _parts_sum(node)) is not None else f"{node['name']} 未知"
        for node in top
    )
    where = tuple(rows.get(id(node), "") for node in top if id(node) in labelled)
    return Finding(
        "warning",
        "",
        f"一级指标写有权重，但权重合计不是 100 或各一级指标的下级合计不同（{sums}），未按权重计分；"
        f"请核对分值，或在{EDITOR}：{places(where)}",
        rows=where,
    )


# --- departments --------------------------------------------------------------------------------------


def _names_a_department(node: Node, known: set[str] | frozenset[str]) -> bool:
    leads = {item.get("lead") for item in all_items([node])}
    return leads == {node["name"]} or is_department(node["name"], set(known))


def _group_by_department(tree: list[Node], rows: dict[int, str], special: list[Node], layout: Layout) -> bool:
    """A 责任科室 column left of every level and name column is the outermost level: when each department's
    parts add up to the same sub-total (not to 100 together), the rows are grouped under their departments."""
    lead = layout.first("lead")
    inner = [column.index for column in layout.columns if column.role in ("level", "name")]
    if lead is None or not inner or lead.index > min(inner):
        return False
    groups: dict[str, list[Node]] = {}
    department = ""
    for node in tree:
        if any(node is s for s in special):
            continue
        leads = {item.get("lead") or "" for item in all_items([node])} - {""}
        if len(leads) > 1 or not (leads or department):
            return False
        department = leads.pop() if leads else department  # a blank department cell: the one above
        groups.setdefault(department, []).append(node)
    sums = {sum_ for nodes in groups.values() if (sum_ := _sum_of(nodes)) is not None}
    if len(groups) < 2 or len(sums) != 1 or any(_sum_of(nodes) is None for nodes in groups.values()):
        return False
    scale = sums.pop()
    if scale * len(groups) == 100:
        return False
    grouped: list[Node] = []
    for node in tree:
        if any(node is s for s in special):
            grouped.append(node)
            continue
        name = next(name for name, nodes in groups.items() if any(node is n for n in nodes))
        if any(level["name"] == name for level in grouped):
            continue
        level = {"name": name, "points": json_number(scale), "children": groups[name]}
        rows[id(level)] = rows.get(id(node), "")
        grouped.append(level)
        for item in all_items(groups[name]):
            item["lead"] = item.get("lead") or name
    tree[:] = grouped
    return True


def _sum_of(nodes: list[Node]) -> Decimal | None:
    values = [_points(node.get("points")) for node in nodes]
    return None if any(v is None for v in values) else sum((v for v in values if v is not None), Decimal(0))


def _department_totals(top: list[Node], rows: dict[int, str]) -> list[Finding]:
    """Departments each scored out of their own S: one finding naming them, no weight guessed."""
    sums = [_points(node.get("points")) for node in top]
    if len(top) < 2 or any(s is None for s in sums) or len(set(sums)) != 1:
        return []
    scale = sums[0]
    assert scale is not None
    if scale * len(top) == 100:
        return []
    named = "、".join(f"{node['name']} {compact(scale)} 分" for node in top)
    where = tuple(rows.get(id(node), "") for node in top)
    return [
        Finding(
            "info",
            "",
            f"按科室分别计分：{named}（合计 {compact(scale * len(top))} 分）；表中没有给出各科室的权重，未作折算。"
            "如需按权重计入总分，请在“编辑指标体系”中选中各科室这一级，填写“权重”，"
            f"“下级合计满分（折算基数）”填 {compact(scale)}：{places(where)}",
            rows=where,
        )
    ]


# --- percent points -----------------------------------------------------------------------------------


def _percent_points(grid: Grid, layout: Layout, row_kinds: Mapping[int, RowKind], per_level: int) -> Finding | None:
    """Items' points given as percentages ("30%") are read as that many points: said once, a warning unless they
    add up to 100% (or to 100% inside each of ``per_level`` weighted levels)."""
    column = layout.item_points
    if column is None:
        return None
    texts = [(row, grid.text(row, column.index).strip()) for row, kind in sorted(row_kinds.items()) if kind == "item"]
    given = [(row, text) for row, text in texts if text]
    percents = [(row, text) for row, text in given if _PERCENT.match(text)]
    if not percents:
        return None
    where = tuple(grid.labels[row] for row, _ in percents)
    total = sum((read_points(text) or Decimal(0) for _, text in percents), Decimal(0))
    example = f"{percents[0][1]} 即 {compact(read_points(percents[0][1]) or Decimal(0))} 分"
    if len(percents) == len(given) and total == 100 * per_level:
        said = "合计 100%" if per_level == 1 else "各一级指标内合计 100%"
        message = f"{len(percents)} 项分值以百分比（权重）给出，按百分数读作分（{example}，{said}）：{places(where)}"
        return Finding("info", "", message, rows=where)
    return Finding(
        "warning",
        "",
        f"{len(percents)} 项分值以百分比给出，已按百分数读作分（{example}），但合计 {compact(total)}%，"
        f"不是 100%（或另有分值不是百分比）：请核对各项分值：{places(where)}",
        rows=where,
    )
