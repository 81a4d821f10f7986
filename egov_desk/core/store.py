"""The unit of work every part of a workspace writes through: sessions, the write transaction, the audit trail.

The :class:`~egov_desk.core.workspace.Workspace` and the evidence part (:mod:`egov_desk.core.evidence`) share one
``Store``; neither reaches into the other. A write is ``with store.write(what, what_zh) as session: …;
store.commit(session, …)``: refused before anything is read when the workspace is read-only, the write lock taken
by its first statement, a database that will not take it said in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from egov_desk.core.audit_chain import GENESIS, entry_hash
from egov_desk.core.db.engine import write_lock
from egov_desk.core.db.models import Assessment, AuditEntry, ItemRow, utcnow
from egov_desk.core.db.system_store import load_system
from egov_desk.core.errors import ReadOnlyWorkspace, WorkspaceError
from egov_desk.core.final_lock import refuse_if_final
from egov_desk.core.indicators import IndicatorSystem
from egov_desk.core.opening import Access
from egov_desk.core.packages.department_guard import guard_department_write
from egov_desk.core.person import NOBODY, Person
from egov_desk.core.review_guard import guard_item_write
from egov_desk.core.server_watch import announce, note
from egov_desk.core.write_refusals import no_assessment, no_item, write_refused


class Store:
    def __init__(self, engine: Engine, actor: str, access: Access) -> None:
        self.engine = engine
        self.actor = actor  # the OS account every audit entry names
        self.person: Person = NOBODY  # the name and role the person gave, recorded beside it
        self.access = access
        self.session = sessionmaker(engine, expire_on_commit=False)
        self._systems: dict[int, IndicatorSystem] = {}

    @property
    def read_only(self) -> bool:
        return self.access.read_only

    def read(self) -> Session:
        """A session for reading (``with store.read() as session``); writes go through :meth:`write`."""
        return self.session()

    def refuse_if_read_only(self) -> None:
        if self.read_only:
            english, chinese = self.access.refusal()
            raise ReadOnlyWorkspace(english, chinese, "read_only", reason=self.access.reason)

    @contextmanager
    def write(self, what: str = "the change", what_zh: str = "本次修改") -> Iterator[Session]:
        """A session holding the write lock from its first statement (BEGIN IMMEDIATE): what it reads stays
        true until the commit, so two processes writing the same row are serialised, never refused."""
        self.refuse_if_read_only()
        with self.session() as session:
            try:
                write_lock(session)
                yield session
            except SQLAlchemyError as exc:
                session.rollback()
                raise self.refused(exc, what, what_zh) from exc

    def refused(self, exc: Exception, what: str, what_zh: str = "本次修改") -> WorkspaceError:
        from egov_desk.core.row_security import refused_by_rows  # only when a write failed

        rows = refused_by_rows(exc, self.read, what, what_zh)  # a server's row security said no
        return rows or write_refused(exc, what, what_zh, self.access)

    def commit(self, session: Session, what: str, what_zh: str = "本次修改") -> None:
        try:
            announce(session, self.person.name or self.actor)  # a server's other clients hear of it (NOTIFY)
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            raise self.refused(exc, what, what_zh) from exc

    def audit(
        self,
        session: Session,
        action: str,
        assessment_id: int | None = None,
        code: str | None = None,
        before: Any = None,
        after: Any = None,
    ) -> None:
        """Record a change in the write's own transaction, chained to the row before (:mod:`audit_chain`).

        A change to an assessment that is final (定稿) is refused here, whatever wrote it, and rolls back whole; so
        is a 填报人's change to another department's item. A change to an item 已提交 or 已审核 sets it back to
        填报中, recorded in a "review_reset" row after this one (:mod:`review_guard`)."""
        # No autoflush: the change itself is written at the commit, whose refusal (a full disk) names what was
        # being saved; flushed here, it would fail inside this call with no such words.
        with session.no_autoflush:
            refuse_if_final(session, assessment_id, action)
            guard_department_write(session, action, assessment_id, code, after)  # 科室填报: its own items only
            reset = guard_item_write(session, self.person, action, assessment_id, code, after)
            self._chain(session, action, assessment_id, code, before, after)
            if reset is not None:
                item, status, comment = reset
                after_reset = {"status": "", "comment": comment}
                self._chain(session, "review_reset", assessment_id, item, {"status": status}, after_reset)

    def _chain(
        self, session: Session, action: str, assessment_id: int | None, code: str | None, before: Any, after: Any
    ) -> None:
        transaction = id(session.get_transaction())
        head = session.info.get("audit_head")  # the last row this transaction chained, not yet flushed
        if head is not None and head[0] == transaction:
            number, prev_hash = head[1] + 1, head[2]
        else:
            last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
            row = last.first()
            number, prev_hash = (row[0] + 1, row[1]) if row else (1, GENESIS)
        fields: dict[str, Any] = {
            "id": number,
            "prev_hash": prev_hash,
            "at": utcnow(),
            "actor": self.actor,
            "name": self.person.name,
            "role": self.person.role,
            "action": action,
            "assessment_id": assessment_id,
            "item_code": code,
            "before": before,
            "after": after,
        }
        entry = AuditEntry(**fields, hash=entry_hash(**fields))
        session.add(entry)
        note(session, action, assessment_id, code)
        session.info["audit_head"] = (transaction, number, entry.hash)

    def item_row(self, session: Session, assessment_id: int, code: str) -> tuple[Assessment, ItemRow]:
        """The assessment and its system's item ``code``; refused (in both languages) when either is unknown."""
        assessment = session.get(Assessment, assessment_id)
        if assessment is None:
            raise no_assessment(assessment_id)
        item = session.scalar(select(ItemRow).where(ItemRow.system_id == assessment.system_id, ItemRow.code == code))
        if item is None:
            raise no_item(code)
        return assessment, item

    # --- indicator systems, read once and kept -----------------------------------------------------

    def system(self, system_id: int) -> IndicatorSystem:
        if system_id not in self._systems:
            with self.read() as session:
                self._systems[system_id] = load_system(session, system_id)
        return self._systems[system_id]

    def keep_system(self, system_id: int, system: IndicatorSystem) -> None:
        self._systems[system_id] = system

    def forget_system(self, system_id: int) -> None:
        """A write changed the system (its requirements): it is read again when next asked for."""
        self._systems.pop(system_id, None)
