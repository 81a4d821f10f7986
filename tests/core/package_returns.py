"""Writing a department's return by hand, as the return contract says it (manifest kind "return", payload with
"answers", "items" and "files", evidence/<sha256> for new bytes only): what the import tests feed the office."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from egov_desk.core.packages.export import export_department_package
from egov_desk.core.packages.format import (
    MANIFEST,
    PAYLOAD,
    RETURN,
    MadeBy,
    Manifest,
    Member,
    canonical,
    evidence_member,
)
from egov_desk.core.packages.reading import Package, read_package
from egov_desk.core.workspace import Workspace

ZHANG = {"login": "zhang", "name": "张三", "role": "filler"}
NOW = "2026-11-29T10:00:00+00:00"


def exported(workspace: Workspace, department: str, folder: Path, name: str = "") -> Package:
    """The department's package, exported now and read back."""
    out = folder / (name or f"{department}.egovpkg")
    export_department_package(workspace, workspace.default_assessment().id, department, out)
    return read_package(out)


def change(field: str, base: Any, value: Any, **more: Any) -> dict[str, Any]:
    return {"field": field, "base": base, "value": value, "by": ZHANG, "at": NOW} | more


def add_file(requirement: int | None, name: str, data: bytes) -> dict[str, Any]:
    sha256 = hashlib.sha256(data).hexdigest()
    entry = {"sha256": sha256, "name": name, "size": len(data), "kind": "other", "date": None}
    return {"field": "evidence", "action": "add", "requirement": requirement, "file": entry, "by": ZHANG, "at": NOW}


def remove_file(requirement: int | None, file: dict[str, Any]) -> dict[str, Any]:
    entry = {"sha256": file["sha256"], "name": file["name"], "id": file["id"]}
    return {
        "field": "evidence",
        "action": "remove",
        "requirement": requirement,
        "file": entry,
        "by": ZHANG,
        "at": NOW,
    }


def write_return(
    package: Package,
    out: Path,
    items: dict[str, list[dict[str, Any]]],
    blobs: dict[str, bytes] | None = None,
    made_by: dict[str, str] = ZHANG,
    **manifest_changes: Any,
) -> Path:
    """A return answering ``package``: ``items`` maps codes to their changes; ``blobs`` holds new bytes by name
    (stored under their SHA-256)."""
    manifest = package.manifest
    roles = {item["code"]: item["role"] for item in package.items}
    stored = {hashlib.sha256(data).hexdigest(): data for data in (blobs or {}).values()}
    payload = {
        "answers": {
            "workspace": manifest.workspace,
            "department": manifest.department,
            "sequence": manifest.sequence,
            "package_sha256": manifest.content_sha256,
            "assessment": manifest.assessment.id,
            "made_at": manifest.made_at,
        },
        "department": manifest.department,
        "items": [
            {"code": code, "role": roles.get(code, "lead"), "changes": changes} for code, changes in items.items()
        ],
        "files": [{"sha256": sha, "size": len(data)} for sha, data in stored.items()],
    }
    body = canonical(payload)
    members = {PAYLOAD: Member(hashlib.sha256(body).hexdigest(), len(body))}
    members |= {evidence_member(sha): Member(sha, len(data)) for sha, data in stored.items()}
    fields: dict[str, Any] = {
        "kind": RETURN,
        "workspace": manifest.workspace,
        "assessment": manifest.assessment,
        "department": manifest.department,
        "sequence": manifest.sequence,
        "made_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "made_by": MadeBy(**made_by),
        "app": "egov-desk test",
        "members": members,
    } | manifest_changes
    written = Manifest(**fields).to_json()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(PAYLOAD, body)
        for sha, data in stored.items():
            archive.writestr(evidence_member(sha), data)
        archive.writestr(MANIFEST, canonical(written))
    return out
