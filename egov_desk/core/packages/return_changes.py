"""What a department changed since its package came: each item's fields now against the package's ``base`` (kept
when it was opened, :mod:`.department`), net — an edit undone is no change — each with who changed it last and
when, from the department workspace's own audit rows. The shape is the return's (:mod:`.returning`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from egov_desk.core.db.models import AuditEntry, ItemInput, ItemRow
from egov_desk.core.evidence.types import FileInfo
from egov_desk.core.packages.department_guard import DepartmentMode

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

STATUS_ACTIONS = frozenset({"submit", "return", "approve", "review_reset"})
LINK_ACTIONS = frozenset({"attach", "link", "unlink"})


@dataclass(frozen=True)
class NetChanges:
    items: list[dict[str, Any]]  # {"code", "role", "changes": [...]}, only items with a change
    new_files: dict[str, FileInfo]  # sha256 → a file holding bytes the package did not bring

    @property
    def count(self) -> int:
        return sum(len(item["changes"]) for item in self.items)


class _Audit:
    """The department workspace's audit rows of the assessment, newest first, for "who changed it last"."""

    def __init__(self, workspace: Workspace, assessment_id: int) -> None:
        rows = workspace.audit(assessment_id)
        self.rows = list(reversed(rows))
        person = workspace.person
        self.nobody = {"login": workspace.actor, "name": person.name, "role": person.role}

    def last(self, matches: Callable[[AuditEntry], bool]) -> tuple[dict[str, str], str]:
        for row in self.rows:
            if matches(row):
                at = row.at if row.at.tzinfo else row.at.replace(tzinfo=timezone.utc)
                return {"login": row.actor, "name": row.name, "role": row.role}, at.isoformat()
        return self.nobody, ""


def _named(row: AuditEntry, key: str) -> Any:
    values = [side.get(key) for side in (row.after, row.before) if isinstance(side, dict)]
    return next((value for value in values if value is not None), None)


def _stored(workspace: Workspace, assessment_id: int) -> dict[str, tuple[str, str]]:
    """Per item code: (stored status, its comment)."""
    with workspace.store.read() as session:
        rows = session.execute(
            select(ItemRow.code, ItemInput.status, ItemInput.status_comment)
            .join(ItemInput, ItemInput.item_id == ItemRow.id)
            .where(ItemInput.assessment_id == assessment_id)
        )
        return {code: (status or "", comment or "") for code, status, comment in rows}


def _file_entry(file: FileInfo) -> dict[str, Any]:
    return {
        "sha256": file.sha256,
        "name": file.name,
        "size": file.size,
        "kind": file.kind,
        "date": file.evidence_date.isoformat() if file.evidence_date else None,
    }


def net_changes(workspace: Workspace, mode: DepartmentMode) -> NetChanges:
    assessment_id = mode.assessment
    audit = _Audit(workspace, assessment_id)
    inputs, notes = workspace.inputs(assessment_id), workspace.notes(assessment_id)
    statuses = _stored(workspace, assessment_id)
    evidence = workspace.evidence.by_item(assessment_id)
    positions = {  # local requirement id → the office's position
        int(local): int(position)
        for held in mode.data.get("requirement_ids", {}).values()
        for position, local in held.items()
    }
    brought = {file["sha256"] for base in mode.base.values() for file in base.get("files", [])}
    items: list[dict[str, Any]] = []
    new_files: dict[str, FileInfo] = {}
    for code, base in mode.base.items():
        held = evidence[code]
        local_of = {int(p): int(local) for p, local in mode.data.get("requirement_ids", {}).get(code, {}).items()}
        changes: list[dict[str, Any]] = []

        def by(actions: Iterable[str], row_code: str = code, **named: Any) -> dict[str, Any]:
            wanted = frozenset(actions)

            def matches(row: AuditEntry) -> bool:
                return (
                    row.action in wanted
                    and row.item_code in (row_code, None)
                    and all(_named(row, key) == value for key, value in named.items())
                    and (row.item_code == row_code or bool(named))
                )

            who, at = audit.last(matches)
            return {"by": who, "at": at}

        if inputs.get(code) != base.get("input"):
            changes.append({"field": "input", "base": base.get("input"), "value": inputs.get(code)} | by({"set_input"}))
        if notes.get(code, "") != base.get("note", ""):
            changes.append(
                {"field": "note", "base": base.get("note", ""), "value": notes.get(code, "")} | by({"set_note"})
            )
        status, comment = statuses.get(code, ("", ""))
        if status != base.get("status", ""):
            changes.append(
                {"field": "status", "base": base.get("status", ""), "value": status, "comment": comment}
                | by(STATUS_ACTIONS)
            )
        was = base.get("requirements", {})
        for requirement in held.requirements:
            position = positions.get(requirement.id)
            if position is None or was.get(str(position)) == requirement.status:
                continue
            changes.append(
                {
                    "field": "requirement",
                    "position": position,
                    "text": requirement.text,
                    "base": was.get(str(position)),
                    "value": requirement.status,
                }
                | by({"check", "uncheck", *LINK_ACTIONS}, requirement=requirement.id)
            )
        before = {(f["sha256"], f["name"], f["requirement"]): f for f in base.get("files", [])}
        now: dict[tuple[str, str, int | None], FileInfo] = {}
        for requirement in held.requirements:
            for file in requirement.files:
                now[(file.sha256, file.name, positions.get(requirement.id))] = file
        for file in held.general:
            now[(file.sha256, file.name, None)] = file
        for key, file in now.items():
            if key not in before:
                local = local_of.get(key[2]) if key[2] is not None else None
                changes.append(
                    {"field": "evidence", "action": "add", "requirement": key[2], "file": _file_entry(file)}
                    | by({"attach", "link"}, sha256=file.sha256, requirement=local)
                )
                if file.sha256 not in brought:
                    new_files.setdefault(file.sha256, file)
        for key, entry in before.items():
            if key not in now:
                local = local_of.get(key[2]) if key[2] is not None else None
                gone = {"sha256": entry["sha256"], "name": entry["name"], "id": entry["id"]}
                changes.append(
                    {"field": "evidence", "action": "remove", "requirement": key[2], "file": gone}
                    | by({"unlink"}, sha256=entry["sha256"], requirement=local)
                )
        if changes:
            items.append({"code": code, "role": mode.codes.get(code, "lead"), "changes": changes})
    return NetChanges(items, new_files)
