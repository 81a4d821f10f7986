"""What the score sheet and the report say beside the total when the table has sections outside the 100 or a
triggered veto: "基础分 88.50 + 加分 5.00 − 扣分 1.50", "一票否决（021）：总分计 0 分"; and, for a table without
points, its judgements instead of a total: "合格 3 · 基本合格 1 · 不合格 0 · 未评定 2"."""

from __future__ import annotations

from egov_desk.core.judgements import JudgementCounts
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


def judged_summary(counts: JudgementCounts) -> str:
    """The report's sentence on a table without points, in every state: nothing, part or everything judged."""
    if not counts.judged:
        return f"本次自评共 {counts.items} 个评定项，均尚未评定，评定结果待评定后确定。"
    found = "、".join(f"{label} {count} 项" for label, count in counts.levels)
    if counts.unjudged:
        return (
            f"本次自评共 {counts.items} 个评定项，已评定 {counts.judged} 项：{found}；尚有 {counts.unjudged} 项未评定。"
        )
    return f"本次自评共 {counts.items} 个评定项，已全部评定：{found}。"
