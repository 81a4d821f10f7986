"""Checking the change history: is the chain whole, and do the tables hold what it says?

:func:`verify` reads the audit rows as stored (plain SQL, so a row someone garbled is still read) and
1. recomputes each row's hash (:func:`~egov_desk.core.audit_chain.row_hash`) and checks that it names the row
   before: a row whose hash no longer fits was **edited**; a row naming a hash no row has, after a jump in the ids,
   follows rows that were **deleted**; a row with no fitting link to the row before (or none at all) was
   **inserted**;
2. replays the rows' payloads (:mod:`~egov_desk.core.audit_state`) from the ``chain_start`` row and compares the
   result with every assessment's inputs, scores, notes, review statuses, stage, snapshot and evidence links now
   (:mod:`~egov_desk.core.audit_differences`).

The last row deleted leaves no gap; what it recorded is then found by step 2 (the tables hold a change no row
explains). Everything is said in words, Chinese and English.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from egov_desk.core.audit_chain import GENESIS, row_hash
from egov_desk.core.audit_differences import StateDifference, state_differences
from egov_desk.core.audit_state import AssessmentState, apply
from egov_desk.core.history_words import ACTION_WORDS

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

EDITED, DELETED, INSERTED = "edited", "deleted", "inserted"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain stops fitting: the row ``id`` and ``kind`` (edited, deleted, inserted), said in words."""

    id: int
    kind: str
    text: str
    text_en: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "text": self.text, "text_en": self.text_en}


@dataclass
class ChainReport:
    rows: int = 0
    head: str = GENESIS  # the last row's hash
    breaks: list[ChainBreak] = field(default_factory=list)
    differences: list[StateDifference] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.breaks and not self.differences

    @property
    def first_break(self) -> ChainBreak | None:
        return self.breaks[0] if self.breaks else None

    def lines(self, chinese: bool = True) -> list[str]:
        if self.clean:
            if chinese:
                return [f"修改记录完整：共 {self.rows} 条，与数据一致；最新记录哈希 {self.head}"]
            return [f"The change history is whole: {self.rows} rows, matching the data; last hash {self.head}"]
        lines = []
        if self.breaks:
            first = self.breaks[0]
            lines.append(first.text if chinese else first.text_en)
            more = len(self.breaks) - 1
            if more:
                lines.append(f"（其后还有 {more} 处不符）" if chinese else f"(and {more} more places after it)")
        lines.extend(d.text if chinese else d.text_en for d in self.differences)
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "clean": self.clean,
            "rows": self.rows,
            "head": self.head,
            "first_break": self.first_break.to_json() if self.first_break else None,
            "breaks": [b.to_json() for b in self.breaks],
            "differences": [d.to_json() for d in self.differences],
        }


def verify(workspace: Workspace, progress: Progress | None = None) -> ChainReport:
    """The chain checked row by row, then replayed against the tables (``progress(done, total)`` as it goes)."""
    with workspace.store.read() as session:
        connection = session.connection()
        rows = _audit_rows(connection)
        report = ChainReport(rows=len(rows), head=rows[-1].hash if rows else GENESIS)
        report.breaks = _chain_breaks(rows, progress)
        recorded: dict[int, AssessmentState] = {}
        for row in rows:
            apply(recorded, row.action, row.assessment_id, row.item_code, row.before, row.after)
        report.differences = state_differences(workspace, connection, recorded, _file_names(rows))
    return report


# --- the chain --------------------------------------------------------------------------------------------


def _file_names(rows: list[SimpleNamespace]) -> dict[str, str]:
    """The names the rows gave each file (by its sha256), for a link no file row names any more."""
    names: dict[str, str] = {}
    for row in rows:
        for payload in (row.before, row.after):
            if isinstance(payload, dict) and payload.get("sha256") and payload.get("file"):
                names[str(payload["sha256"])] = str(payload["file"])
    return names


def _audit_rows(connection: Connection) -> list[SimpleNamespace]:
    rows = []
    query = (
        "SELECT id, at, actor, name, role, action, assessment_id, item_code, before, after, prev_hash, hash"
        " FROM audit ORDER BY id"
    )
    # SQLite hands the JSON columns over as text, which may have been garbled on the file; a server's driver has
    # decoded them already (and its json type refused any garbled text when it was written).
    decode = connection.dialect.name == "sqlite"
    for values in connection.execute(text(query)):
        row = SimpleNamespace(**values._asdict())
        row.garbled = False
        for key in ("before", "after") if decode else ():
            try:
                setattr(row, key, None if getattr(row, key) is None else json.loads(getattr(row, key)))
            except (TypeError, ValueError):
                row.garbled = True
        rows.append(row)
    return rows


def _fits(row: SimpleNamespace) -> bool:
    if row.garbled:
        return False
    try:
        return bool(row_hash(row) == row.hash)
    except (TypeError, ValueError):  # a time or a field someone wrote that no row of the app holds
        return False


def _chain_breaks(rows: list[SimpleNamespace], progress: Progress | None) -> list[ChainBreak]:
    breaks: list[ChainBreak] = []

    def found(chain_break: ChainBreak) -> None:
        if not breaks or breaks[-1].id != chain_break.id:  # a row edited also unlinks the next: said once
            breaks.append(chain_break)

    known = {row.hash for row in rows}
    prev_id, prev_hash = 0, GENESIS
    for number, row in enumerate(rows):
        if progress and number % 200 == 0:
            progress(number, len(rows))
        linked = (row.prev_hash or GENESIS) == prev_hash
        if not linked and row.id > prev_id + 1 and row.prev_hash and row.prev_hash not in known:
            found(_deleted(row, prev_id))
        elif not linked and row.id == prev_id + 1 and row.prev_hash and row.prev_hash not in known and prev_id:
            found(_rewritten(rows[number - 1]))  # the row before was changed (its hash too, or only its hash)
        elif not linked or not row.hash:
            found(_said(row, INSERTED, "是在记录之外插入的", "was inserted outside the app"))
        elif not _fits(row):
            found(_said(row, EDITED, "在记录之后被改动", "was changed after it was written"))
        prev_id, prev_hash = row.id, row.hash
    if progress:
        progress(len(rows), len(rows))
    return breaks


def _describe(row: SimpleNamespace) -> tuple[str, str]:
    try:
        at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
        when = at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        when = str(row.at)
    verb, verb_en = ACTION_WORDS.get(row.action, (row.action, row.action))
    code = f" {row.item_code}" if row.item_code else ""
    return f"{when} {row.actor} {verb}{code}", f"{when} {row.actor} {verb_en}{code}"


def _said(row: SimpleNamespace, kind: str, zh: str, en: str) -> ChainBreak:
    about, about_en = _describe(row)
    return ChainBreak(row.id, kind, f"第 {row.id} 条记录（{about}）{zh}", f"row {row.id} ({about_en}) {en}")


def _rewritten(row: SimpleNamespace) -> ChainBreak:
    return _said(
        row, EDITED, "在记录之后被改动（其哈希被重算）", "was changed after it was written (its hash recomputed)"
    )


def _deleted(row: SimpleNamespace, prev_id: int) -> ChainBreak:
    about, about_en = _describe(row)
    first, last = prev_id + 1, row.id - 1
    ids = f"第 {first} 条" if first == last else f"第 {first}–{last} 条"
    ids_en = f"row {first}" if first == last else f"rows {first}–{last}"
    return ChainBreak(
        first,
        DELETED,
        f"{ids}记录被删除（在第 {row.id} 条记录（{about}）之前）",
        f"{ids_en} deleted (before row {row.id}, {about_en})",
    )
