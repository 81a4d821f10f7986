"""Applying the accepted changes of a department's return (planned by :mod:`.importing`), in one transaction.

The return came from outside: every input is scored against its item's rule first (one the rule refuses is
refused, naming the item), every file's bytes are hashed as they are copied into the vault (the same bytes stored
once), and the rows are written only after the bytes stand under their real names. Every audit row names the
department's person and the department ("张三（办公室·填报人）") beside their login; one "import_return" row first
names the office's person who took the return in. The result says what an undo (:mod:`.return_undo`) needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import IO, TYPE_CHECKING, Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.changes import Changes, CycleChange, EvidenceChange
from egov_desk.core.db.models import (
    Blob,
    EvidenceFile,
    EvidenceLink,
    EvidenceRequirement,
    ItemInput,
    RequirementCheck,
    utcnow,
)
from egov_desk.core.errors import ChangedSince, Refused
from egov_desk.core.evidence.filetypes import disagrees, sniff
from egov_desk.core.evidence.reading import file_with
from egov_desk.core.evidence.types import CHECKED
from egov_desk.core.packages.format import MadeBy, evidence_member
from egov_desk.core.packages.meter import Meter, Metered
from egov_desk.core.packages.return_notes import with_notes
from egov_desk.core.packages.return_plan import APPLY, CONFLICT, ReturnChange, ReturnPlan
from egov_desk.core.packages.vault_copy import copy_into_vault
from egov_desk.core.person import Person
from egov_desk.core.review import ACTION_OF
from egov_desk.core.review_states import ROLES, said
from egov_desk.core.scoring import score_item
from egov_desk.core.workspace_inputs import _input_row, scored

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

DEPARTMENT_SIDE, OFFICE_SIDE = "department", "office"


class ReturnRefused(Refused):
    """A return's changes that cannot be applied as asked (a conflict left undecided, an input its rule refuses,
    a file whose bytes are nowhere)."""


@dataclass(frozen=True)
class ReturnApplied:
    """What applying a return changed, and what undoing it puts back."""

    assessment_id: int
    department: str
    sequence: int
    applied: tuple[ReturnChange, ...]
    inputs: Mapping[str, Any] = field(default_factory=dict)  # code → the input before
    notes: Mapping[str, str] = field(default_factory=dict)
    statuses: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # code → (stored status, comment) before
    checks: Mapping[int, bool] = field(default_factory=dict)  # requirement id → ticked before
    links: tuple[int, ...] = ()  # the links made
    removed: tuple[Mapping[str, Any], ...] = ()  # the links taken away, with their files as they were
    changes: Changes = field(default_factory=Changes)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(change.code for change in self.applied))


def department_person(made_by: MadeBy, department: str) -> Person:
    """The department's person as the audit rows record them: their name, and "办公室·填报人" in the role column
    (said as it is by the history; a role the app does not know is shown as written)."""
    person = Person(made_by.name or made_by.login)
    role = said(ROLES, made_by.role) if made_by.role else ""
    object.__setattr__(person, "role", f"{department}·{role}" if role else department)  # past Person's role check
    return person


@contextmanager
def as_department(workspace: Workspace, made_by: MadeBy, department: str) -> Iterator[None]:
    store = workspace.store
    person, actor = store.person, store.actor
    store.person, store.actor = department_person(made_by, department), made_by.login or actor
    try:
        yield
    finally:
        store.person, store.actor = person, actor


def _chosen(plan: ReturnPlan, take: Mapping[str, str]) -> list[ReturnChange]:
    undecided = [c.key for c in plan.conflicts if take.get(c.key) not in (DEPARTMENT_SIDE, OFFICE_SIDE)]
    if undecided:
        raise ReturnRefused(
            f"say for each conflict whose value to keep (the department's or the office's): {', '.join(undecided)}",
            f"请为每处冲突选择保留科室的值还是本处的值：{'、'.join(undecided)}",
            "undecided",
            keys=undecided,
        )
    return [
        c
        for c in plan.changes
        if (c.state == APPLY and take.get(c.key) != OFFICE_SIDE)
        or (c.state == CONFLICT and take.get(c.key) == DEPARTMENT_SIDE)
    ]


def _files(workspace: Workspace, plan: ReturnPlan, chosen: list[ReturnChange], meter: Meter | None) -> None:
    """Every added file's bytes into the vault (from the return, else already there) before any row."""
    vault = workspace.evidence.vault
    held = set(plan.package.manifest.evidence) if plan.package is not None else set()
    adding = [c for c in chosen if c.field == "evidence" and (c.detail or {}).get("action") == "add"]
    sizes = {}
    for change in adding:
        sha256 = (change.detail or {})["file"]["sha256"]
        if sha256 in held and plan.package is not None:
            sizes[sha256] = plan.package.manifest.members[evidence_member(sha256)].size
    if meter:
        meter.total += sum(sizes.values())
    for change in adding:
        sha256 = (change.detail or {})["file"]["sha256"]
        if sha256 in sizes:
            assert plan.package is not None
            with plan.package.evidence(sha256) as stream:
                read = cast(IO[bytes], Metered(stream, meter)) if meter else stream
                copy_into_vault(vault, read, sha256, sizes.pop(sha256), str(plan.path))
        elif not vault.has(sha256):
            raise ReturnRefused(
                f"{change.code}: the return adds “{change.department_value}” but holds no copy of it and this "
                "workspace has none — ask the department for its return again",
                f"{change.code}：回执要添加“{change.department_value}”，但回执和本工作区都没有该文件；请让科室重新交回回执",
                "file_nowhere",
                code=change.code,
            )


def _check_inputs(workspace: Workspace, assessment_id: int, chosen: list[ReturnChange]) -> None:
    system = workspace.system(workspace.assessment(assessment_id).system_id)
    for change in chosen:
        if change.field == "input" and change.department_value is not None:
            score_item(system.item(change.code), change.department_value)  # InputError names the item


def _requirement_id(session: Session, item_id: int, position: Any) -> int | None:
    if position is None:
        return None
    return session.scalar(
        select(EvidenceRequirement.id).where(
            EvidenceRequirement.item_id == item_id, EvidenceRequirement.position == position
        )
    )


def _date(text: Any) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


class _Applying:
    """One transaction's writes, and what it keeps for the undo."""

    def __init__(self, workspace: Workspace, session: Session, plan: ReturnPlan) -> None:
        self.workspace, self.store, self.session = workspace, workspace.store, session
        self.assessment_id = plan.assessment_id
        self.inputs: dict[str, Any] = {}
        self.notes: dict[str, str] = {}
        self.checks: dict[int, bool] = {}
        self.links: list[int] = []
        self.removed: list[dict[str, Any]] = []

    def row(self, code: str) -> ItemInput:
        return _input_row(self.store, self.session, self.assessment_id, code)

    def changed_since(self, change: ReturnChange, now: Any) -> None:
        if now != change.office_value:
            raise ChangedSince(
                f"{change.code} was changed here since the return was read; read it again before applying",
                f"{change.code} 在读取回执之后又被修改过；请重新读取回执后再导入",
                "changed_since",
                code=change.code,
            )

    def input(self, change: ReturnChange) -> None:
        row = self.row(change.code)
        self.changed_since(change, row.input)
        self.inputs.setdefault(change.code, row.input)
        item = self.workspace.system(self.workspace.assessment(self.assessment_id).system_id).item(change.code)
        score = score_item(item, change.department_value)
        row.input, row.score, row.scored = change.department_value, score.points, score.scored
        row.updated_at, row.updated_by = utcnow(), self.store.actor
        self.store.audit(
            self.session, "set_input", self.assessment_id, change.code, self.inputs[change.code], row.input
        )

    def note(self, change: ReturnChange) -> None:
        row = self.row(change.code)
        before = row.note or ""
        self.changed_since(change, before)
        self.notes.setdefault(change.code, before)
        row.note, row.updated_at, row.updated_by = change.department_value or "", utcnow(), self.store.actor
        self.store.audit(self.session, "set_note", self.assessment_id, change.code, before, row.note)

    def requirement(self, change: ReturnChange) -> None:
        _, item = self.store.item_row(self.session, self.assessment_id, change.code)
        requirement = _requirement_id(self.session, item.id, (change.detail or {}).get("position"))
        if requirement is None:
            return
        row = self.session.get(RequirementCheck, (self.assessment_id, requirement))
        ticked = change.department_value == CHECKED
        if ticked == (row is not None):
            return  # the tick holds already: the status follows from the files
        self.checks.setdefault(requirement, row is not None)
        if ticked:
            self.session.add(
                RequirementCheck(
                    assessment_id=self.assessment_id,
                    requirement_id=requirement,
                    checked_by=self.store.actor,
                    checked_at=utcnow(),
                )
            )
        elif row is not None:
            self.session.delete(row)
        action = "check" if ticked else "uncheck"
        self.store.audit(self.session, action, self.assessment_id, None, None, {"requirement": requirement})

    def add_file(self, change: ReturnChange) -> None:
        detail = change.detail or {}
        entry = detail["file"]
        sha256, name = entry["sha256"], str(entry.get("name") or entry["sha256"])
        _, item = self.store.item_row(self.session, self.assessment_id, change.code)
        requirement = _requirement_id(self.session, item.id, detail.get("requirement"))
        path = self.workspace.evidence.vault.path_of(sha256)
        kind = sniff(path)
        if self.session.get(Blob, sha256) is None:
            self.session.add(Blob(sha256=sha256, size=path.stat().st_size, kind=kind))
        file = file_with(self.session, self.assessment_id, sha256, name)
        if file is None:
            file = EvidenceFile(
                assessment_id=self.assessment_id,
                sha256=sha256,
                original_name=name,
                kind=kind,
                kind_mismatch=disagrees(kind, name),
                evidence_date=_date(entry.get("date")),
                added_by=self.store.actor,
            )
            self.session.add(file)
            self.session.flush()
        link = EvidenceLink(file_id=file.id, item_id=item.id, requirement_id=requirement)
        self.session.add(link)
        self.session.flush()
        self.links.append(link.id)
        after = {"file": name, "sha256": sha256, "requirement": requirement}
        self.store.audit(self.session, "attach", self.assessment_id, change.code, None, after)

    def remove_file(self, change: ReturnChange) -> None:
        detail = change.detail or {}
        entry = detail["file"]
        _, item = self.store.item_row(self.session, self.assessment_id, change.code)
        requirement = _requirement_id(self.session, item.id, detail.get("requirement"))
        link = self.session.scalars(
            select(EvidenceLink).where(
                EvidenceLink.file_id == entry.get("id"),
                EvidenceLink.item_id == item.id,
                EvidenceLink.requirement_id.is_(None)
                if requirement is None
                else EvidenceLink.requirement_id == requirement,
            )
        ).first()
        if link is None:
            return
        file = link.file
        self.removed.append(
            {
                "code": change.code,
                "requirement": requirement,
                "file_id": file.id,
                "sha256": file.sha256,
                "name": file.original_name,
                "kind": file.kind,
                "kind_mismatch": file.kind_mismatch,
                "date": file.evidence_date,
                "added_at": file.added_at,
                "added_by": file.added_by,
                "carried": file.carried,
            }
        )
        self.session.delete(link)
        self.session.flush()
        if not self.session.scalar(
            select(func.count()).select_from(EvidenceLink).where(EvidenceLink.file_id == file.id)
        ):
            self.session.delete(file)
        before = {"file": file.original_name, "sha256": file.sha256, "requirement": requirement}
        self.store.audit(self.session, "unlink", self.assessment_id, change.code, before, None)

    def status(self, change: ReturnChange) -> None:
        row = self.row(change.code)
        new = change.department_value or ""
        comment = str((change.detail or {}).get("comment") or "")
        before = row.status or ""
        if before == new:
            return  # already so (a status held here, not reset by the edits before it)
        row.status, row.status_comment = new, comment
        after = {"status": new, "comment": comment}
        self.store.audit(
            self.session, ACTION_OF.get(new, "review_reset"), self.assessment_id, change.code, {"status": before}, after
        )


def apply_return(
    workspace: Workspace, plan: ReturnPlan, take: Mapping[str, str], meter: Meter | None = None
) -> ReturnApplied:
    """Apply the plan's changes the person accepted (``take[key]``: "department" or "office"; a change to apply
    is applied unless "office" is taken; a conflict needs a choice) in one transaction; returns what an undo
    needs. Nothing to apply: nothing written. A ``meter`` hears the new evidence copied in and can cancel before
    any row is written (bytes already stored stay, unlinked, as an attach's would)."""
    chosen = _chosen(plan, take)
    assessment_id = plan.assessment_id
    if not chosen:
        return ReturnApplied(assessment_id, plan.department, plan.sequence, ())
    _check_inputs(workspace, assessment_id, chosen)
    _files(workspace, plan, chosen, meter)
    store = workspace.store
    codes = tuple(dict.fromkeys(c.code for c in chosen))
    what = f"the return of {plan.department}"
    what_zh = f"「{plan.department}」的回执"
    with store.write(what, what_zh) as session:
        answered = {"department": plan.department, "sequence": plan.sequence, "file": plan.path.name}
        store.audit(session, "import_return", assessment_id, None, None, answered | {"changes": len(chosen)})
        statuses = {}
        for code in codes:
            row = _input_row(store, session, assessment_id, code)
            statuses[code] = (row.status or "", row.status_comment or "")
        applying = _Applying(workspace, session, plan)
        order = ("input", "note", "evidence", "requirement", "status")  # the status last: an edit resets it
        with as_department(workspace, plan.made_by, plan.department):
            for field_name in order:
                for change in (c for c in chosen if c.field == field_name):
                    if field_name == "evidence":
                        adding = (change.detail or {}).get("action") == "add"
                        (applying.add_file if adding else applying.remove_file)(change)
                    else:
                        getattr(applying, field_name)(change)
            for change in plan.same:  # a status held here that this return's edits just reset: set again
                if change.field == "status" and change.code in codes:
                    applying.status(change)
        store.commit(session, what, what_zh)
    sheet = workspace.scores(assessment_id)
    system = sheet.system
    scores = [
        scored(sheet, assessment_id, score_item(system.item(code), inp), inp)
        for code, inp in ((c, workspace.inputs(assessment_id).get(c)) for c in applying.inputs)
    ]
    changes = Changes(
        (
            *scores,
            EvidenceChange(assessment_id, codes),
            CycleChange(assessment_id, codes, "review", statuses),
        )
    )
    changes = with_notes(workspace, assessment_id, applying.notes, changes)
    return ReturnApplied(
        assessment_id,
        plan.department,
        plan.sequence,
        tuple(chosen),
        applying.inputs,
        applying.notes,
        statuses,
        applying.checks,
        tuple(applying.links),
        tuple(applying.removed),
        changes,
    )
