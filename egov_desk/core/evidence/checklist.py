"""Editing an item's evidence checklist: add, rename, reorder and remove requirements.

Every edit runs in the workspace's write transaction (:meth:`Store.write`): refused when read-only, the
write lock taken before anything is read, a database that will not take it said in both languages. Each returns
what it changed (a :class:`ChecklistChange`: requirements belong to the system, so every assessment of it sees
the edit), and each has its inverse: remove a requirement added, rename or move it back, put a removed one back
at its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.changes import Changes, ChecklistChange
from egov_desk.core.db.models import EvidenceLink, EvidenceRequirement, ItemRow, RequirementCheck
from egov_desk.core.errors import ChangedSince
from egov_desk.core.evidence.refusals import no_requirement, no_requirement_text, requirement_has_files
from egov_desk.core.evidence.types import RemovedRequirement, RequirementAdded
from egov_desk.core.final_lock import refuse_if_system_final

if TYPE_CHECKING:
    from egov_desk.core.db.models import Assessment
    from egov_desk.core.store import Store


class ChecklistEdits:
    """Part of :class:`~egov_desk.core.evidence.EvidenceBook` (a mixin; the book gives the session and commits)."""

    store: Store

    def _commit(self, session: Session, what: str, what_zh: str = "本次修改") -> None:
        self.store.commit(session, what, what_zh)

    def _item(self, session: Session, assessment_id: int, code: str) -> tuple[Assessment, ItemRow]:
        return self.store.item_row(session, assessment_id, code)

    def _refuse_if_final(self, session: Session, requirement: EvidenceRequirement) -> None:
        """A requirement belongs to its system's checklist: signed for every final assessment of the system."""
        item = session.get(ItemRow, requirement.item_id)
        if item is not None:
            refuse_if_system_final(session, item.system_id)

    def _changed_system(self, session: Session, item_id: int) -> Changes:
        item = session.get(ItemRow, item_id)
        if item is None:
            return Changes()
        self.store.forget_system(item.system_id)
        return Changes.of(ChecklistChange(item.system_id, (item.code,)))

    def add_requirement(self, assessment_id: int, code: str, text: str) -> RequirementAdded:
        """A new requirement at the end of the item's checklist; returns its id (:meth:`remove_requirement`
        undoes it)."""
        self.store.refuse_if_read_only()
        if not text.strip():
            raise no_requirement_text()
        what, what_zh = f"the requirement {text.strip()}", f"材料要求“{text.strip()}”"
        with self.store.write(what, what_zh) as session:
            _, item = self._item(session, assessment_id, code)
            refuse_if_system_final(session, item.system_id)
            last = session.scalar(
                select(func.max(EvidenceRequirement.position)).where(EvidenceRequirement.item_id == item.id)
            )
            row = EvidenceRequirement(
                item_id=item.id, position=(last if last is not None else -1) + 1, text=text.strip(), supplied_by=None
            )
            session.add(row)
            self.store.audit(session, "add_requirement", assessment_id, code, None, text.strip())
            self._commit(session, what, what_zh)
            return RequirementAdded(row.id, self._changed_system(session, item.id))

    def rename_requirement(self, requirement_id: int, text: str, *, expected: str | None = None) -> Changes:
        """Give a requirement a new text; ``expected`` is the text the person saw (changed since: refused)."""
        self.store.refuse_if_read_only()
        if not text.strip():
            raise no_requirement_text()
        what, what_zh = "the requirement's new text", "材料要求的新名称"
        with self.store.write(what, what_zh) as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise no_requirement(requirement_id)
            self._refuse_if_final(session, row)
            if expected is not None and expected != row.text:
                raise ChangedSince(
                    f"this requirement was renamed elsewhere since, to {row.text!r}; not saved",
                    f"这项材料要求已在别处改为“{row.text}”；本次修改没有保存。",
                    "changed_since",
                    requirement=requirement_id,
                    current=row.text,
                )
            before, row.text = row.text, text.strip()
            self.store.audit(session, "rename_requirement", None, None, before, row.text)
            self._commit(session, what, what_zh)
            return self._changed_system(session, row.item_id)

    def move_requirement(self, requirement_id: int, step: int) -> Changes:
        """Move a requirement up (step -1) or down (+1) in its item's checklist (the opposite step undoes it)."""
        what, what_zh = "the order of the checklist", "材料清单的顺序"
        with self.store.write(what, what_zh) as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise no_requirement(requirement_id)
            self._refuse_if_final(session, row)
            siblings = list(
                session.scalars(
                    select(EvidenceRequirement)
                    .where(EvidenceRequirement.item_id == row.item_id)
                    .order_by(EvidenceRequirement.position, EvidenceRequirement.id)
                )
            )
            index = siblings.index(row)
            target = max(0, min(len(siblings) - 1, index + step))
            siblings.insert(target, siblings.pop(index))
            for position, sibling in enumerate(siblings):
                sibling.position = position
            self._commit(session, what, what_zh)
            return self._changed_system(session, row.item_id)

    def remove_requirement(self, requirement_id: int) -> RemovedRequirement:
        """Take a requirement off its checklist (refused while files are attached to it); returns what
        :meth:`put_back_requirement` needs to undo it."""
        what, what_zh = "removing the requirement", "删除材料要求"
        with self.store.write(what, what_zh) as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise no_requirement(requirement_id)
            self._refuse_if_final(session, row)
            if session.scalar(
                select(func.count()).select_from(EvidenceLink).where(EvidenceLink.requirement_id == requirement_id)
            ):
                raise requirement_has_files(requirement_id, row.text)
            siblings = session.scalars(
                select(EvidenceRequirement.id)
                .where(EvidenceRequirement.item_id == row.item_id)
                .order_by(EvidenceRequirement.position, EvidenceRequirement.id)
            )
            place = list(siblings).index(row.id)
            checks = session.scalars(select(RequirementCheck).where(RequirementCheck.requirement_id == row.id))
            item = session.get(ItemRow, row.item_id)
            assert item is not None  # a requirement goes with its item (ON DELETE CASCADE)
            removed = RemovedRequirement(
                item.system_id,
                item.code,
                row.id,
                place,
                row.text,
                row.supplied_by,
                tuple((c.assessment_id, c.checked_by, c.checked_at) for c in checks),
            )
            session.delete(row)
            self.store.audit(session, "remove_requirement", None, None, row.text, None)
            self._commit(session, f"removing the requirement {row.text}", f"删除材料要求“{row.text}”")
            self._changed_system(session, row.item_id)
        return removed

    def put_back_requirement(self, removed: RemovedRequirement) -> RequirementAdded:
        """Put a removed requirement back (undo) at its place in the checklist, with its ticks; returns its
        new id."""
        what, what_zh = f"putting back the requirement {removed.text}", f"恢复材料要求“{removed.text}”"
        with self.store.write(what, what_zh) as session:
            refuse_if_system_final(session, removed.system_id)
            item = session.scalar(
                select(ItemRow).where(ItemRow.system_id == removed.system_id, ItemRow.code == removed.code)
            )
            if item is None:
                raise no_requirement(removed.requirement_id)
            siblings = list(
                session.scalars(
                    select(EvidenceRequirement)
                    .where(EvidenceRequirement.item_id == item.id)
                    .order_by(EvidenceRequirement.position, EvidenceRequirement.id)
                )
            )
            row = EvidenceRequirement(item_id=item.id, position=0, text=removed.text, supplied_by=removed.supplied_by)
            session.add(row)
            siblings.insert(min(removed.position, len(siblings)), row)
            for position, sibling in enumerate(siblings):
                sibling.position = position
            session.flush()
            for assessment_id, checked_by, checked_at in removed.checked_in:
                session.add(
                    RequirementCheck(
                        assessment_id=assessment_id, requirement_id=row.id, checked_by=checked_by, checked_at=checked_at
                    )
                )
            self.store.audit(session, "add_requirement", None, removed.code, None, removed.text)
            self._commit(session, what, what_zh)
            return RequirementAdded(row.id, self._changed_system(session, item.id))
