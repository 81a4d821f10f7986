"""The rule reader proposes the SCORING-2019.md rule for at least 30 of the 35 seed items."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from egov_desk.core.rules import parse_rule
from egov_desk.core.rules.reader import normalise, propose
from egov_desk.core.templates import load_template

# Where the reader's proposal differs from SCORING-2019.md. Keep this list honest: the test checks it.
KNOWN_DIFFERENT: set[str] = set()


def shape(rule: dict[str, Any]) -> Any:
    """A rule's type and numbers, without its wording (labels, units, sources)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if k not in ("label", "unit", "source", "note", "numerator", "denominator")
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(parse_rule(rule).to_dict())


def proposals() -> dict[str, tuple[Any, Any]]:
    system = load_template("builtin:2019")
    return {
        item.code: (shape(propose(item.rule_text, item.points, item.evidence_text).rule), shape(item.scoring.to_dict()))
        for item in system.items()
    }


def test_at_least_30_of_35_seed_items_agree_with_scoring_2019() -> None:
    results = proposals()
    different = {code for code, (got, wanted) in results.items() if got != wanted}
    assert different == KNOWN_DIFFERENT
    assert len(results) - len(different) >= 30


@pytest.mark.parametrize(
    ("text", "points", "expected"),
    [
        ("每项1分，最高得2分", 2, {"type": "per_unit", "per": 1, "cap": 2}),
        ("每有一类得0.5分，得满1分为止", 1, {"type": "per_unit", "per": 0.5, "cap": 1}),
        ("每发现一处扣0.5分，扣完为止", 2, {"type": "deduct", "start": 2, "per": 0.5, "floor": 0}),
        (
            "是，得3分；否，得1分；未接入的，不得分",
            3,
            {"type": "options", "options": [{"points": 3}, {"points": 1}, {"points": 0}]},
        ),
        ("得分=A/B*3分", 3, {"type": "ratio", "max": 3}),
        ("得分率×6分", 6, {"type": "ratio", "max": 6, "rate": True}),
        ("按完成比例得分", 4, {"type": "ratio", "max": 4}),
        (
            "前5名的得2分，6-10名的得1分",
            2,
            {
                "type": "rank",
                "bands": [{"from": 1, "to": 5, "points": 2}, {"from": 6, "to": 10, "points": 1}],
                "otherwise": 0,
                "of": 0,
            },
        ),
        (
            "及时性，最高0.8分；质量，最高0.8分；互动，最高0.4分",
            2,
            {
                "type": "sum",
                "parts": [
                    {"type": "manual", "max": 0.8},
                    {"type": "manual", "max": 0.8},
                    {"type": "manual", "max": 0.4},
                ],
            },
        ),
        ("有计划的，得1分；有总结的，得1分。", 2, {"type": "checklist", "items": [{"points": 1}, {"points": 1}]}),
        (
            "完成备案、测评和整改的，得2分，完成其中任何一项，得1分。",
            2,
            {"type": "checklist", "items": [{}, {}, {}], "tiers": [{"min": 3, "points": 2}, {"min": 1, "points": 1}]},
        ),
        ("取年度目标管理绩效考核结果", 10, {"type": "external", "max": 10}),
        ("以市考核办评价为准", 5, {"type": "external", "max": 5}),
        ("达到要求的为合格", 0, {"type": "pass_fail", "levels": ["合格", "基本合格", "不合格"]}),
        ("根据实际情况评分", 3, {"type": "manual", "max": 3}),
    ],
)
def test_phrasings_are_read(text: str, points: int, expected: dict[str, Any]) -> None:
    assert shape(propose(text, points).rule) == expected


def test_results_supplied_by_another_body_are_external() -> None:
    proposal = propose("年度市级事项受理情况。", 4, "市发改委提供。")
    assert proposal.rule == {"type": "external", "max": 4, "source": "市发改委"}


def test_unsure_readings_fall_back_to_manual_with_low_confidence() -> None:
    proposal = propose("综合考虑各方面因素酌情给分", 3)
    assert proposal.rule == {"type": "manual", "max": 3}
    assert proposal.confidence < 0.5
    assert proposal.notes


def test_overlapping_rank_bands_are_reported_not_hidden() -> None:
    proposal = propose("前5名的得2分，5-10名的得1分，10名以后不得分。在全省16个地市排名", 2)
    assert proposal.rule["bands"][1]["from"] == 6
    assert proposal.rule["of"] == 16
    assert any("重叠" in note for note in proposal.notes)


def test_parts_exceeding_the_items_points_are_reported() -> None:
    proposal = propose("计划，最高1分；总结，最高2分", Decimal(2))
    assert any("超过分值" in note for note in proposal.notes)
    assert proposal.confidence <= 0.6


def test_normalising_turns_full_width_and_chinese_numerals_into_digits() -> None:
    assert normalise("每项１分，两次得２分，前五名") == "每项1分,2次得2分,前5名"
    assert normalise("一体化平台") == "一体化平台"  # not a count
