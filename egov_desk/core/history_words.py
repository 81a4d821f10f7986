"""The words of the change history: a phrase per kind of audit row (Chinese, English), a short verb naming a row,
and values said plainly (是/否, lists with 、, decimals without trailing zeros). Used by :mod:`history` and by the
check of the chain (:mod:`audit_verify`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from egov_desk.core.review_states import ITEM_STATES, STAGES
from egov_desk.core.review_states import said as said_word

EMPTY_ZH, EMPTY_EN = "空", "empty"

# action → (Chinese, English) phrase; "{file}", "{text}" are filled from the entry
PHRASES: dict[str, tuple[str, str]] = {
    "attach": ("添加佐证材料“{file}”", "attached the file “{file}”"),
    "link": ("关联佐证材料“{file}”", "linked the file “{file}”"),
    "unlink": ("取消关联佐证材料“{file}”", "unlinked the file “{file}”"),
    "remove_file": ("删除佐证材料“{file}”", "removed the file “{file}”"),
    "evidence_date": ("修改材料日期 {old} → {new}", "changed a file's date {old} → {new}"),
    "check": ("勾选材料要求为已核验", "ticked a requirement as checked"),
    "uncheck": ("取消材料要求的核验勾选", "unticked a requirement's check"),
    "add_requirement": ("添加材料要求“{new}”", "added the requirement “{new}”"),
    "rename_requirement": ("材料要求“{old}” → “{new}”", "renamed the requirement “{old}” → “{new}”"),
    "remove_requirement": ("删除材料要求“{old}”", "removed the requirement “{old}”"),
    "add_system": ("添加指标体系“{title}”", "added the indicator system “{title}”"),
    "remove_system": ("删除指标体系“{title}”", "removed the indicator system “{title}”"),
    "create_assessment": ("新建考评 {year} {unit}", "created the assessment {year} {unit}"),
    "remove_assessment": ("删除考评 {year} {unit}", "removed the assessment {year} {unit}"),
    "update_assessment": ("修改考评信息", "changed the assessment's details"),
    "move_assessment": ("考评改用指标体系 {system}", "moved the assessment onto indicator system {system}"),
    "store_system_version": ("保存指标体系“{title}”第 {version} 版", "stored version {version} of “{title}”"),
    "submit": ("提交审核", "submitted for review"),
    "approve": ("审核通过", "approved"),
    "confirm_carried": ("确认去年材料“{file}”", "confirmed last year's file “{file}”"),
    "unconfirm_carried": ("重新标为去年材料“{file}”", "marked “{file}” as last year's again"),
    "chain_start": ("修改记录链起点：记下当时的全部数据", "start of the chained history: the data as it was then"),
    "import_return": (
        "导入「{department}」第 {sequence} 个工作包的回执（{changes} 处修改）",
        "imported {department}'s return of package {sequence} ({changes} change(s))",
    ),
}

# action → a short verb (Chinese, English), for naming a row ("10:02 zhang 修改 021")
ACTION_WORDS: dict[str, tuple[str, str]] = {
    "set_input": ("修改", "changed"),
    "set_note": ("修改说明", "changed the note of"),
    "attach": ("添加材料", "attached a file to"),
    "link": ("关联材料", "linked a file to"),
    "unlink": ("取消关联", "unlinked a file from"),
    "remove_file": ("删除材料", "removed a file of"),
    "evidence_date": ("修改材料日期", "changed a file's date"),
    "check": ("勾选核验", "ticked a requirement"),
    "uncheck": ("取消核验", "unticked a requirement"),
    "add_requirement": ("添加材料要求", "added a requirement"),
    "rename_requirement": ("修改材料要求", "renamed a requirement"),
    "remove_requirement": ("删除材料要求", "removed a requirement"),
    "add_system": ("添加指标体系", "added an indicator system"),
    "remove_system": ("删除指标体系", "removed an indicator system"),
    "create_assessment": ("新建考评", "created an assessment"),
    "remove_assessment": ("删除考评", "removed an assessment"),
    "update_assessment": ("修改考评信息", "changed the assessment's details"),
    "move_assessment": ("换用指标体系版本", "moved the assessment"),
    "store_system_version": ("保存指标体系版本", "stored a system version"),
    "submit": ("提交", "submitted"),
    "return": ("退回", "returned"),
    "approve": ("审核通过", "approved"),
    "review_reset": ("撤回审核状态", "reset the review of"),
    "stage": ("改变考评阶段", "changed the stage"),
    "finalize": ("定稿", "finalized"),
    "reopen": ("重新打开", "reopened"),
    "deadline": ("设置截止日期", "set the deadline of"),
    "confirm_carried": ("确认去年材料", "confirmed last year's file of"),
    "unconfirm_carried": ("重新标为去年材料", "marked last year's file again"),
    "set_lead": ("设置牵头科室", "set the lead department of"),
    "chain_start": ("开始修改记录链", "started the chained history"),
    "import_return": ("导入回执", "imported a return"),
}


def cycle_change(action: str, before: Any, after: Any) -> tuple[str, str] | None:
    """Review, sign-off, deadline and carry-over rows in words (None: not one of them)."""
    was = before if isinstance(before, dict) else {}
    now = after if isinstance(after, dict) else {}
    if action == "return":
        comment = str(now.get("comment") or "")
        return f"退回修改：{comment}", f"returned for rework: {comment}"
    if action == "review_reset":
        old = str(was.get("status") or "")
        old_zh, old_en = said_word(ITEM_STATES, old), said_word(ITEM_STATES, old, chinese=False)
        return (
            f"内容被修改，审核状态“{old_zh}”撤回为填报中",
            f"edited: the review status {old_en} reset to being filled in",
        )
    if action == "stage":
        old, new = str(was.get("stage") or ""), str(now.get("stage") or "")
        return (
            f"考评阶段 {said_word(STAGES, old)} → {said_word(STAGES, new)}",
            f"stage {said_word(STAGES, old, False)} → {said_word(STAGES, new, False)}",
        )
    if action == "finalize":
        head = str(now.get("snapshot") or "")[:16]
        return f"定稿，快照 SHA-256 {head}…", f"finalized, snapshot SHA-256 {head}…"
    if action == "reopen":
        reason = str(now.get("reason") or "")
        return f"重新打开定稿（原因：{reason}）", f"reopened the final assessment (reason: {reason})"
    if action == "deadline":
        deadline, department = now.get("deadline"), now.get("department")
        whose, whose_en = (f"{department} 的", f"{department}'s ") if department else ("", "")
        if deadline:
            return f"{whose}截止日期定为 {deadline}", f"{whose_en}deadline set to {deadline}"
        return f"取消{whose}截止日期", f"{whose_en}deadline removed"
    if action == "set_lead":
        old_zh, new_zh = plain(before, "无"), plain(after, "无")
        return f"牵头科室 {old_zh} → {new_zh}", f"lead department {plain(before, 'none')} → {plain(after, 'none')}"
    if action == "create_assessment" and now.get("from") is not None:
        year, unit, source = now.get("year", ""), now.get("unit", ""), now.get("from")
        return (
            f"由考评 {source} 结转新建考评 {year} {unit}",
            f"created the assessment {year} {unit} from assessment {source}",
        )
    return None


def phrase(action: str, before: Any, after: Any) -> tuple[str, str]:
    """An audit row of ``action`` in a short phrase, its fields filled from the row's before and after."""
    pair = PHRASES.get(action)
    if pair is None:
        return f"{action}：{plain(before)} → {plain(after)}", f"{action}: {before} → {after}"
    fields = {"old": plain(before), "new": plain(after)}
    for value in (before, after):
        if isinstance(value, dict):
            fields.update({key: plain(v) for key, v in value.items()})
    fields.setdefault("file", "")
    zh, en = pair
    try:
        return zh.format(**fields), en.format(**fields)
    except (KeyError, IndexError):
        return zh, en


def plain(value: Any, empty: str = "", *, chinese: bool = True) -> str:
    """A value as a person reads it: "" (or ``empty``) for nothing, 是/否, decimals as typed, lists joined."""
    if value is None or value == "":
        return empty
    if isinstance(value, bool):
        return ("是" if value else "否") if chinese else ("yes" if value else "no")
    if isinstance(value, float | Decimal):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(value, list):
        return ("、" if chinese else ", ").join(plain(v, chinese=chinese) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{k} {plain(v)}" for k, v in value.items())
    return str(value)
