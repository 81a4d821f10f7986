"""Deadlines, all optional: the assessment's, a department's, an item's; an item is due by the nearest one."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from egov_desk.core.db.models import AuditEntry
from egov_desk.core.deadlines import BadDeadline, UnknownDepartment, deadlines, parse_deadline, set_deadline
from egov_desk.core.workspace import Workspace


def lead_of(workspace: Workspace, assessment: int, code: str) -> str:
    return workspace.system(workspace.assessment(assessment).system_id).item(code).lead


def test_an_item_is_due_by_its_own_deadline_else_its_lead_departments_else_the_assessments(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    lead = lead_of(demo, assessment, "003")
    assert deadlines(demo, assessment).due("003") is None
    set_deadline(demo, assessment, date(2019, 12, 31))
    assert deadlines(demo, assessment).due("003") == date(2019, 12, 31)
    set_deadline(demo, assessment, date(2019, 11, 30), department=lead)
    assert deadlines(demo, assessment).due("003") == date(2019, 11, 30)
    set_deadline(demo, assessment, date(2019, 10, 15), code="003")
    shown = deadlines(demo, assessment)
    assert shown.due("003") == date(2019, 10, 15)
    assert shown.to_json() == {
        "assessment": assessment,
        "deadline": "2019-12-31",
        "departments": {lead: "2019-11-30"},
        "items": {"003": "2019-10-15"},
    }


def test_setting_a_deadline_says_what_it_replaced_so_setting_that_again_undoes_it(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    lead = lead_of(demo, assessment, "003")
    set_deadline(demo, assessment, date(2019, 11, 30), department=lead)
    change = set_deadline(demo, assessment, date(2019, 12, 15), department=lead)
    assert change.what == "deadline"
    assert change.before == {"deadline": date(2019, 11, 30), "code": None, "department": lead}
    assert "003" in change.codes
    set_deadline(demo, assessment, change.before["deadline"], department=lead)
    assert deadlines(demo, assessment).departments == {lead: date(2019, 11, 30)}
    set_deadline(demo, assessment, None, department=lead)
    assert deadlines(demo, assessment).departments == {}


def test_each_deadline_set_is_audited_with_the_date_and_the_department(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    set_deadline(demo, assessment, date(2019, 10, 15), code="003")
    set_deadline(demo, assessment, None, code="003")
    with demo.store.read() as session:
        rows = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "deadline")))
    assert [(r.item_code, r.before, r.after) for r in rows] == [
        ("003", {"deadline": None, "department": None}, {"deadline": "2019-10-15", "department": None}),
        ("003", {"deadline": "2019-10-15", "department": None}, {"deadline": None, "department": None}),
    ]


def test_an_unknown_department_or_both_an_item_and_a_department_are_refused(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    with pytest.raises(UnknownDepartment) as refused:
        set_deadline(demo, assessment, date(2019, 10, 1), department="宣传科")
    assert "宣传科" in refused.value.chinese
    with pytest.raises(BadDeadline):
        set_deadline(demo, assessment, date(2019, 10, 1), code="003", department="计财科")
    assert deadlines(demo, assessment).departments == {}


def test_a_deadline_is_read_as_a_date_or_none_and_anything_else_says_how_to_write_it() -> None:
    assert parse_deadline("2020-06-30") == date(2020, 6, 30)
    assert parse_deadline("none") is None
    with pytest.raises(BadDeadline) as refused:
        parse_deadline("6/30")
    assert "YYYY-MM-DD" in refused.value.chinese


def test_a_filler_does_not_set_deadlines(workspace: Workspace) -> None:
    from egov_desk.core.person import NotPermitted, Person

    workspace.set_person(Person("张三", "filler", "计财科"))
    with pytest.raises(NotPermitted) as refused:
        set_deadline(workspace, 1, date(2019, 12, 1), department="计财科")
    assert "设置截止日期" in refused.value.chinese
    assert deadlines(workspace, 1).departments == {}
    workspace.set_person(Person("李四", "reviewer"))
    set_deadline(workspace, 1, date(2019, 12, 1), department="计财科")
    assert deadlines(workspace, 1).departments == {"计财科": date(2019, 12, 1)}
