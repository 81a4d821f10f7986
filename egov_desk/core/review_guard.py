"""What every write to an item does about review, checked where every write passes (:meth:`Store.audit`):

- a 填报人 changes only the items their department leads or cooperates on (refused, naming both departments);
- an item that is 已提交 or 已审核 and is changed (its input, note, evidence link or check tick) goes back to
  填报中 (status ""), with a "review_reset" audit row in the same transaction: what was submitted or approved is no
  longer what is there. An item 已退回 stays 已退回 until it is submitted again.

A file's date (``evidence_date``) names no item and resets none: the file may serve items of several departments.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import Assessment, EvidenceRequirement, ItemInput, ItemRow
from egov_desk.core.person import Person, refuse_if_not_theirs
from egov_desk.core.review_states import APPROVED, FILLER, SUBMITTED

ITEM_EDITS = frozenset({"set_input", "set_note", "attach", "link", "unlink", "check", "uncheck", "confirm_carried"})
FILLER_LIMITED = ITEM_EDITS | {"add_requirement"}  # a filler adds requirements only to their own items
RESET_FROM = (SUBMITTED, APPROVED)


def edited_item(session: Session, action: str, assessment_id: int, code: str | None, after: Any) -> ItemRow | None:
    """The item a write changes: named by its code, or (a check tick) by its requirement."""
    if code is not None:
        assessment = session.get(Assessment, assessment_id)
        if assessment is None:
            return None
        return session.scalar(select(ItemRow).where(ItemRow.system_id == assessment.system_id, ItemRow.code == code))
    if action in ("check", "uncheck") and isinstance(after, dict) and after.get("requirement") is not None:
        requirement = session.get(EvidenceRequirement, after["requirement"])
        return session.get(ItemRow, requirement.item_id) if requirement is not None else None
    return None


def guard_item_write(
    session: Session, person: Person, action: str, assessment_id: int | None, code: str | None, after: Any
) -> tuple[str, str, str] | None:
    """Refuse a filler's write to another department's item; set an item 已提交/已审核 back to 填报中. Returns
    (code, status before, comment) when it did, for the caller's "review_reset" row; else None."""
    if assessment_id is None or action not in FILLER_LIMITED:
        return None
    item = edited_item(session, action, assessment_id, code, after)
    if item is None:
        return None
    if person.role == FILLER:
        cooperating = [c.department.name for c in item.cooperating]
        refuse_if_not_theirs(person, item.code, item.lead.name if item.lead else "", cooperating)
    if action not in ITEM_EDITS:
        return None
    row = session.get(ItemInput, (assessment_id, item.id))
    if row is None or row.status not in RESET_FROM:
        return None
    before, row.status = row.status, ""
    return item.code, before, row.status_comment or ""
