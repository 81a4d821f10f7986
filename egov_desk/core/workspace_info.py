"""What the Workspace hands out to read: plain, frozen descriptions of systems, assessments and departments' items.

What a write changed is described in :mod:`egov_desk.core.changes`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from egov_desk.core.db.models import Assessment
from egov_desk.core.folder_layout import DATABASE_NAME as DATABASE_NAME
from egov_desk.core.indicators import IndicatorSystem, Item

UNIT_GIVEN = "unit_given"  # setting: the unit's name was given, not the placeholder
PLACEHOLDER_UNIT = "本单位"


@dataclass(frozen=True)
class SystemInfo:
    id: int
    key: str
    title: str
    year: int | None
    source: str
    version: int = 1  # 1 for a system as imported or built in; each stored edit of it the next number
    base: int | None = None  # the id of its first version (None: this is the first)

    @property
    def label(self) -> str:
        return self.title if self.version == 1 else f"{self.title}（第 {self.version} 版）"


@dataclass(frozen=True)
class AssessmentInfo:
    id: int
    system_id: int
    unit: str
    year: int
    title: str
    filled_by: str = ""  # 填报人
    report_date: date | None = None  # printed on the report and the sheets; None: the day of the export
    # the yearly cycle (core/sign_off.py): filling → review → final; the snapshot frozen at 定稿 and by whom
    stage: str = "filling"
    deadline: date | None = None
    snapshot_sha256: str | None = None
    finalized_at: datetime | None = None
    finalized_by: str = ""

    @property
    def label(self) -> str:
        return f"{self.year} {self.unit} {self.title}"


ASSESSMENT_DETAILS = ("unit", "year", "title", "filled_by", "report_date")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _assessment_info(row: Assessment) -> AssessmentInfo:
    return AssessmentInfo(
        row.id,
        row.system_id,
        row.unit,
        row.year,
        row.title,
        row.filled_by or "",
        row.report_date,
        row.stage or "filling",
        row.deadline,
        row.snapshot_sha256,
        row.finalized_at,
        row.finalized_by or "",
    )


@dataclass(frozen=True)
class DepartmentItems:
    department: str
    lead: list[Item] = field(default_factory=list)
    cooperating: list[Item] = field(default_factory=list)

    @classmethod
    def of(cls, system: IndicatorSystem, department: str) -> DepartmentItems:
        """The items ``department`` leads, and those it cooperates on."""
        result = cls(department)
        for item in system.items():
            if item.lead == department:
                result.lead.append(item)
            elif department in item.cooperating:
                result.cooperating.append(item)
        return result
