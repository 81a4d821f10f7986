"""Rule definitions (the ``scoring`` JSON) → :mod:`egov_desk.core.rules` objects, refusing malformed ones."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from egov_desk.core.points import NotANumber, to_points
from egov_desk.core.rules import (
    RULE_TYPES,
    Band,
    Checklist,
    Deduct,
    External,
    Manual,
    Option,
    Options,
    PassFail,
    PerUnit,
    Rank,
    Ratio,
    Rule,
    RuleError,
    Sum,
    Tier,
    YesNo,
)

Definition = Mapping[str, Any]


class _Reader:
    """Reads one definition's fields, naming the rule's place in every complaint."""

    def __init__(self, definition: Definition, where: str, default_max: Decimal | None) -> None:
        self.definition = definition
        self.where = where
        self.default_max = default_max
        self.used = {"type", "label", "source"}

    def get(self, key: str, default: object = None) -> Any:
        self.used.add(key)
        return self.definition.get(key, default)

    def fail(self, message: str) -> RuleError:
        return RuleError(f"{self.where}: {message}")

    def number(self, key: str, default: object = None, *, positive: bool = False) -> Decimal:
        raw = self.get(key, default)
        if raw is None:
            raise self.fail(f"rule field {key!r} is missing")
        try:
            value = to_points(raw)
        except NotANumber:
            raise self.fail(f"rule field {key!r} must be a number, got {raw!r}") from None
        if value < 0 or (positive and value == 0):
            raise self.fail(f"rule field {key!r} must be {'above' if positive else 'at least'} 0, got {raw!r}")
        return value

    def optional_number(self, key: str) -> Decimal | None:
        return None if self.get(key) is None else self.number(key)

    def whole(self, key: str, default: object = None) -> int:
        value = self.number(key, default)
        if value != value.to_integral_value():
            raise self.fail(f"rule field {key!r} must be a whole number, got {value}")
        return int(value)

    def text(self, key: str) -> str:
        raw = self.get(key, "")
        if not isinstance(raw, str):
            raise self.fail(f"rule field {key!r} must be text, got {raw!r}")
        return raw

    def items(self, key: str) -> list[Definition]:
        raw = self.get(key)
        if not isinstance(raw, list) or not raw:
            raise self.fail(f"rule field {key!r} must be a non-empty list")
        for position, entry in enumerate(raw):
            if not isinstance(entry, Mapping):
                raise RuleError(f"{self.where}.{key}[{position}]: must be an object, got {entry!r}")
        return raw

    def sub(self, key: str, position: int, entry: Definition) -> _Reader:
        return _Reader(entry, f"{self.where}.{key}[{position}]", None)

    def max(self) -> Decimal:
        return self.number("max", self.default_max)


def _labelled(reader: _Reader, key: str, *, points: bool) -> tuple[Option, ...]:
    options = []
    for position, entry in enumerate(reader.items(key)):
        sub = reader.sub(key, position, entry)
        label = sub.text("label")
        options.append(Option(label, sub.number("points") if points else Decimal(0)))
    return tuple(options)


def _manual(r: _Reader) -> Rule:
    step = r.optional_number("step")
    if step == 0:
        raise r.fail("rule field 'step' must be above 0")
    return Manual(max=r.max(), step=step)


def _external(r: _Reader) -> Rule:
    return External(max=r.max(), step=r.optional_number("step"), source=r.text("source"))


def _yes_no(r: _Reader) -> Rule:
    return YesNo(points=r.number("points", r.default_max))


def _options(r: _Reader) -> Rule:
    return Options(options=_labelled(r, "options", points=True))


def _per_unit(r: _Reader) -> Rule:
    return PerUnit(per=r.number("per", positive=True), cap=r.number("cap", r.default_max), unit=r.text("unit"))


def _deduct(r: _Reader) -> Rule:
    start, floor = r.number("start", r.default_max), r.number("floor", 0)
    if floor > start:
        raise r.fail(f"floor {floor} is above the starting points {start}")
    return Deduct(start=start, per=r.number("per", positive=True), floor=floor, unit=r.text("unit"))


def _ratio(r: _Reader) -> Rule:
    rate = r.get("rate", False)
    if not isinstance(rate, bool):
        raise r.fail(f"rule field 'rate' must be true or false, got {rate!r}")
    return Ratio(max=r.max(), numerator=r.text("numerator"), denominator=r.text("denominator"), rate=rate)


def _rank(r: _Reader) -> Rule:
    of = r.whole("of", 0)
    bands = []
    for position, entry in enumerate(r.items("bands")):
        sub = r.sub("bands", position, entry)
        first, last = sub.whole("from"), sub.whole("to")
        if first < 1 or last < first or (of and last > of):
            raise sub.fail(f"band {first}–{last} is not a range of ranks within 1..{of or 'N'}")
        bands.append(Band(first, last, sub.number("points")))
    return Rank(bands=tuple(bands), otherwise=r.number("otherwise", 0), of=of)


def _checklist(r: _Reader) -> Rule:
    tiered = r.get("tiers") is not None
    items = _labelled(r, "items", points=not tiered)
    tiers: list[Tier] = []
    if tiered:
        for position, entry in enumerate(r.items("tiers")):
            sub = r.sub("tiers", position, entry)
            tier = Tier(sub.whole("min"), sub.number("points"))
            if tier.min > len(items):
                raise sub.fail(f"tier needs {tier.min} conditions but the checklist has {len(items)}")
            tiers.append(tier)
    return Checklist(items=items, tiers=tuple(tiers), cap=r.optional_number("cap"))


def _sum(r: _Reader) -> Rule:
    parts = tuple(parse_rule(entry, f"{r.where}.parts[{position}]") for position, entry in enumerate(r.items("parts")))
    return Sum(parts=parts, cap=r.optional_number("cap"))


def _pass_fail(r: _Reader) -> Rule:
    levels = r.get("levels", ["合格", "基本合格", "不合格"])
    if not isinstance(levels, list) or len(levels) < 2 or not all(isinstance(x, str) and x for x in levels):
        raise r.fail(f"rule field 'levels' must list at least two level names, got {levels!r}")
    return PassFail(levels=tuple(levels))


_BUILDERS: dict[str, Callable[[_Reader], Rule]] = {
    "manual": _manual,
    "external": _external,
    "yes_no": _yes_no,
    "options": _options,
    "per_unit": _per_unit,
    "deduct": _deduct,
    "ratio": _ratio,
    "rank": _rank,
    "checklist": _checklist,
    "sum": _sum,
    "pass_fail": _pass_fail,
}
assert set(_BUILDERS) == set(RULE_TYPES)


def parse_rule(definition: Definition, where: str = "rule", default_max: Decimal | None = None) -> Rule:
    """Build a rule from its JSON definition.

    ``default_max`` (the item's 分值) fills in ``max``/``points``/``cap``/``start`` when a definition leaves
    them out, so ``{"type": "manual"}`` means "a person judges 0..分值".
    """
    if not isinstance(definition, Mapping):
        raise RuleError(f"{where}: a rule must be an object, got {definition!r}")
    kind = definition.get("type")
    if kind not in _BUILDERS:
        raise RuleError(f"{where}: unknown rule type {kind!r} (known: {', '.join(RULE_TYPES)})")
    reader = _Reader(definition, where, default_max)
    rule = _BUILDERS[kind](reader)
    extra = {key: value for key, value in definition.items() if key not in reader.used}
    return replace(rule, label=reader.text("label"), source=reader.text("source"), extra=extra)
