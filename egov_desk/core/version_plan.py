"""What moving an assessment onto another version of its indicator system would do, read from the database
before anything is written: which rows go where, matched by item code (requirements by text, then position).

Both :func:`~egov_desk.core.version_effects.version_effects` (what it would change) and
:func:`~egov_desk.core.assessment_move.move_assessment` (doing it) start from the same :class:`MovePlan`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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
    RequirementCheck,
)
from egov_desk.core.db.system_store import load_system
from egov_desk.core.errors import Refused
from egov_desk.core.indicators import IndicatorSystem
from egov_desk.core.messages import ZH, say
from egov_desk.core.rules import InputError
from egov_desk.core.scoring import score_item
from egov_desk.core.system_versions import base_of
from egov_desk.core.write_refusals import no_assessment, no_system


@dataclass
class MovePlan:
    assessment_id: int
    from_id: int
    to_id: int
    old: IndicatorSystem
    new: IndicatorSystem
    old_items: dict[str, int]  # code → item row id, in the version the assessment uses
    new_items: dict[str, int]  # … in the version it moves to
    inputs: dict[str, ItemInput]  # the assessment's rows on the old version's items, by code
    waiting: dict[str, ItemInput]  # … rows it left on the new version's items when it last moved off it
    links: list[EvidenceLink]  # … its evidence links on them
    ticks: list[RequirementCheck]  # … its check marks of their requirements
    requirement_pairs: dict[int, int] = field(default_factory=dict)  # old requirement id → new one
    requirement_codes: dict[int, str] = field(default_factory=dict)  # old requirement id → its item's code
    refused: dict[str, str] = field(default_factory=dict)  # code → why the new rule refuses its input (English)
    refused_zh: dict[str, str] = field(default_factory=dict)

    @property
    def shared(self) -> list[str]:
        return [code for code in self.old_items if code in self.new_items]

    @property
    def removed(self) -> list[str]:
        return [code for code in self.old_items if code not in self.new_items]

    @property
    def added(self) -> list[str]:
        return [code for code in self.new_items if code not in self.old_items]

    def moves_input(self, code: str) -> bool:
        return code in self.new_items and code not in self.refused

    def inputs_after(self) -> dict[str, Any]:
        """The inputs the assessment will have on the new version: those moved, and those it left there before."""
        after = {code: row.input for code, row in self.waiting.items() if row.input is not None}
        for code, row in self.inputs.items():
            if self.moves_input(code):
                if row.input is None:
                    after.pop(code, None)
                else:
                    after[code] = row.input
        return after

    def link_target(self, link: EvidenceLink, code: str) -> tuple[int, int | None] | None:
        """Where a link goes (new item id, new requirement id), or None when it stays on the old version."""
        if code not in self.new_items:
            return None
        if link.requirement_id is None:
            return self.new_items[code], None
        paired = self.requirement_pairs.get(link.requirement_id)
        return None if paired is None else (self.new_items[code], paired)


def different_base(title: str, other: str) -> Refused:
    return Refused(
        f"the assessment uses {title!r}; {other!r} is not a version of that system, so it cannot move onto it",
        f"该考评使用的是“{title}”；“{other}”不是这个指标体系的版本，不能换用",
        "different_system",
    )


def pair_requirements(old: list[EvidenceRequirement], new: list[EvidenceRequirement]) -> dict[int, int]:
    """Old requirement id → new one: the same text first, then what is left at the same position."""
    pairs: dict[int, int] = {}
    free = list(new)
    for requirement in old:
        same = next((r for r in free if r.text == requirement.text), None)
        if same is not None:
            pairs[requirement.id] = same.id
            free.remove(same)
    for requirement in old:
        if requirement.id not in pairs:
            same_place = next((r for r in free if r.position == requirement.position), None)
            if same_place is not None:
                pairs[requirement.id] = same_place.id
                free.remove(same_place)
    return pairs


def _requirements(session: Session, item_ids: list[int]) -> dict[int, list[EvidenceRequirement]]:
    found: dict[int, list[EvidenceRequirement]] = {}
    query = (
        select(EvidenceRequirement)
        .where(EvidenceRequirement.item_id.in_(item_ids))
        .order_by(EvidenceRequirement.item_id, EvidenceRequirement.position)
    )
    for requirement in session.scalars(query):
        found.setdefault(requirement.item_id, []).append(requirement)
    return found


def _item_ids(session: Session, system_id: int) -> dict[str, int]:
    rows = session.execute(select(ItemRow.code, ItemRow.id).where(ItemRow.system_id == system_id).order_by(ItemRow.id))
    return {code: item_id for code, item_id in rows}


def _input_rows(session: Session, assessment_id: int, system_id: int) -> dict[str, ItemInput]:
    rows = session.execute(
        select(ItemRow.code, ItemInput)
        .join(ItemRow, ItemRow.id == ItemInput.item_id)
        .where(ItemInput.assessment_id == assessment_id, ItemRow.system_id == system_id)
    )
    return {code: row for code, row in rows}


def _ordered(system: IndicatorSystem, ids: Mapping[str, int]) -> dict[str, int]:
    return {item.code: ids[item.code] for item in system.items()}


def plan_move(session: Session, assessment_id: int, system_id: int) -> MovePlan:
    """Read what moving the assessment onto system ``system_id`` involves; refused for another base system."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise no_assessment(assessment_id)
    source = session.get(IndicatorSystemRow, assessment.system_id)
    target = session.get(IndicatorSystemRow, system_id)
    if target is None:
        raise no_system(system_id)
    assert source is not None
    if base_of(source) != base_of(target):
        raise different_base(source.title, f"{target.title}（{target.key}）")
    old_system, new_system = load_system(session, source.id), load_system(session, target.id)
    old_items = _ordered(old_system, _item_ids(session, source.id))
    new_items = _ordered(new_system, _item_ids(session, target.id))
    old_ids = list(old_items.values())
    inputs = _input_rows(session, assessment_id, source.id)
    waiting = _input_rows(session, assessment_id, target.id)
    links = list(
        session.scalars(
            select(EvidenceLink)
            .join(EvidenceFile, EvidenceFile.id == EvidenceLink.file_id)
            .where(EvidenceFile.assessment_id == assessment_id, EvidenceLink.item_id.in_(old_ids))
            .order_by(EvidenceLink.id)
        )
    )
    old_requirements = _requirements(session, old_ids)
    new_requirements = _requirements(session, list(new_items.values()))
    plan = MovePlan(
        assessment_id, source.id, target.id, old_system, new_system, old_items, new_items, inputs, waiting, links, []
    )
    for code, item_id in old_items.items():
        for requirement in old_requirements.get(item_id, []):
            plan.requirement_codes[requirement.id] = code
        if code in new_items:
            plan.requirement_pairs |= pair_requirements(
                old_requirements.get(item_id, []), new_requirements.get(new_items[code], [])
            )
    plan.ticks = list(
        session.scalars(
            select(RequirementCheck).where(
                RequirementCheck.assessment_id == assessment_id,
                RequirementCheck.requirement_id.in_(list(plan.requirement_codes)),
            )
        )
    )
    for code, row in inputs.items():
        if code in new_items and row.input is not None:
            _check_input(plan, code, row.input)
    return plan


def _check_input(plan: MovePlan, code: str, inp: Any) -> None:
    try:
        score_item(plan.new.item(code), inp)
    except InputError as exc:
        plan.refused[code] = say(exc, "en")
        plan.refused_zh[code] = say(exc, ZH)
