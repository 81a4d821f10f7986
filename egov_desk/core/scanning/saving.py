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
from egov_desk.core.scanning.types import ScannedPage

if TYPE_CHECKING:
    from egov_desk.core.evidence import AttachReport, EvidenceBook

SHORT = 16  # characters of a requirement's text in the file's name
UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')


def new_pages_folder() -> Path:
    """A fresh folder for one dialog's (one command's) pages."""
    return Path(tempfile.mkdtemp(prefix="egov-scan-"))


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def file_name(code: str, requirement: str | None, when: datetime, taken: Collection[str] = ()) -> str:
    """``021 扫描 2026-11-29 14.05.pdf``, or ``021 <the requirement, short> 扫描 …`` for a requirement; a name the
    item holds already (``taken``) gets `` (2)``, `` (3)``… — a scan never takes another file's name."""
    short = " ".join(UNSAFE.sub(" ", requirement or "").split())
    short = short[:SHORT].rstrip() + ("…" if len(short) > SHORT else "")
    stem = " ".join(part for part in (code, short, "扫描", when.strftime("%Y-%m-%d %H.%M")) if part)
    name, number = f"{stem}.pdf", 1
    while name in taken:
        number += 1
        name = f"{stem} ({number}).pdf"
    return name


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
) -> ScanSaved:
    """Write ``pages`` as one PDF and attach it to item ``code`` (or its requirement). The pages' folder is
    removed once the PDF is attached; on a refusal or failure it is kept as it is."""
    evidence = book.item_evidence(assessment_id, code)
    requirement = next((r.text for r in evidence.requirements if r.id == requirement_id), None)
    taken = {file.name for file in evidence.files()}
    name = file_name(code, requirement, when or datetime.now(), taken)
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
