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
        # 第N项 is an ordinal, not a count: only 每… is per unit
        ("第1项达到要求得2分", 2, {"type": "yes_no", "points": 2}),
        ("第2项达到要求得2分", 2, {"type": "yes_no", "points": 2}),
        # choose-one tiers are options (one of them holds), never an additive checklist
        (
            "省级得3分；市级得2分；县级得1分",
            3,
            {"type": "options", "options": [{"points": 3}, {"points": 2}, {"points": 1}, {"points": 0}]},
        ),
        (
            "95%以上得10分；90%-95%得6分",
            10,
            {"type": "options", "options": [{"points": 10}, {"points": 6}, {"points": 0}]},
        ),
        (
            "95%以上得10分；90%-95%得6分；90%以下不得分",
            10,
            {"type": "options", "options": [{"points": 10}, {"points": 6}, {"points": 0}]},
        ),
        (
            "国家级、省级、市级分别得5、3、1分",
            5,
            {"type": "options", "options": [{"points": 5}, {"points": 3}, {"points": 1}, {"points": 0}]},
        ),
        # a base and its deductions are one deduction from the base
        ("得5分；每发现一处问题扣1分（扣完为止）", 5, {"type": "deduct", "start": 5, "per": 1, "floor": 0}),
        ("按时报送得3分；每迟报一次扣0.5分，扣完为止", 3, {"type": "deduct", "start": 3, "per": 0.5, "floor": 0}),
        ("得4分；每漏报一次扣1分；最多扣3分", 4, {"type": "deduct", "start": 4, "per": 1, "floor": 1}),
        # deduction-only rules deduct from the item's points; a cap on the deduction is the floor
        ("发生1起扣1分，累加计分", 3, {"type": "deduct", "start": 3, "per": 1, "floor": 0}),
        (
            "A、B、C类分别扣1、0.5、0.2分",
            3,
            {
                "type": "deduct",
                "start": 3,
                "per": 1,
                "floor": 0,
                "classes": [{"per": 1}, {"per": 0.5}, {"per": 0.2}],
            },
        ),
        ("每推迟一个月扣0.5分，最高扣2分", 5, {"type": "deduct", "start": 5, "per": 0.5, "floor": 3}),
        ("未按时报送的扣1分", 2, {"type": "deduct", "start": 2, "per": 1, "floor": 0}),
        # two kinds of event are ONE deduction from the item's points, a class each, the first capped at 2
        (
            "每推迟一个月扣0.5分，最高扣2分；发生1起扣1分，累加计分",
            30,
            {
                "type": "deduct",
                "start": 30,
                "per": 0.5,
                "floor": 0,
                "classes": [{"per": 0.5, "max": 2}, {"per": 1}],
            },
        ),
        ("每有一个断面不达标扣10分，扣完为止", 40, {"type": "deduct", "start": 40, "per": 10, "floor": 0}),
        ("达到目标值得满分，每低1个百分点扣1分", 30, {"type": "deduct", "start": 30, "per": 1, "floor": 0}),
        # sub-task lists: a sum of parts, each judged up to its points
        (
            "1.建立工作机制（15分）；2.完成年度任务（20分）",
            35,
            {"type": "sum", "parts": [{"type": "manual", "max": 15}, {"type": "manual", "max": 20}]},
        ),
        (
            "1.建立工作机制（15分）2.完成年度任务（20分）3.开展宣传（5分）",
            40,
            {
                "type": "sum",
                "parts": [{"type": "manual", "max": 15}, {"type": "manual", "max": 20}, {"type": "manual", "max": 5}],
            },
        ),
        # ranks in turn: one band per place
        (
            "排名1-5名依次赋予6分、5.7分、5.4分、5.1分、4.8分",
            6,
            {
                "type": "rank",
                "bands": [
                    {"from": 1, "to": 1, "points": 6},
                    {"from": 2, "to": 2, "points": 5.7},
                    {"from": 3, "to": 3, "points": 5.4},
                    {"from": 4, "to": 4, "points": 5.1},
                    {"from": 5, "to": 5, "points": 4.8},
                ],
                "otherwise": 0,
                "of": 0,
            },
        ),
        # 以…为准 is external only when the text gives no computable rule
        ("以省考核结果为准，每发现一处扣1分", 10, {"type": "deduct", "start": 10, "per": 1, "floor": 0}),
        ("取市河长办考核得分按20%折算", 20, {"type": "external", "max": 20, "scale": 100}),
        ("取省考核得分（满分50分）折算", 10, {"type": "external", "max": 10, "scale": 50}),
        # thresholds: met or not
        ("小学>=4.2人", 0, {"type": "pass_fail", "levels": ["合格", "不合格"]}),
        ("小学≥4.2人，初中≥5.3人", 0, {"type": "pass_fail", "levels": ["合格", "不合格"]}),
        ("绿色建筑占比不低于20%", 5, {"type": "yes_no", "points": 5}),
        # tiers below the full points, each a deduction said once: one choose-one list
        (
            "巡河率100%得10分；90%≤N＜95%，扣2分；N＜90%，扣5分",
            10,
            {
                "type": "options",
                "options": [{"points": 10}, {"points": 8}, {"points": 5}],
            },
        ),
        # a named rate times the points, and full-or-nothing in words
        ("资金到位率×15分", 15, {"type": "ratio", "max": 15, "rate": True}),
        ("完成得满分；未完成不得分", 40, {"type": "yes_no", "points": 40}),
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


def test_choose_one_tiers_keep_their_labels_and_a_nothing_option() -> None:
    assert propose("省级得3分；市级得2分；县级得1分", 3).rule["options"] == [
        {"label": "省级", "points": 3},
        {"label": "市级", "points": 2},
        {"label": "县级", "points": 1},
        {"label": "其他", "points": 0},
    ]
    assert propose("95%以上得10分；90%-95%得6分；90%以下不得分", 10).rule["options"][-1] == {
        "label": "90%以下",
        "points": 0,
    }


def test_conditions_that_add_up_stay_a_checklist() -> None:
    assert propose("有方案的，得2分；有总结的，得1分", 3).rule["type"] == "checklist"


def test_a_deduction_is_never_read_as_points_gained() -> None:
    for text in ("未按时报送的扣1分", "得5分；每发现一处问题扣1分（扣完为止）", "每推迟一个月扣0.5分；最高扣2分"):
        rule = propose(text, 5).rule
        assert rule["type"] == "deduct", text
        assert parse_rule(rule).evaluate({"count": 1}).points < 5


def test_a_deduction_says_what_is_counted() -> None:
    assert propose("每推迟一个月扣0.5分，最高扣2分", 5).rule["unit"] == "推迟（个月）"
    assert propose("发生1起扣1分，累加计分", 3).rule["unit"] == "发生（起）"


@pytest.mark.parametrize(
    ("text", "points", "unit"),
    [
        ("每有一个断面不达标扣10分，扣完为止", 40, "不达标的断面（个）"),
        ("每低1个百分点扣1分", 10, "低于目标的百分点（个）"),
        ("达到目标值得满分，每低1个百分点扣1分", 30, "低于目标的百分点（个）"),
        ("办结率100%得10分；每低1个百分点扣1分", 10, "低于目标的百分点（个）"),
        ("完成得30分；每少50人次扣3分", 30, "少于目标的人次（每50人次）"),
        ("每缺一项制度扣5分，扣完为止", 20, "缺少的制度（项）"),
        ("每有一处不合理扣2分", 10, "不合理（处）"),
        ("网站正常运行得5分，每发现一次无法访问扣1分", 5, "无法访问（次）"),
        ("每发现一起违规扣3分，扣完为止", 15, "违规（起）"),
        ("每发现一处扣0.5分，扣完为止", 2, "发现的问题（处）"),
        ("每有一个断面达标得10分", 40, "达标的断面（个）"),
        ("每完成一项任务得1分，最高3分", 3, "完成的任务（项）"),
        ("参加培训，一次得1分，最高2分", 2, "参加培训（次）"),
    ],
)
def test_a_count_is_labelled_with_what_is_counted(text: str, points: int, unit: str) -> None:
    assert propose(text, points).rule["unit"] == unit


def test_the_2019_seeds_counted_certificates_are_named_by_what_is_counted() -> None:
    """Was 在事项办理中实现电子证照应用（类）, words from before 每; SCORING-2019.md counts 得到应用的电子证照类别数."""
    item = load_template("builtin:2019").item("029")
    assert propose(item.rule_text, item.points).rule["unit"] == "在事项办理过程中得到应用的电子证照（类）"


def test_two_kinds_of_deduction_are_one_deduction_each_counted_by_itself() -> None:
    proposal = propose("每推迟一个月扣0.5分，最高扣2分；发生1起扣1分，累加计分", 30)
    rule = parse_rule(proposal.rule)
    assert [c["label"] for c in proposal.rule["classes"]] == ["推迟（个月）", "发生（起）"]
    assert rule.evaluate({"counts": [4, 0]}).points == 28  # the delays take off 2 at most, from the item's 30
    assert rule.evaluate({"counts": [1, 2]}).points == Decimal("27.5")
    assert rule.max_points == 30
    assert proposal.notes  # said, not hidden


def test_a_base_with_two_kinds_of_deduction_starts_from_the_base() -> None:
    rule = propose("按期完成得20分；每推迟一个月扣0.5分，最高扣2分；发生1起扣1分", 20).rule
    assert rule["start"] == 20
    assert [c.get("max") for c in rule["classes"]] == [2, None]


def test_deductions_by_class_are_one_deduction_counted_per_class() -> None:
    rule = propose("A、B、C类分别扣1、0.5、0.2分", 3).rule
    assert [c["label"] for c in rule["classes"]] == ["A类", "B类", "C类"]
    assert parse_rule(rule).evaluate({"counts": [1, 1, 2]}).points == Decimal("1.1")


def test_ranks_in_turn_cut_short_go_on_by_their_step_and_say_so() -> None:
    proposal = propose("排名1-5名依次赋予6分、5.7分…，其余不得分", 6)
    assert [band["points"] for band in proposal.rule["bands"]] == [6, 5.7, 5.4, 5.1, 4.8]
    assert any("推算" in note for note in proposal.notes)


def test_sub_tasks_keep_their_names() -> None:
    rule = propose("1.建立工作机制（15分）；2.完成年度任务（20分）", 35).rule
    assert [part["label"] for part in rule["parts"]] == ["建立工作机制", "完成年度任务"]


def test_a_computable_rule_beside_an_outside_result_is_read_and_noted() -> None:
    proposal = propose("以省考核结果为准，每发现一处扣1分", 10)
    assert proposal.rule["type"] == "deduct"
    assert any("为准" in note for note in proposal.notes)


def test_an_outside_score_to_scale_is_external_with_its_scale() -> None:
    proposal = propose("取市河长办考核得分按20%折算", 20)
    assert proposal.rule == {"type": "external", "max": 20, "scale": 100}
    assert any("折算" in note and "20%" in note for note in proposal.notes)
    assert parse_rule(proposal.rule).evaluate({"score": 87}).points == Decimal("17.4")


def test_a_threshold_with_points_says_it_is_all_or_nothing() -> None:
    assert propose("绿色建筑占比不低于20%", 5).notes


def test_a_veto_never_vanishes() -> None:
    alone = propose("发生重大安全事故的，实行一票否决", 5)
    beside = propose("每发现一处扣1分，扣完为止；发生重大责任事故的，一票否决", 5)
    assert beside.rule["type"] == "deduct"
    for proposal in (alone, beside):
        assert any("一票否决" in note for note in proposal.notes)


def test_a_veto_is_the_items_veto_with_the_effect_the_text_gives() -> None:
    failed = propose("每发现一处扣1分，扣完为止；发生重大责任事故的，一票否决", 5)
    zeroed = propose("发生重大安全事故的，实行一票否决，总分计0分", 5)
    assert failed.veto == {"text": "发生重大责任事故的，一票否决", "effect": "fail"}
    assert zeroed.veto is not None
    assert zeroed.veto["effect"] == "zero"
    assert zeroed.rule == {"type": "manual", "max": 5}  # the veto clause is not read as points
    assert propose("每发现一处扣1分", 5).veto is None


def test_a_deduction_it_cannot_read_stays_manual_and_noted_never_points_gained() -> None:
    proposal = propose("A、B分别扣1、0.5、0.2分", 3)
    assert proposal.rule == {"type": "manual", "max": 3}
    assert proposal.notes


def test_ranks_in_turn_go_on_only_while_points_are_left() -> None:
    proposal = propose("排名1-30名依次赋予6分、5.7分…", 6)
    assert proposal.rule["bands"][-1] == {"from": 20, "to": 20, "points": 0.3}
    assert proposal.rule["otherwise"] == 0
