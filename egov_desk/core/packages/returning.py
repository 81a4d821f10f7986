"""Writing a department's return (a ``.egovpkg`` of kind "return"): what it changed since its package came (net,
:mod:`.return_changes`) and the evidence bytes the package did not bring, for the office to import.

Written as every package is (:mod:`.writing`): streamed, hashed, atomic, refused whole when a stored file is
missing or damaged. A return with no changes is still a return (it says so)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.core.errors import Refused
from egov_desk.core.packages.department import department_mode
from egov_desk.core.packages.format import (
    RETURN,
    AssessmentRef,
)
from egov_desk.core.packages.return_changes import net_changes
from egov_desk.core.packages.writing import Heading, Progress, write_package
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


def make_return(
    workspace: Workspace, out: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> ReturnWritten:
    """Write the department workspace's return to ``out``; an ordinary workspace is refused. ``progress`` and
    ``cancelled`` as for a department's package (:func:`.writing.write_package`)."""
    mode = department_mode(workspace)
    if mode is None:
        raise _not_department(workspace)
    net = net_changes(workspace, mode)
    assessment = workspace.assessment(mode.assessment)
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
    ref = AssessmentRef(mode.office_assessment, assessment.year, assessment.title, assessment.unit)
    heading = Heading(RETURN, mode.workspace, ref, mode.department, mode.sequence)
    names = {sha: file.name for sha, file in net.new_files.items()}
    written = write_package(workspace, out, heading, payload, blobs, names, progress, cancelled)
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
