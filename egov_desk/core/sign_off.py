"""Sign-off: the assessment moves 填报 → 审核 → 定稿, and back from 定稿 only by the 负责人 reopening it.

- :func:`set_stage` moves between 填报 and 审核 (a 审核人 or the 负责人);
- :func:`finalize` (the 负责人) freezes the snapshot (:mod:`egov_desk.core.snapshot`) and locks the assessment
  (:mod:`egov_desk.core.final_lock`). Items not yet 已审核 refuse it, listed by code and status, unless
  ``force=True``: the leader signs knowingly, and the audit row records which items were unreviewed;
- :func:`reopen` (the 负责人, a reason required) unlocks it into 审核; the reason and the old snapshot are recorded.

Audit rows: "stage" before={"stage": old} after={"stage": new}; "finalize" before={"stage": old}
after={"stage": "final", "snapshot": sha256, "unreviewed": [codes]}; "reopen" before={"stage": "final",
"snapshot": old} after={"stage": "review", "reason": r}.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from egov_desk.core.changes import Changes, CycleChange
from egov_desk.core.db.models import Assessment, utcnow
from egov_desk.core.errors import Refused
from egov_desk.core.final_lock import refuse_if_final
from egov_desk.core.person import require_role
from egov_desk.core.review import told_statuses
from egov_desk.core.review_states import (
    APPROVED,
    ITEM_STATES,
    LEADER,
    REVIEWER,
    STAGE_FILLING,
    STAGE_FINAL,
    STAGE_REVIEW,
    STAGES,
    said,
)
from egov_desk.core.snapshot import snapshot_in
from egov_desk.core.write_refusals import no_assessment

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

SHOWN_UNREVIEWED = 12  # items named in a refusal's words (all of them are in its values)


class SignOffRefused(Refused):
    """A stage change, 定稿 or reopening that cannot be done as asked."""


@dataclass(frozen=True)
class Finalized:
    """定稿 done: the snapshot frozen, the items that were not 已审核 (forced), and what changed (reopen undoes)."""

    assessment_id: int
    snapshot: str
    unreviewed: tuple[str, ...]
    changes: Changes


def stage(workspace: Workspace, assessment_id: int) -> str:
    return workspace.assessment(assessment_id).stage


def _row(session: Session, assessment_id: int) -> Assessment:
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise no_assessment(assessment_id)
    return row


def set_stage(workspace: Workspace, assessment_id: int, new: str) -> CycleChange:
    """填报 ↔ 审核 (a 审核人 or the 负责人); 定稿 is :func:`finalize`, leaving it :func:`reopen`."""
    store = workspace.store
    require_role(store.person, (REVIEWER, LEADER), "change the assessment's stage", "更改考评阶段")
    if new not in (STAGE_FILLING, STAGE_REVIEW):
        raise SignOffRefused(
            f"stage {new!r}: choose filling or review (final is reached by finalize)",
            f"阶段“{said(STAGES, new)}”：只能在“填报”和“审核”之间切换（定稿请用“定稿”）",
            "unknown_stage",
            stage=new,
        )
    with store.write("the assessment's stage", "考评阶段") as session:
        refuse_if_final(session, assessment_id)
        row = _row(session, assessment_id)
        old = row.stage or STAGE_FILLING
        row.stage = new
        if old != new:
            store.audit(session, "stage", assessment_id, None, {"stage": old}, {"stage": new})
        store.commit(session, "the assessment's stage", "考评阶段")
    return CycleChange(assessment_id, (), "stage", {"stage": old})


def _unreviewed_refusal(unreviewed: list[tuple[str, str]]) -> SignOffRefused:
    shown = unreviewed[:SHOWN_UNREVIEWED]
    more_en = f" and {len(unreviewed) - len(shown)} more" if len(unreviewed) > len(shown) else ""
    more_zh = f"等 {len(unreviewed)} 项" if len(unreviewed) > len(shown) else f"共 {len(unreviewed)} 项"
    listed_en = ", ".join(f"{code} ({said(ITEM_STATES, status, False)})" for code, status in shown)
    listed_zh = "、".join(f"{code}（{said(ITEM_STATES, status)}）" for code, status in shown)
    return SignOffRefused(
        f"not every item is approved: {listed_en}{more_en}; review them first, or finalize anyway (force)",
        f"还有指标未审核通过：{listed_zh}{more_zh}；请先审核，或确认后仍然定稿（强制定稿）",
        "unreviewed",
        items=[code for code, _status in unreviewed],
    )


def finalize(workspace: Workspace, assessment_id: int, force: bool = False) -> Finalized:
    """定稿 (the 负责人, from 填报 or 审核): freeze the snapshot and lock the assessment, in one transaction that
    reads the statuses and the snapshot it freezes. Items not 已审核 refuse it unless ``force``."""
    store = workspace.store
    require_role(store.person, (LEADER,), "finalize the assessment", "定稿")
    system = workspace.system(workspace.assessment(assessment_id).system_id)
    with store.write("finalizing the assessment", "定稿") as session:
        row = _row(session, assessment_id)
        if row.stage == STAGE_FINAL:
            raise SignOffRefused(
                "the assessment is final already", "考评已经定稿", "already_final", assessment_id=assessment_id
            )
        statuses = told_statuses(session, assessment_id, [item.code for item in system.items()])
        unreviewed = [(code, status) for code, status in statuses.items() if status != APPROVED]
        if unreviewed and not force:
            raise _unreviewed_refusal(unreviewed)
        old = row.stage or STAGE_FILLING
        sha256 = snapshot_in(session, store, assessment_id)
        row.stage, row.snapshot_sha256 = STAGE_FINAL, sha256
        row.finalized_at, row.finalized_by = utcnow(), store.person.name or store.actor
        after = {"stage": STAGE_FINAL, "snapshot": sha256, "unreviewed": [code for code, _s in unreviewed]}
        store.audit(session, "finalize", assessment_id, None, {"stage": old}, after)
        store.commit(session, "finalizing the assessment", "定稿")
    change = CycleChange(assessment_id, (), "stage", {"stage": old})
    return Finalized(assessment_id, sha256, tuple(code for code, _s in unreviewed), change.changes)


def reopen(workspace: Workspace, assessment_id: int, reason: str) -> CycleChange:
    """Unlock a final assessment into 审核 (the 负责人, with the reason, both recorded)."""
    store = workspace.store
    require_role(store.person, (LEADER,), "reopen the assessment", "重新打开考评")
    if not reason.strip():
        raise SignOffRefused(
            "say why the assessment is reopened (a reason is required)", "请填写重新打开的原因", "no_reason"
        )
    with store.write("reopening the assessment", "重新打开考评") as session:
        row = _row(session, assessment_id)
        if row.stage != STAGE_FINAL:
            raise SignOffRefused(
                f"the assessment is not final (it is at {said(STAGES, row.stage, False)}): nothing to reopen",
                f"考评尚未定稿（当前为“{said(STAGES, row.stage)}”阶段），无需重新打开",
                "not_final",
                assessment_id=assessment_id,
            )
        old = row.snapshot_sha256
        before = {"stage": STAGE_FINAL, "snapshot": old}
        row.stage, row.snapshot_sha256, row.finalized_at, row.finalized_by = STAGE_REVIEW, None, None, ""
        store.audit(session, "reopen", assessment_id, None, before, {"stage": STAGE_REVIEW, "reason": reason.strip()})
        store.commit(session, "reopening the assessment", "重新打开考评")
    return CycleChange(assessment_id, (), "stage", before)
