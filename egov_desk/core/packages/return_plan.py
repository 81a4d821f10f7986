"""A return's changes as the office sees them (:func:`~.importing.plan_return` makes them): each change's key, the
department's value and the office's, and whether it applies, is held already ("same") or conflicts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from egov_desk.core.packages.format import MadeBy
from egov_desk.core.packages.reading import Package
from egov_desk.core.packages.return_words import change_words

APPLY, SAME, CONFLICT = "apply", "same", "conflict"
CHANGED_HERE, COOPERATING = "changed_here", "cooperating"
FIELDS = ("input", "note", "status", "requirement", "evidence")


@dataclass(frozen=True)
class ReturnChange:
    key: str  # stable within the return: "021/input", "021/requirement/2", "021/evidence/add/<sha>/<pos|general>"
    code: str
    item_title: str
    role: str  # "lead" | "cooperating"
    field: str  # "input" | "note" | "status" | "requirement" | "evidence"
    base: Any
    department_value: Any
    office_value: Any  # what the office holds now
    by: MadeBy  # who changed it in the department
    at: str
    state: str  # "apply" | "same" | "conflict"
    conflict: str | None = None  # "changed_here" | "cooperating"
    office_by: str | None = None  # who changed it here since the package, from the audit
    office_at: str | None = None
    detail: Mapping[str, Any] | None = None  # the change as the return says it (position, action, file, comment)

    def said(self, chinese: bool) -> tuple[str, str, str]:
        """(what, the department's value, the office's value) in words."""
        return change_words(self, chinese)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "code": self.code,
            "item_title": self.item_title,
            "role": self.role,
            "field": self.field,
            "base": self.base,
            "department_value": self.department_value,
            "office_value": self.office_value,
            "by": self.by.to_json(),
            "at": self.at,
            "state": self.state,
            "conflict": self.conflict,
            "office_by": self.office_by,
            "office_at": self.office_at,
        }


@dataclass(frozen=True)
class ReturnPlan:
    path: Path
    department: str
    sequence: int
    made_by: MadeBy
    made_at: str  # when the return was made
    changes: tuple[ReturnChange, ...]
    assessment_id: int = 0
    package_made_at: str = ""  # when the answered package was made
    package: Package | None = None

    @property
    def conflicts(self) -> list[ReturnChange]:
        return [c for c in self.changes if c.state == CONFLICT]

    @property
    def to_apply(self) -> list[ReturnChange]:
        return [c for c in self.changes if c.state == APPLY]

    @property
    def same(self) -> list[ReturnChange]:
        return [c for c in self.changes if c.state == SAME]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "department": self.department,
            "sequence": self.sequence,
            "made_by": self.made_by.to_json(),
            "made_at": self.made_at,
            "assessment": self.assessment_id,
            "changes": [change.to_json() for change in self.changes],
            "conflicts": len(self.conflicts),
            "to_apply": len(self.to_apply),
            "same": len(self.same),
        }
