"""定稿 locks an assessment: every write to its scores, notes, evidence, checks or review is refused until the
负责人 reopens it (itself recorded).

:meth:`Store.audit` calls :func:`refuse_if_final` for every row it writes, in the write's own transaction, so no
write path can get past it: a write refused here rolls back whole. Writes check earlier too, where they can, so the
refusal comes before any work (a file copied into the vault, a dialog filled in).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import Assessment
from egov_desk.core.errors import Refused
from egov_desk.core.review_states import STAGE_FINAL

ALLOWED_WHEN_FINAL = frozenset({"reopen", "finalize"})  # reopening it; finalize records the lock itself


class AssessmentFinal(Refused):
    """A write to an assessment that is final (定稿)."""


def final_refusal(assessment: Assessment) -> AssessmentFinal:
    label = f"{assessment.year} {assessment.title}"
    return AssessmentFinal(
        f"the assessment {label} is final (signed off); nothing in it can be changed until the leader reopens it",
        f"考评“{label}”已定稿，其中的得分、说明、材料和审核都不能再修改；如需修改，请由负责人先“重新打开”。",
        "assessment_final",
        assessment_id=assessment.id,
    )


def refuse_if_final(session: Session, assessment_id: int | None, action: str = "") -> None:
    if assessment_id is None or action in ALLOWED_WHEN_FINAL:
        return
    assessment = session.get(Assessment, assessment_id)
    if assessment is not None and assessment.stage == STAGE_FINAL:
        raise final_refusal(assessment)


def refuse_if_system_final(session: Session, system_id: int) -> None:
    """A system's checklist is part of what was signed for every final assessment of it."""
    assessment = session.scalar(
        select(Assessment).where(Assessment.system_id == system_id, Assessment.stage == STAGE_FINAL).limit(1)
    )
    if assessment is not None:
        raise final_refusal(assessment)
