"""The system draft: edits of an indicator system by hand, each undone by its inverse, and what is wrong found as
the person edits."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from egov_desk.core.rules import RULE_TYPES, parse_rule
from egov_desk.core.scoring import score_system
from egov_desk.core.system_draft import Place, SystemDraft, after_removal, starter_rule
from egov_desk.core.system_draft_checks import check, errors
from egov_desk.core.templates import load_template, template_data


def small() -> SystemDraft:
    return SystemDraft(
        {
            "title": "测试",
            "year": 2024,
            "total_points": 10,
            "tree": [
                {
                    "name": "甲",
                    "points": 6,
                    "items": [
                        {"code": "001", "points": 4, "scoring": {"type": "manual", "max": 4}},
                        {"code": "002", "points": 2, "scoring": {"type": "yes_no", "points": 2}},
                    ],
                },
                {"name": "乙", "points": 4, "items": [{"code": "003", "points": 4}]},
            ],
        }
    )


def undone(draft: SystemDraft, edit: Any) -> dict[str, Any]:
    draft.apply(edit.inverse)
    return draft.to_interchange()


def test_every_kind_of_edit_is_undone_by_its_inverse() -> None:
    draft = small()
    before = draft.to_interchange()
    edits = [
        lambda: draft.add_level((), "丙", Decimal(3)),
        lambda: draft.add_level((0,), "甲一"),
        lambda: draft.add_item((1,), "004", Decimal("0.5"), at=0),
        lambda: draft.remove(Place((0,))),
        lambda: draft.remove(Place((0,), 1)),
        lambda: draft.set(Place((0,)), "name", "甲改"),
        lambda: draft.set_points(Place((0,), 0), None),
        lambda: draft.set_evidence_lines(Place((0,), 0), ["1.文件", "", "2.照片"]),
        lambda: draft.set_cooperating(Place((0,), 0), [" 办公室 ", ""]),
        lambda: draft.move_down(Place((0,), 0)),
        lambda: draft.move_up(Place((1,))),
        lambda: draft.move(Place((0,), 1), Place((1,), 1)),
    ]
    for make in edits:
        edit = make()
        assert edit is not None
        assert draft.to_interchange() != before
        assert undone(draft, edit) == before


def test_a_moved_item_says_where_it_is_now() -> None:
    draft = small()
    edit = draft.move_down(Place((0,), 0))
    assert edit is not None
    assert edit.reshaped
    assert edit.place == Place((0,), 1)
    assert [item["code"] for item in draft.items((0,))] == ["002", "001"]
    assert draft.move_down(Place((0,), 1)) is None  # already last


def test_keyboard_levels_indent_and_outdent_an_entry() -> None:
    draft = small()
    draft.add_level((0,), "甲一")
    edit = draft.indent(Place((0,), 0))  # item 001 into the sub-level shown above it
    assert edit is not None
    assert edit.place == Place((0, 0), 0)
    assert draft.find("001") == Place((0, 0), 0)
    back = draft.outdent(Place((0, 0), 0))
    assert back is not None
    assert draft.find("001") == Place((0,), 0)

    level = draft.indent(Place((1,)))  # 乙 under 甲, last
    assert level is not None
    assert level.place == Place((0, 1))
    assert draft.levels((0,))[1]["name"] == "乙"
    assert draft.outdent(Place((0, 1))) is not None
    assert [level["name"] for level in draft.levels()] == ["甲", "乙"]
    assert draft.outdent(Place((0,))) is None  # a top level stays
    assert draft.indent(Place((0,))) is None  # nothing above it to go into


def test_a_level_moved_to_the_end_of_another_goes_last_there() -> None:
    draft = small()
    draft.add_level((), "丙", Decimal(0))
    edit = draft.move(Place((0,)), Place((1, -1)))  # 甲 leaves; 丙 is then the second level
    assert edit.place == Place((1, 0))
    assert [level["name"] for level in draft.levels()] == ["乙", "丙"]
    assert draft.levels((1,))[0]["name"] == "甲"


def test_where_an_entry_is_once_another_has_left() -> None:
    assert after_removal(Place((2, 1), 0), Place((1,))) == Place((1, 1), 0)
    assert after_removal(Place((0, 3)), Place((0, 1))) == Place((0, 2))
    assert after_removal(Place((0,), 3), Place((0,), 1)) == Place((0,), 2)
    assert after_removal(Place((1,), 3), Place((0,), 1)) == Place((1,), 3)


def test_the_built_in_2019_system_has_nothing_wrong() -> None:
    assert check(SystemDraft.of(load_template("builtin:2019"))) == []


def kinds(draft: SystemDraft) -> list[tuple[Place, str, str]]:
    return [(finding.place, finding.severity, finding.kind) for finding in check(draft)]


def test_parts_not_adding_up_and_a_wrong_total_are_warnings() -> None:
    draft = small()
    draft.set_points(Place((0,), 0), Decimal(3))
    draft.set(Place((0,), 0), "scoring", {"type": "manual", "max": 3})
    assert kinds(draft) == [(Place((0,)), "warning", "level_sum")]
    draft.set_points(Place((0,)), Decimal(5))
    assert kinds(draft) == [(Place((0,)), "warning", "total_sum")]
    finding = check(draft)[0]
    assert "一级指标合计 9 分，不等于总分 10 分" in finding.chinese


def test_empty_and_repeated_codes_are_errors_that_stop_saving() -> None:
    draft = small()
    draft.set(Place((1,), 0), "code", "001")
    draft.set(Place((0,), 1), "code", " ")
    found = kinds(draft)
    assert (Place((0,), 0), "error", "code_repeated") in found
    assert (Place((1,), 0), "error", "code_repeated") in found
    assert (Place((0,), 1), "error", "code_empty") in found
    assert errors(check(draft))
    assert "编号 001 被 2 项共用" in check(draft)[0].chinese


def test_a_rule_that_does_not_fit_its_points_is_found() -> None:
    draft = small()
    draft.set(Place((0,), 1), "scoring", {"type": "yes_no", "points": 3})
    assert kinds(draft) == [(Place((0,), 1), "warning", "rule_points")]
    draft.set(Place((0,), 1), "scoring", {"type": "per_unit", "per": 0, "cap": 2})
    assert kinds(draft) == [(Place((0,), 1), "error", "rule_unreadable")]
    draft.set(Place((0,), 1), "points", "两分")
    assert kinds(draft)[0][2] == "points_not_number"


def test_an_empty_or_unnamed_level_is_an_error() -> None:
    draft = small()
    draft.add_level((), " ")
    assert [kind for _place, _severity, kind in kinds(draft)] == ["level_unnamed", "level_empty"]


def test_each_finding_names_its_place_and_the_field_to_correct() -> None:
    draft = small()
    draft.add_level((0,), "甲一", Decimal(1))
    draft.add_item((0, 0), " ", Decimal(1))
    draft.set(Place((1,)), "points", "四")
    found = {finding.kind: finding for finding in check(draft)}
    assert "“甲 › 甲一”下第 1 项没有编号" in found["code_empty"].chinese
    assert found["code_empty"].field == "code"
    assert "指标“甲”的下级分值合计 7 分" in found["level_sum"].chinese
    assert found["level_sum"].field == "points"
    assert "指标“乙”的分值" in found["points_not_number"].chinese
    assert found["points_not_number"].field == "points"
    draft.add_level((), "")
    unnamed = next(finding for finding in check(draft) if finding.kind == "level_unnamed")
    assert "指标“第 3 个”没有名称" in unnamed.chinese
    assert unnamed.field == "name"


def test_an_items_rule_follows_its_points_in_one_step() -> None:
    draft = small()
    before = draft.to_interchange()
    edit = draft.set_item_points(Place((0,), 1), Decimal(3))
    assert draft.entry(Place((0,), 1))["scoring"] == {"type": "yes_no", "points": 3}
    assert draft.entry(Place((0,), 1))["points"] == 3
    assert undone(draft, edit) == before
    draft.set(Place((0,), 0), "scoring", starter_rule("options", Decimal(4)))
    draft.set_item_points(Place((0,), 0), Decimal("2.5"))
    assert draft.entry(Place((0,), 0))["scoring"]["options"] == [
        {"label": "达到", "points": 2.5},
        {"label": "未达到", "points": 0},
    ]
    new = draft.add_item((1,), "004", Decimal(0)).place
    assert new is not None
    draft.set_item_points(new, Decimal(4))  # a new item's rule, worth nothing so far, is worth its points
    assert draft.entry(new)["scoring"] == {"type": "manual", "max": 4}


def test_a_sums_parts_are_left_to_the_person_when_the_points_change() -> None:
    draft = small()
    parts = [{"type": "yes_no", "points": 2}, {"type": "manual", "max": 2}]
    draft.set(Place((0,), 0), "scoring", {"type": "sum", "parts": parts})
    draft.set_item_points(Place((0,), 0), Decimal(5))
    assert draft.entry(Place((0,), 0))["scoring"]["parts"] == parts
    assert [finding.kind for finding in check(draft)][-1] == "rule_points"


def test_every_rule_type_has_a_starter_the_rules_read() -> None:
    for kind in RULE_TYPES:
        rule = parse_rule(starter_rule(kind, Decimal(4)), kind, default_max=Decimal(4))
        assert rule.type == kind
        assert kind == "pass_fail" or rule.max_points == 4


def without_030() -> dict[str, Any]:
    data = copy.deepcopy(template_data("builtin:2019"))
    top = next(level for level in data["tree"] if level["name"] == "政务信息资源交换共享和开发利用")
    top["children"] = [child for child in top["children"] if child["name"] != "明确信息共享需求"]
    top["points"] = top["points"] - 4
    return data


def test_item_030_rebuilt_from_nothing_scores_as_the_built_in_one() -> None:
    draft = SystemDraft(without_030())
    assert draft.find("030") is None
    top = next(n for n, level in enumerate(draft.levels()) if level["name"] == "政务信息资源交换共享和开发利用")
    draft.set_points(Place((top,)), Decimal(28))
    level = draft.add_level((top,), "明确信息共享需求", Decimal(4)).place
    assert level is not None
    inner = draft.add_level(level.level, "明确信息共享需求", Decimal(4)).place
    assert inner is not None
    item = draft.add_item(inner.level, "030", Decimal(4)).place
    assert item is not None
    built_in = load_template("builtin:2019").item("030")
    draft.set(item, "rule", built_in.rule_text)
    draft.set_evidence_lines(item, built_in.evidence_text.splitlines())
    draft.set(item, "lead", "信息中心")
    elements = ("数据字段", "格式", "共享范围", "共享方式", "更新频率")
    parts = starter_rule("sum", Decimal(4))
    parts["parts"] = [
        starter_rule("yes_no", Decimal(2), "专门分析信息共享需求"),
        starter_rule("checklist", Decimal(2), "明确共享目录要素")
        | {"items": [{"label": label, "points": 0.5} for label in elements], "cap": 2},
    ]
    draft.set(item, "scoring", parts)
    assert check(draft) == []

    rebuilt = draft.system()
    original = load_template("builtin:2019")
    assert rebuilt.item("030").path == original.item("030").path
    assert rebuilt.item("030").requirements == original.item("030").requirements
    for inputs in (
        {"030": {"parts": [{"yes": True}, {"checked": [0, 1, 2, 3, 4]}]}},
        {"030": {"parts": [{"yes": False}, {"checked": [0, 2, 4]}]}},
        {"030": {"parts": [None, {"checked": [1]}]}},
    ):
        assert score_system(rebuilt, inputs).items["030"].points == score_system(original, inputs).items["030"].points
