"""The person using the app: the name they gave and their role (填报人 of a department, 审核人, 负责人).

On one PC it is a choice, not a login: the window asks for it, the CLI takes ``--name`` and ``--role``. Every audit
row records it beside the OS account, which is taken from the OS and cannot be chosen. A person who gave no role
may do what the app allowed before review existed (enter, attach, tick); review and sign-off need a role.
"""

from __future__ import annotations

from dataclasses import dataclass

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
