"""Rules where a person judges or chooses: manual, external, yes/no, options, pass/fail."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from egov_desk.core.points import ZERO, compact, display, json_number
from egov_desk.core.rules.base import Definition, DefinitionReader, Evaluation, Option, Rule, Summarize, points_text
from egov_desk.core.rules.inputs import InputError, read_index, read_number, require

PASS_FAIL_LEVELS = ("合格", "基本合格", "不合格")


@dataclass(frozen=True)
class Manual(Rule):
    """A person judges the points (根据实际情况评分)."""

    type: ClassVar[str] = "manual"
    fields: ClassVar[tuple[str, ...]] = ("score",)
    max: Decimal = ZERO
    step: Decimal | None = None

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        step = reader.optional_number("step")
        if step == 0:
            raise reader.fail("rule field 'step' must be above 0")
        return Manual(max=reader.max(), step=step)

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        return f"人工评分，0–{points_text(definition.get('max', 0))}分"

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
        data = super().to_dict() | {"max": json_number(self.max)}
        if self.step is not None:
            data["step"] = json_number(self.step)
        return data


@dataclass(frozen=True)
class External(Manual):
    """The result is supplied by another body (以…评价为准); the unit enters what it was told.

    With ``scale`` (取…得分折算) the outside score is out of ``scale`` and becomes score × max / scale."""

    type: ClassVar[str] = "external"
    scale: Decimal | None = None

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        scale = reader.optional_number("scale")
        if scale == 0:
            raise reader.fail("rule field 'scale' must be above 0")
        return External(
            max=reader.max(), step=reader.optional_number("step"), source=reader.text("source"), scale=scale
        )

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        source = f"（{definition['source']}）" if definition.get("source") else ""
        top = points_text(definition.get("max", 0))
        if definition.get("scale"):
            return f"外部得分（满分 {points_text(definition['scale'])}）折算为 0–{top}分" + source
        return f"外部结果，0–{top}分" + source

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        source = f"（{self.source}提供）" if self.source else ""
        if self.scale is not None:
            score = read_number(inp, "score")
            if score > self.scale:
                raise InputError("score", kind="above_max", values={"value": score, "max": self.scale})
            points = score * self.max / self.scale
            said = f"外部得分 {compact(score)}/{compact(self.scale)}，折算 {display(points)} 分{source}"
            return Evaluation(points, explanation=said)
        result = super().evaluate(inp)
        return Evaluation(result.points, explanation=f"外部结果 {compact(result.points)} 分{source}")

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        if self.scale is not None:
            data["scale"] = json_number(self.scale)
        return data


@dataclass(frozen=True)
class YesNo(Rule):
    type: ClassVar[str] = "yes_no"
    fields: ClassVar[tuple[str, ...]] = ("yes",)
    points: Decimal = ZERO

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        return YesNo(points=reader.number("points", reader.default_max))

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        return f"是 {points_text(definition.get('points', 0))}分 / 否 0分"

    @property
    def max_points(self) -> Decimal:
        return self.points

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        answer = require(inp, "yes")
        if not isinstance(answer, bool):
            raise InputError("yes", kind="not_bool", values={"value": answer})
        return Evaluation(self.points if answer else ZERO, explanation="是" if answer else "否")

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"points": json_number(self.points)}


def labelled(reader: DefinitionReader, key: str, *, points: bool) -> tuple[Option, ...]:
    """The labelled entries under ``key`` (options, a checklist's conditions), with their points or none."""
    options = []
    for position, entry in enumerate(reader.items(key)):
        sub = reader.sub(key, position, entry)
        label = sub.text("label")
        options.append(Option(label, sub.number("points") if points else Decimal(0)))
    return tuple(options)


@dataclass(frozen=True)
class Options(Rule):
    type: ClassVar[str] = "options"
    fields: ClassVar[tuple[str, ...]] = ("option",)
    options: tuple[Option, ...] = ()

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        return Options(options=labelled(reader, "options", points=True))

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        return "；".join(f"{o['label']} {points_text(o['points'])}分" for o in definition.get("options", []))

    @property
    def max_points(self) -> Decimal:
        return max((o.points for o in self.options), default=ZERO)

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        chosen = self.options[read_index(inp, "option", len(self.options), "option")]
        return Evaluation(chosen.points, explanation=chosen.label)

    def to_dict(self) -> dict[str, Any]:
        options = [{"label": o.label, "points": json_number(o.points)} for o in self.options]
        return super().to_dict() | {"options": options}


@dataclass(frozen=True)
class PassFail(Rule):
    """合格/基本合格/不合格: a level, no points. Levels are ordered best first."""

    type: ClassVar[str] = "pass_fail"
    fields: ClassVar[tuple[str, ...]] = ("level",)
    levels: tuple[str, ...] = PASS_FAIL_LEVELS

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        levels = reader.get("levels", list(PASS_FAIL_LEVELS))
        if not isinstance(levels, list) or len(levels) < 2 or not all(isinstance(x, str) and x for x in levels):
            raise reader.fail(f"rule field 'levels' must list at least two level names, got {levels!r}")
        return PassFail(levels=tuple(levels))

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        return " / ".join(definition.get("levels", list(PASS_FAIL_LEVELS)))

    @property
    def max_points(self) -> Decimal:
        return ZERO

    def evaluate(self, inp: Mapping[str, Any]) -> Evaluation:
        level = read_index(inp, "level", len(self.levels), "level")
        return Evaluation(ZERO, level=level, explanation=self.levels[level])

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"levels": list(self.levels)}
