"""The snapshot of an assessment frozen at 定稿: one SHA-256 an evaluator can check on paper against the file.

:func:`snapshot_hash` is the SHA-256 (hex) of the UTF-8 bytes of this JSON, written with sorted keys, no spaces
(``separators=(",", ":")``) and characters as they are (``ensure_ascii=False``)::

    {"system": {"key": <the indicator system's key>, "title": <its title>},
     "items": [{"code": 编号, "score": <the score as text, two decimals ("2.33"), "" when not scored>,
                "input": <the input as stored (JSON) or null>, "note": <the note, "" when none>}, …],
     "evidence": [[编号, <the requirement's text, "" for the item in general>, <the file's SHA-256>], …]}

``items`` is every item of the system in the table's order; ``evidence`` every evidence link of the assessment,
sorted. It covers scores, inputs, notes and which file (by its content's hash) stands as evidence for what; it does
not cover review statuses, deadlines, file names or dates, check ticks, nor the audit trail (which has its own
chain). The same value is printed on the report, the score sheet and the package's manifest, whatever exports it,
and any change to a score, an input, a note or an evidence file changes it.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import (
    Assessment,
    EvidenceFile,
    EvidenceLink,
    EvidenceRequirement,
    IndicatorSystemRow,
    ItemInput,
    ItemRow,
)
from egov_desk.core.points import rounded
from egov_desk.core.review_states import STAGE_FINAL
from egov_desk.core.scoring import score_system
from egov_desk.core.write_refusals import no_assessment

if TYPE_CHECKING:
    from egov_desk.core.store import Store
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo

FROZEN_LABEL = "定稿快照 SHA-256："


def snapshot_content(session: Session, store: Store, assessment_id: int) -> dict[str, Any]:
    """What the snapshot covers, read in ``session`` (see the module's docstring)."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise no_assessment(assessment_id)
    system_row = session.get(IndicatorSystemRow, assessment.system_id)
    assert system_row is not None  # an assessment keeps its system (foreign key)
    system = store.system(assessment.system_id)
    rows = session.execute(
        select(ItemRow.code, ItemInput.input, ItemInput.note)
        .join(ItemInput, ItemInput.item_id == ItemRow.id)
        .where(ItemInput.assessment_id == assessment_id)
    )
    inputs = {code: (inp, note or "") for code, inp, note in rows}
    sheet = score_system(system, {code: inp for code, (inp, _note) in inputs.items() if inp is not None})
    items = []
    for item in system.items():
        score = sheet.items[item.code]
        inp, note = inputs.get(item.code, (None, ""))
        shown = f"{rounded(score.points):.2f}" if score.scored or score.partial else ""
        items.append({"code": item.code, "score": shown, "input": inp, "note": note})
    links = session.execute(
        select(ItemRow.code, EvidenceRequirement.text, EvidenceFile.sha256)
        .select_from(EvidenceLink)
        .join(EvidenceFile, EvidenceFile.id == EvidenceLink.file_id)
        .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
        .outerjoin(EvidenceRequirement, EvidenceRequirement.id == EvidenceLink.requirement_id)
        .where(EvidenceFile.assessment_id == assessment_id)
    )
    evidence = sorted([code, text or "", sha256] for code, text, sha256 in links)
    return {"system": {"key": system_row.key, "title": system_row.title}, "items": items, "evidence": evidence}


def hash_of(content: dict[str, Any]) -> str:
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_in(session: Session, store: Store, assessment_id: int) -> str:
    return hash_of(snapshot_content(session, store, assessment_id))


def snapshot_hash(workspace: Workspace, assessment_id: int) -> str:
    """The assessment's snapshot SHA-256 as the database holds it now (see the module's docstring)."""
    with workspace.store.read() as session:
        return snapshot_in(session, workspace.store, assessment_id)


def frozen_line(info: AssessmentInfo) -> str:
    """ "定稿快照 SHA-256：…" as the report, the score sheet and the package's manifest print it; "" unless final."""
    if info.stage != STAGE_FINAL or not info.snapshot_sha256:
        return ""
    return f"{FROZEN_LABEL}{info.snapshot_sha256}"
