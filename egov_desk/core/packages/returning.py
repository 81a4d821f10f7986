"""Writing a department's return (a ``.egovpkg`` of kind "return"): what it changed since its package came (net,
:mod:`.return_changes`) and the evidence bytes the package did not bring, for the office to import.

Written like a package (:mod:`.export`): under a temporary name beside ``out``, fsynced and renamed; each new file
streamed from the vault into the ZIP uncompressed, hashed on the way — a stored copy missing or damaged refuses
the return, naming it, and nothing is left behind. A return with no changes is still a return (it says so)."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk import __version__
from egov_desk.core.errors import Refused
from egov_desk.core.evidence.vault import CHUNK
from egov_desk.core.exports.files import atomic_output
from egov_desk.core.packages.department import department_mode
from egov_desk.core.packages.export import EvidenceNotPacked, Stamp
from egov_desk.core.packages.format import (
    MANIFEST,
    PAYLOAD,
    RETURN,
    AssessmentRef,
    MadeBy,
    Manifest,
    Member,
    canonical,
    evidence_member,
)
from egov_desk.core.packages.return_changes import net_changes
from egov_desk.core.server_login import without_password

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


class NotADepartmentWorkspace(Refused):
    """A return asked of a workspace that was not opened from a department's package."""


@dataclass(frozen=True)
class ReturnWritten:
    path: Path
    department: str
    sequence: int
    items: int  # items with at least one change
    changes: int
    files: int  # new evidence files carried
    bytes: int  # their bytes
    content_sha256: str


def _not_department(workspace: Workspace) -> NotADepartmentWorkspace:
    where = workspace.folder or without_password(workspace.url)
    return NotADepartmentWorkspace(
        f"{where}: not a department workspace — a return is made in the workspace a department's package was "
        "opened into (egov-desk-cli package open F --into DIR)",
        f"{where}：这不是科室填报工作区——回执只能在由科室工作包打开的工作区中制作"
        "（egov-desk-cli package open F --into DIR）",
        "not_a_department_workspace",
    )


def _packed(package: zipfile.ZipFile, source: Path, sha256: str, size: int, when: Stamp) -> bool:
    info = zipfile.ZipInfo(evidence_member(sha256), when)
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = size
    digest = hashlib.sha256()
    try:
        with source.open("rb") as reader, package.open(info, "w") as writer:
            for chunk in iter(lambda: reader.read(CHUNK), b""):
                digest.update(chunk)
                writer.write(chunk)
    except FileNotFoundError:
        return False
    return digest.hexdigest() == sha256


def make_return(workspace: Workspace, out: Path) -> ReturnWritten:
    """Write the department workspace's return to ``out``; an ordinary workspace is refused."""
    mode = department_mode(workspace)
    if mode is None:
        raise _not_department(workspace)
    net = net_changes(workspace, mode)
    assessment = workspace.assessment(mode.assessment)
    made_at = datetime.now(timezone.utc).replace(microsecond=0)
    when: Stamp = (made_at.year, made_at.month, made_at.day, made_at.hour, made_at.minute, made_at.second)
    blobs = {sha: file.size for sha, file in net.new_files.items()}
    payload: dict[str, Any] = {
        "answers": {
            "workspace": mode.workspace,
            "department": mode.department,
            "sequence": mode.sequence,
            "package_sha256": mode.package_sha256,
            "assessment": mode.office_assessment,
            "made_at": mode.made_at,
        },
        "department": mode.department,
        "items": net.items,
        "files": [{"sha256": sha, "size": size} for sha, size in blobs.items()],
    }
    data = canonical(payload)
    members = {PAYLOAD: Member(hashlib.sha256(data).hexdigest(), len(data))}
    members |= {evidence_member(sha): Member(sha, size) for sha, size in blobs.items()}
    person = workspace.person
    manifest = Manifest(
        kind=RETURN,
        workspace=mode.workspace,
        assessment=AssessmentRef(mode.office_assessment, assessment.year, assessment.title, assessment.unit),
        department=mode.department,
        sequence=mode.sequence,
        made_at=made_at.isoformat(),
        made_by=MadeBy(workspace.actor, person.name, person.role),
        app=f"egov-desk {__version__}",
        members=members,
    )
    written = manifest.to_json()
    vault = workspace.evidence.vault
    with atomic_output(out, workspace.folder) as temporary, zipfile.ZipFile(temporary, "w") as package:
        package.writestr(zipfile.ZipInfo(PAYLOAD, when), data, zipfile.ZIP_DEFLATED)
        damaged = [
            net.new_files[sha].name
            for sha, size in blobs.items()
            if not _packed(package, vault.path_of(sha), sha, size, when)
        ]
        if damaged:
            raise EvidenceNotPacked(
                f"{out}: not written — evidence missing from the vault or damaged there: {', '.join(damaged)}; "
                "add the originals again (that repairs a damaged copy)",
                f"{out}：未写出——以下佐证材料在材料库中缺失或已损坏：{'、'.join(damaged)}；请重新添加原文件（可修复损坏的副本）",
                "evidence_not_packed",
                files=damaged,
            )
        package.writestr(zipfile.ZipInfo(MANIFEST, when), canonical(written), zipfile.ZIP_DEFLATED)
    return ReturnWritten(
        out,
        mode.department,
        mode.sequence,
        len(net.items),
        net.count,
        len(blobs),
        sum(blobs.values()),
        written["content_sha256"],
    )
