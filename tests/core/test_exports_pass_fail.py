"""A table without points (合格 / 基本合格 / 不合格 on every item) says its judgements — counted, the worst under a
level — and its score sheet and report say them the same way, never 0.00 / 0."""

from __future__ import annotations

from typing import Any

from egov_desk.core.indicators import system_from_interchange
from egov_desk.core.judgements import Judgement, count_judgements, judged_only, judgement, worst_below, worst_judgement
from egov_desk.core.scoring import score_system

LEVELS = ["合格", "基本合格", "不合格"]


def judged_item(code: str, rule: str, lead: str) -> dict[str, Any]:
    return {"code": code, "points": 0, "rule": rule, "lead": lead, "scoring": {"type": "pass_fail", "levels": LEVELS}}


def judged_system_data() -> dict[str, Any]:
    """A supervision self-assessment sheet: two A级 of two B级 each, six items judged, no points anywhere."""
    return {
        "title": "2024年县域义务教育学校督导评估自评表",
        "year": 2024,
        "total_points": None,
        "tree": [
            {
                "name": "A1 办学条件",
                "children": [
                    {
                        "name": "B1 校舍场地",
                        "items": [
                            judged_item("001", "生均校舍建筑面积达到省定标准", "后勤科"),
                            judged_item("002", "运动场地达到省定标准", "后勤科"),
                        ],
                    },
                    {"name": "B2 装备配置", "items": [judged_item("003", "按标准配齐实验室、功能室", "装备科")]},
                ],
            },
            {
                "name": "A2 队伍建设",
                "children": [
                    {"name": "B3 教师配备", "items": [judged_item("004", "专任教师学历合格率100%", "人事科")]},
                    {
                        "name": "B4 教师培训",
                        "items": [
                            judged_item("005", "教师每五年完成360学时培训", "师训科"),
                            judged_item("006", "校长每年参加培训", "师训科"),
                        ],
                    },
                ],
            },
        ],
    }


# 合格 3 · 基本合格 1 · 不合格 0 · 未评定 2
JUDGED = {"001": {"level": 0}, "002": {"level": 1}, "003": {"level": 0}, "004": {"level": 0}}


def test_the_judgements_are_counted_level_by_level_with_the_items_not_judged_yet() -> None:
    system = system_from_interchange(judged_system_data())
    assert judged_only(system)
    sheet = score_system(system, JUDGED)
    counts = count_judgements(sheet)
    assert counts.levels == (("合格", 3), ("基本合格", 1), ("不合格", 0))
    assert (counts.judged, counts.unjudged, counts.items) == (4, 2, 6)
    assert counts.text() == "合格 3 · 基本合格 1 · 不合格 0 · 未评定 2"
    assert count_judgements(sheet, (0,)).text() == "合格 2 · 基本合格 1 · 不合格 0"
    assert count_judgements(sheet, (1,)).text() == "合格 1 · 基本合格 0 · 不合格 0 · 未评定 2"


def test_an_item_says_its_judgement_and_a_level_the_worst_below_it() -> None:
    system = system_from_interchange(judged_system_data())
    sheet = score_system(system, JUDGED | {"005": {"level": 2}})
    found = judgement(system.item("002"), sheet.items["002"])
    assert found == Judgement("基本合格", 1, 3)
    assert not found.best
    assert not found.failing
    assert judgement(system.item("006"), sheet.items["006"]) is None  # not judged yet
    assert worst_judgement(sheet, (1,)) == Judgement("不合格", 2, 3)
    assert Judgement("不合格", 2, 3).failing
    assert worst_judgement(sheet, (0,)) == Judgement("基本合格", 1, 3)
    assert worst_below(system.node((1,)), sheet.nodes[(1,)]) == Judgement("不合格", 2, 3)  # a level's own score
    assert worst_judgement(score_system(system, {}), (0,)) is None


def test_a_table_with_points_is_not_judged_only() -> None:
    data = judged_system_data()
    data["tree"][0]["children"][0]["items"][0] = {"code": "001", "points": 10, "scoring": {"type": "manual"}}
    system = system_from_interchange(data)
    assert not judged_only(system)
    sheet = score_system(system, {"001": {"score": 8}})
    assert judgement(system.item("001"), sheet.items["001"]) is None
    assert count_judgements(sheet).items == 5  # the pass/fail items only
