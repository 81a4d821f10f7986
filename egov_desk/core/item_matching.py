"""Which item of one indicator system is which item of another: two versions of a system, or two years' tables.

Items are matched by code, then (what is left on both sides) by how alike their names and rules read. Each pair is
classed: 相同 (same), 分值变化 (points changed), 细则变化 (the rule changed), 移动 (another level, or the code
renumbered), 新增 (only in the new system), 删除 (only in the old one). A person can override a pair: map a new item to
another old one, or to none (:meth:`Matching.overridden`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from egov_desk.core.errors import Refused
from egov_desk.core.indicators import Item
from egov_desk.core.points import json_number

SIMILAR = 0.6  # how alike two items' name and rule must read to be the same item under different codes

SAME, POINTS, RULE, MOVED, NEW, DROPPED = "same", "points", "rule", "moved", "new", "dropped"
CLASSES = (SAME, POINTS, RULE, MOVED, NEW, DROPPED)
CLASS_ZH = {SAME: "相同", POINTS: "分值变化", RULE: "细则变化", MOVED: "移动", NEW: "新增", DROPPED: "删除"}
CLASS_EN = {
    SAME: "same",
    POINTS: "points changed",
    RULE: "rule changed",
    MOVED: "moved",
    NEW: "new",
    DROPPED: "dropped",
}
RULE_CHANGE_ZH = {"type": "计分方式", "parameters": "计分参数", "text": "细则文字"}


def rule_numbers(definition: Any) -> Any:
    """A rule's definition without the wording the reader takes from the text (a part's label, a count's unit, a
    ratio's numerator and denominator, who scores it, a note): what is left — the type, the numbers, the
    structure — is what a change of the rule changes. The wording follows the rule text, compared on its own."""
    if isinstance(definition, dict):
        return {
            key: rule_numbers(value) for key, value in definition.items() if key == "type" or not isinstance(value, str)
        }
    if isinstance(definition, list):
        return [rule_numbers(value) for value in definition]
    return definition


def rule_change(a: Item, b: Item) -> tuple[str, ...]:
    """Which of "type", "parameters", "text" differ between two items' rules. A part's label or other wording the
    reader derives from the rule text is not a parameter: the same text read again may word it otherwise."""
    found: list[str] = []
    rule_a, rule_b = rule_numbers(a.scoring.to_dict()), rule_numbers(b.scoring.to_dict())
    if rule_a.get("type") != rule_b.get("type"):
        found.append("type")
    elif rule_a != rule_b:
        found.append("parameters")
    if a.rule_text.strip() != b.rule_text.strip():
        found.append("text")
    return tuple(found)


def likeness(a: Item, b: Item) -> float:
    return SequenceMatcher(None, f"{a.title}\n{a.rule_text}", f"{b.title}\n{b.rule_text}").ratio()


def match_items(items_a: list[Item], items_b: list[Item]) -> list[tuple[Item | None, Item | None, str]]:
    """Pairs (A, B, how matched) in B's order, then what only A has in A's order."""
    codes_b = {item.code for item in items_b}
    by_code = {item.code: item for item in items_a if item.code in codes_b}
    left_a = [item for item in items_a if item.code not in by_code]
    left_b = [item for item in items_b if item.code not in by_code]
    candidates = sorted(
        ((likeness(a, b), i, j) for i, a in enumerate(left_a) for j, b in enumerate(left_b)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    by_name: dict[str, Item] = {}  # B's code → A's item
    taken_a: set[int] = set()
    for ratio, i, j in candidates:
        if ratio < SIMILAR:
            break
        if i in taken_a or left_b[j].code in by_name:
            continue
        taken_a.add(i)
        by_name[left_b[j].code] = left_a[i]
    pairs: list[tuple[Item | None, Item | None, str]] = []
    for item in items_b:
        if item.code in by_code:
            pairs.append((by_code[item.code], item, "code"))
        elif item.code in by_name:
            pairs.append((by_name[item.code], item, "name"))
        else:
            pairs.append((None, item, ""))
    pairs += [(item, None, "") for i, item in enumerate(left_a) if i not in taken_a]
    return pairs


def _item_json(item: Item | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"code": item.code, "name": item.title, "points": json_number(item.points), "level": list(item.path)}


@dataclass(frozen=True)
class ItemPair:
    """An old item and the new one it became; ``old`` None: new (新增), ``new`` None: dropped (删除).
    ``matched_by``: "code", "name", "person" (an override), or "" on one side only."""

    old: Item | None
    new: Item | None
    matched_by: str = ""

    @property
    def rule_change(self) -> tuple[str, ...]:
        return rule_change(self.old, self.new) if self.old and self.new else ()

    @property
    def changes(self) -> tuple[str, ...]:
        """Every way the pair differs, of "moved", "points", "rule" (empty: the same item)."""
        if self.old is None or self.new is None:
            return ()
        found = []
        if self.old.code != self.new.code or self.old.path != self.new.path:
            found.append(MOVED)
        if self.old.points != self.new.points:
            found.append(POINTS)
        if self.rule_change:
            found.append(RULE)
        return tuple(found)

    @property
    def kind(self) -> str:
        """The pair's class: new or dropped, else the first of moved, points changed, rule changed, else same."""
        if self.old is None:
            return NEW
        if self.new is None:
            return DROPPED
        return self.changes[0] if self.changes else SAME

    @property
    def old_points(self) -> Decimal | None:
        return self.old.points if self.old else None

    @property
    def new_points(self) -> Decimal | None:
        return self.new.points if self.new else None

    def to_json(self) -> dict[str, Any]:
        return {
            "class": self.kind,
            "class_zh": CLASS_ZH[self.kind],
            "changes": list(self.changes),
            "old": _item_json(self.old),
            "new": _item_json(self.new),
            "matched_by": self.matched_by,
            "rule_change": list(self.rule_change),
        }


@dataclass(frozen=True)
class Matching:
    """Every item of the old and the new system, paired: the new system's in its order, then the dropped ones."""

    old_items: tuple[Item, ...]
    new_items: tuple[Item, ...]
    pairs: tuple[ItemPair, ...]

    @classmethod
    def of(cls, old_items: list[Item], new_items: list[Item]) -> Matching:
        pairs = tuple(ItemPair(a, b, how) for a, b, how in match_items(old_items, new_items))
        return cls(tuple(old_items), tuple(new_items), pairs)

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(CLASSES, 0)
        for pair in self.pairs:
            found[pair.kind] += 1
        return found

    def pair_of(self, new_code: str) -> ItemPair:
        return next(p for p in self.pairs if p.new is not None and p.new.code == new_code)

    def old_of(self, new_code: str) -> Item | None:
        """The old item the new one ``new_code`` continues, if any."""
        return next((p.old for p in self.pairs if p.new is not None and p.new.code == new_code), None)

    @property
    def chosen(self) -> dict[str, str | None]:
        """New code → old code (None: new)."""
        return {p.new.code: p.old.code if p.old else None for p in self.pairs if p.new is not None}

    def overridden(self, overrides: Mapping[str, str | None]) -> Matching:
        """The matching with ``overrides`` (new code → old code, or None for none) put in by a person: an old item
        given to another new one leaves the new one it had (that one becomes new); unknown codes are refused."""
        old_by_code = {item.code: item for item in self.old_items}
        new_codes = {item.code for item in self.new_items}
        for new_code, old_code in overrides.items():
            if new_code not in new_codes:
                raise unknown_code(new_code, "new")
            if old_code is not None and old_code not in old_by_code:
                raise unknown_code(old_code, "old")
        chosen = self.chosen
        how = {p.new.code: p.matched_by for p in self.pairs if p.new is not None}
        for new_code, old_code in overrides.items():
            if old_code is not None:
                for other, had in chosen.items():
                    if had == old_code and other != new_code:
                        chosen[other], how[other] = None, ""
            if chosen[new_code] != old_code:
                chosen[new_code] = old_code
                how[new_code] = "person" if old_code is not None else ""
        pairs = [
            ItemPair(old_by_code[c] if (c := chosen[item.code]) else None, item, how[item.code] if c else "")
            for item in self.new_items
        ]
        used = {code for code in chosen.values() if code}
        pairs += [ItemPair(item, None) for item in self.old_items if item.code not in used]
        return Matching(self.old_items, self.new_items, tuple(pairs))

    def to_json(self) -> dict[str, Any]:
        return {"counts": self.counts(), "pairs": [pair.to_json() for pair in self.pairs]}


def unknown_code(code: str, side: str) -> Refused:
    if side == "new":
        return Refused(
            f"{code}: no item of the new indicator system has this code; give one of its codes",
            f"{code}：新指标体系中没有这个编号的指标，请给出新体系中的编号",
            "unknown_new_code",
            code=code,
        )
    return Refused(
        f"{code}: no item of last year's indicator system has this code; give one of its codes, or none",
        f"{code}：去年的指标体系中没有这个编号的指标，请给出其中的编号，或选择“无”",
        "unknown_old_code",
        code=code,
    )
