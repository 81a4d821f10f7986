"""What every rule type shares: the :class:`Rule` base, what it makes of an input (:class:`Evaluation`), and the
reading of its definition (the ``scoring`` JSON) field by field, refusing malformed ones (:class:`RuleError`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from egov_desk.core.errors import Refused
from egov_desk.core.points import NotANumber, compact, to_points

Definition = Mapping[str, Any]


class RuleError(Refused, ValueError):
    """A rule definition is malformed (a template or import problem)."""


class DefinitionReader:
    """Reads one definition's fields, naming the rule's place in every complaint."""

    def __init__(self, definition: Definition, where: str, default_max: Decimal | None, parse: Parse) -> None:
        self.definition = definition
        self.where = where
        self.default_max = default_max
        self.parse = parse
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

    def sub(self, key: str, position: int, entry: Definition) -> DefinitionReader:
        return DefinitionReader(entry, f"{self.where}.{key}[{position}]", None, self.parse)

    def max(self) -> Decimal:
        return self.number("max", self.default_max)


def points_text(value: Any) -> str:
    """A rule parameter as a summary prints it: 4, 0.5."""
    return compact(to_points(value))


@dataclass(frozen=True)
class Evaluation:
    """What a rule makes of one input. ``complete`` is False when a sum has parts still unentered."""

    points: Decimal
    complete: bool = True
    level: int | None = None  # pass_fail only: index into the rule's levels
    explanation: str = ""


@dataclass(frozen=True)
class Rule:
    """One rule type. Each type says how it reads its definition (:meth:`from_dict`), writes it back
    (:meth:`to_dict`), says it in a few Chinese words (:meth:`summary`), and scores an input (:meth:`evaluate`);
    ``fields`` are the keys of the input it takes."""

    type: ClassVar[str]
    fields: ClassVar[tuple[str, ...]]
    label: str = ""  # a part's name inside a sum, e.g. "及时性"
    source: str = ""  # the body that supplies the result (市发改委…), if not the unit
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)  # unknown keys, kept as given

    @classmethod
    def from_dict(cls, reader: DefinitionReader) -> Rule:
        """The rule's own fields from its definition (label, source and unknown keys are added by the caller)."""
        raise NotImplementedError

    @classmethod
    def summary(cls, definition: Definition, summarize: Summarize) -> str:
        """The definition in a few Chinese words; lenient, for proposals not yet checked."""
        raise NotImplementedError

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
class Option:
    label: str
    points: Decimal


Parse = Callable[[Definition, str], Rule]  # (definition, where) → rule: how a sum reads its parts
Summarize = Callable[[Definition], str]  # how a sum says its parts
