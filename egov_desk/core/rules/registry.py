"""The one table of rule types: each type's class, its Chinese name, the fields of its input and its summary.

``parse_rule`` reads a definition through it and ``summary`` says one; adding a rule type means adding its class
(with ``from_dict``, ``to_dict``, ``summary``, ``evaluate``), its name in :mod:`.names`, and its line here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from egov_desk.core.rules.base import Definition, DefinitionReader, Rule, RuleError
from egov_desk.core.rules.composed import Checklist, Sum
from egov_desk.core.rules.counted import Deduct, PerUnit, Rank, Ratio
from egov_desk.core.rules.judged import External, Manual, Options, PassFail, YesNo
from egov_desk.core.rules.names import TYPE_NAMES


@dataclass(frozen=True)
class RuleType:
    """One rule type: its class and its Chinese name; ``fields`` are the keys its input takes."""

    rule: type[Rule]
    name: str

    @property
    def key(self) -> str:
        return self.rule.type

    @property
    def fields(self) -> tuple[str, ...]:
        return self.rule.fields


REGISTRY: dict[str, RuleType] = {
    rule.type: RuleType(rule, TYPE_NAMES[rule.type])
    for rule in (Manual, External, YesNo, Options, PerUnit, Deduct, Ratio, Rank, Checklist, Sum, PassFail)
}
RULE_TYPES = tuple(REGISTRY)
assert set(TYPE_NAMES) == set(RULE_TYPES)


def parse_rule(definition: Definition, where: str = "rule", default_max: Decimal | None = None) -> Rule:
    """Build a rule from its JSON definition.

    ``default_max`` (the item's 分值) fills in ``max``/``points``/``cap``/``start`` when a definition leaves
    them out, so ``{"type": "manual"}`` means "a person judges 0..分值".
    """
    if not isinstance(definition, Mapping):
        raise RuleError(f"{where}: a rule must be an object, got {definition!r}")
    kind = definition.get("type")
    if kind not in REGISTRY:
        raise RuleError(f"{where}: unknown rule type {kind!r} (known: {', '.join(RULE_TYPES)})")
    reader = DefinitionReader(definition, where, default_max, parse_rule)
    rule = REGISTRY[kind].rule.from_dict(reader)
    extra = {key: value for key, value in definition.items() if key not in reader.used}
    return replace(rule, label=reader.text("label"), source=reader.text("source"), extra=extra)


def summary(definition: Definition) -> str:
    """A rule in a few Chinese words, as shown beside its text (import wizard, item panel, score sheet); an
    unknown type is named as given."""
    kind = definition.get("type", "")
    known = REGISTRY.get(kind) if isinstance(kind, str) else None
    return known.rule.summary(definition, summary) if known else kind
