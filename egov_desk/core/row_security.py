"""A server's refusal of a write by its grants or row security (SQLSTATE 42501, migration 0008), said in words that
name what was refused: the item and the person's department, the history, or the part only the leader changes.

The core refuses a filler's write to another department's item before it reaches the server
(:mod:`~egov_desk.core.review_guard`); this is what a client that skipped that check is told, when the database
itself says no. Which item it was is read from the refused statement (its ``item_id`` or ``requirement_id``), or
for a removal from the refusal's DETAIL (``item_id=N``, migration 0008's delete guard)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from egov_desk.core.db.models import Department, EvidenceRequirement, ItemCooperation, ItemRow, PersonRow
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.person import Person
from egov_desk.core.review_states import FILLER

_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
_ITEM_KEY = re.compile(r"(?:^|_)item_id(?:__\d+)?(?:_\d+)?$")
_DETAIL = re.compile(r"\bitem_id=(\d+)")
_REQUIREMENT_KEY = re.compile(r"(?:^|_)requirement_id(?:__\d+)?(?:_\d+)?$")

_SYSTEM = ("the indicator system", "指标体系")
_LEADERS_ONLY: dict[str, tuple[str, str]] = {
    "assessments": ("the assessment (its details, its stage, 定稿)", "考评（基本信息、阶段、定稿）"),
    "indicator_systems": _SYSTEM,
    "nodes": _SYSTEM,
    "items": _SYSTEM,
    "item_cooperating": _SYSTEM,
    "departments": _SYSTEM,
    "department_deadlines": ("the departments' deadlines", "各部门截止日期"),
    "settings": ("the workspace's settings", "工作区设置"),
    "people": ("the people and their roles", "人员和角色"),
}


def refused_by_rows(exc: BaseException, read: Callable[[], Session], what: str, what_zh: str) -> WorkspaceError | None:
    """The words for a write the server refused a login of its ``people`` by their row security or grants; None
    for any other error (and for a login that is none of the people: :mod:`write_refusals` says those)."""
    reason = getattr(exc, "orig", None)
    if str(getattr(reason, "sqlstate", "") or "") != "42501":
        return None
    found = _TABLE.match(str(getattr(exc, "statement", "") or ""))
    verb, table = (found.group(0).split()[0].upper(), found.group(1).lower()) if found else ("", "")
    person = _login_person(read)  # who the server knows the login as, whatever the client says
    if person is None:  # a login that is none of the workspace's people: the server's grants, said as such
        return None
    who, who_zh = person.label(False), person.label()
    if table == "audit" and verb != "INSERT":
        return WorkspaceError(
            f"{what} was not saved: the server lets {who} add to the history, never change or remove a row of it",
            f"{what_zh}没有保存：服务器只允许{who_zh}添加历史记录，不允许修改或删除已有的记录。",
            "not_allowed",
            table=table,
        )
    if table in _LEADERS_ONLY:
        part, part_zh = _LEADERS_ONLY[table]
        return WorkspaceError(
            f"{what} was not saved: on this server only the leader or the workspace's owner may change {part}, "
            f"not {who}",
            f"{what_zh}没有保存：服务器上只有负责人或工作区所有者可以修改{part_zh}，{who_zh}不能修改。",
            "not_allowed",
            table=table,
        )
    detail = str(getattr(getattr(reason, "diag", None), "message_detail", "") or "")  # a removal: item_id=N
    named = _DETAIL.findall(detail)
    items = _items(read, [{"item_id": int(n)} for n in named] or getattr(exc, "params", None))
    if not items:
        return None
    code, lead, cooperating = items[0]
    if "status=" in detail:  # migration 0008's review guard: approving or returning is not a filler's
        return WorkspaceError(
            f"{what} was not saved: the server lets only a reviewer or the leader approve or return {code}; "
            f"{who} may submit it",
            f"{what_zh}没有保存：服务器只允许审核人或负责人审核通过或退回 {code}；{who_zh}只能提交。",
            "not_allowed",
            code=code,
        )
    department = person.department or "—"
    lead_en, lead_zh = lead or "no department", lead or "未指定部门"
    also = f" (cooperating: {', '.join(cooperating)})" if cooperating else ""
    also_zh = f"（配合：{'、'.join(cooperating)}）" if cooperating else ""
    return WorkspaceError(
        f"{what} was not saved: the server refused it — {code} is led by {lead_en}{also}, not by {department}; "
        f"{who} may change only {department}'s items (ask someone of {lead_en}, a reviewer or the leader)",
        f"{what_zh}没有保存：服务器拒绝了这项修改——{code} 由“{lead_zh}”牵头{also_zh}，不是“{department}”的指标，"
        f"{who_zh}只能修改本部门的指标；请由“{lead_zh}”的填报人、审核人或负责人处理。",
        "not_allowed",
        code=code,
        lead=lead,
        department=person.department,
    )


def _login_person(read: Callable[[], Session]) -> Person | None:
    try:
        with read() as session:
            row = session.execute(
                select(PersonRow.login, PersonRow.name, PersonRow.role, PersonRow.department).where(
                    PersonRow.login == func.current_user()
                )
            ).first()
    except SQLAlchemyError:
        return None
    if row is None:
        return None
    return Person(row[1] or row[0], row[2], row[3] if row[2] == FILLER else "")


def _params(params: Any) -> Iterable[tuple[str, Any]]:
    if isinstance(params, dict):
        yield from params.items()
    elif isinstance(params, (list, tuple)):
        for one in params:
            yield from _params(one)


def _items(read: Callable[[], Session], params: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    """(code, lead, cooperating) of the items the refused statement named, in its order."""
    item_ids: list[int] = []
    requirement_ids: list[int] = []
    for key, value in _params(params):
        if isinstance(value, int) and _ITEM_KEY.search(str(key)):
            item_ids.append(value)
        elif isinstance(value, int) and _REQUIREMENT_KEY.search(str(key)):
            requirement_ids.append(value)
    if not item_ids and not requirement_ids:
        return []
    found: list[tuple[str, str, tuple[str, ...]]] = []
    with read() as session:
        for requirement in requirement_ids:
            item = session.scalar(select(EvidenceRequirement.item_id).where(EvidenceRequirement.id == requirement))
            if item is not None:
                item_ids.append(item)
        for item_id in dict.fromkeys(item_ids):
            row = session.get(ItemRow, item_id)
            if row is None:
                continue
            lead = session.scalar(select(Department.name).where(Department.id == row.lead_id)) if row.lead_id else ""
            cooperating = session.scalars(
                select(Department.name)
                .join(ItemCooperation, ItemCooperation.department_id == Department.id)
                .where(ItemCooperation.item_id == item_id)
                .order_by(Department.name)
            )
            found.append((row.code, lead or "", tuple(cooperating)))
    return found
