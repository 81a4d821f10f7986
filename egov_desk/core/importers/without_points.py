"""Tables without points: pass/fail self-assessment sheets and threshold tables are systems of pass_fail items.

A self-assessment sheet has a column per judgement (合格 | 基本合格 | 不合格) where the unit ticks one; a threshold
table ("小学>=4.2人") has no points anywhere. Neither is refused: each item is judged on the table's levels.
"""

from __future__ import annotations

from typing import Any

from egov_desk.core.importers.findings import Finding, places
from egov_desk.core.importers.headers import normalise
from egov_desk.core.importers.table import Column, Layout
from egov_desk.core.rules.reader import Proposal

# Judgement column headers, best first within each scale.
JUDGEMENTS = (
    ("优秀", "良好", "合格", "基本合格", "不合格"),
    ("达标", "基本达标", "未达标", "不达标"),
    ("符合", "基本符合", "不符合"),
    ("好", "较好", "一般", "较差", "差"),
)
DEFAULT_LEVELS = ("合格", "不合格")


def _judgement(column: Column) -> str:
    """The judgement a column's header names ("评估结论/合格" → "合格"), or ""."""
    if column.role not in ("extra", "ignore"):
        return ""
    last = normalise(column.header.rsplit("/", 1)[-1])
    return last if any(last in scale for scale in JUDGEMENTS) else ""


def judgement_columns(layout: Layout) -> list[Column]:
    """The columns a unit ticks to judge each row (two or more of one scale), in table order."""
    found = [column for column in layout.columns if _judgement(column)]
    return found if len(found) >= 2 else []


def _has_points(nodes: list[dict[str, Any]]) -> bool:
    return any(
        node.get("points") is not None
        or any(item.get("points") is not None for item in node.get("items", []))
        or _has_points(node.get("children", []))
        for node in nodes
    )


def _scores_nothing(rule: dict[str, Any]) -> bool:
    return rule["type"] == "pass_fail" or (rule["type"] in ("manual", "external") and not rule.get("max"))


def pass_fail_levels(layout: Layout, tree: list[dict[str, Any]], total_row: object) -> tuple[str, ...] | None:
    """The levels every item is judged on when the table gives no points, else None (a scored table)."""
    columns = judgement_columns(layout)
    if columns:
        return tuple(_judgement(column) for column in columns)
    if layout.item_points is None and total_row is None and not _has_points(tree):
        return DEFAULT_LEVELS
    return None


def judged(proposal: Proposal, levels: tuple[str, ...], from_columns: bool) -> Proposal:
    """An item's proposal in a table without points: pass_fail on the table's levels, unless its rule itself
    gives points (then the reader's reading stands)."""
    if not _scores_nothing(proposal.rule):
        return proposal
    if proposal.rule["type"] == "pass_fail" and not from_columns:
        return proposal  # the rule names its own levels ("达到…为合格")
    return Proposal({"type": "pass_fail", "levels": list(levels)}, 0.8 if from_columns else 0.6)


def finding(items: list[dict[str, Any]], levels: tuple[str, ...], from_columns: bool) -> Finding:
    """One finding saying the ``items`` were read as pass/fail, and why."""
    rows = tuple(item.get("_row", "") for item in items)
    why = "有“" + "”“".join(levels) + "”列" if from_columns else "表中未列分值"
    message = f"{why}：{len(rows)} 项按合格评定导入（{' / '.join(levels)}），不计分"
    if len(rows) > 1:
        return Finding("info", "", f"{message}：{places(rows)}", rows=rows)
    return Finding("info", rows[0] if rows else "", message)
