"""What the office holds now of a department's items, and who changed it here since a package was made.

A return is planned against this: each change's office value, and — when the office value differs from what the
package held (its ``base``) — the audit row that changed it after the package was made (the office itself, or
another department's return applied since), so a conflict can name who and when."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from egov_desk.core.evidence.types import ItemEvidence
from egov_desk.core.review import item_reviews
from egov_desk.core.review_states import ROLES, STORED_STATES, said

if TYPE_CHECKING:
    from egov_desk.core.db.models import AuditEntry
    from egov_desk.core.workspace import Workspace

# the audit actions that change each field of an item
FIELD_ACTIONS: dict[str, frozenset[str]] = {
    "input": frozenset({"set_input"}),
    "note": frozenset({"set_note"}),
    "status": frozenset({"submit", "return", "approve", "review_reset"}),
    "requirement": frozenset({"check", "uncheck", "attach", "link", "unlink"}),
}


def stored_status(status: Any) -> str:
    """A review status as stored: 已提交/已退回/已审核, else "" (未开始 and 填报中 are told from what is entered)."""
    return status if status in STORED_STATES else ""


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _since(made_at: str) -> datetime:
    try:
        return _utc(datetime.fromisoformat(made_at))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class OfficeChange:
    """Who changed an item's field here since the package (the name and role given, else the login) and when."""

    by: str
    at: str


@dataclass
class OfficeState:
    """An assessment's items as the office holds them now, and the audit rows written since the package."""

    assessment_id: int
    inputs: dict[str, Any]
    notes: dict[str, str]
    statuses: dict[str, str]
    evidence: Mapping[str, ItemEvidence]
    entries: list[AuditEntry] = field(default_factory=list)
    requirement_ids: dict[int, str] = field(default_factory=dict)  # requirement id → the item's code

    def requirement(self, code: str, position: int) -> Any:
        held = self.evidence.get(code)
        if held is None:
            return None
        return next((r for r in held.requirements if r.position == position), None)

    def linked(self, code: str, position: int | None, sha256: str) -> bool:
        """Whether a file of these bytes serves the item under that requirement (None: generally)."""
        held = self.evidence.get(code)
        if held is None:
            return False
        if position is None:
            return any(f.sha256 == sha256 for f in held.general)
        requirement = self.requirement(code, position)
        return requirement is not None and any(f.sha256 == sha256 for f in requirement.files)

    def link_of(self, code: str, position: int | None, file_id: Any) -> bool:
        """Whether the office file ``file_id`` still serves the item under that requirement."""
        held = self.evidence.get(code)
        if held is None:
            return False
        if position is None:
            return any(f.id == file_id for f in held.general)
        requirement = self.requirement(code, position)
        return requirement is not None and any(f.id == file_id for f in requirement.files)

    def changed_by(self, code: str, field_name: str, position: int | None = None) -> OfficeChange | None:
        """The last audit row since the package that changed this field of the item (a tick names its
        requirement, not the item)."""
        actions = FIELD_ACTIONS.get(field_name, frozenset())
        wanted = None
        if field_name == "requirement" and position is not None:
            requirement = self.requirement(code, position)
            wanted = requirement.id if requirement is not None else None
        found = None
        for entry in self.entries:
            if entry.action not in actions:
                continue
            after = entry.after if isinstance(entry.after, dict) else {}
            before = entry.before if isinstance(entry.before, dict) else {}
            if field_name == "requirement":
                named = after.get("requirement", before.get("requirement"))
                item = entry.item_code or self.requirement_ids.get(named if isinstance(named, int) else -1)
                if item != code or named != wanted:
                    continue
            elif entry.item_code != code:
                continue
            found = entry
        if found is None:
            return None
        who = found.name or found.actor
        if found.name and found.role:
            who = f"{found.name}（{said(ROLES, found.role)}）"
        return OfficeChange(who, _utc(found.at).replace(microsecond=0).isoformat())


def office_state(workspace: Workspace, assessment_id: int, made_at: str) -> OfficeState:
    """The office's items of the assessment now, and its audit rows after ``made_at``."""
    since = _since(made_at)
    evidence = workspace.evidence.by_item(assessment_id)
    entries = [e for e in workspace.audit(assessment_id) if _utc(e.at) > since]
    return OfficeState(
        assessment_id,
        dict(workspace.inputs(assessment_id)),
        dict(workspace.notes(assessment_id)),
        {code: review.status for code, review in item_reviews(workspace, assessment_id).items()},
        evidence,
        entries,
        {r.id: code for code, held in evidence.items() for r in held.requirements},
    )
