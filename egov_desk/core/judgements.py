"""Judgements of pass/fail items (合格 / 基本合格 / 不合格): what an item was judged, the worst judgement under a
level, and how many items have each judgement — what a table without points shows instead of 0.00 / 0.

Levels are ordered best first, so the worst judgement is the one furthest down its rule's list; a rule's last
level (不合格) is its failing one."""

from __future__ import annotations

from dataclasses import dataclass

from egov_desk.core.indicators import IndicatorSystem, Item, Node, NodeKey
from egov_desk.core.rules import PassFail
from egov_desk.core.scoring import ItemScore, NodeScore, ScoreSheet

UNJUDGED = "未评定"
SEPARATOR = " · "


@dataclass(frozen=True)
class Judgement:
    """One item's judgement: its level's name and where that level stands in the rule (0 is the best)."""

    label: str
    index: int
    of: int  # how many levels the rule has

    @property
    def best(self) -> bool:
        return self.index == 0

    @property
    def failing(self) -> bool:
        """The rule's last level: 不合格."""
        return self.index == self.of - 1

    @property
    def badness(self) -> tuple[bool, int]:
        return self.failing, self.index


def is_judged(item: Item) -> bool:
    """A pass/fail item: judged by a level, not scored in points."""
    return isinstance(item.scoring, PassFail)


def judged_only(system: IndicatorSystem) -> bool:
    """Every item of the system is judged pass/fail: the total and the points mean nothing in it."""
    items = system.items()
    return bool(items) and all(is_judged(item) for item in items)


def items_below(node: Node) -> list[Item]:
    """Every item under a level, in table order."""
    found = list(node.items)
    for child in node.children:
        found += items_below(child)
    return found


def worst_below(node: Node, score: NodeScore) -> Judgement | None:
    """The worst judgement under a level whose items are all pass/fail (its :class:`NodeScore` keeps the worst
    level's place); None for a level with points or nothing judged yet."""
    items = items_below(node)
    if score.level is None or not items or not all(is_judged(item) for item in items):
        return None
    levels = max((item.scoring.levels for item in items if isinstance(item.scoring, PassFail)), key=len)
    index = min(score.level, len(levels) - 1)
    return Judgement(levels[index], index, len(levels))


def judgement(item: Item, score: ItemScore) -> Judgement | None:
    """What a pass/fail item was judged; None for an item with points or one not judged yet."""
    rule = item.scoring
    if not isinstance(rule, PassFail) or not score.scored or score.level is None:
        return None
    return Judgement(rule.levels[score.level], score.level, len(rule.levels))


@dataclass(frozen=True)
class JudgementCounts:
    """How many pass/fail items have each level (every level named, best first, 0 included), and how many are
    not judged yet."""

    levels: tuple[tuple[str, int], ...]
    unjudged: int

    @property
    def judged(self) -> int:
        return sum(count for _label, count in self.levels)

    @property
    def items(self) -> int:
        return self.judged + self.unjudged

    def count(self, label: str) -> int:
        return dict(self.levels).get(label, 0)

    def text(self, unjudged_word: str = UNJUDGED) -> str:
        """合格 3 · 基本合格 1 · 不合格 0 · 未评定 2 (the last part only when some are not judged)."""
        parts = [f"{label} {count}" for label, count in self.levels]
        if self.unjudged:
            parts.append(f"{unjudged_word} {self.unjudged}")
        return SEPARATOR.join(parts)


def _items_under(sheet: ScoreSheet, key: NodeKey) -> list[Item]:
    items = sheet.system.items()
    return [item for item in items if item.node_key[: len(key)] == key] if key else items


def count_judgements(sheet: ScoreSheet, key: NodeKey = ()) -> JudgementCounts:
    """The judgements of the pass/fail items under the level ``key`` (the whole system for ``()``)."""
    names: dict[str, int] = {}
    unjudged = 0
    for item in _items_under(sheet, key):
        if not isinstance(item.scoring, PassFail):
            continue
        for label in item.scoring.levels:
            names.setdefault(label, 0)
        found = judgement(item, sheet.items[item.code])
        if found is None:
            unjudged += 1
        else:
            names[found.label] += 1
    return JudgementCounts(tuple(names.items()), unjudged)


def worst_judgement(sheet: ScoreSheet, key: NodeKey = ()) -> Judgement | None:
    """The worst judgement among the pass/fail items under the level ``key``; None when none is judged yet."""
    found = [judgement(item, sheet.items[item.code]) for item in _items_under(sheet, key)]
    judged = [each for each in found if each is not None]
    return max(judged, key=lambda each: each.badness) if judged else None
