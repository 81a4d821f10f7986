"""Undoing an applied return (:class:`~.return_applied.ReturnApplied`), all of it in one transaction: the inputs
and notes as they were, the ticks, the links it made taken away, those it took away put back, and last the review
statuses as they were before (an edit in between may have reset them). The rows name the office's person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from egov_desk.core.changes import Changes, CycleChange, EvidenceChange
from egov_desk.core.db.models import EvidenceFile, EvidenceLink, ItemRow, RequirementCheck, utcnow
from egov_desk.core.evidence.reading import file_with
from egov_desk.core.packages.return_applied import ReturnApplied
from egov_desk.core.packages.return_notes import with_notes
from egov_desk.core.review import ACTION_OF
from egov_desk.core.scoring import score_item
from egov_desk.core.workspace_inputs import _input_row, scored

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


def undo_return(workspace: Workspace, applied: ReturnApplied) -> Changes:
    """Take an applied return back; returns what that changed."""
    store, assessment_id = workspace.store, applied.assessment_id
    codes = applied.codes
    if not applied.applied:
        return Changes()
    what, what_zh = f"undoing the return of {applied.department}", f"撤销「{applied.department}」的回执"
    with store.write(what, what_zh) as session:
        for code, before in applied.inputs.items():
            row = _input_row(store, session, assessment_id, code)
            item = workspace.system(workspace.assessment(assessment_id).system_id).item(code)
            score = score_item(item, before)
            now, row.input, row.score, row.scored = row.input, before, score.points, score.scored
            row.updated_at, row.updated_by = utcnow(), store.actor
            store.audit(session, "set_input", assessment_id, code, now, before)
        for code, note in applied.notes.items():
            row = _input_row(store, session, assessment_id, code)
            noted, row.note = row.note or "", note
            store.audit(session, "set_note", assessment_id, code, noted, note)
        for requirement, ticked in applied.checks.items():
            check = session.get(RequirementCheck, (assessment_id, requirement))
            if ticked and check is None:
                session.add(
                    RequirementCheck(
                        assessment_id=assessment_id,
                        requirement_id=requirement,
                        checked_by=store.actor,
                        checked_at=utcnow(),
                    )
                )
            elif not ticked and check is not None:
                session.delete(check)
            action = "check" if ticked else "uncheck"
            store.audit(session, action, assessment_id, None, None, {"requirement": requirement})
        for link_id in applied.links:
            link = session.get(EvidenceLink, link_id)
            if link is None:
                continue
            file, owner = link.file, session.get(ItemRow, link.item_id)
            item_code = owner.code if owner is not None else None
            session.delete(link)
            session.flush()
            count = select(func.count()).select_from(EvidenceLink).where(EvidenceLink.file_id == file.id)
            if not session.scalar(count):
                session.delete(file)
            before = {"file": file.original_name, "sha256": file.sha256, "requirement": link.requirement_id}
            store.audit(session, "unlink", assessment_id, item_code, before, None)
        for removed in applied.removed:
            _, row_of_item = store.item_row(session, assessment_id, removed["code"])
            put_back = file_with(session, assessment_id, removed["sha256"], removed["name"])
            if put_back is None:
                # under its old id when free: the department's packages name files by it
                free = session.get(EvidenceFile, removed["file_id"]) is None
                put_back = EvidenceFile(
                    id=removed["file_id"] if free else None,
                    assessment_id=assessment_id,
                    sha256=removed["sha256"],
                    original_name=removed["name"],
                    kind=removed["kind"],
                    kind_mismatch=removed["kind_mismatch"],
                    evidence_date=removed["date"],
                    added_at=removed["added_at"],
                    added_by=removed["added_by"],
                    carried=removed["carried"],
                )
                session.add(put_back)
                session.flush()
            session.add(
                EvidenceLink(file_id=put_back.id, item_id=row_of_item.id, requirement_id=removed["requirement"])
            )
            after = {"file": removed["name"], "sha256": removed["sha256"], "requirement": removed["requirement"]}
            store.audit(session, "link", assessment_id, removed["code"], None, after)
        was: dict[str, tuple[str, str]] = {}
        for code, (status, comment) in applied.statuses.items():
            row = _input_row(store, session, assessment_id, code)
            was[code] = (row.status or "", row.status_comment or "")
            if was[code] == (status, comment):
                continue
            row.status, row.status_comment = status, comment
            after_status = {"status": status, "comment": comment, "undo": True}
            action = ACTION_OF.get(status, "review_reset")
            store.audit(session, action, assessment_id, code, {"status": was[code][0]}, after_status)
        store.commit(session, what, what_zh)
    sheet = workspace.scores(assessment_id)
    scores = [
        scored(sheet, assessment_id, score_item(sheet.system.item(code), inp), inp)
        for code, inp in applied.inputs.items()
    ]
    changes = Changes((*scores, EvidenceChange(assessment_id, codes), CycleChange(assessment_id, codes, "review", was)))
    return with_notes(workspace, assessment_id, applied.notes, changes)
