"""Scoring rules: plain data, evaluated by pure functions.

A rule is the structured reading of an item's 评分细则. It is stored in the interchange JSON under ``scoring``
(``{"type": "per_unit", "per": 1, "cap": 2, ...}``); a person's input is a small dict (``{"count": 3}``).
``evaluate`` turns an input into points. Inputs that make no sense are refused with an
:class:`InputError` naming the item and the field — never silently clamped. The error is structured (``kind``,
``values``, and the field's ``label`` as the table names it, which the rule attaches);
:func:`egov_desk.core.messages.describe` words it in the person's language. The *item's* clamp to 0..max
happens in :mod:`egov_desk.core.scoring`, not here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from egov_desk.core.points import ZERO, compact, display
from egov_desk.core.rule_inputs import InputError, read_count, read_index, read_number, require

RULE_TYPES = (
    "manual",
    "external",
    "yes_no",
    "options",
    "per_unit",
    "deduct",
    "ratio",
    "rank",
    "checklist",
    "sum",
    "pass_fail",
)


class RuleError(ValueError):
    """A rule definition is malformed (a template or import problem)."""


@dataclass(frozen=True)
class Evaluation:
    """What a rule makes of one input. ``complete`` is False when a sum has parts still unentered."""

    points: Decimal
    complete: bool = True
    level: int | None = None  # pass_fail only: index into the rule's levels
    explanation: str = ""


# --- the rule types -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    type: ClassVar[str]
    label: str = ""  # a part's name inside a sum, e.g. "及时性"
    source: str = ""  # the body that supplies the result (市发改委…), if not the unit
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)  # unknown keys, kept as given

    @property
    def max_points(self) -> Decimal:
        raise NotImplementedError

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type}
        if self.label:
            data["label"] = self.label
        if self.source:
            data["source"] = self.source
        return data | dict(self.extra)


@dataclass(frozen=True)
class Manual(Rule):
    """A person judges the points (根据实际情况评分)."""

    type: ClassVar[str] = "manual"
    max: Decimal = ZERO
    step: Decimal | None = None

    @property
    def max_points(self) -> Decimal:
        return self.max

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        score = read_number(inp, "score")
        if score > self.max:
            raise InputError("score", kind="above_max", values={"value": score, "max": self.max})
        if self.step and score % self.step != 0:
            raise InputError("score", kind="not_multiple", values={"value": score, "step": self.step})
        return Evaluation(score, explanation=f"评定 {compact(score)} 分")

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict() | {"max": _out(self.max)}
        if self.step is not None:
            data["step"] = _out(self.step)
        return data


@dataclass(frozen=True)
class External(Manual):
    """The result is supplied by another body (以…评价为准); the unit enters what it was told."""

    type: ClassVar[str] = "external"

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        result = super().evaluate(inp)
        source = f"（{self.source}提供）" if self.source else ""
        return Evaluation(result.points, explanation=f"外部结果 {compact(result.points)} 分{source}")


@dataclass(frozen=True)
class YesNo(Rule):
    type: ClassVar[str] = "yes_no"
    points: Decimal = ZERO

    @property
    def max_points(self) -> Decimal:
        return self.points

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        answer = require(inp, "yes")
        if not isinstance(answer, bool):
            raise InputError("yes", kind="not_bool", values={"value": answer})
        return Evaluation(self.points if answer else ZERO, explanation="是" if answer else "否")

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"points": _out(self.points)}


@dataclass(frozen=True)
class Option:
    label: str
    points: Decimal


@dataclass(frozen=True)
class Options(Rule):
    type: ClassVar[str] = "options"
    options: tuple[Option, ...] = ()

    @property
    def max_points(self) -> Decimal:
        return max((o.points for o in self.options), default=ZERO)

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        chosen = self.options[read_index(inp, "option", len(self.options), "option")]
        return Evaluation(chosen.points, explanation=chosen.label)

    def to_dict(self) -> dict[str, Any]:
        options = [{"label": o.label, "points": _out(o.points)} for o in self.options]
        return super().to_dict() | {"options": options}


@dataclass(frozen=True)
class PerUnit(Rule):
    """每项1分，最高得2分: points per counted unit up to a cap."""

    type: ClassVar[str] = "per_unit"
    per: Decimal = ZERO
    cap: Decimal = ZERO
    unit: str = ""

    @property
    def max_points(self) -> Decimal:
        return self.cap

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        count = read_count(inp, "count", self.unit)
        return Evaluation(min(count * self.per, self.cap), explanation=f"{self.unit or '数量'} {count}")

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"per": _out(self.per), "cap": _out(self.cap), "unit": self.unit}


@dataclass(frozen=True)
class Deduct(Rule):
    """每发现一处扣0.5分，扣完为止: start from full points, take off per finding, never below the floor."""

    type: ClassVar[str] = "deduct"
    start: Decimal = ZERO
    per: Decimal = ZERO
    floor: Decimal = ZERO
    unit: str = ""

    @property
    def max_points(self) -> Decimal:
        return self.start

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        count = read_count(inp, "count", self.unit)
        points = max(self.start - count * self.per, self.floor)
        return Evaluation(points, explanation=f"{self.unit or '扣分项'} {count}")

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {
            "start": _out(self.start),
            "per": _out(self.per),
            "floor": _out(self.floor),
            "unit": self.unit,
        }


@dataclass(frozen=True)
class Ratio(Rule):
    """得分 = A/B × max. Takes a numerator and denominator, or a rate (0.9 means 90%)."""

    type: ClassVar[str] = "ratio"
    max: Decimal = ZERO
    numerator: str = ""
    denominator: str = ""
    rate: bool = False  # True: the rule is stated as a rate (得分率 × max); counts are still accepted

    @property
    def max_points(self) -> Decimal:
        return self.max

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        if isinstance(inp, Mapping) and inp.get("rate") is not None:
            rate = read_number(inp, "rate")
            if rate > 1:
                raise InputError("rate", kind="rate_above_one", values={"value": rate})
            return Evaluation(rate * self.max, explanation=f"比率 {display(rate * 100)}%")
        numerator = read_number(inp, "numerator", self.numerator)
        denominator = read_number(inp, "denominator", self.denominator)
        if denominator == 0:
            raise InputError(
                "denominator", kind="zero_denominator", values={"value": denominator}, label=self.denominator
            )
        if numerator > denominator:
            raise InputError(
                "numerator",
                kind="numerator_above_denominator",
                values={"numerator": numerator, "denominator": denominator, "denominator_label": self.denominator},
                label=self.numerator,
            )
        label = self.numerator or "完成数"
        return Evaluation(
            numerator * self.max / denominator,
            explanation=f"{label} {compact(numerator)}/{compact(denominator)}",
        )

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict() | {"max": _out(self.max)}
        if self.numerator or self.denominator:
            data |= {"numerator": self.numerator, "denominator": self.denominator}
        if self.rate:
            data["rate"] = True
        return data


@dataclass(frozen=True)
class Band:
    first: int
    last: int
    points: Decimal

    def holds(self, rank: int) -> bool:
        return self.first <= rank <= self.last


@dataclass(frozen=True)
class Rank(Rule):
    """前5名的得2分，5-10名的得1分: points by rank bands among N; where bands overlap the better band counts."""

    type: ClassVar[str] = "rank"
    bands: tuple[Band, ...] = ()
    otherwise: Decimal = ZERO
    of: int = 0

    @property
    def max_points(self) -> Decimal:
        return max([b.points for b in self.bands] + [self.otherwise])

    def overlaps(self) -> list[int]:
        """Ranks that fall in more than one band: the source text was ambiguous there."""
        last = max((b.last for b in self.bands), default=0)
        return [r for r in range(1, last + 1) if sum(b.holds(r) for b in self.bands) > 1]

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        rank = read_count(inp, "rank")
        if rank < 1 or (self.of and rank > self.of):
            if self.of:
                raise InputError("rank", kind="rank_out_of_range", values={"rank": rank, "of": self.of})
            raise InputError("rank", kind="rank_below_one", values={"rank": rank})
        points = max((b.points for b in self.bands if b.holds(rank)), default=self.otherwise)
        of = f"/{self.of}" if self.of else ""
        return Evaluation(points, explanation=f"排名 {rank}{of}")

    def to_dict(self) -> dict[str, Any]:
        bands = [{"from": b.first, "to": b.last, "points": _out(b.points)} for b in self.bands]
        return super().to_dict() | {"bands": bands, "otherwise": _out(self.otherwise), "of": self.of}


@dataclass(frozen=True)
class Tier:
    min: int
    points: Decimal


@dataclass(frozen=True)
class Checklist(Rule):
    """有…得1分；有…得1分 (points per condition), or tiers by how many conditions hold; optional cap."""

    type: ClassVar[str] = "checklist"
    items: tuple[Option, ...] = ()
    tiers: tuple[Tier, ...] = ()
    cap: Decimal | None = None

    @property
    def max_points(self) -> Decimal:
        full = max(t.points for t in self.tiers) if self.tiers else sum((i.points for i in self.items), ZERO)
        return full if self.cap is None else min(full, self.cap)

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        checked = require(inp, "checked")
        if not isinstance(checked, Sequence) or isinstance(checked, str):
            raise InputError("checked", kind="not_list", values={"value": checked})
        seen: set[int] = set()
        for position, raw in enumerate(checked):
            index = read_index({"checked": raw}, "checked", len(self.items), "condition")
            if index in seen:
                values = {"index": index, "item_label": self.items[index].label}
                raise InputError(f"checked[{position}]", kind="ticked_twice", values=values)
            seen.add(index)
        if self.tiers:
            reached = [t.points for t in self.tiers if len(seen) >= t.min]
            points = max(reached, default=ZERO)
        else:
            points = sum((self.items[i].points for i in seen), ZERO)
        if self.cap is not None:
            points = min(points, self.cap)
        return Evaluation(points, explanation=f"满足 {len(seen)}/{len(self.items)} 项")

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        if self.tiers:
            data["items"] = [{"label": i.label} for i in self.items]
            data["tiers"] = [{"min": t.min, "points": _out(t.points)} for t in self.tiers]
        else:
            data["items"] = [{"label": i.label, "points": _out(i.points)} for i in self.items]
        if self.cap is not None:
            data["cap"] = _out(self.cap)
        return data


@dataclass(frozen=True)
class Sum(Rule):
    """Parts scored separately and added (最高0.8分 … 最高0.4分), optionally capped."""

    type: ClassVar[str] = "sum"
    parts: tuple[Rule, ...] = ()
    cap: Decimal | None = None

    @property
    def max_points(self) -> Decimal:
        full = sum((p.max_points for p in self.parts), ZERO)
        return full if self.cap is None else min(full, self.cap)

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        parts = require(inp, "parts")
        if not isinstance(parts, Sequence) or isinstance(parts, str):
            raise InputError("parts", kind="not_list", values={"value": parts})
        if len(parts) != len(self.parts):
            raise InputError(
                "parts", kind="wrong_part_count", values={"given": len(parts), "expected": len(self.parts)}
            )
        total, complete, said = ZERO, True, []
        for position, (rule, part) in enumerate(zip(self.parts, parts, strict=True)):
            if part is None:
                complete = False
                continue
            try:
                result = rule.evaluate(part)
            except InputError as exc:
                raise exc.within(f"parts[{position}]", position, rule.label) from None
            total += result.points
            said.append(f"{rule.label or f'第{position + 1}部分'}：{result.explanation}")
        if self.cap is not None:
            total = min(total, self.cap)
        return Evaluation(total, complete=complete, explanation="；".join(said))

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict() | {"parts": [p.to_dict() for p in self.parts]}
        if self.cap is not None:
            data["cap"] = _out(self.cap)
        return data


@dataclass(frozen=True)
class PassFail(Rule):
    """合格/基本合格/不合格: a level, no points. Levels are ordered best first."""

    type: ClassVar[str] = "pass_fail"
    levels: tuple[str, ...] = ("合格", "基本合格", "不合格")

    @property
    def max_points(self) -> Decimal:
        return ZERO

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        level = read_index(inp, "level", len(self.levels), "level")
        return Evaluation(ZERO, level=level, explanation=self.levels[level])

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"levels": list(self.levels)}


def _out(value: Decimal) -> int | float:
    """Rule parameters back to JSON numbers (they are short decimals such as 0.5 or 0.8)."""
    return int(value) if value == value.to_integral_value() else float(value)


__all__ = [
    "RULE_TYPES",
    "Band",
    "Checklist",
    "Deduct",
    "Evaluation",
    "External",
    "InputError",
    "Manual",
    "Option",
    "Options",
    "PassFail",
    "PerUnit",
    "Rank",
    "Ratio",
    "Rule",
    "RuleError",
    "Sum",
    "Tier",
    "YesNo",
]
