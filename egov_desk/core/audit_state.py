"""What the audit chain says an assessment holds: its state read from the tables, and replayed from the rows.

A state is plain JSON (so it can ride in an audit row): per item code the input, the note and the review status
with its comment; the assessment's stage and frozen snapshot; its evidence links as ``[code, requirement id,
file sha256]``. The tables are read with plain SQL over the columns of schema 0005, so that migration 0005 can
write the first state (the ``chain_start`` row) with the same code the check uses.

Replaying: ``chain_start`` (every assessment's state at the upgrade) and a ``checkpoint`` carried by a write that
rewrites many rows at once (``move_assessment``) set the state; each other row changes it as its payload says
(the conventions are in the issue-15 brief and in :func:`apply`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

CHAIN_START = "chain_start"
STATUS_ACTIONS = ("submit", "return", "approve", "review_reset")
Link = tuple[str, int | None, str]  # item code, requirement id (None: the item generally), file sha256


@dataclass
class AssessmentState:
    inputs: dict[str, Any] = field(default_factory=dict)  # code → input (no key: nothing entered)
    notes: dict[str, str] = field(default_factory=dict)  # code → note (no key: "")
    statuses: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (status, comment); no key: ("", "")
    stage: str = "filling"
    snapshot: str | None = None
    links: set[Link] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "notes": self.notes,
            "statuses": {code: list(pair) for code, pair in self.statuses.items()},
            "stage": self.stage,
            "snapshot": self.snapshot,
            "links": [list(link) for link in sorted(self.links, key=_link_order)],
        }

    @classmethod
    def from_json(cls, value: Any) -> AssessmentState:
        value = value if isinstance(value, dict) else {}
        return cls(
            inputs=dict(value.get("inputs") or {}),
            notes=dict(value.get("notes") or {}),
            statuses={code: (str(pair[0]), str(pair[1])) for code, pair in (value.get("statuses") or {}).items()},
            stage=str(value.get("stage") or "filling"),
            snapshot=value.get("snapshot"),
            links={(str(c), r, str(s)) for c, r, s in value.get("links") or []},
        )


def _link_order(link: Link) -> tuple[str, int, str]:
    return link[0], -1 if link[1] is None else link[1], link[2]


def _loaded(value: Any, connection: Connection) -> Any:
    """A JSON column read with a raw query: text on SQLite, already decoded by a server's driver."""
    return json.loads(value) if isinstance(value, str) and connection.dialect.name == "sqlite" else value


def read_states(connection: Connection, assessment_id: int | None = None) -> dict[int, AssessmentState]:
    """Each assessment's state as the tables hold it now (only ``assessment_id``'s when given): the rows of the
    items of its current system (rows kept on another version of the system are not its state)."""
    where, params = ("WHERE a.id = :id", {"id": assessment_id}) if assessment_id is not None else ("", {})
    states: dict[int, AssessmentState] = {}
    for row in connection.execute(text(f"SELECT a.id, a.stage, a.snapshot_sha256 FROM assessments a {where}"), params):
        states[row[0]] = AssessmentState(stage=row[1] or "filling", snapshot=row[2])
    inputs = connection.execute(
        text(
            "SELECT a.id, i.code, n.input, n.note, n.status, n.status_comment FROM item_inputs n"
            " JOIN assessments a ON a.id = n.assessment_id"
            f" JOIN items i ON i.id = n.item_id AND i.system_id = a.system_id {where}"
        ),
        params,
    )
    for aid, code, inp, note, status, comment in inputs:
        state = states[aid]
        value = _loaded(inp, connection)
        if value is not None:
            state.inputs[code] = value
        if note:
            state.notes[code] = note
        if status or comment:
            state.statuses[code] = (status or "", comment or "")
    links = connection.execute(
        text(
            "SELECT a.id, i.code, l.requirement_id, f.sha256 FROM evidence_links l"
            " JOIN evidence_files f ON f.id = l.file_id JOIN assessments a ON a.id = f.assessment_id"
            f" JOIN items i ON i.id = l.item_id AND i.system_id = a.system_id {where}"
        ),
        params,
    )
    for aid, code, requirement, sha256 in links:
        states[aid].links.add((code, requirement, sha256))
    return states


def apply(
    states: dict[int, AssessmentState],
    action: str,
    assessment_id: int | None,
    code: str | None,
    before: Any,
    after: Any,
) -> None:
    """Change ``states`` as one audit row says (rows saying nothing about an assessment's state change nothing)."""
    if action == CHAIN_START:
        given = (after or {}).get("assessments", {}) if isinstance(after, dict) else {}
        states.clear()
        states.update({int(key): AssessmentState.from_json(value) for key, value in given.items()})
        return
    if assessment_id is None:
        return
    if action == "create_assessment":
        states[assessment_id] = AssessmentState()
        return
    if action == "remove_assessment":
        states.pop(assessment_id, None)
        return
    state = states.setdefault(assessment_id, AssessmentState())
    after_map = after if isinstance(after, dict) else {}
    before_map = before if isinstance(before, dict) else {}
    if isinstance(after_map.get("checkpoint"), dict):
        states[assessment_id] = AssessmentState.from_json(after_map["checkpoint"])
    elif action == "set_input" and code:
        if after is None:
            state.inputs.pop(code, None)
        else:
            state.inputs[code] = after
    elif action == "set_note" and code:
        if after:
            state.notes[code] = str(after)
        else:
            state.notes.pop(code, None)
    elif action in STATUS_ACTIONS and code:
        status, comment = str(after_map.get("status") or ""), str(after_map.get("comment") or "")
        if status or comment:
            state.statuses[code] = (status, comment)
        else:
            state.statuses.pop(code, None)
    elif action in ("stage", "finalize", "reopen"):
        state.stage = str(after_map.get("stage") or state.stage)
        if action == "finalize":
            state.snapshot = after_map.get("snapshot")
        elif action == "reopen":
            state.snapshot = None
    elif action in ("link", "attach") and code and "sha256" in after_map:
        state.links.add((code, after_map.get("requirement"), str(after_map["sha256"])))
    elif action in ("unlink", "remove_file") and code and "sha256" in before_map:
        state.links.discard((code, before_map.get("requirement"), str(before_map["sha256"])))
