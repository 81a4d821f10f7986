"""Scoring rules: plain data, evaluated by pure functions.

A rule is the structured reading of an item's 评分细则. It is stored in the interchange JSON under ``scoring``
(``{"type": "per_unit", "per": 1, "cap": 2, ...}``); a person's input is a small dict (``{"count": 3}``).
``evaluate`` turns an input into points. Inputs that make no sense are refused with an
:class:`InputError` naming the item and the field — never silently clamped. The error is structured (``kind``,
``values``, and the field's ``label`` as the table names it, which the rule attaches);
:func:`egov_desk.core.messages.describe` words it in the person's language. The *item's* clamp to 0..max
happens in :mod:`egov_desk.core.scoring`, not here.

The package: :mod:`.base` (what every type shares, reading a definition), the types in :mod:`.judged`,
:mod:`.counted` and :mod:`.composed`, the one table of types in :mod:`.registry` (``parse_rule``, ``summary``),
their Chinese names in :mod:`.names`, a person's input in :mod:`.inputs` and its words in :mod:`.input_words`,
and the reading of a 评分细则 text into a proposed rule in :mod:`.reader`.
"""

from __future__ import annotations

from egov_desk.core.rules.base import Definition, Evaluation, Option, Rule, RuleError
from egov_desk.core.rules.composed import Checklist, Sum, Tier
from egov_desk.core.rules.counted import Band, Deduct, PerUnit, Rank, Ratio
from egov_desk.core.rules.inputs import InputError
from egov_desk.core.rules.judged import External, Manual, Options, PassFail, YesNo
from egov_desk.core.rules.names import TYPE_NAMES
from egov_desk.core.rules.registry import REGISTRY, RULE_TYPES, RuleType, parse_rule, summary

__all__ = [
    "REGISTRY",
    "RULE_TYPES",
    "TYPE_NAMES",
    "Band",
    "Checklist",
    "Deduct",
    "Definition",
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
    "RuleType",
    "Sum",
    "Tier",
    "YesNo",
    "parse_rule",
    "summary",
]
