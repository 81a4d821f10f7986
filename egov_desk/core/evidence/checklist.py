"""Editing an item's evidence checklist: add, rename, reorder and remove requirements.

Every edit runs in the workspace's write transaction (:meth:`Workspace._write`): refused when read-only, the
write lock taken before anything is read, a database that will not take it said in both languages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import EvidenceLink, EvidenceRequirement, ItemRow
from egov_desk.core.errors import ChangedSince
from egov_desk.core.evidence.refusals import no_requirement, no_requirement_text, requirement_has_files

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

    def _changed_system(self, session: Session, item_id: int) -> None:
        item = session.get(ItemRow, item_id)
        if item is not None:
            self.store.forget_system(item.system_id)

    def add_requirement(self, assessment_id: int, code: str, text: str) -> int:
        self.store.refuse_if_read_only()
        if not text.strip():
            raise no_requirement_text()
        what, what_zh = f"the requirement {text.strip()}", f"材料要求“{text.strip()}”"
        with self.store.write(what, what_zh) as session:
            _, item = self._item(session, assessment_id, code)
            last = session.scalar(
                select(func.max(EvidenceRequirement.position)).where(EvidenceRequirement.item_id == item.id)
            )
            row = EvidenceRequirement(
                item_id=item.id, position=(last if last is not None else -1) + 1, text=text.strip(), supplied_by=None
            )
            session.add(row)
            self.store.audit(session, "add_requirement", assessment_id, code, None, text.strip())
            self._commit(session, what, what_zh)
            self._changed_system(session, item.id)
            return row.id

    def rename_requirement(self, requirement_id: int, text: str, *, expected: str | None = None) -> None:
        """Give a requirement a new text; ``expected`` is the text the person saw (changed since: refused)."""
        self.store.refuse_if_read_only()
        if not text.strip():
            raise no_requirement_text()
        what, what_zh = "the requirement's new text", "材料要求的新名称"
        with self.store.write(what, what_zh) as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise no_requirement(requirement_id)
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
            self._changed_system(session, row.item_id)

    def move_requirement(self, requirement_id: int, step: int) -> None:
        """Move a requirement up (step -1) or down (+1) in its item's checklist."""
        what, what_zh = "the order of the checklist", "材料清单的顺序"
        with self.store.write(what, what_zh) as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise no_requirement(requirement_id)
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
            self._changed_system(session, row.item_id)

    def remove_requirement(self, requirement_id: int) -> None:
        what, what_zh = "removing the requirement", "删除材料要求"
        with self.store.write(what, what_zh) as session:
            row = session.get(EvidenceRequirement, requirement_id)
            if row is None:
                raise no_requirement(requirement_id)
            if session.scalar(
                select(func.count()).select_from(EvidenceLink).where(EvidenceLink.requirement_id == requirement_id)
            ):
                raise requirement_has_files(requirement_id, row.text)
            session.delete(row)
            self.store.audit(session, "remove_requirement", None, None, row.text, None)
            self._commit(session, f"removing the requirement {row.text}", f"删除材料要求“{row.text}”")
            self._changed_system(session, row.item_id)
