"""Scores: items from their inputs, then the roll-up through every level to the total.

An item's score is its rule's value clamped to 0..分值; an item with no input is *unscored* (counted as 0 and
reported as such). A level's score is the sum of its children clamped to its own 分值; the total is the sum
of the level-1 scores clamped to the system's total. All in Decimal; rounding happens only for display.

Beyond the plain sum: a weighted level (``weight`` W, ``scale`` S) adds its children up to S and contributes
that × W / S; bonus and deduction sections (加分项, 综合奖扣分) sit outside the total: total = min(base, 总分)
+ min(bonus, cap) − min(deduction, cap), never below 0; a triggered veto (一票否决) makes the total 0
(``zero``) or marks the assessment 否决 with its sum unchanged (``fail``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from egov_desk.core.indicators import IndicatorSystem, Item, Node, NodeKey
from egov_desk.core.points import ZERO, clamp, to_json_number
from egov_desk.core.rules import InputError

VETOED = "vetoed"  # the input key that says an item's veto was triggered
VETO_LABEL = "触发一票否决"

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
    vetoed: bool = False  # the item's 一票否决 was triggered


@dataclass
class NodeScore:
    key: NodeKey
    path: tuple[str, ...]
    points: Decimal
    max: Decimal | None
    items: int = 0
    unscored: int = 0
    level: int | None = None  # pass/fail systems: the worst level below
    within: Decimal | None = None  # a weighted level: its children's sum out of its scale, before weighting


def score_item(item: Item, inp: InputValues | None) -> ItemScore:
    """Evaluate one item. Raises :class:`InputError` naming the item's code and the field."""
    if inp is None:
        return ItemScore(item.code, ZERO, item.points, scored=False)
    try:
        vetoed, inp = _veto(item, inp)
        if vetoed is not None and not inp:  # only the veto was decided: a triggered veto earns nothing
            if not vetoed:
                return ItemScore(item.code, ZERO, item.points, scored=False)
            return ItemScore(item.code, ZERO, item.points, scored=True, explanation=VETO_LABEL, vetoed=True)
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
        vetoed=bool(vetoed),
    )


def _veto(item: Item, inp: InputValues) -> tuple[bool | None, InputValues]:
    """Whether the input triggers the item's veto (None: it does not say), and the input left for the rule."""
    if not isinstance(inp, Mapping) or VETOED not in inp:
        return None, inp
    vetoed = inp[VETOED]
    if item.veto is None:
        raise InputError(VETOED, kind="no_veto", label=VETO_LABEL)
    if not isinstance(vetoed, bool):
        raise InputError(VETOED, kind="not_bool", values={"value": vetoed}, label=VETO_LABEL)
    return vetoed, {key: value for key, value in inp.items() if key != VETOED}


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
        """The total's full marks: the system's total, else what its levels inside the total are worth."""
        if self.system.total_points is not None:
            return self.system.total_points
        inside = [node for node in self.system.tree if not node.section]
        return sum((node.points if node.points is not None else node.weight or ZERO for node in inside), ZERO)

    @property
    def unscored(self) -> list[str]:
        return [code for code, score in self.items.items() if not score.scored]

    def node_order(self) -> list[NodeScore]:
        return [self.nodes[node.key] for node in self.system.nodes()]

    def _roll_node(self, node: Node) -> NodeScore:
        children = [self.nodes[child.key] for child in node.children]
        own = [self.items[item.code] for item in node.items]
        raw = sum((c.points for c in children), ZERO) + sum((s.points for s in own), ZERO)
        within = None
        most = node.points
        if node.weight is not None and node.scale is not None:
            within = clamp(raw, ZERO, node.scale)
            raw = within * node.weight / node.scale  # multiplied first: 54 × 50 / 60 stays exact
            most = node.points if node.points is not None else node.weight
        score = NodeScore(
            key=node.key,
            path=node.path,
            points=clamp(raw, ZERO, most) if most is not None else raw,
            max=most,
            items=sum(c.items for c in children) + len(own),
            unscored=sum(c.unscored for c in children) + sum(not s.scored for s in own),
            level=_worst([c.level for c in children] + [s.level for s in own]),
            within=within,
        )
        self.nodes[node.key] = score
        return score

    @property
    def base(self) -> Decimal:
        """The points of the levels inside the total (基础分), clamped to the system's total."""
        raw = sum((self.nodes[node.key].points for node in self.system.tree if not node.section), ZERO)
        return min(raw, self.system.total_points) if self.system.total_points is not None else raw

    def _section(self, kind: str) -> Decimal:
        found = ZERO
        for node in self.system.tree:
            if node.section == kind:
                points = self.nodes[node.key].points
                cap = node.cap if node.cap is not None else node.points
                found += min(points, cap) if cap is not None else points
        return found

    @property
    def bonus(self) -> Decimal:
        """加分: the bonus sections' points, each up to its cap."""
        return self._section("bonus")

    @property
    def deduction(self) -> Decimal:
        """扣分: the deduction sections' points (what is taken off), each up to its cap."""
        return self._section("deduction")

    @property
    def has_sections(self) -> bool:
        return any(node.section for node in self.system.tree)

    @property
    def vetoed(self) -> list[str]:
        """The codes of the items whose veto (一票否决) is triggered, in table order."""
        return [code for code, score in self.items.items() if score.vetoed]

    @property
    def veto(self) -> str:
        """What the triggered vetoes do: "zero" (the total is 0), "fail" (marked 否决), or "" (none triggered)."""
        vetoes = [self.system.item(code).veto for code in self.vetoed]
        effects = {veto.effect for veto in vetoes if veto is not None}
        return "zero" if "zero" in effects else "fail" if effects else ""

    def _roll_total(self) -> None:
        total = self.base
        if self.has_sections:
            total = max(total + self.bonus - self.deduction, ZERO)
        self.total = ZERO if self.veto == "zero" else total

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
            if score.vetoed:
                entry["vetoed"] = True
            items[code] = entry
        data: dict[str, Any] = {
            "total": to_json_number(self.total),
            "max": to_json_number(self.max),
            "unscored": len(self.unscored),
        }
        if self.has_sections:
            data |= {
                "base": to_json_number(self.base),
                "bonus": to_json_number(self.bonus),
                "deduction": to_json_number(self.deduction),
            }
        if self.veto:
            data["veto"] = {"effect": self.veto, "items": self.vetoed}
        return data | {"items": items, "nodes": [self._node_json(node) for node in self.system.nodes()]}

    def _node_json(self, node: Node) -> dict[str, Any]:
        score = self.nodes[node.key]
        entry: dict[str, Any] = {
            "path": list(score.path),
            "score": to_json_number(score.points),
            "max": to_json_number(score.max) if score.max is not None else None,
        }
        if node.section:
            entry["section"] = node.section
        if node.weight is not None and node.scale is not None and score.within is not None:
            entry |= {
                "weight": to_json_number(node.weight),
                "scale": to_json_number(node.scale),
                "within": to_json_number(score.within),
            }
        return entry


def score_system(system: IndicatorSystem, inputs: Mapping[str, InputValues | None]) -> ScoreSheet:
    """Score every item (missing inputs are unscored) and roll up. Unknown codes are refused."""
    known = {item.code for item in system.items()}
    for code in inputs:
        if code not in known:
            raise InputError("item", code=code, kind="unknown_item")
    sheet = ScoreSheet(system, {item.code: score_item(item, inputs.get(item.code)) for item in system.items()})
    sheet.roll_up()
    return sheet
