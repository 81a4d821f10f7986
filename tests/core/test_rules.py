"""Every rule type: what it scores, and the inputs it refuses (naming the field)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from egov_desk.core.messages import FIELD_NAMES
from egov_desk.core.rules import REGISTRY, RULE_TYPES, TYPE_NAMES, InputError, RuleError, parse_rule, summary


def points(definition: dict[str, Any], inp: dict[str, Any]) -> Decimal:
    return parse_rule(definition).evaluate(inp).points


def refused(definition: dict[str, Any], inp: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_rule(definition).evaluate(inp)
    return caught.value


MANUAL = {"type": "manual", "max": 3}


class TestManualAndExternal:
    def test_a_person_judges_within_the_maximum(self) -> None:
        assert points(MANUAL, {"score": 2.5}) == Decimal("2.5")
        assert points(MANUAL, {"score": 3}) == 3
        assert points(MANUAL, {"score": 0}) == 0

    def test_above_the_maximum_is_refused_not_clamped(self) -> None:
        error = refused(MANUAL, {"score": 3.5})
        assert error.field == "score"
        assert "exceeds the maximum 3" in str(error)

    def test_negative_or_text_scores_are_refused(self) -> None:
        assert refused(MANUAL, {"score": -1}).field == "score"
        assert "not a number" in str(refused(MANUAL, {"score": "abc"}))
        assert "missing" in str(refused(MANUAL, {}))

    def test_a_step_refuses_values_between_steps(self) -> None:
        rule = {"type": "manual", "max": 2, "step": 0.5}
        assert points(rule, {"score": 1.5}) == Decimal("1.5")
        assert "multiple of 0.5" in str(refused(rule, {"score": 1.2}))

    def test_floats_are_read_exactly(self) -> None:
        rule = {"type": "sum", "parts": [{"type": "manual", "max": 1}, {"type": "manual", "max": 1}]}
        assert points(rule, {"parts": [{"score": 0.1}, {"score": 0.2}]}) == Decimal("0.3")

    def test_external_results_carry_their_source(self) -> None:
        rule = parse_rule({"type": "external", "max": 10, "source": "市政务服务中心"})
        result = rule.evaluate({"score": 9.5})
        assert result.points == Decimal("9.5")
        assert "市政务服务中心" in result.explanation

    def test_a_missing_max_is_the_items_points(self) -> None:
        assert parse_rule({"type": "manual"}, default_max=Decimal(4)).max_points == 4


class TestYesNoAndOptions:
    def test_yes_gives_the_points_and_no_gives_none(self) -> None:
        rule = {"type": "yes_no", "points": 3}
        assert points(rule, {"yes": True}) == 3
        assert points(rule, {"yes": False}) == 0

    def test_yes_must_be_a_boolean(self) -> None:
        assert "true or false" in str(refused({"type": "yes_no", "points": 3}, {"yes": 1}))

    def test_each_option_has_its_points(self) -> None:
        rule = {
            "type": "options",
            "options": [
                {"label": "专线", "points": 3},
                {"label": "非专线", "points": 1},
                {"label": "未接入", "points": 0},
            ],
        }
        assert [points(rule, {"option": i}) for i in range(3)] == [3, 1, 0]

    def test_an_option_that_does_not_exist_is_refused(self) -> None:
        rule = {"type": "options", "options": [{"label": "a", "points": 1}]}
        error = refused(rule, {"option": 1})
        assert error.field == "option"
        assert "does not exist" in str(error)


class TestPerUnitAndDeduct:
    PER_UNIT = {"type": "per_unit", "per": 0.5, "cap": 1, "unit": "类"}

    def test_points_per_unit_stop_at_the_cap(self) -> None:
        assert [points(self.PER_UNIT, {"count": n}) for n in range(4)] == [0, Decimal("0.5"), 1, 1]

    def test_counts_are_whole_and_not_negative(self) -> None:
        assert "whole number" in str(refused(self.PER_UNIT, {"count": 1.5}))
        assert "negative" in str(refused(self.PER_UNIT, {"count": -1}))

    def test_deductions_stop_at_the_floor(self) -> None:
        rule = {"type": "deduct", "start": 2, "per": 0.5}
        assert [points(rule, {"count": n}) for n in (0, 1, 3, 4, 9)] == [2, Decimal("1.5"), Decimal("0.5"), 0, 0]
        floored = {"type": "deduct", "start": 2, "per": 0.5, "floor": 1}
        assert points(floored, {"count": 9}) == 1

    def test_a_floor_above_the_start_is_a_broken_rule(self) -> None:
        with pytest.raises(RuleError, match="floor"):
            parse_rule({"type": "deduct", "start": 1, "per": 0.5, "floor": 2})

    # 每推迟一个月扣0.5分，最高扣2分；发生1起扣1分，累加计分 on a 30-point item: one deduction, two classes
    LATE_AND_INCIDENTS = {
        "type": "deduct",
        "start": 30,
        "per": 0.5,
        "floor": 0,
        "unit": "扣分情形（按类别）",
        "classes": [{"label": "推迟（个月）", "per": 0.5, "max": 2}, {"label": "发生（起）", "per": 1}],
    }

    def test_a_class_with_its_own_cap_takes_off_no_more_than_it(self) -> None:
        assert points(self.LATE_AND_INCIDENTS, {"counts": [4, 0]}) == 28
        assert points(self.LATE_AND_INCIDENTS, {"counts": [9, 3]}) == 25
        assert points(self.LATE_AND_INCIDENTS, {"counts": [3, 1]}) == Decimal("27.5")

    def test_classes_without_a_cap_still_stop_at_the_floor(self) -> None:
        assert points(self.LATE_AND_INCIDENTS, {"counts": [0, 40]}) == 0

    def test_a_class_cap_survives_the_interchange_round_trip(self) -> None:
        assert parse_rule(self.LATE_AND_INCIDENTS).to_dict() == self.LATE_AND_INCIDENTS
        assert parse_rule(self.LATE_AND_INCIDENTS).max_points == 30

    def test_a_class_cap_of_nothing_is_a_broken_rule(self) -> None:
        broken = {"type": "deduct", "start": 3, "classes": [{"label": "A类", "per": 1, "max": 0}]}
        with pytest.raises(RuleError, match=r"classes\[0\].*'max'"):
            parse_rule(broken)


class TestRatio:
    RULE = {"type": "ratio", "max": 3, "numerator": "挂接目录数", "denominator": "目录总数"}

    def test_numerator_over_denominator_times_max(self) -> None:
        assert points(self.RULE, {"numerator": 7, "denominator": 9}) == Decimal(7) * 3 / 9
        assert points(self.RULE, {"numerator": 9, "denominator": 9}) == 3
        assert points(self.RULE, {"numerator": 0, "denominator": 9}) == 0

    def test_a_rate_is_a_fraction(self) -> None:
        assert points({"type": "ratio", "max": 6, "rate": True}, {"rate": 0.9}) == Decimal("5.4")
        assert "above 1" in str(refused({"type": "ratio", "max": 6, "rate": True}, {"rate": 90}))

    def test_denominator_zero_is_refused(self) -> None:
        error = refused(self.RULE, {"numerator": 1, "denominator": 0})
        assert (error.field, "is 0" in error.message) == ("denominator", True)

    def test_numerator_above_denominator_is_refused(self) -> None:
        assert refused(self.RULE, {"numerator": 10, "denominator": 9}).field == "numerator"


class TestRank:
    RULE = {
        "type": "rank",
        "bands": [{"from": 1, "to": 5, "points": 2}, {"from": 6, "to": 10, "points": 1}],
        "otherwise": 0,
        "of": 16,
    }

    def test_bands_and_otherwise(self) -> None:
        assert [points(self.RULE, {"rank": r}) for r in (1, 5, 6, 10, 11, 16)] == [2, 2, 1, 1, 0, 0]

    def test_ranks_outside_1_to_n_are_refused(self) -> None:
        assert "17 of 16" in str(refused(self.RULE, {"rank": 17}))
        assert refused(self.RULE, {"rank": 0}).field == "rank"

    def test_overlapping_bands_give_the_better_band_and_are_reported(self) -> None:
        overlapping = {
            "type": "rank",
            "bands": [{"from": 1, "to": 5, "points": 2}, {"from": 5, "to": 10, "points": 1}],
            "of": 16,
        }
        rule = parse_rule(overlapping)
        assert rule.overlaps() == [5]  # type: ignore[attr-defined]
        assert rule.evaluate({"rank": 5}).points == 2

    def test_a_band_beyond_n_is_a_broken_rule(self) -> None:
        with pytest.raises(RuleError, match="band 1–20"):
            parse_rule({"type": "rank", "bands": [{"from": 1, "to": 20, "points": 1}], "of": 16})


class TestChecklist:
    POINTS = {"type": "checklist", "items": [{"label": "计划", "points": 1}, {"label": "总结", "points": 1}]}
    CAPPED = {"type": "checklist", "cap": 2, "items": [{"label": str(i), "points": 0.5} for i in range(5)]}
    TIERS = {
        "type": "checklist",
        "items": [{"label": "备案"}, {"label": "测评"}, {"label": "整改"}],
        "tiers": [{"min": 3, "points": 2}, {"min": 1, "points": 1}],
    }

    def test_each_condition_adds_its_points(self) -> None:
        assert [points(self.POINTS, {"checked": c}) for c in ([], [0], [1], [0, 1])] == [0, 1, 1, 2]

    def test_the_cap_limits_the_sum(self) -> None:
        assert points(self.CAPPED, {"checked": [0, 1, 2]}) == Decimal("1.5")
        assert points(self.CAPPED, {"checked": [0, 1, 2, 3, 4]}) == 2

    def test_tiers_count_the_conditions_met(self) -> None:
        assert [points(self.TIERS, {"checked": c}) for c in ([], [2], [0, 1], [0, 1, 2])] == [0, 1, 1, 2]

    def test_unknown_or_repeated_conditions_are_refused(self) -> None:
        assert "does not exist" in str(refused(self.POINTS, {"checked": [2]}))
        assert "ticked twice" in str(refused(self.POINTS, {"checked": [0, 0]}))
        assert "list" in str(refused(self.POINTS, {"checked": "0"}))


class TestSum:
    RULE = {
        "type": "sum",
        "parts": [
            {"type": "manual", "max": 0.8, "label": "及时性"},
            {"type": "manual", "max": 0.8, "label": "质量"},
            {"type": "manual", "max": 0.4, "label": "互动反馈"},
        ],
    }

    def test_parts_add_up(self) -> None:
        result = parse_rule(self.RULE).evaluate({"parts": [{"score": 0.8}, {"score": 0.6}, {"score": 0.4}]})
        assert (result.points, result.complete) == (Decimal("1.8"), True)

    def test_unscored_parts_count_zero_and_leave_the_item_incomplete(self) -> None:
        result = parse_rule(self.RULE).evaluate({"parts": [{"score": 0.8}, None, None]})
        assert (result.points, result.complete) == (Decimal("0.8"), False)

    def test_a_bad_part_names_its_position_and_field(self) -> None:
        error = refused(self.RULE, {"parts": [None, {"score": 0.9}, None]})
        assert error.field == "parts[1].score"

    def test_the_number_of_parts_must_match(self) -> None:
        assert "3 parts" in str(refused(self.RULE, {"parts": [None]}))

    def test_a_cap_limits_the_total(self) -> None:
        capped = {"type": "sum", "cap": 1, "parts": [{"type": "yes_no", "points": 1}, {"type": "yes_no", "points": 1}]}
        assert points(capped, {"parts": [{"yes": True}, {"yes": True}]}) == 1
        assert parse_rule(capped).max_points == 1


class TestPassFail:
    def test_levels_give_no_points_but_a_level(self) -> None:
        result = parse_rule({"type": "pass_fail"}).evaluate({"level": 1})
        assert (result.points, result.level, result.explanation) == (0, 1, "基本合格")

    def test_an_unknown_level_is_refused(self) -> None:
        assert refused({"type": "pass_fail"}, {"level": 3}).field == "level"


class TestDefinitions:
    @pytest.mark.parametrize(
        "definition",
        [
            {"type": "magic"},
            {"type": "per_unit", "per": 0, "cap": 2},
            {"type": "options", "options": []},
            {"type": "checklist", "items": [{"label": "a"}], "tiers": [{"min": 2, "points": 1}]},
            {"type": "sum", "parts": [{"type": "manual", "max": "lots"}]},
            "manual",
        ],
    )
    def test_broken_definitions_are_refused_with_their_place(self, definition: Any) -> None:
        with pytest.raises(RuleError, match=r"^021 scoring"):
            parse_rule(definition, "021 scoring")

    def test_definitions_round_trip_with_unknown_keys_kept(self) -> None:
        definition = {
            "type": "rank",
            "bands": [{"from": 1, "to": 5, "points": 2}],
            "otherwise": 0,
            "of": 16,
            "note": "kept as given",
        }
        assert parse_rule(definition).to_dict() == definition

    def test_input_that_is_not_an_object_is_refused(self) -> None:
        assert refused(MANUAL, 3).field == "input"


class TestRegistry:
    def test_every_rule_type_has_its_class_its_chinese_name_and_named_input_fields(self) -> None:
        assert tuple(REGISTRY) == RULE_TYPES
        for key, rule_type in REGISTRY.items():
            assert rule_type.rule.type == key
            assert rule_type.name == TYPE_NAMES[key]
            assert rule_type.fields
            assert all(field in FIELD_NAMES for field in rule_type.fields)

    @pytest.mark.parametrize(
        ("definition", "said"),
        [
            ({"type": "manual", "max": 3}, "人工评分，0–3分"),
            ({"type": "external", "max": 2, "source": "市发改委"}, "外部结果，0–2分（市发改委）"),
            ({"type": "yes_no", "points": 1.5}, "是 1.5分 / 否 0分"),
            (
                {"type": "options", "options": [{"label": "是", "points": 3}, {"label": "否", "points": 1}]},
                "是 3分；否 1分",
            ),
            ({"type": "per_unit", "per": 0.5, "cap": 2, "unit": "参加调研（次）"}, "每次 0.5分，上限 2分"),
            ({"type": "deduct", "start": 2, "per": 0.5, "floor": 0}, "起评 2分，每处扣 0.5分，最低 0分"),
            (
                {"type": "deduct", "start": 3, "classes": [{"label": "A类", "per": 1}, {"label": "B类", "per": 0.5}]},
                "起评 3分，A类每处扣 1分、B类每处扣 0.5分，最低 0分",
            ),
            (
                TestPerUnitAndDeduct.LATE_AND_INCIDENTS,
                "起评 30分，推迟每个月扣 0.5分（最多扣 2分）、发生每起扣 1分，最低 0分",
            ),
            ({"type": "ratio", "max": 3, "numerator": "A", "denominator": "B"}, "A/B × 3分"),
            ({"type": "ratio", "max": 6, "rate": True}, "比率 × 6分"),
            (
                {"type": "rank", "bands": [{"from": 1, "to": 5, "points": 2}], "otherwise": 0, "of": 16},
                "1–5名 2分；其余 0分（共16名）",
            ),
            (
                {"type": "checklist", "items": [{"label": "a", "points": 1}, {"label": "b", "points": 0.5}], "cap": 1},
                "2 项条件，各 1/0.5分，上限 1分",
            ),
            (
                {"type": "checklist", "items": [{"label": "a"}, {"label": "b"}], "tiers": [{"min": 2, "points": 2}]},
                "2 项条件，满2项 2分",
            ),
            (
                {"type": "sum", "parts": [{"type": "manual", "max": 0.8}, {"type": "yes_no", "points": 0.4}]},
                "（人工评分，0–0.8分） + （是 0.4分 / 否 0分）",
            ),
            ({"type": "pass_fail"}, "合格 / 基本合格 / 不合格"),
            ({"type": "magic"}, "magic"),
        ],
    )
    def test_a_definition_is_said_in_a_few_chinese_words(self, definition: dict[str, Any], said: str) -> None:
        assert summary(definition) == said
