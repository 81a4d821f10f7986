"""This year from last year: a new assessment started from an existing one, on the same or a newer system.

:func:`plan_carry_over` says what would be carried (the items' matching, notes, files, requirements, leads) and
writes nothing; :func:`carry_over` creates the assessment in one transaction. Scores and review statuses start
afresh; notes are carried; requirements last year's item had and the new one lacks are added to it; a new item
without a lead department takes last year's; evidence links of the chosen items are carried as new rows on the same
stored bytes (the vault is untouched), marked 去年材料 until a person confirms them (:func:`confirm_carried`).
Undone by :func:`undo_carry_over`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.changes import (
    AnyChange,
    AssessmentAdded,
    AssessmentCreated,
    Changes,
    ChecklistChange,
    CycleChange,
)
from egov_desk.core.db.models import (
    Assessment,
    Department,
    EvidenceFile,
    EvidenceLink,
    EvidenceRequirement,
    IndicatorSystemRow,
    ItemInput,
    ItemRow,
)
from egov_desk.core.errors import Refused
from egov_desk.core.evidence.refusals import no_file
from egov_desk.core.importers.into_workspace import distinct_title
from egov_desk.core.item_matching import ItemPair, Matching, unknown_code
from egov_desk.core.requirements import Requirement
from egov_desk.core.workspace_systems import remove_assessment_in, unit_given
from egov_desk.core.write_refusals import no_assessment, no_system

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo

Evidence = set[str] | Literal["all"] | None  # the new items whose files are carried: these codes, all, or none


@dataclass(frozen=True)
class CarryPlan:
    """What a carry-over from ``source`` onto ``system_id`` would do; nothing is written. ``notes`` and ``files``
    are the source's, by last year's code."""

    source: AssessmentInfo
    system_id: int
    matching: Matching
    notes: Mapping[str, str] = field(default_factory=dict)
    files: Mapping[str, int] = field(default_factory=dict)

    @property
    def same_system(self) -> bool:
        return self.source.system_id == self.system_id

    def overridden(self, overrides: Mapping[str, str | None]) -> CarryPlan:
        """The plan with a person's choices (new code → old code, or None): see :meth:`Matching.overridden`."""
        return replace(self, matching=self.matching.overridden(overrides)) if overrides else self

    def requirements_added(self, pair: ItemPair) -> tuple[Requirement, ...]:
        """Requirements last year's item had that the new one lacks (only between two systems)."""
        if self.same_system or pair.old is None or pair.new is None:
            return ()
        texts = {r.text for r in pair.new.requirements}
        return tuple(r for r in pair.old.requirements if r.text not in texts)

    def lead_taken(self, pair: ItemPair) -> str | None:
        """Last year's lead department, when the new item has none."""
        if self.same_system or pair.old is None or pair.new is None or pair.new.lead or not pair.old.lead:
            return None
        return pair.old.lead

    def note(self, pair: ItemPair) -> str:
        return self.notes.get(pair.old.code, "") if pair.old and pair.new else ""

    def file_count(self, pair: ItemPair) -> int:
        return self.files.get(pair.old.code, 0) if pair.old and pair.new else 0

    def to_json(self) -> dict[str, Any]:
        pairs = []
        for pair in self.matching.pairs:
            row = pair.to_json()
            row["carried"] = {
                "note": bool(self.note(pair)),
                "files": self.file_count(pair),
                "requirements": [r.text for r in self.requirements_added(pair)],
                "lead": self.lead_taken(pair),
            }
            pairs.append(row)
        return {
            "from": {"assessment": self.source.id, "label": self.source.label, "system": self.source.system_id},
            "system": self.system_id,
            "counts": self.matching.counts(),
            "pairs": pairs,
        }


@dataclass(frozen=True)
class Carried(AssessmentCreated):
    """An assessment carried over: its id, what changed, and what its undo takes back from the new system (the
    requirements added, the codes given a lead)."""

    requirement_ids: tuple[int, ...] = ()
    leads: tuple[str, ...] = ()
    system_id: int = 0


def older_system(source: str, target: str) -> Refused:
    return Refused(
        f"the indicator system {target!r} is older than last year's ({source!r}); choose the same or a newer one",
        f"指标体系“{target}”比去年所用的“{source}”更旧；请选择相同或更新的指标体系",
        "older_system",
    )


def plan_carry_over(workspace: Workspace, source_id: int, system_id: int | None = None) -> CarryPlan:
    """How ``source_id`` would be carried onto ``system_id`` (default: its own system); nothing is written."""
    source = workspace.assessment(source_id)
    system_id = source.system_id if system_id is None else system_id
    systems = {s.id: s for s in workspace.systems()}
    if system_id not in systems:
        raise no_system(system_id)
    old, new = systems[source.system_id], systems[system_id]
    if old.year and new.year and new.year < old.year:
        raise older_system(old.label, new.label)
    matching = Matching.of(workspace.system(source.system_id).items(), workspace.system(system_id).items())
    files: dict[str, set[int]] = {}
    for file in workspace.evidence.files(source_id):
        for _link, code, _requirement in file.links:
            files.setdefault(code, set()).add(file.id)
    counts = {code: len(ids) for code, ids in files.items()}
    return CarryPlan(source, system_id, matching, workspace.notes(source_id), counts)


def _evidence_codes(plan: CarryPlan, evidence: Evidence) -> set[str]:
    new_codes = {item.code for item in plan.matching.new_items}
    if evidence == "all":
        return new_codes
    if not evidence:
        return set()
    for code in evidence:
        if code not in new_codes:
            raise unknown_code(code, "new")
    return set(evidence)


def carry_over(
    workspace: Workspace,
    plan: CarryPlan,
    year: int | None = None,
    title: str | None = None,
    evidence: Evidence = "all",
    overrides: Mapping[str, str | None] | None = None,
) -> Carried:
    """Create the assessment ``plan`` describes (with a person's ``overrides``), in ONE transaction."""
    plan = plan.overridden(overrides or {})
    chosen = _evidence_codes(plan, evidence)
    store = workspace.store
    source = plan.source
    year = source.year + 1 if year is None else year
    title = carry_title(workspace, source, plan.system_id, year, (title or "").strip())
    with store.write("the new assessment", "新考评") as session:
        if session.get(Assessment, source.id) is None:
            raise no_assessment(source.id)
        if session.get(IndicatorSystemRow, plan.system_id) is None:
            raise no_system(plan.system_id)
        row = Assessment(
            system_id=plan.system_id, unit=unit_given(source.unit), year=year, title=title, carried_from=source.id
        )
        session.add(row)
        session.flush()
        new_id = row.id
        after = {"unit": row.unit, "year": year, "title": title, "from": source.id, "system": plan.system_id}
        store.audit(session, "create_assessment", new_id, after=after)
        writer = _Writer(workspace, session, plan, new_id)
        for pair in plan.matching.pairs:
            if pair.old is not None and pair.new is not None:
                writer.carry(pair, pair.new.code in chosen)
        store.commit(session, f"assessment {year} {row.unit}", f"{year} 年 {row.unit} 的考评")
    entries: list[AnyChange] = [AssessmentAdded(new_id, plan.system_id)]
    if writer.changed_codes:
        store.forget_system(plan.system_id)
        entries.append(ChecklistChange(plan.system_id, tuple(sorted(writer.changed_codes))))
    return Carried(new_id, Changes(tuple(entries)), tuple(writer.requirement_ids), tuple(writer.leads), plan.system_id)


def carry_title(workspace: Workspace, source: AssessmentInfo, system_id: int, year: int, given: str) -> str:
    """The title given; by default (none given, or the source's, which the window offers) the source's title, made
    distinct the way an import does it — 自评（the system's title）— when the unit has an assessment so titled that
    year, so the two are told apart wherever they are listed."""
    if given and given != source.title:
        return given
    unit = unit_given(source.unit)
    return distinct_title(workspace, unit, year, workspace.system(system_id).title, source.title)


class _Writer:
    """The rows of one carry-over, inside its transaction."""

    def __init__(self, workspace: Workspace, session: Session, plan: CarryPlan, new_id: int) -> None:
        self.store, self.session, self.plan, self.new_id = workspace.store, session, plan, new_id
        self.old_rows = self._items(plan.source.system_id)
        self.new_rows = self._items(plan.system_id)
        self.files: dict[str, EvidenceFile] = {}  # sha256 → the new assessment's row
        self.requirement_ids: list[int] = []
        self.leads: list[str] = []
        self.changed_codes: set[str] = set()

    def _items(self, system_id: int) -> dict[str, ItemRow]:
        return {r.code: r for r in self.session.scalars(select(ItemRow).where(ItemRow.system_id == system_id))}

    def carry(self, pair: ItemPair, with_files: bool) -> None:
        assert pair.old is not None
        assert pair.new is not None
        old, new, code = self.old_rows[pair.old.code], self.new_rows[pair.new.code], pair.new.code
        for requirement in self.plan.requirements_added(pair):
            self._add_requirement(new, requirement)
        lead = self.plan.lead_taken(pair)
        if lead is not None and new.lead_id is None and old.lead_id is not None:
            new.lead_id = old.lead_id
            department = self.session.get(Department, old.lead_id)
            self.store.audit(self.session, "set_lead", self.new_id, code, None, department.name if department else lead)
            self.leads.append(code)
            self.changed_codes.add(code)
        note = self.plan.note(pair)
        if note:
            self.session.add(
                ItemInput(assessment_id=self.new_id, item_id=new.id, note=note, updated_by=self.store.actor)
            )
            self.store.audit(self.session, "set_note", self.new_id, code, None, note)
        if with_files:
            self._carry_links(old, new)

    def _add_requirement(self, item: ItemRow, requirement: Requirement) -> None:
        last = self.session.scalar(
            select(func.max(EvidenceRequirement.position)).where(EvidenceRequirement.item_id == item.id)
        )
        row = EvidenceRequirement(
            item_id=item.id,
            position=(last if last is not None else -1) + 1,
            text=requirement.text,
            supplied_by=requirement.supplied_by,
        )
        self.session.add(row)
        self.session.flush()
        self.store.audit(self.session, "add_requirement", self.new_id, item.code, None, requirement.text)
        self.requirement_ids.append(row.id)
        self.changed_codes.add(item.code)

    def _carry_links(self, old: ItemRow, new: ItemRow) -> None:
        query = (
            select(EvidenceFile, EvidenceLink.requirement_id)
            .join(EvidenceLink, EvidenceLink.file_id == EvidenceFile.id)
            .where(EvidenceFile.assessment_id == self.plan.source.id, EvidenceLink.item_id == old.id)
            .order_by(EvidenceLink.id)
        )
        texts = {r.id: r.text for r in self.session.scalars(select(EvidenceRequirement))}
        new_requirements = {
            r.text: r.id
            for r in self.session.scalars(select(EvidenceRequirement).where(EvidenceRequirement.item_id == new.id))
        }
        made: set[tuple[int, int | None]] = set()
        for file, requirement_id in self.session.execute(query).all():
            target = new_requirements.get(texts.get(requirement_id, "")) if requirement_id is not None else None
            carried = self._file(file)
            if (carried.id, target) in made:
                continue
            made.add((carried.id, target))
            self.session.add(EvidenceLink(file_id=carried.id, item_id=new.id, requirement_id=target))
            after = {"file": file.original_name, "sha256": file.sha256, "requirement": target, "carried": True}
            self.store.audit(self.session, "link", self.new_id, new.code, None, after)

    def _file(self, old: EvidenceFile) -> EvidenceFile:
        if old.sha256 not in self.files:
            row = EvidenceFile(
                assessment_id=self.new_id,
                sha256=old.sha256,
                original_name=old.original_name,
                kind=old.kind,
                kind_mismatch=old.kind_mismatch,
                evidence_date=old.evidence_date,
                added_by=self.store.actor,
                carried=True,
            )
            self.session.add(row)
            self.session.flush()
            self.files[old.sha256] = row
        return self.files[old.sha256]


def undo_carry_over(workspace: Workspace, carried: Carried) -> Changes:
    """Take a carry-over back while nothing but what it carried is in the new assessment: the assessment, and the
    requirements and leads it gave the new system, in one transaction (anything entered since: refused)."""
    store = workspace.store
    with store.write("removing the new assessment", "删除新考评") as session:
        changes = remove_assessment_in(store, session, carried.assessment_id, carried=True)
        codes: set[str] = set()
        for requirement_id in carried.requirement_ids:
            requirement = session.get(EvidenceRequirement, requirement_id)
            item = session.get(ItemRow, requirement.item_id) if requirement is not None else None
            if requirement is not None and item is not None:
                store.audit(session, "remove_requirement", None, item.code, requirement.text, None)
                session.delete(requirement)
                codes.add(item.code)
        for code in carried.leads:
            item = session.scalar(select(ItemRow).where(ItemRow.system_id == carried.system_id, ItemRow.code == code))
            if item is not None and item.lead_id is not None:
                department = session.get(Department, item.lead_id)
                store.audit(session, "set_lead", None, code, department.name if department else None, None)
                item.lead_id = None
                codes.add(code)
        store.commit(session, "removing the new assessment", "删除新考评")
    workspace.forget_scores()
    if codes:  # read again when next shown; the window shows another assessment, so no checklist to repaint
        store.forget_system(carried.system_id)
    return changes


def _mark(workspace: Workspace, file_id: int, carried: bool) -> CycleChange:
    store = workspace.store
    what, what_zh = (
        ("confirming last year's file", "确认去年材料") if not carried else ("marking last year's file", "标记去年材料")
    )
    with store.write(what, what_zh) as session:
        file = session.get(EvidenceFile, file_id)
        if file is None:
            raise no_file(file_id)
        codes = tuple(
            sorted(
                session.scalars(
                    select(ItemRow.code)
                    .join(EvidenceLink, EvidenceLink.item_id == ItemRow.id)
                    .where(EvidenceLink.file_id == file_id)
                ).all()
            )
        )
        before = {"file": file_id, "carried": file.carried}
        if file.carried != carried:
            file.carried = carried
            after = {"file": file.original_name, "sha256": file.sha256, "carried": carried}
            action = "unconfirm_carried" if carried else "confirm_carried"
            store.audit(session, action, file.assessment_id, None, {"carried": not carried}, after)
        store.commit(session, what, what_zh)
        return CycleChange(file.assessment_id, codes, "carried", before)


def confirm_carried(workspace: Workspace, file_id: int) -> CycleChange:
    """Last year's file still holds: it loses its 去年材料 mark. Undone by :func:`unconfirm_carried`."""
    return _mark(workspace, file_id, False)


def unconfirm_carried(workspace: Workspace, file_id: int) -> CycleChange:
    """The undo of :func:`confirm_carried`: the file is marked 去年材料 again."""
    return _mark(workspace, file_id, True)
