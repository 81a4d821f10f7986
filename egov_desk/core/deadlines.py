"""Deadlines of an assessment, all optional: the assessment's own, a department's, an item's.

An item is due by its own deadline, else its lead department's, else the assessment's. Setting one is audited as
"deadline" (``after``: the date as YYYY-MM-DD or None, and the department or None) and returns a
:class:`~egov_desk.core.changes.CycleChange` whose ``before`` holds the deadline it replaced: setting that again
is the undo.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from egov_desk.core.changes import CycleChange
from egov_desk.core.db.models import Assessment, Department, DepartmentDeadline, ItemInput, ItemRow
from egov_desk.core.errors import Refused
from egov_desk.core.person import require_role
from egov_desk.core.review_states import FILLER, LEADER, REVIEWER
from egov_desk.core.write_refusals import no_assessment

if TYPE_CHECKING:
    from egov_desk.core.indicators import IndicatorSystem
    from egov_desk.core.workspace import Workspace


class UnknownDepartment(Refused):
    """A department no item of the assessment's system names."""


class BadDeadline(Refused):
    """A deadline that is not a date (YYYY-MM-DD), or one set for an item and a department at once."""


def unknown_department(system: IndicatorSystem, department: str) -> UnknownDepartment:
    known = system.departments()
    return UnknownDepartment(
        f"department {department!r}: no item names it; the departments are {', '.join(known) or '—'}",
        f"没有指标由“{department}”牵头或配合；可选的部门：{'、'.join(known) or '—'}",
        "unknown_department",
        department=department,
    )


def parse_deadline(text: str) -> date | None:
    """``YYYY-MM-DD`` as a date; ``none`` (or empty) as no deadline; anything else refused in both languages."""
    cleaned = text.strip()
    if cleaned.lower() in ("", "none", "无"):
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise BadDeadline(
            f"deadline {cleaned!r} is not a date; give it as YYYY-MM-DD (e.g. 2020-06-30), or none to clear it",
            f"截止日期“{cleaned}”不是日期；请写成 YYYY-MM-DD（如 2020-06-30），或写 none 清除截止日期。",
            "bad_deadline",
            value=cleaned,
        ) from None


@dataclass(frozen=True)
class Deadlines:
    """An assessment's deadlines: its own, per department (by name), per item (by code)."""

    assessment_id: int
    assessment: date | None = None
    departments: Mapping[str, date] = field(default_factory=dict)
    items: Mapping[str, date] = field(default_factory=dict)
    leads: Mapping[str, str] = field(default_factory=dict)  # item code → its lead department

    def due(self, code: str) -> date | None:
        """By when the item is owed: its own deadline, else its lead department's, else the assessment's."""
        if code in self.items:
            return self.items[code]
        lead = self.leads.get(code)
        if lead and lead in self.departments:
            return self.departments[lead]
        return self.assessment

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment": self.assessment_id,
            "deadline": _iso(self.assessment),
            "departments": {name: when.isoformat() for name, when in self.departments.items()},
            "items": {code: when.isoformat() for code, when in self.items.items()},
        }


def _iso(when: date | None) -> str | None:
    return when.isoformat() if when is not None else None


def deadlines(workspace: Workspace, assessment_id: int) -> Deadlines:
    with workspace.store.read() as session:
        row = session.get(Assessment, assessment_id)
        if row is None:
            raise no_assessment(assessment_id)
        system = workspace.system(row.system_id)
        departments = {
            name: when
            for name, when in session.execute(
                select(Department.name, DepartmentDeadline.deadline)
                .join(Department, Department.id == DepartmentDeadline.department_id)
                .where(DepartmentDeadline.assessment_id == assessment_id)
            )
        }
        items = {
            code: when
            for code, when in session.execute(
                select(ItemRow.code, ItemInput.deadline)
                .join(ItemRow, ItemRow.id == ItemInput.item_id)
                .where(ItemInput.assessment_id == assessment_id)
            )
            if when is not None
        }
        leads = {item.code: item.lead for item in system.items() if item.lead}
        return Deadlines(assessment_id, row.deadline, departments, items, leads)


def set_deadline(
    workspace: Workspace,
    assessment_id: int,
    when: date | None,
    *,
    code: str | None = None,
    department: str | None = None,
) -> CycleChange:
    """Set (``when`` None: clear) the deadline of the item ``code``, of ``department``, or else the assessment's."""
    if code is not None and department is not None:
        raise BadDeadline(
            "a deadline is for one item or one department (or the assessment), not both; give --item or --department",
            "截止日期只能设给一个指标或一个部门（或整个考评），不能同时设给两者；请只写 --item 或 --department。",
            "deadline_item_and_department",
        )
    if workspace.person.role == FILLER:  # deadlines are the office's: a department does not set its own
        require_role(workspace.person, (REVIEWER, LEADER), "set deadlines", "设置截止日期")
    store = workspace.store
    with store.write("the deadline", "截止日期") as session:
        assessment = session.get(Assessment, assessment_id)
        if assessment is None:
            raise no_assessment(assessment_id)
        system = workspace.system(assessment.system_id)
        codes: tuple[str, ...] = ()
        if code is not None:
            _, item = store.item_row(session, assessment_id, code)
            row = session.get(ItemInput, (assessment_id, item.id))
            if row is None:
                row = ItemInput(assessment_id=assessment_id, item_id=item.id, input=None, note="")
                session.add(row)
            before, row.deadline = row.deadline, when
            codes = (code,)
        elif department is not None:
            if department not in system.departments():
                raise unknown_department(system, department)
            department_id = session.scalar(select(Department.id).where(Department.name == department))
            if department_id is None:
                raise unknown_department(system, department)
            kept = session.get(DepartmentDeadline, (assessment_id, department_id))
            before = kept.deadline if kept is not None else None
            if when is None and kept is not None:
                session.delete(kept)
            elif when is not None and kept is not None:
                kept.deadline = when
            elif when is not None:
                session.add(DepartmentDeadline(assessment_id=assessment_id, department_id=department_id, deadline=when))
            codes = tuple(item.code for item in system.items() if item.lead == department)
        else:
            before, assessment.deadline = assessment.deadline, when
        store.audit(
            session,
            "deadline",
            assessment_id,
            code,
            {"deadline": _iso(before), "department": department},
            {"deadline": _iso(when), "department": department},
        )
        store.commit(session, "the deadline", "截止日期")
    return CycleChange(assessment_id, codes, "deadline", {"deadline": before, "code": code, "department": department})
