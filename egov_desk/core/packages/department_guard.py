"""What a department workspace (科室填报, made by opening a department's package) lets be written, checked where
every write passes (:meth:`~egov_desk.core.store.Store.audit`): the department's own items, lead and cooperating,
of its one assessment — nothing else. The indicator system, its checklists, the assessment's details, deadlines
and stage are the office's; another item is its lead department's. A cooperating department may still write its
cooperating items: the office sees that as a conflict when the return comes back.

The workspace is told by its ``department_package`` setting (:class:`DepartmentMode`); an ordinary workspace has
none and this guard lets everything through."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from egov_desk.core.db.models import Setting
from egov_desk.core.errors import Refused
from egov_desk.core.person import NOBODY, Person
from egov_desk.core.review_guard import edited_item
from egov_desk.core.review_states import FILLER

SETTING = "department_package"

# Writes that change what the office owns: refused in a department workspace whatever they name.
OFFICE_ACTIONS = frozenset(
    {
        "add_system",
        "remove_system",
        "store_system_version",
        "set_lead",
        "create_assessment",
        "remove_assessment",
        "move_assessment",
        "update_assessment",
        "add_requirement",
        "rename_requirement",
        "remove_requirement",
        "move_requirement",
        "deadline",
        "stage",
        "finalize",
        "reopen",
    }
)


@dataclass(frozen=True)
class DepartmentMode:
    """What the ``department_package`` setting says: whose package this workspace answers, and its base."""

    workspace: str  # the office's workspace id
    department: str
    sequence: int
    package_sha256: str
    office_assessment: int
    assessment: int  # the local assessment
    made_at: str
    codes: Mapping[str, str] = field(default_factory=dict)  # code → "lead" | "cooperating"
    data: Mapping[str, Any] = field(default_factory=dict)  # the whole setting, base included

    @property
    def base(self) -> Mapping[str, Any]:
        return dict(self.data.get("base", {}))


def mode_from(value: Any) -> DepartmentMode | None:
    if not isinstance(value, dict) or not isinstance(value.get("department"), str):
        return None
    return DepartmentMode(
        workspace=str(value.get("workspace", "")),
        department=value["department"],
        sequence=int(value.get("sequence", 0)),
        package_sha256=str(value.get("package_sha256", "")),
        office_assessment=int(value.get("office_assessment", 0)),
        assessment=int(value.get("assessment", 0)),
        made_at=str(value.get("made_at", "")),
        codes=dict(value.get("codes", {})),
        data=value,
    )


def mode_in(session: Session) -> DepartmentMode | None:
    row = session.get(Setting, SETTING)
    return mode_from(row.value) if row is not None else None


def department_person(read: Callable[[], Session], given: Person = NOBODY) -> Person:
    """Who works in a workspace: the person given, except that in a department workspace it is always a 填报人 of
    its department, whatever role was remembered at the office (only the name is theirs to give)."""
    with read() as session:
        mode = mode_in(session)
    return Person(given.name, FILLER, mode.department) if mode is not None else given


class NotThisDepartment(Refused):
    """A write a department workspace does not take: another department's item, the system, another assessment."""


def _refused(mode: DepartmentMode, english: str, chinese: str, **values: Any) -> NotThisDepartment:
    department = mode.department
    return NotThisDepartment(
        f"this workspace is {department}'s department workspace (科室填报): only its own items can be changed here; "
        f"{english}",
        f"本工作区是「{department}」的科室填报工作区，只能修改本科室的项目；{chinese}",
        "not_this_department",
        department=department,
        **values,
    )


def guard_department_write(
    session: Session, action: str, assessment_id: int | None, code: str | None, after: Any
) -> None:
    """Refuse, before anything is written, a department workspace's write outside its department's items."""
    mode = mode_in(session)
    if mode is None:
        return
    if action in OFFICE_ACTIONS:
        raise _refused(
            mode,
            f"{action} is done by the coordinating side that sent the package — ask them",
            "指标体系、材料清单、考评信息、截止日期和考评阶段由汇总方（发出工作包的一方）维护，请联系汇总方修改",
            action=action,
        )
    if assessment_id is not None and assessment_id != mode.assessment:
        raise _refused(
            mode,
            f"assessment {assessment_id} is not the one its package holds",
            f"考评 {assessment_id} 不是本工作包的考评",
            assessment=assessment_id,
        )
    if assessment_id is None:
        return
    item = edited_item(session, action, assessment_id, code, after)
    if item is None or item.code in mode.codes:
        return
    lead = item.lead.name if item.lead is not None else ""
    raise _refused(
        mode,
        f"{item.code} is led by {lead or 'no department'}",
        f"{item.code} 由「{lead or '未指定部门'}」牵头",
        code=item.code,
        lead=lead,
    )
