"""Scores: items from their inputs, then the roll-up through every level to the total.

An item's score is its rule's value clamped to 0..分值; an item with no input is *unscored* (counted as 0 and
reported as such). A level's score is the sum of its children clamped to its own 分值; the total is the sum
of the level-1 scores clamped to the system's total. All in Decimal; rounding happens only for display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from egov_desk.core.indicators import IndicatorSystem, Item, Node, NodeKey
from egov_desk.core.points import ZERO, clamp, to_json_number
from egov_desk.core.rules import InputError

InputValues = Mapping[str, Any]  # what a person entered for one item (stored in the db.models.ItemInput row)


@dataclass(frozen=True)
class ItemScore:
    code: str
    points: Decimal
    max: Decimal
    scored: bool  # an input exists and is complete
    partial: bool = False  # some parts of a sum are entered, not all
    level: int | None = None
    explanation: str = ""


@dataclass
class NodeScore:
    key: NodeKey
    path: tuple[str, ...]
    points: Decimal
    max: Decimal | None
    items: int = 0
    unscored: int = 0
    level: int | None = None  # pass/fail systems: the worst level below


def score_item(item: Item, inp: InputValues | None) -> ItemScore:
    """Evaluate one item. Raises :class:`InputError` naming the item's code and the field."""
    if inp is None:
        return ItemScore(item.code, ZERO, item.points, scored=False)
    try:
        result = item.scoring.evaluate(inp)
    except InputError as exc:
        raise exc.for_item(item.code) from None
    partial = not result.complete and _any_part(inp)
    return ItemScore(
        item.code,
        clamp(result.points, ZERO, item.points),
        item.points,
        scored=result.complete,
        partial=partial,
        level=result.level,
        explanation=result.explanation,
    )


def _any_part(inp: InputValues) -> bool:
    return any(part is not None for part in inp.get("parts", []))


def _worst(levels: list[int | None]) -> int | None:
    known = [level for level in levels if level is not None]
    return max(known) if known else None


@dataclass
class ScoreSheet:
    """Every item's and level's score for one set of inputs, updatable one item at a time."""

    system: IndicatorSystem
    items: dict[str, ItemScore]
    nodes: dict[NodeKey, NodeScore] = field(default_factory=dict)
    total: Decimal = ZERO

    @property
    def max(self) -> Decimal:
        if self.system.total_points is not None:
            return self.system.total_points
        return sum((node.points or ZERO for node in self.system.tree), ZERO)

    @property
    def unscored(self) -> list[str]:
        return [code for code, score in self.items.items() if not score.scored]

    def node_order(self) -> list[NodeScore]:
        return [self.nodes[node.key] for node in self.system.nodes()]

    def _roll_node(self, node: Node) -> NodeScore:
        children = [self.nodes[child.key] for child in node.children]
        own = [self.items[item.code] for item in node.items]
        raw = sum((c.points for c in children), ZERO) + sum((s.points for s in own), ZERO)
        score = NodeScore(
            key=node.key,
            path=node.path,
            points=clamp(raw, ZERO, node.points) if node.points is not None else raw,
            max=node.points,
            items=sum(c.items for c in children) + len(own),
            unscored=sum(c.unscored for c in children) + sum(not s.scored for s in own),
            level=_worst([c.level for c in children] + [s.level for s in own]),
        )
        self.nodes[node.key] = score
        return score

    def _roll_total(self) -> None:
        raw = sum((self.nodes[node.key].points for node in self.system.tree), ZERO)
        self.total = min(raw, self.max) if self.system.total_points is not None else raw

    def roll_up(self) -> None:
        for node in reversed(list(self.system.nodes())):  # children before parents
            self._roll_node(node)
        self._roll_total()

    def update(self, item_score: ItemScore) -> list[NodeScore]:
        """Replace one item's score and re-add only its ancestors; returns them, nearest first."""
        item = self.system.item(item_score.code)
        self.items[item.code] = item_score
        changed = []
        key = item.node_key
        while key:
            changed.append(self._roll_node(self.system.node(key)))
            key = key[:-1]
        self._roll_total()
        return changed

    def to_json(self) -> dict[str, Any]:
        """The shape ``egov-desk-cli score --json`` prints (display-rounded numbers)."""
        items: dict[str, Any] = {}
        for code, score in self.items.items():
            entry: dict[str, Any] = {
                "score": to_json_number(score.points),
                "max": to_json_number(score.max),
                "scored": score.scored,
            }
            if score.partial:
                entry["partial"] = True
            items[code] = entry
        nodes = [
            {
                "path": list(n.path),
                "score": to_json_number(n.points),
                "max": to_json_number(n.max) if n.max is not None else None,
            }
            for n in self.node_order()
        ]
        return {
            "total": to_json_number(self.total),
            "max": to_json_number(self.max),
            "unscored": len(self.unscored),
            "items": items,
            "nodes": nodes,
        }


def score_system(system: IndicatorSystem, inputs: Mapping[str, InputValues | None]) -> ScoreSheet:
    """Score every item (missing inputs are unscored) and roll up. Unknown codes are refused."""
    known = {item.code for item in system.items()}
    for code in inputs:
        if code not in known:
            raise InputError("item", code=code, kind="unknown_item")
    sheet = ScoreSheet(system, {item.code: score_item(item, inputs.get(item.code)) for item in system.items()})
    sheet.roll_up()
    return sheet
