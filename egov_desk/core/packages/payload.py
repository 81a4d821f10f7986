"""What a department's package holds for it to work on (``payload.json``), read from the workspace.

``{"assessment": {"id", "unit", "year", "title", "stage"}, "department",
"deadlines": {"assessment": YYYY-MM-DD | null, "department": YYYY-MM-DD | null},
"system": {"id", "key", "title", "interchange": <the whole indicator system as interchange JSON: the rest of the
table, for context>},
"items": [{"code", "role": "lead" | "cooperating", "title", "lead", "path", "rule": <the item as interchange JSON>,
"input": <as stored, or null>, "note", "score": "2.33" | null (null: not scored), "max", "status", "comment",
"due": YYYY-MM-DD | null, "requirements": [{"position", "text", "supplied_by", "status", "files": [file id, …]}],
"general": [file id, …]}, …],
"files": [{"id", "sha256", "name", "size", "kind", "kind_mismatch", "date", "added_at", "added_by", "carried"}, …]}``

Items are in the table's order, the department's as lead and as cooperating; files are those linked to them, by
their id in the office's workspace (one stored file may be several of them: the same bytes under two names).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from egov_desk.core.deadlines import deadlines, unknown_department
from egov_desk.core.evidence.types import FileInfo
from egov_desk.core.points import json_number, rounded
from egov_desk.core.review import item_reviews

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

LEAD, COOPERATING = "lead", "cooperating"


@dataclass(frozen=True)
class DepartmentWork:
    """A department's payload and the evidence files it names (each stored file once, by its SHA-256)."""

    payload: dict[str, Any]
    files: tuple[FileInfo, ...]

    @property
    def blobs(self) -> dict[str, int]:
        """SHA-256 → size of every distinct stored file."""
        return {file.sha256: file.size for file in self.files}


def _interchange_items(nodes: list[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    for node in nodes:
        yield from node.get("items", [])
        yield from _interchange_items(node.get("children", []))


def _file_json(file: FileInfo) -> dict[str, Any]:
    return {
        "id": file.id,
        "sha256": file.sha256,
        "name": file.name,
        "size": file.size,
        "kind": file.kind,
        "kind_mismatch": file.kind_mismatch,
        "date": file.evidence_date.isoformat() if file.evidence_date else None,
        "added_at": file.added_at.isoformat(),
        "added_by": file.added_by,
        "carried": file.carried,
    }


def department_work(workspace: Workspace, assessment_id: int, department: str) -> DepartmentWork:
    """The department's items and what they hold; a department no item names is refused, listing those there are."""
    assessment = workspace.assessment(assessment_id)
    system = workspace.system_now(assessment.system_id)
    if department not in system.departments():
        raise unknown_department(system, department)
    interchange = workspace.export_system_json(assessment.system_id)
    rules = {str(data["code"]): dict(data) for data in _interchange_items(interchange.get("tree", []))}
    key = next((info.key for info in workspace.systems() if info.id == assessment.system_id), "")
    sheet = workspace.scores_now(assessment_id)
    inputs, notes = workspace.inputs(assessment_id), workspace.notes(assessment_id)
    reviews = item_reviews(workspace, assessment_id)
    due = deadlines(workspace, assessment_id)
    evidence = workspace.evidence.by_item(assessment_id)
    files: dict[int, FileInfo] = {}
    items = []
    for item in system.items():
        if item.lead != department and department not in item.cooperating:
            continue
        held = evidence[item.code]
        for file in held.files():
            files.setdefault(file.id, file)
        score = sheet.items[item.code]
        review = reviews[item.code]
        when = due.due(item.code)
        items.append(
            {
                "code": item.code,
                "role": LEAD if item.lead == department else COOPERATING,
                "title": item.title,
                "lead": item.lead,
                "path": list(item.path),
                "rule": rules[item.code],
                "input": inputs.get(item.code),
                "note": notes.get(item.code, ""),
                "score": f"{rounded(score.points):.2f}" if score.scored or score.partial else None,
                "max": json_number(score.max),
                "status": review.status,
                "comment": review.comment,
                "due": when.isoformat() if when else None,
                "requirements": [
                    {
                        "position": requirement.position,
                        "text": requirement.text,
                        "supplied_by": requirement.supplied_by,
                        "status": requirement.status,
                        "files": [file.id for file in requirement.files],
                    }
                    for requirement in held.requirements
                ],
                "general": [file.id for file in held.general],
            }
        )
    department_due = due.departments.get(department)
    payload = {
        "assessment": {
            "id": assessment.id,
            "unit": assessment.unit,
            "year": assessment.year,
            "title": assessment.title,
            "stage": assessment.stage,
        },
        "department": department,
        "deadlines": {
            "assessment": assessment.deadline.isoformat() if assessment.deadline else None,
            "department": department_due.isoformat() if department_due else None,
        },
        "system": {"id": assessment.system_id, "key": key, "title": system.title, "interchange": interchange},
        "items": items,
        "files": [_file_json(file) for file in files.values()],
    }
    return DepartmentWork(payload, tuple(files.values()))
