"""Several people at once: a write made against what the person saw is refused when someone else changed the same
thing since — an item's input, its note, a requirement's tick or its evidence links — naming who and when, and
saying what it holds now ("021 的得分已被 李四（审核人） 于 14:05 修改为 3 分，您的修改未保存"). Nothing is written.

The version is the id of an audit row, not a column: every write already passes through ``Store.audit`` in its own
transaction (undo, a department's return, the carry-over too), the rows are never changed, and the row that makes a
write stale is the one that says who changed it and when — the check and its words come from one place. There is
no migration and no version column to keep in step on SQLite and PostgreSQL alike.

A reader takes :func:`seen` (the last audit row) *before* it reads the values, and a writer hands it back as
``expected=Seen(n)``: the write is stale when a row after ``n`` touched the same field of the same item in the same
assessment (what :func:`touches` says). A write that returns keeps the version of its own row (:func:`seen` after
it) so that the person's next write is not refused by their own. ``expected`` given as a plain value (what older
callers and the window's undo hand back) is still compared by value; its refusal is said the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import AuditEntry, EvidenceRequirement, ItemRow
from egov_desk.core.errors import ChangedSince, Refused
from egov_desk.core.history_words import phrase
from egov_desk.core.review_states import ROLES
from egov_desk.core.review_states import said as said_word

if TYPE_CHECKING:
    from egov_desk.core.store import Store

INPUT, NOTE, REQUIREMENT = "input", "note", "requirement"
_ACTIONS = {
    INPUT: ("set_input",),
    NOTE: ("set_note",),
    REQUIREMENT: ("check", "uncheck", "link", "unlink", "attach"),
}
_WHAT = {
    INPUT: ("的得分", "the score of"),
    NOTE: ("的说明", "the note of"),
    REQUIREMENT: ("的材料要求", "a requirement of"),
}


NOT_OFFERED: Any = object()  # a refusal without the value the write would have stored (several items at once)


@dataclass(frozen=True)
class Seen:
    """The version a reader saw: the id of the last audit row when it read (0: none yet)."""

    at: int


class StaleWrite(ChangedSince, Refused):
    """A write against a version someone else changed since: refused, nothing written. ``values``: ``code``,
    ``field``, ``current`` (the value now), ``by`` (name（role）or login), ``when`` (HH:MM, this computer's time),
    ``version`` (the version to hand back to overwrite it on purpose)."""


def seen(session: Session) -> int:
    """The version of everything read after this in ``session``: the last audit row's id."""
    return int(session.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0)


class _Reading(Protocol):
    store: Store


def seen_version(workspace: _Reading) -> int:
    """:func:`seen` in a session of its own (``Workspace.seen``): read it *before* the values it versions."""
    with workspace.store.read() as session:
        return seen(session)


def touches(entry: AuditEntry, code: str, field: str, requirement: int | None = None) -> bool:
    """Whether the audit row changed ``field`` of item ``code`` (a requirement's tick or links: of ``requirement``)."""
    if entry.action not in _ACTIONS[field]:
        return False
    if field != REQUIREMENT:
        return entry.item_code == code
    marks = [v.get("requirement") for v in (entry.before, entry.after) if isinstance(v, dict)]
    if requirement is None:  # the item's files not under a requirement
        return entry.item_code == code and None in marks
    return requirement in marks


def last_change(
    session: Session, assessment_id: int, code: str, field: str, requirement: int | None = None, after: int = 0
) -> AuditEntry | None:
    """The last audit row after version ``after`` that changed ``field`` of item ``code``."""
    query = select(AuditEntry).where(
        AuditEntry.id > after,
        AuditEntry.assessment_id == assessment_id,
        AuditEntry.action.in_(_ACTIONS[field]),
    )
    if field != REQUIREMENT:
        query = query.where(AuditEntry.item_code == code)
    for entry in session.scalars(query.order_by(AuditEntry.id.desc())):
        if touches(entry, code, field, requirement):
            return entry
    return None


def refuse_if_stale(
    session: Session,
    assessment_id: int,
    code: str,
    field: str,
    version: Seen,
    now: tuple[str, str],
    current: Any,
    requirement: int | None = None,
    mine: Any = NOT_OFFERED,
) -> None:
    """Refuse (:class:`StaleWrite`) when ``field`` changed after ``version``; ``now`` is the value it holds, in
    words (Chinese, English); ``mine`` the value the write would have stored (offered again by the window)."""
    entry = last_change(session, assessment_id, code, field, requirement, after=version.at)
    if entry is not None:
        raise stale(session, entry, code, field, now, current, mine=mine)


def changed_by_value(
    session: Session,
    assessment_id: int,
    code: str,
    field: str,
    now: tuple[str, str],
    current: Any,
    requirement: int | None = None,
    mine: Any = NOT_OFFERED,
) -> StaleWrite:
    """The refusal of a write whose expected *value* is no longer stored, naming the last change of it."""
    entry = last_change(session, assessment_id, code, field, requirement)
    return stale(session, entry, code, field, now, current, mine=mine)


def refuse_if_tick_changed(
    session: Session, assessment_id: int, requirement_id: int, expected: bool | Seen, ticked: bool
) -> None:
    """A requirement's 核验 tick written against the version (or the tick) the person saw."""
    requirement = session.get(EvidenceRequirement, requirement_id)
    item = session.get(ItemRow, requirement.item_id) if requirement is not None else None
    code = item.code if item is not None else ""
    now = ("已核验", "ticked") if ticked else ("未核验", "not ticked")
    what = (f"的材料要求“{requirement.text}”", f"the requirement “{requirement.text}” of") if requirement else None
    if isinstance(expected, Seen):
        entry = last_change(session, assessment_id, code, REQUIREMENT, requirement_id, after=expected.at)
    elif expected != ticked:
        entry = last_change(session, assessment_id, code, REQUIREMENT, requirement_id)
        if entry is None:
            raise stale(session, None, code, REQUIREMENT, now, ticked, what)
    else:
        return
    if entry is not None:
        raise stale(session, entry, code, REQUIREMENT, now, ticked, what)


def refuse_if_links_changed(
    session: Session, assessment_id: int, code: str, requirement_id: int | None, expected: Seen | None
) -> None:
    """Evidence linked to or taken off an item's requirement (``None``: the item itself) against the version the
    person saw: a file linked or unlinked there since refuses it, saying that change as the history does."""
    if expected is None:
        return
    entry = last_change(session, assessment_id, code, REQUIREMENT, requirement_id, after=expected.at)
    if entry is None:
        return
    requirement = session.get(EvidenceRequirement, requirement_id) if requirement_id is not None else None
    what = (f"的材料要求“{requirement.text}”", f"the requirement “{requirement.text}” of") if requirement else None
    what = what or ("的佐证材料", "the evidence of")
    raise stale(session, entry, code, REQUIREMENT, phrase(entry.action, entry.before, entry.after), None, what)


def stale(
    session: Session,
    entry: AuditEntry | None,
    code: str,
    field: str,
    now: tuple[str, str],
    current: Any,
    what: tuple[str, str] | None = None,
    mine: Any = NOT_OFFERED,
) -> StaleWrite:
    what_zh, what_en = what or _WHAT[field]
    by_zh, by_en = (person(entry, True), person(entry, False)) if entry is not None else ("别人", "someone else")
    when = local_time(entry.at) if entry is not None else ""
    at_zh, at_en = (f" 于 {when} ", f" at {when}") if when else ("", "")
    now_zh, now_en = now
    gap = " " if now_zh[:1].isdigit() else ""  # "修改为 3 分", "修改为已核验"
    return StaleWrite(
        f"{what_en} {code} was changed by {by_en}{at_en} to {now_en}; your change was not saved",
        f"{code} {what_zh}已被 {by_zh}{at_zh}修改为{gap}{now_zh}，您的修改未保存",
        "changed_since",
        code=code,
        field=field,
        current=current,
        by=by_zh,
        when=when,
        version=seen(session),
        **({} if mine is NOT_OFFERED else {"mine": mine}),
    )


def person(entry: AuditEntry, chinese: bool) -> str:
    """李四（审核人） as the history says it; the login when no name was given."""
    if not entry.name:
        return entry.actor
    if not entry.role:
        return entry.name
    role = said_word(ROLES, entry.role, chinese)
    return f"{entry.name}（{role}）" if chinese else f"{entry.name} ({role})"


def local_time(moment: datetime) -> str:
    """HH:MM in this computer's zone (the audit keeps UTC without a zone)."""
    utc = moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
    return utc.astimezone().strftime("%H:%M")
