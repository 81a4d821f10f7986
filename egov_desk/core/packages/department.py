"""Opening a department's package (科室填报): a new, ordinary workspace folder holding what the package holds.

The system comes in through the interchange import (same key and title), with one assessment (same unit, year,
title, stage, deadlines); the department's items get their inputs, notes, review statuses, ticks and evidence
files (copied into the vault, each checked against its SHA-256, linked to the same requirements). The setting
``department_package`` (:class:`~.department_guard.DepartmentMode`) names the office's workspace, the package and
what each item held when it came (``base``): the return (:mod:`.returning`) is what differs from it, and the
guard (:mod:`.department_guard`) refuses every write outside the department's items.

A failed open removes what it made: the folder is left as it was found (absent, or empty)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import (
    Assessment,
    Blob,
    Department,
    DepartmentDeadline,
    EvidenceFile,
    EvidenceLink,
    ItemInput,
    ItemRow,
    RequirementCheck,
    Setting,
    utcnow,
)
from egov_desk.core.errors import EgovError
from egov_desk.core.evidence.types import CHECKED
from egov_desk.core.packages.department_guard import SETTING, DepartmentMode, mode_from
from egov_desk.core.packages.format import DEPARTMENT, PAYLOAD, refusal
from egov_desk.core.packages.meter import Meter, Metered
from egov_desk.core.packages.payload import LEAD
from egov_desk.core.packages.reading import Package, read_package
from egov_desk.core.packages.vault_copy import copy_into_vault
from egov_desk.core.person import Person
from egov_desk.core.review_states import FILLER, STORED_STATES
from egov_desk.core.scoring import score_system

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

__all__ = ["DepartmentMode", "DepartmentOpened", "department_mode", "open_package"]


@dataclass(frozen=True)
class DepartmentOpened:
    path: Path  # the department workspace's folder
    department: str
    sequence: int
    workspace: str  # the office's workspace id
    assessment: int  # the local assessment
    lead: int
    cooperating: int
    deadline: str | None  # the department's deadline, else the assessment's (YYYY-MM-DD)
    files: int  # distinct evidence files copied in
    bytes: int


def department_mode(workspace: Workspace) -> DepartmentMode | None:
    """What the workspace answers when it was made from a department's package; None for an ordinary one."""
    return mode_from(workspace.setting(SETTING))


def _refuse_kind(package: Package) -> None:
    if package.manifest.kind != DEPARTMENT:
        raise refusal(
            str(package.path),
            "not_a_department_package",
            f"a {package.manifest.kind} package, not a department's work package — a return is imported at the "
            "office (egov-desk-cli package import)",
            "这是回执包，不是科室工作包：回执请在办公室导入（egov-desk-cli package import）",
            package_kind=package.manifest.kind,
        )


def _refuse_not_empty(into: Path, file: str) -> None:
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise refusal(
            str(into),
            "not_empty",
            f"not opened: the folder is not empty — give a new or empty folder to open {file} into",
            f"未打开：该文件夹不是空的，请为 {file} 指定一个新的或空的文件夹",
            folder=str(into),
        )


def _date(text: Any) -> date | None:
    return date.fromisoformat(text) if isinstance(text, str) and text else None


def _stored_status(status: Any) -> str:
    return status if status in STORED_STATES else ""


def _base(package: Package) -> dict[str, Any]:
    files = {entry["id"]: entry for entry in package.files}

    def file_of(file_id: int, position: int | None) -> dict[str, Any]:
        entry = files[file_id]
        return {"sha256": entry["sha256"], "name": entry["name"], "requirement": position, "id": file_id}

    base: dict[str, Any] = {}
    for item in package.items:
        requirements = item.get("requirements", [])
        base[item["code"]] = {
            "input": item.get("input"),
            "note": item.get("note", ""),
            "status": _stored_status(item.get("status")),
            "comment": item.get("comment", "") if _stored_status(item.get("status")) else "",
            "requirements": {str(r["position"]): r["status"] for r in requirements},
            "files": [file_of(f, r["position"]) for r in requirements for f in r["files"]]
            + [file_of(f, None) for f in item.get("general", [])],
        }
    return base


class _Filler:
    """Writes the package's items into the new workspace, in the one transaction of :func:`_fill`."""

    def __init__(self, workspace: Workspace, session: Session, package: Package, assessment_id: int) -> None:
        self.workspace, self.session, self.package, self.assessment_id = workspace, session, package, assessment_id
        assessment = session.get(Assessment, assessment_id)
        assert assessment is not None
        self.assessment = assessment
        rows = session.scalars(select(ItemRow).where(ItemRow.system_id == assessment.system_id))
        self.items = {row.code: row for row in rows}
        self.file_ids: dict[int, int] = {}  # office file id → local file id
        self.requirement_ids: dict[str, dict[str, int]] = {}  # code → office position → local requirement id

    def deadlines(self) -> None:
        payload = self.package.payload
        stated = payload.get("deadlines", {})
        self.assessment.deadline = _date(stated.get("assessment"))
        self.assessment.stage = str(payload["assessment"].get("stage") or self.assessment.stage)
        department = _date(stated.get("department"))
        if department is not None:
            row = self.session.scalar(select(Department).where(Department.name == payload["department"]))
            if row is not None:
                self.session.add(
                    DepartmentDeadline(assessment_id=self.assessment_id, department_id=row.id, deadline=department)
                )

    def files(self) -> None:
        for entry in self.package.files:
            if self.session.get(Blob, entry["sha256"]) is None:
                self.session.add(Blob(sha256=entry["sha256"], size=int(entry["size"]), kind=str(entry["kind"])))
                self.session.flush()
            added_at = datetime.fromisoformat(entry["added_at"]) if entry.get("added_at") else utcnow()
            file = EvidenceFile(
                assessment_id=self.assessment_id,
                sha256=entry["sha256"],
                original_name=entry["name"],
                kind=str(entry["kind"]),
                kind_mismatch=bool(entry.get("kind_mismatch")),
                evidence_date=_date(entry.get("date")),
                added_at=added_at.replace(tzinfo=None) if added_at.tzinfo else added_at,
                added_by=str(entry.get("added_by", "")),
                carried=bool(entry.get("carried")),
            )
            self.session.add(file)
            self.session.flush()
            self.file_ids[int(entry["id"])] = file.id

    def item(self, entry: dict[str, Any], inputs: dict[str, Any], lead_deadline: date | None) -> None:
        code = entry["code"]
        row = self.items[code]
        status = _stored_status(entry.get("status"))
        kept = ItemInput(
            assessment_id=self.assessment_id,
            item_id=row.id,
            input=entry.get("input"),
            note=entry.get("note", ""),
            status=status,
            status_comment=entry.get("comment", "") if status else "",
            updated_by=self.workspace.actor,
        )
        due = _date(entry.get("due"))
        fallback = lead_deadline if entry.get("role") == LEAD and lead_deadline else self.assessment.deadline
        if due != fallback:
            kept.deadline = due
        if entry.get("input") is not None:
            inputs[code] = entry["input"]
        self.session.add(kept)
        local = sorted(row.requirements, key=lambda r: r.position)
        given = sorted(entry.get("requirements", []), key=lambda r: int(r["position"]))
        positions = self.requirement_ids.setdefault(code, {})
        for requirement, stated in zip(local, given, strict=False):
            positions[str(stated["position"])] = requirement.id
            if stated.get("status") == CHECKED:
                self.session.add(
                    RequirementCheck(
                        assessment_id=self.assessment_id, requirement_id=requirement.id, checked_by=self.workspace.actor
                    )
                )
            for file_id in stated.get("files", []):
                self._link(file_id, row.id, requirement.id)
        for file_id in entry.get("general", []):
            self._link(file_id, row.id, None)

    def _link(self, office_file: int, item_id: int, requirement_id: int | None) -> None:
        self.session.add(
            EvidenceLink(file_id=self.file_ids[office_file], item_id=item_id, requirement_id=requirement_id)
        )

    def scores(self, inputs: dict[str, Any]) -> None:
        self.session.flush()
        sheet = score_system(self.workspace.system(self.assessment.system_id), inputs)
        for code in inputs:
            kept = self.session.get(ItemInput, (self.assessment_id, self.items[code].id))
            if kept is not None:
                kept.score, kept.scored = sheet.items[code].points, sheet.items[code].scored


def _fill(workspace: Workspace, package: Package, assessment_id: int) -> dict[str, Any]:
    """Everything but the system and the evidence bytes, in one transaction; returns the setting written."""
    manifest, payload = package.manifest, package.payload
    store = workspace.store
    opened_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    with store.write("the department's package", "科室工作包") as session:
        filler = _Filler(workspace, session, package, assessment_id)
        filler.deadlines()
        filler.files()
        inputs: dict[str, Any] = {}
        department_due = _date(payload.get("deadlines", {}).get("department"))
        for entry in package.items:
            filler.item(entry, inputs, department_due)
        filler.scores(inputs)
        person = workspace.person
        setting = {
            "workspace": manifest.workspace,
            "department": manifest.department,
            "sequence": manifest.sequence,
            "package_sha256": manifest.content_sha256,
            "office_assessment": manifest.assessment.id,
            "assessment": assessment_id,
            "made_at": manifest.made_at,  # the package's: the return answers it
            "made_by": {"login": workspace.actor, "name": person.name, "role": person.role},  # who opened it
            "opened_at": opened_at,
            "package_made_by": manifest.made_by.to_json(),
            "codes": {item["code"]: item["role"] for item in package.items},
            "base": _base(package),
            "requirement_ids": filler.requirement_ids,
            "file_ids": {str(office): local for office, local in filler.file_ids.items()},
        }
        store.audit(
            session,
            "open_package",
            assessment_id,
            None,
            None,
            {"department": manifest.department, "sequence": manifest.sequence, "package": manifest.content_sha256},
        )
        session.merge(Setting(key=SETTING, value=setting))
        store.commit(session, "the department's package", "科室工作包")
    return setting


def _make(package: Package, into: Path) -> Workspace:
    from egov_desk.core.db.engine import sqlite_url
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import DATABASE_NAME

    into.mkdir(parents=True, exist_ok=True)
    workspace = Workspace(sqlite_url(into / DATABASE_NAME), into)
    try:
        payload = package.payload
        system, assessment = payload["system"], payload["assessment"]
        workspace.import_system(
            system["interchange"],
            str(system.get("key") or f"package:{package.manifest.content_sha256[:12]}"),
            f"package {package.path.name}",
            str(assessment["unit"]),
            int(assessment["year"]),
            str(assessment["title"]),
        )
    except BaseException:
        workspace.close()
        raise
    return workspace


def open_package(package_path: Path, into: Path, meter: Meter | None = None, name: str = "") -> DepartmentOpened:
    """Make the department workspace ``into`` (new or empty) from the package; refused in one line, nothing
    made, when the package cannot be trusted, is not a department's package, or ``into`` holds anything. A
    ``meter`` hears the bytes hashed and then copied, and a cancel through it leaves ``into`` as it was. ``name``:
    the clerk opening it, recorded as who opened it."""
    package = read_package(package_path, meter, evidence=False)  # each file's hash is checked as it is copied
    _refuse_kind(package)
    _refuse_not_empty(into, str(package_path))
    existed = into.exists()
    workspace = None
    try:
        workspace = _make(package, into)
        assessment_id = workspace.assessments()[0].id
        sizes = {entry["sha256"]: int(entry["size"]) for entry in package.files}
        if meter:
            meter.total += sum(sizes.values())
        for sha256, size in sizes.items():
            with package.evidence(sha256) as stream:
                read = cast(IO[bytes], Metered(stream, meter)) if meter else stream
                copy_into_vault(workspace.evidence.vault, read, sha256, size, str(package_path))
        workspace.set_person(Person(name, FILLER, package.manifest.department))  # the clerk
        _fill(workspace, package, assessment_id)
    except BaseException as exc:
        if workspace is not None:
            workspace.close()
        shutil.rmtree(into, ignore_errors=True)
        if existed:
            into.mkdir(exist_ok=True)
        if isinstance(exc, (KeyError, TypeError, ValueError)) and not isinstance(exc, EgovError):
            raise refusal(
                str(package_path),
                "malformed_payload",
                f"its {PAYLOAD} does not hold what a department's package holds ({exc!r}) — ask for it again",
                f"其中的 {PAYLOAD} 不符合科室工作包的格式，请重新获取工作包",
            ) from exc
        raise
    workspace.close()
    deadlines = package.payload.get("deadlines", {})
    roles = [item.get("role") for item in package.items]
    return DepartmentOpened(
        into,
        package.manifest.department,
        package.manifest.sequence,
        package.manifest.workspace,
        assessment_id,
        roles.count(LEAD),
        len(roles) - roles.count(LEAD),
        deadlines.get("department") or deadlines.get("assessment"),
        len(sizes),
        sum(sizes.values()),
    )
