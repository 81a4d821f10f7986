"""A return's changes in words: what changed (输入/说明/审核状态/材料要求/佐证材料), the department's value and the
office's, in Chinese or English; and why a change conflicts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol

from egov_desk.core.evidence.types import CHECKED, COLLECTED, MISSING, SUPPLIED
from egov_desk.core.review_states import ITEM_STATES, said


class ReturnChange(Protocol):
    """What the words need of a change (:class:`~egov_desk.core.packages.importing.ReturnChange`)."""

    @property
    def code(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def base(self) -> Any: ...
    @property
    def department_value(self) -> Any: ...
    @property
    def office_value(self) -> Any: ...
    @property
    def conflict(self) -> str | None: ...
    @property
    def office_by(self) -> str | None: ...
    @property
    def office_at(self) -> str | None: ...
    @property
    def detail(self) -> Mapping[str, Any] | None: ...


REQUIREMENT_STATES: dict[str, tuple[str, str]] = {
    MISSING: ("缺材料", "missing"),
    COLLECTED: ("已收集", "collected"),
    CHECKED: ("已核验", "checked"),
    SUPPLIED: ("由其他部门提供", "supplied by another department"),
}
FIELD_WORDS: dict[str, tuple[str, str]] = {
    "input": ("填报数据", "input"),
    "note": ("说明", "note"),
    "status": ("审核状态", "review status"),
    "requirement": ("材料要求", "requirement"),
    "evidence": ("佐证材料", "evidence"),
}


def _plain(value: Any, chinese: bool) -> str:
    if value is None or value == "":
        return "空" if chinese else "empty"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _status(value: Any, chinese: bool) -> str:
    return said(ITEM_STATES, value, chinese) if value else ("填报中" if chinese else "being filled in")


def change_words(change: ReturnChange, chinese: bool) -> tuple[str, str, str]:
    """(what, the department's value, the office's value)."""
    detail = change.detail or {}
    what = f"{change.code} {said(FIELD_WORDS, change.field, chinese)}"
    if change.field == "status":
        return what, _status(change.department_value, chinese), _status(change.office_value, chinese)
    if change.field == "requirement":
        text = str(detail.get("text", "")) or str(detail.get("position", ""))
        what = f"{what}“{text}”"
        return (
            what,
            said(REQUIREMENT_STATES, str(change.department_value), chinese),
            said(REQUIREMENT_STATES, str(change.office_value), chinese),
        )
    if change.field == "evidence":
        position = detail.get("requirement")
        where = (
            ("（一般材料）" if chinese else " (general)")
            if position is None
            else (f"（第 {int(position) + 1} 项要求）" if chinese else f" (requirement {int(position) + 1})")
        )
        if detail.get("action") == "add":
            name = change.department_value
            what = f"{what}{where} 添加“{name}”" if chinese else f"{what}{where}: add “{name}”"
            department = "添加" if chinese else "added"
            office = ("已有" if chinese else "there already") if change.office_value else ("无" if chinese else "none")
        else:
            name = change.base
            what = f"{what}{where} 移除“{name}”" if chinese else f"{what}{where}: remove “{name}”"
            department = "移除" if chinese else "removed"
            office = (
                ("仍关联" if chinese else "still linked") if change.office_value else ("已移除" if chinese else "gone")
            )
        return what, department, office
    return what, _plain(change.department_value, chinese), _plain(change.office_value, chinese)


def conflict_words(change: ReturnChange, chinese: bool) -> str:
    """Why a change conflicts, naming who changed it here and when ("" when it does not)."""
    if change.conflict == "cooperating":
        lead = change.office_by or ("牵头部门" if chinese else "the lead department")
        return (
            f"配合部门的修改，该指标由「{lead}」牵头"
            if chinese
            else f"a cooperating department's change to an item {lead} leads"
        )
    if change.conflict == "changed_here":
        who = change.office_by or ("未知" if chinese else "unknown")
        when = change.office_at or ""
        return (
            f"工作包发出后本处已被 {who} 于 {when} 修改"
            if chinese
            else f"changed here by {who} at {when} since the package"
        )
    return ""
