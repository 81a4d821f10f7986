"""What the score sheet and the report say beside the total when the table has sections outside the 100 or a
triggered veto: "基础分 88.50 + 加分 5.00 − 扣分 1.50", "一票否决（021）：总分计 0 分"."""

from __future__ import annotations

from egov_desk.core.points import display
from egov_desk.core.scoring import ScoreSheet


def total_remarks(sheet: ScoreSheet) -> list[str]:
    remarks = []
    if sheet.has_sections:
        remarks.append(f"基础分 {display(sheet.base)} + 加分 {display(sheet.bonus)} − 扣分 {display(sheet.deduction)}")
    if sheet.vetoed:
        codes = "、".join(sheet.vetoed)
        effect = "总分计 0 分" if sheet.veto == "zero" else "考评结果为否决"
        remarks.append(f"一票否决（{codes}）：{effect}")
    return remarks
