"""Writing a department's work package (``.egovpkg``, :mod:`.format`) for it to fill in on its own PC, the way
every package is written (:mod:`.writing`): streamed, hashed, atomic, refused whole when a stored file is missing
or damaged.

The package's number is counted before it is written: an export that fails leaves a gap in the numbers, never two
packages of one department with the same number."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.packages.format import (
    DEPARTMENT,
    AssessmentRef,
)
from egov_desk.core.packages.identity import next_sequence, record_made, workspace_id
from egov_desk.core.packages.payload import LEAD, department_work
from egov_desk.core.packages.writing import EvidenceNotPacked, Heading, Progress, not_packed, write_package

__all__ = ["EvidenceNotPacked", "PackageWritten", "export_department_package"]

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


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
    vault = workspace.evidence.vault
    missing = [file.name for file in work.files if not vault.has(file.sha256)]
    if missing:
        raise not_packed(missing, out)
    sequence = next_sequence(workspace, department)
    ref = AssessmentRef(assessment.id, assessment.year, assessment.title, assessment.unit)
    heading = Heading(DEPARTMENT, identity, ref, department, sequence)
    names = {file.sha256: file.name for file in work.files}
    written = write_package(workspace, out, heading, work.payload, work.blobs, names, progress, cancelled)
    record_made(workspace, department, sequence, written["made_at"])
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
