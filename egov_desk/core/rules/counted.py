"""Rules that score a number: per unit, deduction, ratio, rank."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from egov_desk.core.points import ZERO, compact, display, json_number
from egov_desk.core.rules.base import Definition, DefinitionReader, Evaluation, Rule, Summarize, points_text
from egov_desk.core.rules.inputs import InputError, read_count, read_number, require


@dataclass(frozen=True)
class PerUnit(Rule):
    """每项1分，最高得2分: points per counted unit up to a cap."""

    type: ClassVar[str] = "per_unit"
    fields: ClassVar[tuple[str, ...]] = ("count",)
    per: Decimal = ZERO
    cap: Decimal = ZERO
    unit: str = ""

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        per = reader.number("per", positive=True)
        return PerUnit(per=per, cap=reader.number("cap", reader.default_max), unit=reader.text("unit"))

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        counter = re.search(r"[（(](.{1,3})[）)]$", definition.get("unit", ""))
        per, cap = points_text(definition.get("per", 0)), points_text(definition.get("cap", 0))
        return f"每{counter.group(1) if counter else '项'} {per}分，上限 {cap}分"

    @property
    def max_points(self) -> Decimal:
        return self.cap

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        count = read_count(inp, "count", self.unit)
        return Evaluation(min(count * self.per, self.cap), explanation=f"{self.unit or '数量'} {count}")

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"per": json_number(self.per), "cap": json_number(self.cap), "unit": self.unit}


@dataclass(frozen=True)
class DeductClass:
    """One class of finding and what each costs: A类扣1分; ``max`` caps what the class takes off in all (每推迟一个月扣
    0.5分，最高扣2分), None when the text sets no cap."""

    label: str
    per: Decimal
    max: Decimal | None = None

    def taken(self, count: int) -> Decimal:
        off = count * self.per
        return off if self.max is None else min(off, self.max)


@dataclass(frozen=True)
class Deduct(Rule):
    """每发现一处扣0.5分，扣完为止: start from full points, take off per finding, never below the floor.

    With ``classes`` (A、B、C类分别扣1、0.5、0.2分) each class has its own amount and the input is a count per
    class: ``{"counts": [1, 0, 2]}``. A class may cap its own deduction (每推迟一个月扣0.5分，最高扣2分；发生1起扣1分:
    two classes of one deduction, the first taking off 2 at most)."""

    type: ClassVar[str] = "deduct"
    fields: ClassVar[tuple[str, ...]] = ("count", "counts")
    start: Decimal = ZERO
    per: Decimal = ZERO
    floor: Decimal = ZERO
    unit: str = ""
    classes: tuple[DeductClass, ...] = ()

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        start, floor = reader.number("start", reader.default_max), reader.number("floor", 0)
        if floor > start:
            raise reader.fail(f"floor {floor} is above the starting points {start}")
        classes = []
        if reader.get("classes") is not None:
            for position, entry in enumerate(reader.items("classes")):
                sub = reader.sub("classes", position, entry)
                most = None if sub.get("max") is None else sub.number("max", positive=True)
                classes.append(DeductClass(sub.text("label"), sub.number("per", positive=True), most))
        per = reader.number("per", classes[0].per if classes else None, positive=True)
        return Deduct(start=start, per=per, floor=floor, unit=reader.text("unit"), classes=tuple(classes))

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        start, floor = points_text(definition.get("start", 0)), points_text(definition.get("floor", 0))
        classes = definition.get("classes")
        if isinstance(classes, list) and classes:
            each = "、".join(_class_summary(c) for c in classes if isinstance(c, dict))
            return f"起评 {start}分，{each}，最低 {floor}分"
        per = points_text(definition.get("per", 0))
        return f"起评 {start}分，每处扣 {per}分，最低 {floor}分"

    @property
    def max_points(self) -> Decimal:
        return self.start

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        if self.classes:
            return self._by_class(inp)
        count = read_count(inp, "count", self.unit)
        points = max(self.start - count * self.per, self.floor)
        return Evaluation(points, explanation=f"{self.unit or '扣分项'} {count}")

    def _by_class(self, inp: Mapping[str, Any]) -> Evaluation:
        counts = require(inp, "counts", self.unit)
        if not isinstance(counts, list):
            raise InputError("counts", kind="not_list", values={"value": counts}, label=self.unit)
        if len(counts) != len(self.classes):
            given, expected = len(counts), len(self.classes)
            raise InputError("counts", kind="wrong_class_count", values={"given": given, "expected": expected})
        taken = ZERO
        said = []
        for position, (kind, raw) in enumerate(zip(self.classes, counts, strict=True)):
            try:
                count = read_count({"count": raw}, "count", kind.label)
            except InputError as error:
                raise error.replace(field=f"counts[{position}]") from None
            taken += kind.taken(count)
            said.append(f"{kind.label} {count}")
        return Evaluation(max(self.start - taken, self.floor), explanation="，".join(said))

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict() | {
            "start": json_number(self.start),
            "per": json_number(self.per),
            "floor": json_number(self.floor),
            "unit": self.unit,
        }
        if self.classes:
            data["classes"] = [_class_dict(c) for c in self.classes]
        return data


def _class_dict(kind: DeductClass) -> dict[str, Any]:
    data: dict[str, Any] = {"label": kind.label, "per": json_number(kind.per)}
    if kind.max is not None:
        data["max"] = json_number(kind.max)
    return data


def _class_summary(kind: Mapping[str, Any]) -> str:
    """ "A类每处扣 1分", "推迟每个月扣 0.5分（最多扣 2分）": the counter a label ends with says what 每 is."""
    label = str(kind.get("label", ""))
    counter = re.search(r"[（(]([^（()）]{1,4})[）)]$", label)
    what, each = (label[: counter.start()], counter.group(1)) if counter else (label, "处")
    most = f"（最多扣 {points_text(kind['max'])}分）" if kind.get("max") is not None else ""
    return f"{what}每{each}扣 {points_text(kind.get('per', 0))}分{most}"


@dataclass(frozen=True)
class Ratio(Rule):
    """得分 = A/B × max. Takes a numerator and denominator, or a rate (0.9 means 90%)."""

    type: ClassVar[str] = "ratio"
    fields: ClassVar[tuple[str, ...]] = ("numerator", "denominator", "rate")
    max: Decimal = ZERO
    numerator: str = ""
    denominator: str = ""
    rate: bool = False  # True: the rule is stated as a rate (得分率 × max); counts are still accepted

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        rate = reader.get("rate", False)
        if not isinstance(rate, bool):
            raise reader.fail(f"rule field 'rate' must be true or false, got {rate!r}")
        points = reader.max()
        return Ratio(max=points, numerator=reader.text("numerator"), denominator=reader.text("denominator"), rate=rate)

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        if definition.get("rate"):
            basis = "比率"
        else:
            basis = f"{definition.get('numerator') or '完成数'}/{definition.get('denominator') or '总数'}"
        return f"{basis} × {points_text(definition.get('max', 0))}分"

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
        data = super().to_dict() | {"max": json_number(self.max)}
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
    fields: ClassVar[tuple[str, ...]] = ("rank",)
    bands: tuple[Band, ...] = ()
    otherwise: Decimal = ZERO
    of: int = 0

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        of = reader.whole("of", 0)
        bands = []
        for position, entry in enumerate(reader.items("bands")):
            sub = reader.sub("bands", position, entry)
            first, last = sub.whole("from"), sub.whole("to")
            if first < 1 or last < first or (of and last > of):
                raise sub.fail(f"band {first}–{last} is not a range of ranks within 1..{of or 'N'}")
            bands.append(Band(first, last, sub.number("points")))
        return Rank(bands=tuple(bands), otherwise=reader.number("otherwise", 0), of=of)

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        bands = "；".join(f"{b['from']}–{b['to']}名 {points_text(b['points'])}分" for b in definition.get("bands", []))
        of = f"（共{definition['of']}名）" if definition.get("of") else ""
        return f"{bands}；其余 {points_text(definition.get('otherwise', 0))}分{of}"

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
        bands = [{"from": b.first, "to": b.last, "points": json_number(b.points)} for b in self.bands]
        return super().to_dict() | {"bands": bands, "otherwise": json_number(self.otherwise), "of": self.of}
