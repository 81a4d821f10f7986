"""Checking the change history: is the chain whole, and do the tables hold what it says?

:func:`verify` reads the audit rows as stored (plain SQL, so a row someone garbled is still read) and
1. recomputes each row's hash (:func:`~egov_desk.core.audit_chain.row_hash`) and checks that it names the row
   before: a row whose hash no longer fits was **edited**; a row naming a hash no row has, after a jump in the ids,
   follows rows that were **deleted**; a row with no fitting link to the row before (or none at all) was
   **inserted**;
2. replays the rows' payloads (:mod:`~egov_desk.core.audit_state`) from the ``chain_start`` row and compares the
   result with every assessment's inputs, scores, notes, review statuses, stage, snapshot and evidence links now.

The last row deleted leaves no gap; what it recorded is then found by step 2 (the tables hold a change no row
explains). Everything is said in words, Chinese and English.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from egov_desk.core.audit_chain import GENESIS, row_hash
from egov_desk.core.audit_state import AssessmentState, Link, apply, read_states
from egov_desk.core.history import ACTION_WORDS, input_fields
from egov_desk.core.review_states import ITEM_STATES, STAGE_FINAL, STAGES
from egov_desk.core.review_states import said as said_word
from egov_desk.core.rules.inputs import InputError
from egov_desk.core.scoring import score_item

if TYPE_CHECKING:
    from egov_desk.core.indicators import IndicatorSystem, Item
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


@dataclass(frozen=True)
class StateDifference:
    """A value the tables hold that the chain does not say: ``what`` is input, score, note, status, stage,
    snapshot, link or assessment (one no row created); ``stored`` and ``recorded`` are the two values in words."""

    assessment_id: int
    code: str
    what: str
    stored: str
    recorded: str
    text: str
    text_en: str

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment": self.assessment_id,
            "code": self.code,
            "what": self.what,
            "stored": self.stored,
            "recorded": self.recorded,
            "text": self.text,
            "text_en": self.text_en,
        }


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
        stored = read_states(connection)
        scores = _stored_scores(connection)
        names = _file_names(connection, rows)
        requirements = _requirement_texts(connection)
        systems: dict[int, int] = dict(connection.execute(text("SELECT id, system_id FROM assessments")).all())
    for assessment_id, now in sorted(stored.items()):
        system = workspace.system(systems[assessment_id])
        said = recorded.get(assessment_id)
        if said is None:  # made behind the app's back: no row created it
            report.differences.append(_unrecorded(assessment_id))
            said = AssessmentState()
        report.differences.extend(
            _differences(assessment_id, system, now, said, scores.get(assessment_id, {}), names, requirements)
        )
    return report


# --- the chain --------------------------------------------------------------------------------------------


def _audit_rows(connection: Connection) -> list[SimpleNamespace]:
    rows = []
    query = (
        "SELECT id, at, actor, name, role, action, assessment_id, item_code, before, after, prev_hash, hash"
        " FROM audit ORDER BY id"
    )
    for values in connection.execute(text(query)):
        row = SimpleNamespace(**values._asdict())
        row.garbled = False
        for key in ("before", "after"):
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


# --- the state ----------------------------------------------------------------------------------------------


def _stored_scores(connection: Connection) -> dict[int, dict[str, Decimal | None]]:
    scores: dict[int, dict[str, Decimal | None]] = {}
    query = (
        "SELECT a.id, i.code, n.score FROM item_inputs n JOIN assessments a ON a.id = n.assessment_id"
        " JOIN items i ON i.id = n.item_id AND i.system_id = a.system_id"
    )
    for aid, code, score in connection.execute(text(query)):
        scores.setdefault(aid, {})[code] = None if score is None else Decimal(str(score))
    return scores


def _file_names(connection: Connection, rows: list[SimpleNamespace]) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in rows:
        for payload in (row.before, row.after):
            if isinstance(payload, dict) and payload.get("sha256") and payload.get("file"):
                names[str(payload["sha256"])] = str(payload["file"])
    for sha256, name in connection.execute(text("SELECT sha256, original_name FROM evidence_files")):
        names[sha256] = name
    return names


def _unrecorded(assessment_id: int) -> StateDifference:
    label = f"考评 {assessment_id}"
    return StateDifference(
        assessment_id,
        label,
        "assessment",
        "有",
        "无",
        f"{label} 在数据库中存在，修改记录中没有创建它的记录",
        f"assessment {assessment_id} is in the database, but no row of the history created it",
    )


def _requirement_texts(connection: Connection) -> dict[int, str]:
    return dict(connection.execute(text("SELECT id, text FROM evidence_requirements")).all())


Words = tuple[str, str]  # (Chinese, English)
EMPTY: Words = ("空", "empty")


def _differences(
    assessment_id: int,
    system: IndicatorSystem,
    now: AssessmentState,
    said: AssessmentState,
    scores: dict[str, Decimal | None],
    names: dict[str, str],
    requirements: dict[int, str],
) -> list[StateDifference]:
    found: list[StateDifference] = []

    def differs(code: str, what: str, zh: str, en: str, stored: Words, recorded: Words) -> None:
        found.append(
            StateDifference(
                assessment_id,
                code,
                what,
                stored[0],
                recorded[0],
                f"{code} 的{zh}在数据库中为 {stored[0]}，按记录应为 {recorded[0]}",
                f"{code} {en}: the database holds {stored[1]}, the history says {recorded[1]}",
            )
        )

    for code in sorted(set(now.inputs) | set(said.inputs) | set(scores)):
        stored_input, recorded_input = now.inputs.get(code), said.inputs.get(code)
        if stored_input != recorded_input:
            fields = input_fields(_item(system, code), recorded_input, stored_input)
            for path, name, recorded_value, stored_value in fields:
                differs(code, "input", name, path, stored_value, recorded_value)
            if not fields:
                differs(code, "input", "输入", "input", _shown(stored_input), _shown(recorded_input))
        expected = _score(system, code, recorded_input)
        score = scores.get(code)
        if score != expected and not (recorded_input is None and score == _score(system, code, None, True)):
            shown = _number(score), _number(expected)
            if shown[0] == shown[1]:  # differing past the cent: said in full
                shown = _number(score, exact=True), _number(expected, exact=True)
            differs(code, "score", "得分", "score", *shown)
    for code in sorted(set(now.notes) | set(said.notes)):
        if now.notes.get(code, "") != said.notes.get(code, ""):
            differs(code, "note", "说明", "note", _quoted(now.notes.get(code)), _quoted(said.notes.get(code)))
    for code in sorted(set(now.statuses) | set(said.statuses)):
        stored_status, recorded_status = now.statuses.get(code, ("", "")), said.statuses.get(code, ("", ""))
        if stored_status != recorded_status:
            differs(code, "status", "审核状态", "review status", _status(stored_status), _status(recorded_status))
    label = f"考评 {assessment_id}"
    if now.stage != said.stage:
        differs(label, "stage", "阶段", "stage", _stage(now.stage), _stage(said.stage))
    if said.stage == STAGE_FINAL and now.snapshot != said.snapshot:
        differs(label, "snapshot", "定稿快照", "frozen snapshot", _hash(now.snapshot), _hash(said.snapshot))
    for link in sorted(now.links ^ said.links, key=lambda link: (link[0], str(link[1]), link[2])):
        where = _link_words(link, names, requirements)
        linked, absent = ("有此关联", "linked"), ("无此关联", "not linked")
        stored, recorded = (linked, absent) if link in now.links else (absent, linked)
        differs(link[0], "link", f"佐证材料{where}", f"evidence {where}", stored, recorded)
    return found


def _item(system: IndicatorSystem, code: str) -> Item | None:
    try:
        return system.item(code)
    except KeyError:
        return None


def _score(system: IndicatorSystem, code: str, inp: Any, cleared: bool = False) -> Decimal | None:
    if inp is None and not cleared:
        return None
    try:
        return score_item(system.item(code), inp).points
    except (KeyError, InputError, TypeError, ValueError):
        return None


def _number(value: Decimal | None, exact: bool = False) -> Words:
    if value is None:
        return EMPTY
    shown = format((value if exact else value.quantize(Decimal("0.01"))).normalize(), "f")
    return shown, shown


def _shown(value: Any) -> Words:
    if value is None:
        return EMPTY
    shown = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return shown, shown


def _quoted(value: str | None) -> Words:
    return f"“{value or ''}”", f"“{value or ''}”"


def _hash(value: str | None) -> Words:
    return (value, value) if value else ("无", "none")


def _stage(key: str) -> Words:
    return said_word(STAGES, key), said_word(STAGES, key, chinese=False)


def _status(pair: tuple[str, str]) -> Words:
    status, comment = pair
    zh = said_word(ITEM_STATES, status) if status else "未提交"
    en = said_word(ITEM_STATES, status, chinese=False) if status else "not submitted"
    return (f"{zh}（{comment}）", f"{en} ({comment})") if comment else (zh, en)


def _link_words(link: Link, names: dict[str, str], requirements: dict[int, str]) -> str:
    _code, requirement, sha256 = link
    name = names.get(sha256, sha256[:16])
    if requirement is None:
        return f"“{name}”"
    return f"“{name}”（{requirements.get(requirement, str(requirement))}）"
