"""Rules made of parts: a checklist of conditions (per condition or in tiers) and a sum of rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from egov_desk.core.points import ZERO, json_number
from egov_desk.core.rules.base import Definition, DefinitionReader, Evaluation, Option, Rule, Summarize, points_text
from egov_desk.core.rules.inputs import InputError, read_index, require
from egov_desk.core.rules.judged import labelled


@dataclass(frozen=True)
class Tier:
    min: int
    points: Decimal


@dataclass(frozen=True)
class Checklist(Rule):
    """有…得1分；有…得1分 (points per condition), or tiers by how many conditions hold; optional cap."""

    type: ClassVar[str] = "checklist"
    fields: ClassVar[tuple[str, ...]] = ("checked",)
    items: tuple[Option, ...] = ()
    tiers: tuple[Tier, ...] = ()
    cap: Decimal | None = None

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        tiered = reader.get("tiers") is not None
        items = labelled(reader, "items", points=not tiered)
        tiers: list[Tier] = []
        if tiered:
            for position, entry in enumerate(reader.items("tiers")):
                sub = reader.sub("tiers", position, entry)
                tier = Tier(sub.whole("min"), sub.number("points"))
                if tier.min > len(items):
                    raise sub.fail(f"tier needs {tier.min} conditions but the checklist has {len(items)}")
                tiers.append(tier)
        return Checklist(items=items, tiers=tuple(tiers), cap=reader.optional_number("cap"))

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        items = definition.get("items", [])
        if definition.get("tiers"):
            tiers = "；".join(f"满{t['min']}项 {points_text(t['points'])}分" for t in definition["tiers"])
            text = f"{len(items)} 项条件，{tiers}"
        else:
            text = f"{len(items)} 项条件，各 " + "/".join(points_text(i.get("points", 0)) for i in items) + "分"
        if definition.get("cap") is not None:
            text += f"，上限 {points_text(definition['cap'])}分"
        return text

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
            data["tiers"] = [{"min": t.min, "points": json_number(t.points)} for t in self.tiers]
        else:
            data["items"] = [{"label": i.label, "points": json_number(i.points)} for i in self.items]
        if self.cap is not None:
            data["cap"] = json_number(self.cap)
        return data


@dataclass(frozen=True)
class Sum(Rule):
    """Parts scored separately and added (最高0.8分 … 最高0.4分), optionally capped."""

    type: ClassVar[str] = "sum"
    fields: ClassVar[tuple[str, ...]] = ("parts",)
    parts: tuple[Rule, ...] = ()
    cap: Decimal | None = None

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        entries = enumerate(reader.items("parts"))
        parts = tuple(reader.parse(entry, f"{reader.where}.parts[{position}]") for position, entry in entries)
        return Sum(parts=parts, cap=reader.optional_number("cap"))

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        return " + ".join(f"（{summarize(part)}）" for part in definition.get("parts", []))

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
            data["cap"] = json_number(self.cap)
        return data
