"""The person using the app: the name they gave and their role (填报人 of a department, 审核人, 负责人).

On one PC it is a choice, not a login: the window asks for it, the CLI takes ``--name`` and ``--role``. Every audit
row records it beside the OS account, which is taken from the OS and cannot be chosen. A person who gave no role
may do what the app allowed before review existed (enter, attach, tick); review and sign-off need a role.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from egov_desk.core.errors import Refused
from egov_desk.core.review_states import FILLER, ROLES, said


@dataclass(frozen=True)
class Person:
    name: str = ""
    role: str = ""  # "" (none chosen), filler, reviewer, leader
    department: str = ""  # a filler's department

    def __post_init__(self) -> None:
        if self.role and self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")

    def label(self, chinese: bool = True) -> str:
        """e.g. "张三（审核人）" or "李四（办公室 填报人）"; "" when nothing was given."""
        role = said(ROLES, self.role, chinese) if self.role else ""
        if self.role == FILLER and self.department:
            role = f"{self.department} {role}"
        if not role:
            return self.name
        return f"{self.name}（{role}）" if chinese else f"{self.name} ({role})"


NOBODY = Person()


class NotPermitted(Refused):
    """What the person's role does not allow (or no role or name given for a review or sign-off action)."""


def no_person() -> NotPermitted:
    return NotPermitted(
        "choose your role and give your name first (Review → My identity; on the command line --role and --name)",
        "请先在“审核 → 我的身份”中选择角色并填写姓名",
        "no_person",
    )


def require_role(person: Person, roles: Collection[str], what: str, what_zh: str) -> None:
    """Refuse ``what`` unless the person gave a name and one of ``roles`` (a filler also a department)."""
    if not person.role or not person.name.strip():
        raise no_person()
    if person.role == FILLER and not person.department.strip():
        raise NotPermitted(
            "a filler fills in for a department: choose the department first (Review → My identity; "
            "on the command line --department)",
            "填报人需要选择所在部门：请在“审核 → 我的身份”中选择部门（命令行：--department）",
            "no_department",
        )
    if person.role not in roles:
        allowed = ", ".join(said(ROLES, r, False) for r in roles)
        allowed_zh = "或".join(said(ROLES, r) for r in roles)
        raise NotPermitted(
            f"{person.label(False)} may not {what}: that is for the {allowed}",
            f"{person.label()}不能{what_zh}：只有{allowed_zh}可以",
            "not_permitted",
            role=person.role,
        )


def refuse_if_not_theirs(
    person: Person, code: str, lead: str, cooperating: Collection[str], verb: str = "change", verb_zh: str = "修改"
) -> None:
    """A filler works only on the items their department leads or cooperates on."""
    if person.role != FILLER or person.department in (lead, *cooperating):
        return
    lead_en, lead_zh = lead or "no department", lead or "未指定部门"
    raise NotPermitted(
        f"{code} is led by {lead_en}, not by {person.department}: as its filler, {person.name} may not {verb} it; "
        "ask someone of that department, a reviewer or the leader",
        f"{code} 由“{lead_zh}”牵头，不是“{person.department}”的指标：{person.label()}不能{verb_zh}它；"
        "请由该部门的填报人、审核人或负责人处理",
        "not_their_item",
        code=code,
        lead=lead,
        department=person.department,
    )
