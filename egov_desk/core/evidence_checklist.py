"""Editing an item's evidence checklist: add, rename, reorder and remove requirements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.db.engine import write_lock
from egov_desk.core.db.models import EvidenceLink, EvidenceRequirement, ItemRow
from egov_desk.core.errors import ChangedSince
from egov_desk.core.evidence_types import EvidenceError

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


class ChecklistEdits:
    """Part of :class:`~egov_desk.core.evidence.EvidenceBook` (a mixin; the book gives the session and commits)."""

    workspace: Workspace

    def _changed_system(self, session: Session, item_id: int) -> None:
        item = session.get(ItemRow, item_id)
        if item is not None:
            self.workspace._systems.pop(item.system_id, None)

    def add_requirement(self, assessment_id: int, code: str, text: str) -> int:
        self.workspace.refuse_if_read_only()
        if not text.strip():
            raise EvidenceError("a requirement needs a text")
        with self._session() as session:
            _, item = self._item(session, assessment_id, code)
            last = session.scalar(
                select(func.max(EvidenceRequirement.position)).where(EvidenceRequirement.item_id == item.id)
            )
            row = EvidenceRequirement(
                item_id=item.id, position=(last if last is not None else -1) + 1, text=text.strip(), supplied_by=None
            )
            session.add(row)
            self.workspace._audit(session, "add_requirement", assessment_id, code, None, text.strip())
            self._commit(session, f"the requirement {text.strip()}")
            self._changed_system(session, item.id)
            return row.id

    def rename_requirement(self, requirement_id: int, text: str, *, expected: str | None = None) -> None:
        """Give a requirement a new text; ``expected`` is the text the person saw (changed since: refused)."""
        self.workspace.refuse_if_read_only()
        if not text.strip():
            raise EvidenceError("a requirement needs a text")
        with self._session() as session:
            write_lock(session)
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise EvidenceError(f"there is no requirement {requirement_id}")
            if expected is not None and expected != row.text:
                raise ChangedSince(
                    f"this requirement was renamed elsewhere since, to {row.text!r}; not saved",
                    f"这项材料要求已在别处改为“{row.text}”；本次修改没有保存。",
                    "changed_since",
                    requirement=requirement_id,
                    current=row.text,
                )
            before, row.text = row.text, text.strip()
            self.workspace._audit(session, "rename_requirement", None, None, before, row.text)
            self._commit(session, "the requirement's new text")
            self._changed_system(session, row.item_id)

    def move_requirement(self, requirement_id: int, step: int) -> None:
        """Move a requirement up (step -1) or down (+1) in its item's checklist."""
        self.workspace.refuse_if_read_only()
        with self._session() as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise EvidenceError(f"there is no requirement {requirement_id}")
            siblings = list(
                session.scalars(
                    select(EvidenceRequirement)
                    .where(EvidenceRequirement.item_id == row.item_id)
                    .order_by(EvidenceRequirement.position)
                )
            )
            index = siblings.index(row)
            target = max(0, min(len(siblings) - 1, index + step))
            siblings.insert(target, siblings.pop(index))
            for position, sibling in enumerate(siblings):
                sibling.position = position
            self._commit(session, "the order of the checklist")
            self._changed_system(session, row.item_id)

    def remove_requirement(self, requirement_id: int) -> None:
        self.workspace.refuse_if_read_only()
        with self._session() as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise EvidenceError(f"there is no requirement {requirement_id}")
            if session.scalar(
                select(func.count()).select_from(EvidenceLink).where(EvidenceLink.requirement_id == requirement_id)
            ):
                raise EvidenceError(f"“{row.text}” has files attached; remove them first")
            session.delete(row)
            self.workspace._audit(session, "remove_requirement", None, None, row.text, None)
            self._commit(session, f"removing the requirement {row.text}")
            self._changed_system(session, row.item_id)
