"""What the tables hold that the replayed history does not say: every assessment's inputs (field by field, in the
table's words), scores (the stored one against the score the recorded input gives), notes, review statuses,
stage, frozen snapshot and evidence links, compared with the state :mod:`audit_state` replays from the chain;
an assessment no row created is named too. Part of :func:`~egov_desk.core.audit_verify.verify`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from egov_desk.core.audit_state import AssessmentState, Link, read_states
from egov_desk.core.history import input_fields
from egov_desk.core.review_states import ITEM_STATES, STAGE_FINAL, STAGES
from egov_desk.core.review_states import said as said_word
from egov_desk.core.rules.inputs import InputError
from egov_desk.core.scoring import score_item

if TYPE_CHECKING:
    from egov_desk.core.indicators import IndicatorSystem, Item
    from egov_desk.core.workspace import Workspace


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


def state_differences(
    workspace: Workspace, connection: Connection, recorded: dict[int, AssessmentState], names: dict[str, str]
) -> list[StateDifference]:
    """Each assessment in the tables now against its ``recorded`` state; ``names`` (sha256 → file name) names
    files the tables no longer hold."""
    stored = read_states(connection)
    scores = _stored_scores(connection)
    names = {**names, **dict(connection.execute(text("SELECT sha256, original_name FROM evidence_files")).all())}
    requirements = _requirement_texts(connection)
    systems: dict[int, int] = dict(connection.execute(text("SELECT id, system_id FROM assessments")).all())
    labels = {
        aid: f"{year} {title}"
        for aid, year, title in connection.execute(text("SELECT id, year, title FROM assessments"))
    }
    found: list[StateDifference] = []
    for assessment_id, now in sorted(stored.items()):
        system = workspace.system(systems[assessment_id])
        said = recorded.get(assessment_id)
        if said is None:  # made behind the app's back: no row created it
            found.append(_unrecorded(assessment_id))
            said = AssessmentState()
        found.extend(
            _differences(
                assessment_id,
                labels[assessment_id],
                system,
                now,
                said,
                scores.get(assessment_id, {}),
                names,
                requirements,
            )
        )
    found.extend(_removed(assessment_id) for assessment_id in sorted(set(recorded) - set(stored)))
    return found


def _stored_scores(connection: Connection) -> dict[int, dict[str, Decimal | None]]:
    scores: dict[int, dict[str, Decimal | None]] = {}
    query = (
        "SELECT a.id, i.code, n.score FROM item_inputs n JOIN assessments a ON a.id = n.assessment_id"
        " JOIN items i ON i.id = n.item_id AND i.system_id = a.system_id"
    )
    for aid, code, score in connection.execute(text(query)):
        scores.setdefault(aid, {})[code] = None if score is None else Decimal(str(score))
    return scores


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


def _removed(assessment_id: int) -> StateDifference:
    label = f"考评 {assessment_id}"
    return StateDifference(
        assessment_id,
        label,
        "assessment",
        "无",
        "有",
        f"{label} 按修改记录应当存在，数据库中却没有（不是在本程序中删除的）",
        f"assessment {assessment_id} should exist by the history, but the database no longer holds it",
    )


def _requirement_texts(connection: Connection) -> dict[int, str]:
    return dict(connection.execute(text("SELECT id, text FROM evidence_requirements")).all())


Words = tuple[str, str]  # (Chinese, English)
EMPTY: Words = ("空", "empty")


def _differences(
    assessment_id: int,
    label: str,
    system: IndicatorSystem,
    now: AssessmentState,
    said: AssessmentState,
    scores: dict[str, Decimal | None],
    names: dict[str, str],
    requirements: dict[int, str],
) -> list[StateDifference]:
    found: list[StateDifference] = []

    def differs(code: str, what: str, zh: str, en: str, stored: Words, recorded: Words) -> None:
        subject = f"{label} · {code}" if code else label  # "" : the assessment itself
        found.append(
            StateDifference(
                assessment_id,
                code,
                what,
                stored[0],
                recorded[0],
                f"{subject} 的{zh}在数据库中为 {stored[0]}，按记录应为 {recorded[0]}",
                f"{subject} {en}: the database holds {stored[1]}, the history says {recorded[1]}",
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
    whole = ""  # the assessment itself, not one item of it
    if now.stage != said.stage:
        differs(whole, "stage", "阶段", "stage", _stage(now.stage), _stage(said.stage))
    if said.stage == STAGE_FINAL and now.snapshot != said.snapshot:
        differs(whole, "snapshot", "定稿快照", "frozen snapshot", _hash(now.snapshot), _hash(said.snapshot))
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
