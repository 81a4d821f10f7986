"""Scanned pages attached as evidence: one PDF, named by the item (and the requirement) and the time.

The pages stay in their folder until the PDF is attached (a failed attach loses nothing: the pages can be
saved again); then the folder — the pages, the PDF — is removed.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.scanning.pdf import write_pdf
from egov_desk.core.scanning.refusals import bad_name, no_name
from egov_desk.core.scanning.types import ScannedPage

if TYPE_CHECKING:
    from egov_desk.core.evidence import AttachReport, EvidenceBook

SHORT = 16  # characters of a requirement's text in the file's name
UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')
UNSAFE_CHARACTER = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # what Windows (and so a shared folder) refuses
BREAKS = frozenset(" ，、；：,;:.()（）《》“”的等及和与")  # a requirement's text is cut before one of these


def new_pages_folder() -> Path:
    """A fresh folder for one dialog's (one command's) pages."""
    return Path(tempfile.mkdtemp(prefix="egov-scan-"))


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def suggested_stem(code: str, requirement: str | None, when: datetime) -> str:
    """``021 扫描 2026-11-29 14.05``, or ``021 <the requirement, cut at a word> 扫描 …``: the name a scan is
    offered (no “…” in it: a file name keeps what it says)."""
    short = " ".join(UNSAFE.sub(" ", requirement or "").split())
    if len(short) > SHORT:
        cuts = [at for at in range(1, SHORT + 1) if short[at] in BREAKS]
        short = short[: cuts[-1]] if cuts else short[:SHORT]
    short = short.rstrip(" ，、；：,;:.")
    return " ".join(part for part in (code, short, "扫描", when.strftime("%Y-%m-%d %H.%M")) if part)


def scan_file_name(typed: str, taken: Collection[str] = ()) -> str:
    """The file name for a name a person typed: ``.pdf`` added; a name the item holds already (``taken``) gets
    `` (2)``, `` (3)``…; characters a file name cannot hold, or no name at all, refused in words."""
    stem = typed.strip()
    suffix = stem[-4:] if stem.lower().endswith(".pdf") else ".pdf"
    stem = stem[: -4 if stem.lower().endswith(".pdf") else None].strip()
    if not stem:
        raise no_name()
    unsafe = sorted(set(UNSAFE_CHARACTER.findall(stem)), key=stem.index)
    if unsafe:
        raise bad_name(stem, unsafe)
    name, number = f"{stem}{suffix}", 1
    while name in taken:
        number += 1
        name = f"{stem} ({number}){suffix}"
    return name


def file_name(code: str, requirement: str | None, when: datetime, taken: Collection[str] = ()) -> str:
    """The suggested name as a file's (see :func:`suggested_stem`) — a scan never takes another file's name."""
    return scan_file_name(suggested_stem(code, requirement, when), taken)


def refuse_if_cannot_attach(book: EvidenceBook, assessment_id: int) -> None:
    """Before a page is scanned: a read-only workspace or a final (定稿) assessment would refuse the PDF."""
    from egov_desk.core.final_lock import refuse_if_final

    book.store.refuse_if_read_only()
    with book.store.read() as session:
        refuse_if_final(session, assessment_id)


@dataclass
class ScanSaved:
    name: str
    pages: int
    report: AttachReport


def save_scan(
    book: EvidenceBook,
    assessment_id: int,
    code: str,
    pages: Sequence[ScannedPage],
    requirement_id: int | None = None,
    when: datetime | None = None,
    cancelled: Callable[[], bool] | None = None,
    name: str | None = None,
) -> ScanSaved:
    """Write ``pages`` as one PDF named ``name`` (see :func:`scan_file_name`; None: the suggested one) and attach
    it to item ``code`` (or its requirement). The pages' folder is removed once the PDF is attached; on a
    refusal or failure it is kept as it is."""
    evidence = book.item_evidence(assessment_id, code)
    requirement = next((r.text for r in evidence.requirements if r.id == requirement_id), None)
    taken = {file.name for file in evidence.files()}
    stem = suggested_stem(code, requirement, when or datetime.now()) if name is None else name
    name = scan_file_name(stem, taken)
    staging = Path(tempfile.mkdtemp(prefix="egov-scan-pdf-"))
    try:
        pdf = write_pdf(pages, staging / name)
        report = book.attach(assessment_id, code, [pdf], requirement_id, cancelled=cancelled)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if report.errors:
        raise report.errors[0]
    if report.added:
        folders = {page.path.parent for page in pages}
        for folder in folders:
            discard(folder)
        for folder in {folder.parent for folder in folders}:  # the pages' folder, once its scans' are gone
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
    return ScanSaved(name, len(pages), report)
