"""Weighted systems: a level scored out of its own scale inside it contributes its sum × weight / scale — 一级
权重 50/25/25 each scored out of 100, or each department scored out of its own 60."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from egov_desk.core.indicators import IndicatorSystemError, system_from_interchange, system_to_interchange
from egov_desk.core.scoring import score_system


def manual(code: str, points: int) -> dict[str, Any]:
    return {"code": code, "points": points, "scoring": {"type": "manual"}}


def weighted_system() -> dict[str, Any]:
    """Three 一级 weighted 50/25/25, each with items worth 100 inside it."""
    return {
        "title": "权重表",
        "year": 2024,
        "total_points": 100,
        "tree": [
            {"name": "业务", "weight": 50, "scale": 100, "items": [manual("1", 60), manual("2", 40)]},
            {"name": "管理", "weight": 25, "scale": 100, "items": [manual("3", 100)]},
            {"name": "服务", "weight": 25, "scale": 100, "items": [manual("4", 100)]},
        ],
    }


def test_each_weighted_level_contributes_its_sum_times_weight_over_scale_exactly() -> None:
    system = system_from_interchange(weighted_system())
    sheet = score_system(system, {"1": {"score": 55}, "2": {"score": 35}, "3": {"score": 81}, "4": {"score": 73}})
    first, second, third = (sheet.nodes[(i,)] for i in range(3))
    assert (first.within, first.points, first.max) == (Decimal(90), Decimal(45), Decimal(50))
    assert (second.within, second.points) == (Decimal(81), Decimal("20.25"))
    assert third.points == Decimal("18.25")
    assert sheet.total == Decimal("83.5")
    assert sheet.max == Decimal(100)


def test_a_department_scored_out_of_its_own_sixty_is_weighted_the_same_way() -> None:
    data = {
        "title": "部门考核",
        "year": 2024,
        "tree": [
            {"name": "甲局", "weight": 50, "scale": 60, "items": [manual("1", 60)]},
            {"name": "乙局", "weight": 50, "scale": 60, "items": [manual("2", 60)]},
        ],
    }
    sheet = score_system(system_from_interchange(data), {"1": {"score": 54}, "2": {"score": 40}})
    assert sheet.nodes[(0,)].points == Decimal(45)
    assert sheet.nodes[(1,)].points == Decimal(40) * 50 / 60
    assert sheet.max == Decimal(100)  # the weights, when the table gives no total


def test_the_sum_inside_a_weighted_level_never_exceeds_its_scale() -> None:
    data = weighted_system()
    data["tree"][0]["items"] = [manual("1", 80), manual("2", 40)]  # 120 inside a scale of 100
    sheet = score_system(system_from_interchange(data), {"1": {"score": 80}, "2": {"score": 40}})
    assert sheet.nodes[(0,)].within == Decimal(100)
    assert sheet.nodes[(0,)].points == Decimal(50)


def test_the_score_json_shows_weight_scale_and_the_sum_inside() -> None:
    sheet = score_system(system_from_interchange(weighted_system()), {"3": {"score": 81}})
    node = sheet.to_json()["nodes"][1]
    assert node == {"path": ["管理"], "score": 20.25, "max": 25, "weight": 25, "scale": 100, "within": 81}
    assert "weight" not in score_system(system_from_interchange(weighted_system()), {}).to_json()["items"]["1"]


def test_weight_and_scale_round_trip_through_the_interchange_json() -> None:
    data = weighted_system()
    data["tree"][0]["colour"] = "blue"  # an unknown key is kept too
    out = system_to_interchange(system_from_interchange(data))
    assert out["tree"][0] | {"items": None} == {
        "name": "业务",
        "weight": 50,
        "scale": 100,
        "colour": "blue",
        "items": None,
    }
    assert system_to_interchange(system_from_interchange(out)) == out


@pytest.mark.parametrize(
    ("node", "said"),
    [
        ({"weight": 50}, "both weight and scale"),
        ({"weight": 50, "scale": 0}, "scale must be above 0"),
        ({"weight": "half", "scale": 100}, "must be a number"),
    ],
)
def test_a_broken_weighting_is_refused_naming_the_level(node: dict[str, Any], said: str) -> None:
    data = weighted_system()
    data["tree"][1] = {"name": "管理", "items": [manual("3", 100)]} | node
    with pytest.raises(IndicatorSystemError, match=said) as refused:
        system_from_interchange(data)
    assert "管理" in str(refused.value)
