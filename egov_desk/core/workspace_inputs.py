"""Saving items' inputs and notes, and what changed since a window read them: what the Workspace's ``set_inputs``,
``set_note`` and ``changes_since`` do with its :class:`~egov_desk.core.store.Store` and the assessment's kept
:class:`~egov_desk.core.scoring.ScoreSheet` (updated by each write)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from egov_desk.core.changes import Changes, EvidenceChange, ScoreChange
from egov_desk.core.db.models import ItemInput, utcnow
from egov_desk.core.indicators import Item
from egov_desk.core.points import compact, rounded
from egov_desk.core.scoring import ItemScore, ScoreSheet, score_item
from egov_desk.core.stale_writes import INPUT, NOT_OFFERED, NOTE, Seen, changed_by_value, refuse_if_stale
from egov_desk.core.store import Store
from egov_desk.core.write_refusals import _plain_json, _short, no_item


def _input_row(store: Store, session: Session, assessment_id: int, code: str) -> ItemInput:
    """The item's input row in this assessment, created empty if there is none yet."""
    _, item_row = store.item_row(session, assessment_id, code)
    row = session.get(ItemInput, (assessment_id, item_row.id))
    if row is None:
        row = ItemInput(assessment_id=assessment_id, item_id=item_row.id, input=None, note="")
        session.add(row)
    return row


def scored(sheet: ScoreSheet, assessment_id: int, score: ItemScore, inp: Any) -> ScoreChange:
    """An item's new score put into the kept sheet: the change with the levels above it and the total."""
    nodes = sheet.update(score)
    return ScoreChange(assessment_id, score.code, score, nodes, sheet.total, len(sheet.unscored), inp)


def noted(sheet: ScoreSheet, assessment_id: int, code: str, note: str) -> ScoreChange:
    return ScoreChange(assessment_id, code, sheet.items[code], [], sheet.total, len(sheet.unscored), None, note)


def set_inputs(
    store: Store,
    sheet: ScoreSheet,
    assessment_id: int,
    inputs: Mapping[str, Mapping[str, Any] | None],
    expected: Mapping[str, Any] | None,
) -> Changes:
    """Several items' inputs in one transaction: all of them are saved, or none; ``expected`` maps codes to the
    inputs the person saw (one that changed since refuses the whole write)."""
    system = sheet.system
    new_scores = {}
    for code, inp in inputs.items():
        try:
            item = system.item(code)
        except KeyError:
            raise no_item(code) from None
        clean = json.loads(json.dumps(inp)) if inp is not None else None  # a plain-JSON copy
        new_scores[code] = (score_item(item, clean), clean)
    with store.write() as session:
        for code, (score, clean) in new_scores.items():
            row = _input_row(store, session, assessment_id, code)
            before = row.input
            if expected is not None and code in expected:
                offered = clean if len(inputs) == 1 else NOT_OFFERED  # the window offers one item's value again
                _refuse_if_input_changed(session, assessment_id, system.item(code), expected[code], before, offered)
            row.input, row.score, row.scored = clean, score.points, score.scored
            row.updated_at, row.updated_by = utcnow(), store.actor
            store.audit(session, "set_input", assessment_id, code, before, clean)
        store.commit(session, "the score of " + ", ".join(inputs), "、".join(inputs) + " 的得分")
    return Changes(tuple(scored(sheet, assessment_id, score, clean) for score, clean in new_scores.values()))


def _refuse_if_input_changed(session: Session, assessment_id: int, item: Item, seen: Any, now: Any, mine: Any) -> None:
    """``seen``: the version (:class:`Seen`) or the input the person saw; changed since: :class:`StaleWrite`."""
    score = score_item(item, now)
    points = compact(rounded(score.points))  # as the window shows it: 2.33, not 2.333…
    plural = "" if score.points == 1 else "s"
    words = (f"{points} 分", f"{points} point{plural}") if score.scored else ("未评分", "not scored")
    if isinstance(seen, Seen):
        refuse_if_stale(session, assessment_id, item.code, INPUT, seen, words, now, mine=mine)
    elif _plain_json(seen) != now:
        raise changed_by_value(session, assessment_id, item.code, INPUT, words, now, mine=mine)


def save_note(store: Store, assessment_id: int, code: str, note: str, expected: str | Seen | None) -> None:
    """One item's note; ``expected`` is the version (:class:`Seen`) or the note the person saw (a different
    stored one: :class:`StaleWrite`, nothing written)."""
    with store.write() as session:
        row = _input_row(store, session, assessment_id, code)
        before = row.note or ""
        words = (f"“{_short(before)}”", repr(_short(before))) if before else ("空", "empty")
        if isinstance(expected, Seen):
            refuse_if_stale(session, assessment_id, code, NOTE, expected, words, before, mine=note)
        elif expected is not None and expected != before:
            raise changed_by_value(session, assessment_id, code, NOTE, words, before, mine=note)
        row.note, row.updated_at, row.updated_by = note, utcnow(), store.actor
        store.audit(session, "set_note", assessment_id, code, before, note)
        store.commit(session, f"the note of {code}", f"{code} 的说明")


def score_changes(
    sheet: ScoreSheet,
    assessment_id: int,
    shown: tuple[Mapping[str, Any], Mapping[str, str]],
    now: tuple[Mapping[str, Any], Mapping[str, str]],
) -> list[ScoreChange]:
    """The inputs and notes stored ``now`` that differ from those ``shown``: one change per item, the kept
    sheet updated."""
    (inputs, notes), (now_inputs, now_notes) = shown, now
    changes = []
    for code in sorted(set(inputs) | set(now_inputs)):
        if inputs.get(code) != now_inputs.get(code):
            inp = now_inputs.get(code)
            changes.append(scored(sheet, assessment_id, score_item(sheet.system.item(code), inp), inp))
    for code in sorted(set(notes) | set(now_notes)):
        if notes.get(code, "") != now_notes.get(code, ""):
            changes.append(noted(sheet, assessment_id, code, now_notes.get(code, "")))
    return changes


def evidence_changes(
    assessment_id: int, shown: Mapping[str, tuple[int, int, int]], now: Mapping[str, tuple[int, int, int]]
) -> list[EvidenceChange]:
    """The items whose evidence counts (collected, checked, needed) ``now`` differ from those ``shown``."""
    codes = tuple(code for code in now if now[code] != shown.get(code))
    return [EvidenceChange(assessment_id, codes)] if codes else []
