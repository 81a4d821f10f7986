"""Two assessments side by side: per item and per 一级指标 the points, the scores, the change and whether the rule
changed; the items that lost points first.

Items are matched by code, then (what is left on both sides) by how alike their names and rules read, so two
versions of one system and two different years' tables compare alike; what matches nothing is listed on its side.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from egov_desk.core.item_matching import match_items, rule_change
from egov_desk.core.points import json_number, to_json_number

if TYPE_CHECKING:
    from collections.abc import Sequence

    from egov_desk.core.indicators import Item, Node
    from egov_desk.core.scoring import ScoreSheet
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo


@dataclass(frozen=True)
class Side:
    """One of the two assessments compared."""

    assessment_id: int
    label: str
    system_id: int
    total: Decimal
    max: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment": self.assessment_id,
            "label": self.label,
            "system": self.system_id,
            "total": to_json_number(self.total),
            "max": json_number(self.max),
        }


@dataclass(frozen=True)
class ItemComparison:
    """One item in A and/or B; ``code_a``/``code_b`` is None on the side it is missing from. Scores are None
    while unscored."""

    code_a: str | None
    code_b: str | None
    name: str
    points_a: Decimal | None
    points_b: Decimal | None
    score_a: Decimal | None
    score_b: Decimal | None
    rule_change: tuple[str, ...] = ()  # which of "type", "parameters", "text" differ
    matched_by: str = ""  # "code" | "name"; "" when on one side only

    @property
    def delta(self) -> Decimal | None:
        """Score B − score A, a side without a score counting 0; None when neither is scored."""
        if self.score_a is None and self.score_b is None:
            return None
        return (self.score_b or Decimal(0)) - (self.score_a or Decimal(0))

    @property
    def lost(self) -> bool:
        """Scored on both sides, and B's score is lower: an item not (yet) scored has lost nothing."""
        return self.score_a is not None and self.score_b is not None and self.score_b < self.score_a

    @property
    def code(self) -> str:
        if self.code_a and self.code_b and self.code_a != self.code_b:
            return f"{self.code_a}→{self.code_b}"
        return self.code_b or self.code_a or ""

    def to_json(self) -> dict[str, Any]:
        return {
            "code_a": self.code_a,
            "code_b": self.code_b,
            "name": self.name,
            "points_a": json_number(self.points_a),
            "points_b": json_number(self.points_b),
            "score_a": to_json_number(self.score_a),
            "score_b": to_json_number(self.score_b),
            "delta": to_json_number(self.delta),
            "rule_changed": bool(self.rule_change),
            "rule_change": list(self.rule_change),
            "matched_by": self.matched_by,
        }


@dataclass(frozen=True)
class LevelComparison:
    """One 一级指标, matched by name."""

    name: str
    points_a: Decimal | None
    points_b: Decimal | None
    score_a: Decimal | None
    score_b: Decimal | None

    @property
    def delta(self) -> Decimal | None:
        if self.score_a is None and self.score_b is None:
            return None
        return (self.score_b or Decimal(0)) - (self.score_a or Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "points_a": json_number(self.points_a),
            "points_b": json_number(self.points_b),
            "score_a": to_json_number(self.score_a),
            "score_b": to_json_number(self.score_b),
            "delta": to_json_number(self.delta),
        }


@dataclass(frozen=True)
class Comparison:
    a: Side
    b: Side
    items: tuple[ItemComparison, ...]  # the items that lost most first; unchanged and unscored last
    levels: tuple[LevelComparison, ...]

    @property
    def only_a(self) -> list[str]:
        return [row.code_a for row in self.items if row.code_a and not row.code_b]

    @property
    def only_b(self) -> list[str]:
        return [row.code_b for row in self.items if row.code_b and not row.code_a]

    @property
    def delta(self) -> Decimal:
        return self.b.total - self.a.total

    @property
    def lost(self) -> list[ItemComparison]:
        """The items scored in both whose score fell (N 项失分), the most lost first."""
        return [row for row in self.items if row.lost]

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "delta": to_json_number(self.delta),
            "items": [row.to_json() for row in self.items],
            "levels": [row.to_json() for row in self.levels],
            "only_a": self.only_a,
            "only_b": self.only_b,
        }


def _score(sheet: ScoreSheet, item: Item | None) -> Decimal | None:
    if item is None:
        return None
    score = sheet.items.get(item.code)
    return score.points if score is not None and score.scored else None


def _level(sheet: ScoreSheet, node: Node | None) -> tuple[Decimal | None, Decimal | None]:
    if node is None:
        return None, None
    rolled = sheet.nodes.get(node.key)
    if rolled is None:
        return node.points, None
    scored = rolled.items > rolled.unscored
    return (node.points if node.points is not None else rolled.max), rolled.points if scored else None


def _levels(sheet_a: ScoreSheet, sheet_b: ScoreSheet) -> tuple[LevelComparison, ...]:
    tops_a = {node.name: node for node in sheet_a.system.tree}
    tops_b = {node.name: node for node in sheet_b.system.tree}
    names = list(tops_b) + [name for name in tops_a if name not in tops_b]
    rows = []
    for name in names:
        points_a, score_a = _level(sheet_a, tops_a.get(name))
        points_b, score_b = _level(sheet_b, tops_b.get(name))
        rows.append(LevelComparison(name, points_a, points_b, score_a, score_b))
    return tuple(rows)


def compare_sheets(a: Side, sheet_a: ScoreSheet, b: Side, sheet_b: ScoreSheet) -> Comparison:
    rows: list[ItemComparison] = []
    for item_a, item_b, how in match_items(sheet_a.system.items(), sheet_b.system.items()):
        named = item_b or item_a
        assert named is not None  # every pair has at least one side
        rows.append(
            ItemComparison(
                code_a=item_a.code if item_a else None,
                code_b=item_b.code if item_b else None,
                name=named.title,
                points_a=item_a.points if item_a else None,
                points_b=item_b.points if item_b else None,
                score_a=_score(sheet_a, item_a),
                score_b=_score(sheet_b, item_b),
                rule_change=rule_change(item_a, item_b) if item_a and item_b else (),
                matched_by=how,
            )
        )
    order = {id(row): position for position, row in enumerate(rows)}
    rows.sort(key=lambda row: (_place(row), row.delta or Decimal(0), order[id(row)]))
    return Comparison(a, b, tuple(rows), _levels(sheet_a, sheet_b))


def _place(row: ItemComparison) -> int:
    """Items scored on both sides first (those that lost points, the most lost first, then the rest by their
    change), then items scored on one side only (not scored yet is not lost), then items scored on neither."""
    if row.score_a is not None and row.score_b is not None:
        return 0
    return 1 if row.delta is not None else 2


def distinct_labels(workspace: Workspace, assessments: Sequence[AssessmentInfo]) -> dict[int, str]:
    """Each assessment's label (年 单位 标题), and where two of them read alike, each with its system's title after
    it — 2020 市教育局 自评（2020年…指标体系）— so a list, a heading or a chart never shows two equal labels."""
    counts: dict[str, int] = {}
    for info in assessments:
        counts[info.label] = counts.get(info.label, 0) + 1
    systems = {system.id: system.label for system in workspace.systems()} if len(counts) < len(assessments) else {}
    labels = {}
    for info in assessments:
        label = info.label
        if counts[label] > 1:
            title = systems.get(info.system_id, "")
            label = f"{label}（{title if len(title) <= 24 else title[:23] + '…'}）"
        labels[info.id] = label
    return labels


def compare_assessments(workspace: Workspace, a_id: int, b_id: int) -> Comparison:
    """Assessment ``a_id`` (the earlier, usually) against ``b_id``; their labels told apart when alike."""
    labels = distinct_labels(workspace, workspace.assessments())
    sides: list[tuple[Side, ScoreSheet]] = []
    for assessment_id in (a_id, b_id):
        info = workspace.assessment(assessment_id)
        sheet = workspace.scores(assessment_id)
        label = labels.get(info.id, info.label)
        sides.append((Side(info.id, label, info.system_id, sheet.total, sheet.max), sheet))
    (a, sheet_a), (b, sheet_b) = sides
    return compare_sheets(a, sheet_a, b, sheet_b)
