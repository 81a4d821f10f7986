"""Writing a ``.egovpkg`` of either kind (:mod:`.format`): a department's package (:mod:`.export`) or its return
(:mod:`.returning`).

Written under a temporary name beside ``out``, fsynced and renamed (nothing half-written ever stands under the
name). Each evidence file is streamed from the vault into the ZIP once, uncompressed, hashed on the way: a stored
copy missing or no longer matching its hash refuses the whole package, naming every such file, and nothing is left
behind — the other side must never get a package lacking what this side believes it sent."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk import __version__
from egov_desk.core.errors import Cancelled, Failure
from egov_desk.core.evidence.vault import CHUNK
from egov_desk.core.exports.files import atomic_output
from egov_desk.core.packages.format import (
    MANIFEST,
    PAYLOAD,
    AssessmentRef,
    MadeBy,
    Manifest,
    Member,
    canonical,
    evidence_member,
)

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

Stamp = tuple[int, int, int, int, int, int]  # a ZIP member's date and time
Progress = Callable[[int, int, int, int], None]  # files done, files, bytes done, bytes (as the evidence package's)


class EvidenceNotPacked(Failure):
    """Stored evidence files missing from the vault or damaged there: the package was not written."""


@dataclass(frozen=True)
class Heading:
    """What a package's manifest says besides its members, its time and the app."""

    kind: str
    workspace: str
    assessment: AssessmentRef
    department: str
    sequence: int


def not_packed(names: list[str], out: Path) -> EvidenceNotPacked:
    return EvidenceNotPacked(
        f"{out}: not written — evidence missing from the vault or damaged there: {', '.join(names)}; add the "
        "originals again (that repairs a damaged copy), or run egov-desk-cli verify",
        f"{out}：未写出——以下佐证材料在材料库中缺失或已损坏：{'、'.join(names)}；请重新添加原文件（可修复损坏的副本），"
        "或运行 egov-desk-cli verify 检查",
        "evidence_not_packed",
        files=names,
    )


def _pack(
    package: zipfile.ZipFile,
    source: Path,
    sha256: str,
    size: int,
    when: Stamp,
    copied: Callable[[int], None],
    cancelled: Callable[[], bool] | None,
) -> bool:
    """Stream a stored file into the package; whether its bytes were there and the ones it is named after. A
    cancel is noticed between chunks (raised as :class:`Cancelled`: the package under way is removed)."""
    info = zipfile.ZipInfo(evidence_member(sha256), when)
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = size  # lets zipfile choose ZIP64 for a file over 2 GiB
    digest = hashlib.sha256()
    done = 0
    try:
        with source.open("rb") as reader, package.open(info, "w") as writer:
            for chunk in iter(lambda: reader.read(CHUNK), b""):
                if cancelled and cancelled():
                    raise Cancelled
                digest.update(chunk)
                writer.write(chunk)
                done += len(chunk)
                copied(done)
    except FileNotFoundError:
        return False
    return digest.hexdigest() == sha256


def write_package(
    workspace: Workspace,
    out: Path,
    heading: Heading,
    payload: Mapping[str, Any],
    blobs: Mapping[str, int],
    names: Mapping[str, str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Write the package and return its manifest as written. ``blobs``: SHA-256 → size of each stored file it
    carries, ``names``: SHA-256 → a file's name to say when it cannot be packed. ``progress`` hears (files done,
    files, bytes done, bytes); ``cancelled`` is asked between chunks."""
    made_at = datetime.now(timezone.utc).replace(microsecond=0)
    when: Stamp = (made_at.year, made_at.month, made_at.day, made_at.hour, made_at.minute, made_at.second)
    data = canonical(payload)
    members = {PAYLOAD: Member(hashlib.sha256(data).hexdigest(), len(data))}
    members |= {evidence_member(sha): Member(sha, size) for sha, size in blobs.items()}
    person = workspace.person
    manifest = Manifest(
        kind=heading.kind,
        workspace=heading.workspace,
        assessment=heading.assessment,
        department=heading.department,
        sequence=heading.sequence,
        made_at=made_at.isoformat(),
        made_by=MadeBy(workspace.actor, person.name, person.role),
        app=f"egov-desk {__version__}",
        members=members,
    )
    written = manifest.to_json()
    vault = workspace.evidence.vault
    carried, total = list(blobs.items()), sum(blobs.values())
    with atomic_output(out, workspace.folder) as temporary, zipfile.ZipFile(temporary, "w") as package:
        package.writestr(zipfile.ZipInfo(PAYLOAD, when), data, zipfile.ZIP_DEFLATED)
        damaged, before = [], 0
        for number, (sha, size) in enumerate(carried):

            def copied(done: int, n: int = number, earlier: int = before) -> None:
                if progress:
                    progress(n, len(carried), earlier + done, total)

            if not _pack(package, vault.path_of(sha), sha, size, when, copied, cancelled):
                damaged.append(names.get(sha, sha))
            before += size
        if progress:
            progress(len(carried), len(carried), total, total)
        if damaged:
            raise not_packed(damaged, out)
        package.writestr(zipfile.ZipInfo(MANIFEST, when), canonical(written), zipfile.ZIP_DEFLATED)
    return written
