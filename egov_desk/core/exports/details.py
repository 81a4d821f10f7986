"""What every export says about the assessment: the unit, who filled it in (填报人) and the date, written as
official documents write dates (GB/T 9704: 2019年12月5日, no leading zeros)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from egov_desk.core.workspace import AssessmentInfo

BLANK_DATE = "＿＿＿＿年＿＿月＿＿日"
BLANK_NAME = "＿＿＿＿＿＿＿＿"


def report_day(assessment: AssessmentInfo) -> date:
    """The date printed on the exports: the one set for the assessment, else the day of the export."""
    return assessment.report_date or date.today()


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
