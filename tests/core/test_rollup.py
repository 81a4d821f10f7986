"""Roll-up: items clamp to their points, levels add their children and clamp, the total adds level 1."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from egov_desk.core.indicators import IndicatorSystem, IndicatorSystemError, system_from_interchange
from egov_desk.core.scoring import score_item, score_system
from egov_desk.core.templates import load_template


def small_system(**overrides: Any) -> IndicatorSystem:
    """Two levels; level A is worth less than its items together, to show the clamp."""
    data: dict[str, Any] = {
        "title": "t",
        "year": 2020,
        "total_points": 5,
        "tree": [
            {
                "name": "A",
                "points": 3,
                "items": [
                    {"code": "1", "points": 2, "scoring": {"type": "manual"}},
                    {"code": "2", "points": 2, "scoring": {"type": "manual"}},
                ],
            },
            {
                "name": "B",
                "points": 2,
                "children": [
                    {"name": "B1", "points": 2, "items": [{"code": "3", "points": 2, "scoring": {"type": "yes_no"}}]},
                ],
            },
        ],
    }
    data.update(overrides)
    return system_from_interchange(data)


def test_no_inputs_means_every_item_unscored_and_zero() -> None:
    sheet = score_system(load_template("builtin:2019"), {})
    assert sheet.total == 0
    assert len(sheet.unscored) == 35
    assert all(not s.scored for s in sheet.items.values())
    assert sheet.nodes[(0,)].unscored == 5


def test_levels_add_their_children_and_clamp_to_their_points() -> None:
    sheet = score_system(small_system(), {"1": {"score": 2}, "2": {"score": 2}, "3": {"yes": True}})
    assert sheet.nodes[(0,)].points == 3  # 2 + 2, clamped to A's 3
    assert sheet.nodes[(1, 0)].points == 2
    assert sheet.nodes[(1,)].points == 2
    assert sheet.total == 5


def test_the_total_clamps_to_the_systems_points() -> None:
    sheet = score_system(small_system(total_points=4), {"1": {"score": 2}, "2": {"score": 2}, "3": {"yes": True}})
    assert sheet.total == 4


def test_full_marks_on_2019_give_exactly_100_at_every_level() -> None:
    system = load_template("builtin:2019")
    full = {
        "001": {"parts": [{"count": 2}, {"count": 2}]},
        "002": {"checked": [0, 1]},
        "003": {"count": 2},
        "004": {"score": 3},
        "005": {"yes": True},
        "006": {"option": 0},
        "007": {"yes": True},
        "008": {"score": 10},
        "009": {"yes": True},
        "010": {"yes": True},
        "011": {"rate": 1},
        "012": {"score": 2},
        "013": {"score": 2},
        "014": {"score": 2},
        "015": {"score": 2},
        "016": {"score": 2},
        "017": {"score": 4},
        "018": {"score": 4},
        "019": {"parts": [{"score": 0.8}, {"score": 0.8}, {"score": 0.4}]},
        "020": {"checked": [0, 1]},
        "021": {"numerator": 5, "denominator": 5},
        "022": {"score": 3},
        "023": {"score": 2},
        "024": {"score": 2},
        "025": {"checked": [0, 1]},
        "026": {"parts": [{"numerator": 1, "denominator": 1}, {"numerator": 2, "denominator": 2}]},
        "027": {"numerator": 4, "denominator": 4},
        "028": {"rank": 1},
        "029": {"count": 2},
        "030": {"parts": [{"yes": True}, {"checked": [0, 1, 2, 3]}]},
        "031": {"option": 0},
        "032": {"checked": [0, 1, 2]},
        "033": {"yes": True},
        "034": {"yes": True},
        "035": {"parts": [{"score": 1}, {"score": 1}]},
    }
    sheet = score_system(system, full)
    assert sheet.total == 100
    assert sheet.unscored == []
    for node in system.nodes():
        assert sheet.nodes[node.key].points == node.points, node.path


def test_a_level_is_the_exact_sum_of_its_children() -> None:
    system = load_template("builtin:2019")
    sheet = score_system(system, {"021": {"numerator": 1, "denominator": 3}, "027": {"numerator": 2, "denominator": 3}})
    # 1/3*3 + 2/3*3 = 3 exactly in the roll-up, not 2.9999…
    assert sheet.nodes[(3,)].points == Decimal(3)
    assert sheet.total == Decimal(3)


def test_updating_one_item_equals_scoring_everything_again() -> None:
    system = load_template("builtin:2019")
    rng = random.Random(2019)
    inputs: dict[str, Any] = {}
    sheet = score_system(system, {})
    for _ in range(60):
        item = rng.choice([i for i in system.items() if i.scoring.type in ("manual", "external")])
        score = rng.choice([0, 0.5, 1, float(item.points)])
        inputs[item.code] = {"score": score}
        changed = sheet.update(score_item(item, inputs[item.code]))
        assert [n.key for n in changed] == [item.node_key[:i] for i in range(len(item.node_key), 0, -1)]
        fresh = score_system(system, inputs)
        assert sheet.total == fresh.total
        assert {k: n.points for k, n in sheet.nodes.items()} == {k: n.points for k, n in fresh.nodes.items()}


def test_a_partly_entered_sum_counts_its_parts_but_stays_unscored() -> None:
    system = load_template("builtin:2019")
    sheet = score_system(system, {"019": {"parts": [{"score": 0.8}, None, None]}})
    item = sheet.items["019"]
    assert (item.points, item.scored, item.partial) == (Decimal("0.8"), False, True)
    assert sheet.total == Decimal("0.8")


def test_unknown_codes_in_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="999 item"):
        score_system(load_template("builtin:2019"), {"999": {"score": 1}})


def test_deeper_and_shallower_trees_roll_up_the_same_way() -> None:
    four_levels = system_from_interchange(
        {
            "title": "4",
            "total_points": 10,
            "tree": [
                {
                    "name": "一",
                    "points": 10,
                    "children": [
                        {
                            "name": "（一）",
                            "points": 10,
                            "children": [
                                {
                                    "name": "1.",
                                    "points": 10,
                                    "children": [
                                        {
                                            "name": "（1）",
                                            "points": 10,
                                            "items": [{"code": "A", "points": 10, "scoring": {"type": "manual"}}],
                                        }
                                    ],
                                }
                            ],
                        }
                    ],
                }
            ],
        }
    )
    assert four_levels.depth == 4
    sheet = score_system(four_levels, {"A": {"score": 7}})
    assert [n.points for n in sheet.node_order()] == [7, 7, 7, 7]


def test_pass_fail_systems_report_the_worst_level() -> None:
    system = system_from_interchange(
        {
            "title": "p",
            "tree": [
                {
                    "name": "X",
                    "items": [
                        {"code": "1", "points": 0, "scoring": {"type": "pass_fail"}},
                        {"code": "2", "points": 0, "scoring": {"type": "pass_fail"}},
                    ],
                }
            ],
        }
    )
    sheet = score_system(system, {"1": {"level": 0}, "2": {"level": 1}})
    assert sheet.nodes[(0,)].level == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"tree": []}, "non-empty 'tree'"),
        (
            {"tree": [{"name": "A", "items": [{"code": "1", "points": 1}, {"code": "1", "points": 1}]}]},
            "duplicate item codes",
        ),
        ({"tree": [{"name": "A", "items": [{"code": "1", "points": "x"}]}]}, r"编号 1\): points"),
        ({"tree": [{"name": "A", "items": [{"points": 1}]}]}, "no code"),
        ({"tree": [{"name": "A"}]}, "neither sub-levels nor items"),
        ({"tree": [{"name": "A", "items": [{"code": "1", "points": 1, "scoring": {"type": "x"}}]}]}, "unknown rule"),
    ],
)
def test_broken_systems_are_refused_naming_where(data: dict[str, Any], message: str) -> None:
    with pytest.raises(IndicatorSystemError, match=message):
        system_from_interchange(data)
