"""Writing a department's work package (``.egovpkg``, :mod:`.format`) for it to fill in on its own PC.

The package is written under a temporary name beside ``out``, fsynced and renamed (nothing half-written ever
stands under the name). Each evidence file is streamed from the vault into the ZIP once, uncompressed, hashed on
the way: a stored copy missing or no longer matching its hash refuses the package, naming every such file, and
nothing is left behind — a department must not get a package lacking what the office believes it sent.

The package's number is counted before it is written: an export that fails leaves a gap in the numbers, never two
packages of one department with the same number."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk import __version__
from egov_desk.core.errors import Cancelled, Failure
from egov_desk.core.evidence.vault import CHUNK
from egov_desk.core.exports.files import atomic_output
from egov_desk.core.packages.format import (
    DEPARTMENT,
    MANIFEST,
    PAYLOAD,
    AssessmentRef,
    MadeBy,
    Manifest,
    Member,
    canonical,
    evidence_member,
)
from egov_desk.core.packages.identity import next_sequence, record_made, workspace_id
from egov_desk.core.packages.payload import LEAD, department_work

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


class EvidenceNotPacked(Failure):
    """Stored evidence files missing from the vault or damaged there: the package was not written."""


@dataclass(frozen=True)
class PackageWritten:
    path: Path
    department: str
    sequence: int
    workspace: str
    lead: int  # items the department leads
    cooperating: int  # items it cooperates on
    files: int  # distinct evidence files packed
    bytes: int  # their bytes
    content_sha256: str


Stamp = tuple[int, int, int, int, int, int]  # a ZIP member's date and time


Progress = Callable[[int, int, int, int], None]  # files done, files, bytes done, bytes (as the evidence package's)
Copied = Callable[[int], None]  # bytes of this file copied so far


def _pack(
    package: zipfile.ZipFile,
    source: Path,
    sha256: str,
    size: int,
    when: Stamp,
    copied: Copied,
    cancelled: Callable[[], bool] | None,
) -> bool:
    """Stream a stored file into the package; whether its bytes were the ones it is named after. A cancel is
    noticed between chunks (raised as :class:`Cancelled`: the package under way is removed)."""
    info = zipfile.ZipInfo(evidence_member(sha256), when)
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = size  # lets zipfile choose ZIP64 for a file over 2 GiB
    digest = hashlib.sha256()
    done = 0
    with source.open("rb") as reader, package.open(info, "w") as writer:
        for chunk in iter(lambda: reader.read(CHUNK), b""):
            if cancelled and cancelled():
                raise Cancelled
            digest.update(chunk)
            writer.write(chunk)
            done += len(chunk)
            copied(done)
    return digest.hexdigest() == sha256


def _not_packed(names: list[str], out: Path) -> EvidenceNotPacked:
    shown = ", ".join(names)
    return EvidenceNotPacked(
        f"{out}: not written — evidence missing from the vault or damaged there: {shown}; add the originals again "
        "(that repairs a damaged copy), or run egov-desk-cli verify",
        f"{out}：未写出——以下佐证材料在材料库中缺失或已损坏：{'、'.join(names)}；请重新添加原文件（可修复损坏的副本），"
        "或运行 egov-desk-cli verify 检查",
        "evidence_not_packed",
        files=names,
    )


def export_department_package(
    workspace: Workspace,
    assessment_id: int,
    department: str,
    out: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PackageWritten:
    """Write ``department``'s package of the assessment to ``out``. An unknown department is refused, naming those
    there are; a missing or damaged stored file fails the export with nothing written. ``progress`` hears (files
    done, files, bytes done, bytes) as the evidence is packed; ``cancelled`` is asked between chunks, and a cancel
    raises :class:`Cancelled` with nothing left at ``out`` (the package's number stays used)."""
    work = department_work(workspace, assessment_id, department)
    identity = workspace_id(workspace)
    assessment = workspace.assessment(assessment_id)
    made_at = datetime.now(timezone.utc).replace(microsecond=0)
    when: Stamp = (made_at.year, made_at.month, made_at.day, made_at.hour, made_at.minute, made_at.second)
    vault = workspace.evidence.vault
    missing = [file.name for file in work.files if not vault.has(file.sha256)]
    if missing:
        raise _not_packed(missing, out)
    sequence = next_sequence(workspace, department)
    payload = canonical(work.payload)
    members = {PAYLOAD: Member(hashlib.sha256(payload).hexdigest(), len(payload))}
    members |= {evidence_member(sha): Member(sha, size) for sha, size in work.blobs.items()}
    person = workspace.person
    manifest = Manifest(
        kind=DEPARTMENT,
        workspace=identity,
        assessment=AssessmentRef(assessment.id, assessment.year, assessment.title, assessment.unit),
        department=department,
        sequence=sequence,
        made_at=made_at.isoformat(),
        made_by=MadeBy(workspace.actor, person.name, person.role),
        app=f"egov-desk {__version__}",
        members=members,
    )
    written = manifest.to_json()
    with atomic_output(out, workspace.folder) as temporary, zipfile.ZipFile(temporary, "w") as package:
        package.writestr(zipfile.ZipInfo(PAYLOAD, when), payload, zipfile.ZIP_DEFLATED)
        names = {file.sha256: file.name for file in work.files}
        blobs, total = list(work.blobs.items()), sum(work.blobs.values())
        damaged, before = [], 0
        for number, (sha, size) in enumerate(blobs):

            def copied(done: int, n: int = number, earlier: int = before) -> None:
                if progress:
                    progress(n, len(blobs), earlier + done, total)

            if not _pack(package, vault.path_of(sha), sha, size, when, copied, cancelled):
                damaged.append(names[sha])
            before += size
        if progress:
            progress(len(blobs), len(blobs), total, total)
        if damaged:
            raise _not_packed(damaged, out)
        package.writestr(zipfile.ZipInfo(MANIFEST, when), canonical(written), zipfile.ZIP_DEFLATED)
    record_made(workspace, department, sequence, manifest.made_at)
    roles = [item["role"] for item in work.payload["items"]]
    return PackageWritten(
        out,
        department,
        sequence,
        identity,
        roles.count(LEAD),
        len(roles) - roles.count(LEAD),
        len(work.blobs),
        sum(work.blobs.values()),
        written["content_sha256"],
    )
