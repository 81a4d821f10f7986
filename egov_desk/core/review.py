"""Review of items: 未开始 → 填报中 → 已提交 → 已退回 (with a comment) / 已审核.

Who may do what (:mod:`egov_desk.core.person`): a 填报人 submits the items their department leads or cooperates
on; a 审核人 returns and approves; a 负责人 does all of it. Nobody reviews without a role and a name.

The transitions allowed (anything else is refused, naming the item and its status, nothing written):

- submit: from 填报中 or 已退回 (an item with nothing entered — 未开始 — has nothing to submit);
- return (a comment is required): from 已提交 or 已审核 (an approved item may be sent back);
- approve: from 已提交 or 已退回 (the reviewer accepts a returned item as it stands).

Return and approve are allowed in the 填报 stage as well as in 审核: the stage says where the assessment as a
whole stands, not when a single item may be looked at. A final assessment refuses all of them.

Each call is all-or-nothing over its items, one transaction, each item an audit row ("submit", "return",
"approve": before={"status": old}, after={"status": new, "comment": text}); it returns a
:class:`~egov_desk.core.changes.CycleChange` (what="review") whose ``before`` maps each code to its
(status, comment) before: :func:`restore_statuses` with it is the undo.

Changing an item 已提交 or 已审核 sets it back to 填报中 (see :mod:`egov_desk.core.review_guard`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.changes import CycleChange
from egov_desk.core.db.models import Assessment, AuditEntry, EvidenceFile, EvidenceLink, ItemInput, ItemRow
from egov_desk.core.errors import Refused
from egov_desk.core.final_lock import refuse_if_final
from egov_desk.core.person import refuse_if_not_theirs, require_role
from egov_desk.core.review_states import (
    APPROVED,
    FILLER,
    FILLING,
    ITEM_STATES,
    LEADER,
    NOT_STARTED,
    RETURNED,
    REVIEWER,
    STORED_STATES,
    SUBMITTED,
    said,
)
from egov_desk.core.write_refusals import no_assessment, no_item

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

REVIEW_ACTIONS = ("submit", "return", "approve", "review_reset")
ACTION_OF = {"": "review_reset", SUBMITTED: "submit", RETURNED: "return", APPROVED: "approve"}  # by new status


class ReviewRefused(Refused):
    """A review action that makes no sense for an item as it stands (or without the comment it needs)."""


@dataclass(frozen=True)
class ItemReview:
    """An item's review status (a key of :data:`~egov_desk.core.review_states.ITEM_STATES`), the comment of its
    last return, and who set the status and when (the name given, else the login; "" and None when told from what
    was entered)."""

    code: str
    status: str
    comment: str = ""
    by: str = ""
    at: datetime | None = None

    def label(self, chinese: bool = True) -> str:
        return said(ITEM_STATES, self.status, chinese)


def told_status(stored: str, entered: bool) -> str:
    if stored in STORED_STATES:
        return stored
    return FILLING if entered else NOT_STARTED


def _item_ids(session: Session, assessment_id: int) -> tuple[Assessment, dict[str, int]]:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise no_assessment(assessment_id)
    rows = session.execute(select(ItemRow.code, ItemRow.id).where(ItemRow.system_id == assessment.system_id))
    return assessment, {code: item_id for code, item_id in rows}


def _statuses(session: Session, assessment_id: int) -> dict[int, tuple[str, str]]:
    """Per item id: (its told status, its comment)."""
    linked = set(
        session.scalars(
            select(EvidenceLink.item_id)
            .join(EvidenceFile, EvidenceFile.id == EvidenceLink.file_id)
            .where(EvidenceFile.assessment_id == assessment_id)
        )
    )
    found: dict[int, tuple[str, str]] = {}
    for row in session.scalars(select(ItemInput).where(ItemInput.assessment_id == assessment_id)):
        entered = row.input is not None or bool(row.note) or row.item_id in linked
        found[row.item_id] = (told_status(row.status, entered), row.status_comment or "")
    for item_id in linked - set(found):
        found[item_id] = (FILLING, "")
    return found


def told_statuses(session: Session, assessment_id: int, codes: Iterable[str]) -> dict[str, str]:
    """The status of each of ``codes`` (the system's items, in order) as ``session`` reads it."""
    _, ids = _item_ids(session, assessment_id)
    statuses = _statuses(session, assessment_id)
    return {code: statuses.get(ids.get(code, -1), (NOT_STARTED, ""))[0] for code in codes}


def item_reviews(workspace: Workspace, assessment_id: int) -> dict[str, ItemReview]:
    """Every item of the assessment's system, in the table's order, with its review status."""
    with workspace.store.read() as session:
        assessment, ids = _item_ids(session, assessment_id)
        statuses = _statuses(session, assessment_id)
        last: dict[str, tuple[str, datetime | None]] = {}
        entries = session.execute(
            select(AuditEntry.item_code, AuditEntry.name, AuditEntry.actor, AuditEntry.at)
            .where(AuditEntry.assessment_id == assessment_id, AuditEntry.action.in_(REVIEW_ACTIONS))
            .order_by(AuditEntry.id)
        )
        for code, name, actor, when in entries:
            if code is not None:
                last[code] = (name or actor, when)
        system = workspace.system(assessment.system_id)
    reviews = {}
    for item in system.items():
        status, comment = statuses.get(ids.get(item.code, -1), (NOT_STARTED, ""))
        at: datetime | None
        by, at = last[item.code] if status in STORED_STATES and item.code in last else ("", None)
        reviews[item.code] = ItemReview(item.code, status, comment if status == RETURNED else "", by, at)
    return reviews


def _input_row(session: Session, assessment_id: int, item_id: int) -> ItemInput:
    row = session.get(ItemInput, (assessment_id, item_id))
    if row is None:
        row = ItemInput(assessment_id=assessment_id, item_id=item_id, input=None, note="")
        session.add(row)
    return row


def _refuse(code: str, status: str, english: str, chinese: str) -> ReviewRefused:
    now_en, now_zh = said(ITEM_STATES, status, False), said(ITEM_STATES, status)
    return ReviewRefused(
        f"{code} is {now_en}: {english}; nothing was changed",
        f"{code} 目前为“{now_zh}”：{chinese}；没有作任何修改",
        "review_transition",
        code=code,
        status=status,
    )


_SUBMIT_REFUSALS = {
    NOT_STARTED: ("nothing is entered yet, so there is nothing to submit", "尚未填写任何内容，无可提交"),
    SUBMITTED: ("it was submitted already and waits for review", "已经提交，正等待审核"),
    APPROVED: ("it is approved already; change it first to submit it again", "已经审核通过；如需重新提交，请先修改"),
}
_RETURN_REFUSALS = {
    NOT_STARTED: ("only a submitted or approved item can be returned", "只有已提交或已审核的指标才能退回"),
    FILLING: ("only a submitted or approved item can be returned", "只有已提交或已审核的指标才能退回"),
    RETURNED: ("it was returned already", "已经退回"),
}
_APPROVE_REFUSALS = {
    NOT_STARTED: ("it has not been submitted: the filler submits it first", "尚未提交，请先由填报人提交"),
    FILLING: ("it has not been submitted: the filler submits it first", "尚未提交，请先由填报人提交"),
    APPROVED: ("it is approved already", "已经审核通过"),
}


def _move(
    workspace: Workspace,
    assessment_id: int,
    codes: Iterable[str],
    new: str,
    comment: str,
    refusals: Mapping[str, tuple[str, str]],
) -> CycleChange:
    store = workspace.store
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        raise ReviewRefused("no item given", "没有指定指标", "no_items")
    action = ACTION_OF[new]
    with store.write(f"{action} {', '.join(wanted)}", "、".join(wanted) + " 的审核状态") as session:
        refuse_if_final(session, assessment_id)
        assessment, ids = _item_ids(session, assessment_id)
        system = store.system(assessment.system_id)
        statuses = _statuses(session, assessment_id)
        for code in wanted:
            if code not in ids:
                raise no_item(code)
            status = statuses.get(ids[code], (NOT_STARTED, ""))[0]
            if status in refusals:
                raise _refuse(code, status, *refusals[status])
            if action == "submit":
                item = system.item(code)
                refuse_if_not_theirs(store.person, code, item.lead, item.cooperating, "submit", "提交")
        before: dict[str, tuple[str, str]] = {}
        for code in wanted:
            row = _input_row(session, assessment_id, ids[code])
            before[code] = (row.status or "", row.status_comment or "")
            row.status, row.status_comment = new, comment
            store.audit(
                session, action, assessment_id, code, {"status": before[code][0]}, {"status": new, "comment": comment}
            )
        store.commit(session, f"{action} {', '.join(wanted)}", "、".join(wanted) + " 的审核状态")
    return CycleChange(assessment_id, tuple(wanted), "review", before)


def submit(workspace: Workspace, assessment_id: int, codes: Iterable[str]) -> CycleChange:
    """已提交: the items are ready for review (a 填报人 of their department, or the 负责人)."""
    require_role(workspace.person, (FILLER, LEADER), "submit items", "提交指标")
    return _move(workspace, assessment_id, codes, SUBMITTED, "", _SUBMIT_REFUSALS)


def return_items(workspace: Workspace, assessment_id: int, codes: Iterable[str], comment: str) -> CycleChange:
    """已退回 with ``comment`` (required: what is to be reworked), by a 审核人 or the 负责人."""
    require_role(workspace.person, (REVIEWER, LEADER), "return items", "退回指标")
    if not comment.strip():
        raise ReviewRefused(
            "say why the items are returned (a comment is required)", "请填写退回意见（说明需要修改什么）", "no_comment"
        )
    return _move(workspace, assessment_id, codes, RETURNED, comment.strip(), _RETURN_REFUSALS)


def approve(workspace: Workspace, assessment_id: int, codes: Iterable[str]) -> CycleChange:
    """已审核, by a 审核人 or the 负责人."""
    require_role(workspace.person, (REVIEWER, LEADER), "approve items", "审核通过指标")
    return _move(workspace, assessment_id, codes, APPROVED, "", _APPROVE_REFUSALS)


def restore_statuses(workspace: Workspace, assessment_id: int, before: Mapping[str, Any] | None) -> CycleChange:
    """Put items' stored statuses and comments back (the undo of a review action, given its change's
    ``before``: code → (status, comment)); each item an audit row of the action its status names, with
    "undo": true. Any role may undo."""
    store = workspace.store
    require_role(store.person, (FILLER, REVIEWER, LEADER), "undo a review action", "撤销审核操作")
    before = before or {}
    codes = list(before)
    with store.write("undoing the review", "撤销审核操作") as session:
        refuse_if_final(session, assessment_id)
        _, ids = _item_ids(session, assessment_id)
        was: dict[str, tuple[str, str]] = {}
        for code in codes:
            if code not in ids:
                raise no_item(code)
            status, comment = before[code]
            row = _input_row(session, assessment_id, ids[code])
            was[code] = (row.status or "", row.status_comment or "")
            row.status, row.status_comment = status, comment
            after = {"status": status, "comment": comment, "undo": True}
            store.audit(
                session, ACTION_OF.get(status, "review_reset"), assessment_id, code, {"status": was[code][0]}, after
            )
        store.commit(session, "undoing the review", "撤销审核操作")
    return CycleChange(assessment_id, tuple(codes), "review", was)
