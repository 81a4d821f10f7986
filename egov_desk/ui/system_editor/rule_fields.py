"""The fields each rule type takes, as the rule form shows them: plain fields (a number, an optional number, a
whole number, a text, a flag) and tables of rows; how a typed text is read for each kind of field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from egov_desk.core.points import compact, to_points
from egov_desk.ui.editors.number_field import read_typed

Definition = dict[str, Any]
NUMBER, OPTIONAL, WHOLE, TEXT, FLAG = "number", "optional", "whole", "text", "flag"


def plain_fields(kind: str) -> list[tuple[str, str, str]]:
    """The plain fields of a rule type: (key, kind of value, label)."""
    return {
        "manual": [
            ("max", NUMBER, QCoreApplication.translate("RuleForm", "Highest points")),
            ("step", OPTIONAL, QCoreApplication.translate("RuleForm", "In steps of")),
        ],
        "external": [
            ("max", NUMBER, QCoreApplication.translate("RuleForm", "Highest points")),
            ("source", TEXT, QCoreApplication.translate("RuleForm", "Supplied by")),
            ("step", OPTIONAL, QCoreApplication.translate("RuleForm", "In steps of")),
        ],
        "yes_no": [("points", NUMBER, QCoreApplication.translate("RuleForm", "Points for yes"))],
        "per_unit": [
            ("per", NUMBER, QCoreApplication.translate("RuleForm", "Points per unit")),
            ("cap", NUMBER, QCoreApplication.translate("RuleForm", "At most")),
            ("unit", TEXT, QCoreApplication.translate("RuleForm", "What is counted")),
        ],
        "deduct": [
            ("start", NUMBER, QCoreApplication.translate("RuleForm", "Starting points")),
            ("per", NUMBER, QCoreApplication.translate("RuleForm", "Points off each")),
            ("floor", NUMBER, QCoreApplication.translate("RuleForm", "Never below")),
            ("unit", TEXT, QCoreApplication.translate("RuleForm", "What is counted")),
        ],
        "ratio": [
            ("max", NUMBER, QCoreApplication.translate("RuleForm", "Highest points")),
            ("numerator", TEXT, QCoreApplication.translate("RuleForm", "Numerator")),
            ("denominator", TEXT, QCoreApplication.translate("RuleForm", "Denominator")),
            ("rate", FLAG, QCoreApplication.translate("RuleForm", "Entered as a rate")),
        ],
        "rank": [
            ("of", WHOLE, QCoreApplication.translate("RuleForm", "Ranked among (0: not said)")),
            ("otherwise", NUMBER, QCoreApplication.translate("RuleForm", "Points otherwise")),
        ],
        "checklist": [("cap", OPTIONAL, QCoreApplication.translate("RuleForm", "At most"))],
        "sum": [("cap", OPTIONAL, QCoreApplication.translate("RuleForm", "At most"))],
    }.get(kind, [])


def table_fields(kind: str) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """The list fields of a rule type: (key, title, columns as (key, kind, header))."""
    label, points = (
        ("label", TEXT, QCoreApplication.translate("RuleForm", "Label")),
        ("points", NUMBER, QCoreApplication.translate("RuleForm", "Points")),
    )
    return {
        "options": [("options", QCoreApplication.translate("RuleForm", "Options (choose one)"), [label, points])],
        "rank": [
            (
                "bands",
                QCoreApplication.translate("RuleForm", "Bands of ranks"),
                [
                    ("from", WHOLE, QCoreApplication.translate("RuleForm", "From rank")),
                    ("to", WHOLE, QCoreApplication.translate("RuleForm", "To rank")),
                    points,
                ],
            )
        ],
        "checklist": [
            ("items", QCoreApplication.translate("RuleForm", "Conditions"), [label, points]),
            (
                "tiers",
                QCoreApplication.translate("RuleForm", "Or points by how many are met (optional)"),
                [("min", WHOLE, QCoreApplication.translate("RuleForm", "At least")), points],
            ),
        ],
        "deduct": [
            (
                "classes",
                QCoreApplication.translate("RuleForm", "Kinds of deduction, each counted (optional)"),
                [
                    label,
                    ("per", NUMBER, QCoreApplication.translate("RuleForm", "Points off each")),
                    ("max", OPTIONAL, QCoreApplication.translate("RuleForm", "At most off (optional)")),
                ],
            )
        ],
        "pass_fail": [
            (
                "levels",
                QCoreApplication.translate("RuleForm", "Levels, best first"),
                [("", TEXT, QCoreApplication.translate("RuleForm", "Level"))],
            )
        ],
    }.get(kind, [])


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float | Decimal):
        return compact(to_points(value))
    return str(value)


def read(kind: str, text: str) -> tuple[bool, Any]:
    """(readable, value) for typed text: numbers as JSON numbers, None for an empty optional field."""
    if kind == TEXT:
        return True, text
    value = read_typed(text)
    if value is None:
        return kind == OPTIONAL, None
    if isinstance(value, str) or value < 0:
        return False, None
    if kind == WHOLE and value != int(value):
        return False, None
    return True, int(value) if kind == WHOLE else value
