"""This year from last year: a 2019 assessment carried onto a 2020 table built here from the 2019 one — an item
added, one removed, one renumbered, one moved to another level, points changed, a rule changed, a lead dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from egov_desk.core.carry_over import (
    carry_over,
    confirm_carried,
    plan_carry_over,
    unconfirm_carried,
    undo_carry_over,
)
from egov_desk.core.db.models import Assessment, AuditEntry
from egov_desk.core.errors import EgovError, Refused
from egov_desk.core.item_matching import DROPPED, MOVED, NEW, POINTS, RULE, SAME
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace
from tests.core.test_system_versions import PDF, drop_item, item_of

YES_NO_1 = {"type": "yes_no", "points": 1}


def table_2020() -> dict[str, Any]:
    """The 2019 table as next year's: 005 worth 2 (was 3), 009's rule reworded, 010 removed, 033 renumbered
    036, 034 moved under 数据安全, 037 added, 002 without a lead department."""
    data = template_data("builtin:2019")
    data["title"] = data["title"].replace("2019", "2020")
    data["year"] = 2020
    item_of(data, "005")["points"] = 2
    item_of(data, "005")["scoring"]["points"] = 2
    item_of(data, "009")["rule"] = "使用全省法制监督平台开展规范性文件备案和清理工作的，得3分。"
    drop_item(data["tree"], "010")
    item_of(data, "033")["code"] = "036"
    moved = item_of(data, "034")
    drop_item(data["tree"], "034")
    security = next(node for node in data["tree"] if node["name"] == "安全保障")
    data_safety = next(node for node in security["children"] if node["name"] == "数据安全")
    data_safety["children"][0]["items"].append(moved)
    data_safety["points"] = data_safety["children"][0]["points"] = 4
    management = next(node for node in security["children"] if node["name"] == "管理安全")
    management["points"] = 2
    data["tree"][0]["children"][0]["children"][0]["items"].append(
        {"code": "037", "points": 1, "rule": "开通政务新媒体账号并按时更新的，得1分。", "scoring": YES_NO_1}
    )
    item_of(data, "002")["lead"] = ""
    return data


def last_year(workspace: Workspace, tmp_path: Path) -> dict[str, int]:
    """2019 as a unit leaves it: scores, notes, a requirement the person added to 002, files under 002's first
    requirement and the added one, on 033 generally and on 010 (dropped next year). The 2020 table stored."""
    workspace.set_input(1, "005", {"yes": True})
    workspace.set_note(1, "004", "已备案")
    workspace.set_note(1, "033", "制度已印发")
    workspace.set_note(1, "010", "明年取消")
    added = workspace.evidence.add_requirement(1, "002", "会议纪要").requirement_id
    plan = tmp_path / "计划.pdf"
    plan.write_bytes(PDF)
    minutes = tmp_path / "纪要.pdf"
    minutes.write_bytes(PDF + b"minutes")
    rules = tmp_path / "制度.pdf"
    rules.write_bytes(PDF + b"rules")
    first = workspace.evidence.item_evidence(1, "002").requirements[0]
    workspace.evidence.attach(1, "002", [plan], requirement_id=first.id)
    workspace.evidence.attach(1, "002", [minutes], requirement_id=added)
    workspace.evidence.attach(1, "033", [rules])
    workspace.evidence.attach(1, "010", [rules])
    system = workspace.add_system(table_2020(), "import:2020").system_id
    return {"system": system, "added": added}


@pytest.fixture
def carried_from_2019(workspace: Workspace, tmp_path: Path) -> dict[str, int]:
    return last_year(workspace, tmp_path)


def test_the_matching_proposed_classes_every_change(workspace: Workspace, carried_from_2019: dict[str, int]) -> None:
    plan = plan_carry_over(workspace, 1, carried_from_2019["system"])
    kinds = {(p.old.code if p.old else None, p.new.code if p.new else None): p.kind for p in plan.matching.pairs}
    assert kinds[("001", "001")] == SAME
    assert kinds[("005", "005")] == POINTS
    assert kinds[("009", "009")] == RULE
    assert kinds[("033", "036")] == MOVED
    assert kinds[("034", "034")] == MOVED
    assert kinds[(None, "037")] == NEW
    assert kinds[("010", None)] == DROPPED
    assert plan.matching.counts() == {SAME: 30, POINTS: 1, RULE: 1, MOVED: 2, NEW: 1, DROPPED: 1}
    renumbered = plan.matching.pair_of("036")
    assert renumbered.matched_by == "name"
    assert plan.matching.pair_of("005").old_points == 3
    assert plan.matching.pair_of("005").new_points == 2
    assert plan.matching.pair_of("009").rule_change == ("text",)
    assert plan.lead_taken(plan.matching.pair_of("002")) == "信息中心"
    assert [r.text for r in plan.requirements_added(plan.matching.pair_of("002"))] == ["会议纪要"]
    assert plan.note(plan.matching.pair_of("036")) == "制度已印发"
    assert plan.file_count(plan.matching.pair_of("002")) == 2
    shown = plan.to_json()
    assert shown["counts"][NEW] == 1
    assert shown["from"]["assessment"] == 1
    row = next(p for p in shown["pairs"] if p["new"] and p["new"]["code"] == "036")
    assert (row["class"], row["class_zh"], row["old"]["code"]) == (MOVED, "移动", "033")
    assert row["carried"] == {"note": True, "files": 1, "requirements": [], "lead": None}


def test_a_person_overrides_a_pair(workspace: Workspace, carried_from_2019: dict[str, int]) -> None:
    plan = plan_carry_over(workspace, 1, carried_from_2019["system"])
    changed = plan.overridden({"037": "010", "036": None})
    assert changed.matching.pair_of("037").old.code == "010"  # type: ignore[union-attr]
    assert changed.matching.pair_of("037").matched_by == "person"
    assert changed.matching.pair_of("036").kind == NEW
    assert changed.matching.counts()[DROPPED] == 1  # 033 now, not 010
    assert [p.old.code for p in changed.matching.pairs if p.kind == DROPPED] == ["033"]  # type: ignore[union-attr]
    stolen = plan.overridden({"037": "001"})  # an old item taken from the new item it had
    assert stolen.matching.pair_of("001").kind == NEW
    with pytest.raises(Refused) as refused:
        plan.overridden({"037": "999"})
    assert "999" in refused.value.chinese


def test_notes_links_requirements_and_leads_are_carried_scores_are_not(
    workspace: Workspace, carried_from_2019: dict[str, int]
) -> None:
    system = carried_from_2019["system"]
    plan = plan_carry_over(workspace, 1, system)
    carried = carry_over(workspace, plan, evidence="all")
    new = carried.assessment_id
    info = workspace.assessment(new)
    assert (info.year, info.title, info.system_id, info.unit) == (2020, "自评", system, workspace.assessment(1).unit)
    assert carried.changes.assessments_added == [new]
    assert workspace.inputs(new) == {}
    assert workspace.notes(new) == {"004": "已备案", "036": "制度已印发"}
    now = workspace.system(system)
    assert now.item("002").lead == "信息中心"
    assert [r.text for r in now.item("002").requirements][-1] == "会议纪要"
    evidence = workspace.evidence.item_evidence(new, "002")
    by_text = {r.text: r for r in evidence.requirements}
    assert [f.name for f in by_text["会议纪要"].files] == ["纪要.pdf"]
    assert [f.name for f in evidence.requirements[0].files] == ["计划.pdf"]
    assert all(f.carried for f in evidence.files())
    assert [f.name for f in workspace.evidence.item_evidence(new, "036").general] == ["制度.pdf"]
    assert {f.sha256 for f in workspace.evidence.files(new)} <= {f.sha256 for f in workspace.evidence.files(1)}
    assert not any(f.carried for f in workspace.evidence.files(1))
    with workspace.store.read() as session:
        assert session.get(Assessment, new).carried_from == 1  # type: ignore[union-attr]
    rows = workspace.audit(new)
    assert rows[0].action == "create_assessment"
    assert (rows[0].after or {})["from"] == 1
    notes = {(r.item_code, r.after) for r in rows if r.action == "set_note"}
    assert notes == {("004", "已备案"), ("036", "制度已印发")}
    links = [r.after or {} for r in rows if r.action == "link"]
    assert len(links) == 3
    assert all(link["carried"] and link["sha256"] for link in links)


def test_evidence_of_chosen_items_only_or_none(workspace: Workspace, carried_from_2019: dict[str, int]) -> None:
    plan = plan_carry_over(workspace, 1, carried_from_2019["system"])
    some = carry_over(workspace, plan, evidence={"036"}).assessment_id
    assert [f.name for f in workspace.evidence.files(some)] == ["制度.pdf"]
    none = carry_over(workspace, plan, year=2021, title="复核", evidence=None).assessment_id
    assert workspace.evidence.files(none) == []
    assert workspace.assessment(none).title == "复核"
    with pytest.raises(Refused):
        carry_over(workspace, plan, evidence={"010"})  # not an item of the new table


def test_carried_files_are_marked_until_confirmed(workspace: Workspace, carried_from_2019: dict[str, int]) -> None:
    new = carry_over(workspace, plan_carry_over(workspace, 1, carried_from_2019["system"])).assessment_id
    file = next(f for f in workspace.evidence.files(new) if f.name == "制度.pdf")
    change = confirm_carried(workspace, file.id)
    assert (change.what, change.codes, change.assessment_id) == ("carried", ("036",), new)
    assert not next(f for f in workspace.evidence.files(new) if f.id == file.id).carried
    assert workspace.audit(new)[-1].action == "confirm_carried"
    unconfirm_carried(workspace, file.id)
    assert next(f for f in workspace.evidence.files(new) if f.id == file.id).carried


def test_the_undo_takes_back_the_assessment_its_requirements_and_leads(
    workspace: Workspace, carried_from_2019: dict[str, int]
) -> None:
    system = carried_from_2019["system"]
    carried = carry_over(workspace, plan_carry_over(workspace, 1, system))
    changes = undo_carry_over(workspace, carried)
    assert changes.assessments_removed == [carried.assessment_id]
    assert [a.id for a in workspace.assessments()] == [1]
    assert workspace.system(system).item("002").lead == ""
    assert "会议纪要" not in [r.text for r in workspace.system(system).item("002").requirements]
    again = carry_over(workspace, plan_carry_over(workspace, 1, system))
    with pytest.raises(EgovError):  # a plain removal refuses what was carried
        workspace.remove_assessment(again.assessment_id)


def test_something_entered_since_refuses_the_undo(workspace: Workspace, carried_from_2019: dict[str, int]) -> None:
    carried = carry_over(workspace, plan_carry_over(workspace, 1, carried_from_2019["system"]))
    workspace.set_input(carried.assessment_id, "005", {"yes": True})
    with pytest.raises(EgovError):
        undo_carry_over(workspace, carried)
    assert carried.assessment_id in [a.id for a in workspace.assessments()]


def test_the_same_system_and_a_final_source(workspace: Workspace, tmp_path: Path) -> None:
    workspace.set_note(1, "004", "已备案")
    with workspace.store.write() as session:
        session.get(Assessment, 1).stage = "final"  # type: ignore[union-attr]
        session.commit()
    plan = plan_carry_over(workspace, 1)
    assert plan.same_system
    assert set(plan.matching.counts().items()) >= {(SAME, 35), (NEW, 0), (DROPPED, 0)}
    assert plan.requirements_added(plan.matching.pair_of("002")) == ()
    new = carry_over(workspace, plan).assessment_id
    assert workspace.assessment(new).system_id == 1
    assert workspace.notes(new) == {"004": "已备案"}
    assert workspace.notes(1) == {"004": "已备案"}  # the source is read, never written


def test_an_older_system_is_refused(workspace: Workspace) -> None:
    data = template_data("builtin:2019")
    data["year"] = 2018
    older = workspace.add_system(data, "import:2018").system_id
    with pytest.raises(Refused) as refused:
        plan_carry_over(workspace, 1, older)
    assert "更旧" in refused.value.chinese


def test_a_carry_over_always_makes_a_new_assessment(workspace: Workspace) -> None:
    before = [a.id for a in workspace.assessments()]
    new = carry_over(workspace, plan_carry_over(workspace, 1)).assessment_id
    assert new not in before
    with workspace.store.read() as session:
        actions = [r.action for r in session.scalars(select(AuditEntry).where(AuditEntry.assessment_id == 1))]
    assert "create_assessment" not in actions[1:]
