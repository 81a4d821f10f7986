"""Moving an assessment onto another version of its indicator system, without losing anything.

Inputs, notes, evidence links and check marks move item by item (matched by code; requirements by text, then
position) and are rescored with the new rules. What cannot move — entries of an item the new version lacks, an
input the new rule refuses, files under a requirement the new version lacks — stays where it is, on the old
version's rows, and comes back when the assessment is moved back: moving there and back changes nothing.
A row the assessment left on the new version's item when it last moved off it is active again; when a row moves
onto the same item, the two change places, so that one is kept on the old version instead.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.audit_state import read_states
from egov_desk.core.changes import AssessmentMoved, Changes
from egov_desk.core.db.models import Assessment, EvidenceLink, ItemInput, RequirementCheck
from egov_desk.core.indicators import Item
from egov_desk.core.rules import InputError
from egov_desk.core.scoring import score_item
from egov_desk.core.store import Store
from egov_desk.core.version_effects import effects_of
from egov_desk.core.version_plan import MovePlan, plan_move

_CONTENT = ("input", "score", "scored", "note", "updated_at", "updated_by")


def _rescore(row: ItemInput, item: Item) -> None:
    """The row's score by the rule of the item it now belongs to (a row kept on a version is rescored there)."""
    if row.input is None:  # a note only: no score to give
        return
    try:
        score = score_item(item, row.input)
    except InputError:
        row.score, row.scored = None, False
        return
    row.score, row.scored = score.points, score.scored


def _move_inputs(session: Session, plan: MovePlan) -> None:
    for code, row in plan.inputs.items():
        if not plan.moves_input(code):
            continue
        waiting = plan.waiting.get(code)
        if waiting is None:
            row.item_id = plan.new_items[code]
            _rescore(row, plan.new.item(code))
            continue
        for name in _CONTENT:  # they change places: the moving row is the newer
            mine, theirs = getattr(row, name), getattr(waiting, name)
            setattr(row, name, theirs)
            setattr(waiting, name, mine)
        _rescore(waiting, plan.new.item(code))
        _rescore(row, plan.old.item(code))


def _move_links(session: Session, plan: MovePlan) -> None:
    codes_of = {item_id: code for code, item_id in plan.old_items.items()}
    targets = {}
    for link in plan.links:
        target = plan.link_target(link, codes_of[link.item_id])
        if target is not None:
            targets[link.id] = target
    if not targets:
        return
    item_ids = list({item_id for item_id, _ in targets.values()})
    taken = {
        (link.file_id, link.item_id, link.requirement_id)
        for link in session.scalars(select(EvidenceLink).where(EvidenceLink.item_id.in_(item_ids)))
    }
    for link in plan.links:
        if link.id not in targets:
            continue
        item_id, requirement_id = targets[link.id]
        if (link.file_id, item_id, requirement_id) in taken:
            continue  # the file serves it there already (left when the assessment last moved off): both stay
        link.item_id, link.requirement_id = item_id, requirement_id


def _move_ticks(session: Session, plan: MovePlan) -> None:
    paired = [tick for tick in plan.ticks if tick.requirement_id in plan.requirement_pairs]
    wanted = [plan.requirement_pairs[tick.requirement_id] for tick in paired]
    taken = set(
        session.scalars(
            select(RequirementCheck.requirement_id).where(
                RequirementCheck.assessment_id == plan.assessment_id, RequirementCheck.requirement_id.in_(wanted)
            )
        )
    )
    for tick, requirement_id in zip(paired, wanted, strict=True):
        if requirement_id not in taken:
            tick.requirement_id = requirement_id


def move_assessment(store: Store, assessment_id: int, system_id: int) -> Changes:
    """Re-point the assessment onto system ``system_id``, a version of the same base system (another base:
    refused). One transaction, audited; undone by moving it back."""
    with store.write("moving the assessment", "换用指标体系版本") as session:
        plan = plan_move(session, assessment_id, system_id)
        if plan.from_id == plan.to_id:
            return Changes()
        effects = effects_of(plan)
        _move_inputs(session, plan)
        _move_links(session, plan)
        _move_ticks(session, plan)
        assessment = session.get(Assessment, assessment_id)
        assert assessment is not None
        assessment.system_id = plan.to_id
        session.flush()
        checkpoint = read_states(session.connection(), assessment_id)[assessment_id]
        store.audit(
            session,
            "move_assessment",
            assessment_id,
            before={"system": plan.from_id},
            after={
                "system": plan.to_id,
                "kept_on_old_version": [s.code for s in effects.stranded],
                "refused": list(plan.refused),
                "summary": effects.summary,
                # the assessment's state after the move, which rewrote many rows at once (core/audit_state.py)
                "checkpoint": checkpoint.to_json(),
            },
        )
        store.commit(session, "moving the assessment", "换用指标体系版本")
    return Changes.of(AssessmentMoved(assessment_id, plan.from_id, plan.to_id))
