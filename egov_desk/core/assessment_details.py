"""The assessment's details (unit, year, title, filled-in-by, report date): checked and tidied before a write."""

from __future__ import annotations

from datetime import date
from typing import Any

from egov_desk.core.errors import WorkspaceError
from egov_desk.core.workspace_info import ASSESSMENT_DETAILS

DETAIL_NAMES_ZH = {
    "unit": "单位",
    "year": "年度",
    "title": "考评名称",
    "filled_by": "填报人",
    "report_date": "报告日期",
}


def clean_details(details: dict[str, Any]) -> dict[str, Any]:
    """The details as they will be stored, or WorkspaceError naming the one that is wrong."""
    details = dict(details)
    unknown = set(details) - set(ASSESSMENT_DETAILS)
    if unknown:
        raise WorkspaceError(
            f"an assessment has no detail named {', '.join(sorted(unknown))}",
            f"考评信息里没有 {'、'.join(sorted(unknown))} 这一项",
            "unknown_detail",
        )
    if "unit" in details:
        details["unit"] = str(details["unit"]).strip()
        if not details["unit"]:
            raise WorkspaceError("an assessment needs the unit's name", "请填写单位名称", "no_unit")
    if "year" in details:
        year = details["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100:
            raise WorkspaceError(
                f"{year!r} is not a year between 1990 and 2100",
                f"年度 {year!r} 不对：应为 1990 至 2100 之间的年份",
                "bad_year",
            )
    if "title" in details:
        details["title"] = str(details["title"]).strip()
        if not details["title"]:
            raise WorkspaceError("an assessment needs a title", "请填写考评名称", "no_title")
    if "filled_by" in details:
        details["filled_by"] = str(details["filled_by"] or "").strip()
    if "report_date" in details and not (details["report_date"] is None or isinstance(details["report_date"], date)):
        raise WorkspaceError(
            f"{details['report_date']!r} is not a date", f"报告日期 {details['report_date']!r} 不是日期", "bad_date"
        )
    return details
