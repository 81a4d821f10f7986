"""Evidence (佐证材料): files in the vault, attached to items and their requirements, and what is still missing.

Reached as ``workspace.evidence``. Each file is stored in the vault (copy, hash, fsync, rename) before its row
is committed. :meth:`EvidenceBook.attach` (the window) commits one file per transaction, so a cancelled or crashed
batch keeps what finished and nothing else; :meth:`~AttachAtOnce.attach_at_once` (the command line) commits a
whole batch in one (:mod:`egov_desk.core.evidence.attach_at_once`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.changes import Changes, EvidenceChange
from egov_desk.core.db.models import (
    Assessment,
    Blob,
    EvidenceFile,
    EvidenceLink,
    EvidenceRequirement,
    ItemRow,
    RequirementCheck,
    utcnow,
)
from egov_desk.core.errors import ChangedSince
from egov_desk.core.evidence.attach_at_once import AttachAtOnce
from egov_desk.core.evidence.checklist import ChecklistEdits
from egov_desk.core.evidence.reading import file_with
from egov_desk.core.evidence.refusals import EvidenceRefusal, no_file
from egov_desk.core.evidence.staging import expand
from egov_desk.core.evidence.types import AttachProgress, AttachReport, Dated, FileInfo, Linked, RemovedLink
from egov_desk.core.evidence.vault import Stored, Vault, VaultError, display_name
from egov_desk.core.evidence.vaults import EvidenceVault
from egov_desk.core.final_lock import refuse_if_final
from egov_desk.core.stale_writes import Seen, refuse_if_links_changed, refuse_if_tick_changed
from egov_desk.core.write_refusals import UNSEEN

if TYPE_CHECKING:
    from egov_desk.core.store import Store

__all__ = ["EvidenceBook", "expand"]


class _BlobGone(Exception):
    """The stored bytes vanished (a concurrent ``verify --clean``) before their row was committed."""


def _link_of(session: Session, file_id: int, item_id: int, requirement_id: int | None) -> EvidenceLink | None:
    requirement = (
        EvidenceLink.requirement_id.is_(None)
        if requirement_id is None
        else EvidenceLink.requirement_id == requirement_id
    )
    return session.scalar(
        select(EvidenceLink).where(EvidenceLink.file_id == file_id, EvidenceLink.item_id == item_id, requirement)
    )


def _date_changed(file: EvidenceFile) -> ChangedSince:
    now = file.evidence_date
    now_en, now_zh = (now.isoformat(), now.isoformat()) if now else ("no date", "未填日期")
    return ChangedSince(
        f"the date of {file.original_name} was changed elsewhere since (now {now_en}); not saved",
        f"“{file.original_name}”的日期已在别处被修改（现为{now_zh}）；本次修改没有保存。",
        "changed_since",
        file=file.id,
        current=now,
    )


class EvidenceBook(ChecklistEdits, AttachAtOnce):
    """The evidence of a workspace: its vault and the rows about its files, written through the workspace's
    :class:`~egov_desk.core.store.Store` (one unit of work for the whole workspace)."""

    def __init__(self, store: Store, vault: Path | EvidenceVault) -> None:
        self.store = store
        self.vault: EvidenceVault = Vault(vault) if isinstance(vault, Path) else vault

    # --- adding and removing ----------------------------------------------------------------------

    def attach(
        self,
        assessment_id: int,
        code: str,
        paths: Iterable[Path | str],
        requirement_id: int | None = None,
        evidence_date: date | None = None,
        progress: AttachProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> AttachReport:
        """Store files (folders: everything in them) and attach them to an item or one of its requirements.

        The report lists the links made (``links``): unlinking them undoes the attach; its ``changes`` name the item."""
        self.store.refuse_if_read_only()
        files = expand(Path(p) for p in paths)
        sizes = []
        for path in files:
            try:
                sizes.append(path.stat().st_size)
            except OSError:
                sizes.append(0)
        total, report = sum(sizes), AttachReport(assessment_id, code)
        with self._session() as session:
            refuse_if_final(session, assessment_id)  # a final assessment refuses before anything is copied
            self._item(session, assessment_id, code)  # refuses an unknown item before copying anything
            if requirement_id is not None:
                self._requirement(session, assessment_id, code, requirement_id)
        for number, (path, size) in enumerate(zip(files, sizes, strict=True)):
            if cancelled and cancelled():
                report.cancelled = True
                break
            done_before = report.bytes
            shown = display_name(path.name)
            if progress:
                progress(number, len(files), done_before, total, shown)
            copied = None
            if progress:

                def copied(done: int, n: int = number, before: int = done_before, name: str = shown) -> None:
                    progress(n, len(files), before + done, total, name)

            try:
                info, repaired, link = self._store(
                    path, copied, cancelled, assessment_id, code, requirement_id, shown, evidence_date
                )
            except InterruptedError:
                report.cancelled = True
                break
            except VaultError as exc:
                report.failed.append((str(path), str(exc)))
                report.errors.append(exc)
                continue
            report.bytes += size
            report.added.append(info)
            if link is not None:
                report.links.append(link)
            if repaired:
                report.repaired.append(info)
        if progress and not report.cancelled:
            progress(len(files), len(files), report.bytes, total, "")
        return report

    def _store(
        self,
        path: Path,
        copied: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
        assessment_id: int,
        code: str,
        requirement_id: int | None,
        name: str,
        evidence_date: date | None,
    ) -> tuple[FileInfo, bool, int | None]:
        """Copy one file in and commit its row; the file, whether its damaged stored copy was replaced, and the
        link made (None: the file was attached there already). Bytes
        a concurrent ``verify --clean`` removed before the row was committed are copied again; bytes this call
        stored are removed again when their row fails (a damaged copy this call repaired stays: it is the good
        copy of bytes a row may already use)."""
        for _attempt in range(3):
            stored = self.vault.add(path, copied, cancelled)
            try:
                info, link = self._record(assessment_id, code, requirement_id, name, stored, evidence_date)
                return info, stored.repaired, link
            except _BlobGone:
                continue
            except BaseException:
                if stored.new:  # the first error is the one to report; verify finds what this cannot remove
                    with contextlib.suppress(Exception):
                        self._remove_unused(stored.sha256, None)
                raise
        raise VaultError(name, "kept_vanishing")

    def _record(
        self,
        assessment_id: int,
        code: str,
        requirement_id: int | None,
        name: str,
        stored: Stored,
        evidence_date: date | None,
    ) -> tuple[FileInfo, int | None]:
        with self.store.write(f"the file {name}", f"文件“{name}”") as session:
            # holding the write lock: a concurrent clean waits for this row, or has finished removing bytes
            if not self.vault.has(stored.sha256):
                raise _BlobGone(stored.sha256)
            assessment, item = self._item(session, assessment_id, code)
            if session.get(Blob, stored.sha256) is None:
                session.add(Blob(sha256=stored.sha256, size=stored.size, kind=stored.kind))
            file = file_with(session, assessment_id, stored.sha256, name)
            if file is not None and evidence_date is not None and file.evidence_date != evidence_date:
                file.evidence_date = evidence_date  # the date given now for bytes already stored applies to them
            if file is None:
                file = EvidenceFile(
                    assessment_id=assessment_id,
                    sha256=stored.sha256,
                    original_name=name,
                    kind=stored.kind,
                    kind_mismatch=stored.kind_mismatch,
                    evidence_date=evidence_date,
                    added_by=self.store.actor,
                )
                session.add(file)
                session.flush()
            link = None
            if _link_of(session, file.id, item.id, requirement_id) is None:
                link = EvidenceLink(file_id=file.id, item_id=item.id, requirement_id=requirement_id)
                session.add(link)
                session.flush()
            self.store.audit(
                session,
                "attach",
                assessment_id,
                code,
                None,
                {"file": name, "sha256": stored.sha256, "requirement": requirement_id},
            )
            self._commit(session, f"the file {name}", f"文件“{name}”")
            file_id = file.id
            year = assessment.year
        return self._file_info(file_id, year), link.id if link is not None else None

    def link(
        self, file_id: int, code: str, requirement_id: int | None = None, *, expected: Seen | None = None
    ) -> Linked:
        """Let a file already in the assessment serve another item or requirement too; returns the link's id
        (:meth:`unlink` undoes it)."""
        with self.store.write(f"the link to {code}", f"与 {code} 的关联") as session:
            file = session.get(EvidenceFile, file_id)
            if file is None:
                raise no_file(file_id)
            _, item = self._item(session, file.assessment_id, code)
            if requirement_id is not None:
                self._requirement(session, file.assessment_id, code, requirement_id)
            refuse_if_links_changed(session, file.assessment_id, code, requirement_id, expected)
            link = EvidenceLink(file_id=file_id, item_id=item.id, requirement_id=requirement_id)
            session.add(link)
            self.store.audit(
                session,
                "link",
                file.assessment_id,
                code,
                None,
                {"file": file.original_name, "sha256": file.sha256, "requirement": requirement_id},
            )
            self._commit(
                session, f"the link of {file.original_name} to {code}", f"“{file.original_name}”与 {code} 的关联"
            )
            return Linked(link.id, Changes.of(EvidenceChange(file.assessment_id, (code,))))

    def unlink(self, link_id: int, *, expected: Seen | None = None) -> RemovedLink:
        """Take a file off an item or requirement; returns what :meth:`restore` needs to undo it. The bytes stay
        in the vault (``verify --clean`` removes bytes that nothing uses any more), so no other item ever loses
        its file."""
        with self.store.write("removing the file", "移除文件") as session:
            link = session.get(EvidenceLink, link_id)
            if link is None:
                raise EvidenceRefusal(
                    f"there is no evidence link {link_id}",
                    "该文件与指标的关联已不存在（可能已被移除或撤销）",
                    "no_link",
                    link=link_id,
                )
            file = link.file
            code = session.get(ItemRow, link.item_id).code  # type: ignore[union-attr]
            refuse_if_links_changed(session, file.assessment_id, code, link.requirement_id, expected)
            removed = RemovedLink(
                assessment_id=file.assessment_id,
                code=code,
                requirement_id=link.requirement_id,
                file_id=file.id,
                sha256=file.sha256,
                name=file.original_name,
                kind=file.kind,
                kind_mismatch=file.kind_mismatch,
                evidence_date=file.evidence_date,
                added_at=file.added_at,
                added_by=file.added_by,
            )
            session.delete(link)
            session.flush()
            if not session.scalar(
                select(func.count()).select_from(EvidenceLink).where(EvidenceLink.file_id == file.id)
            ):
                session.delete(file)
            self.store.audit(
                session,
                "unlink",
                file.assessment_id,
                code,
                {"file": file.original_name, "sha256": removed.sha256, "requirement": removed.requirement_id},
                None,
            )
            self._commit(session, f"removing {file.original_name}", f"移除“{file.original_name}”")
        return removed

    def restore(self, removed: RemovedLink) -> Linked:
        """Put a removed link back (undo), with its file as it was; returns the new link's id."""
        with self.store.write(f"putting back {removed.name}", f"恢复“{removed.name}”") as session:
            # holding the write lock: a clean running now cannot remove the stored copy before the row commits
            _, item = self._item(session, removed.assessment_id, removed.code)
            if session.get(Blob, removed.sha256) is None or not self.vault.has(removed.sha256):
                raise EvidenceRefusal(
                    f"{removed.name}: its stored copy is gone from the vault; add the file again",
                    f"{removed.name}：佐证材料库中已没有它的副本，请重新添加该文件",
                    "stored_copy_gone",
                    name=removed.name,
                    sha256=removed.sha256,
                )
            file = file_with(session, removed.assessment_id, removed.sha256, removed.name)
            if file is None:
                file = EvidenceFile(
                    assessment_id=removed.assessment_id,
                    sha256=removed.sha256,
                    original_name=removed.name,
                    kind=removed.kind,
                    kind_mismatch=removed.kind_mismatch,
                    evidence_date=removed.evidence_date,
                    added_at=removed.added_at,
                    added_by=removed.added_by,
                )
                session.add(file)
                session.flush()
            link = _link_of(session, file.id, item.id, removed.requirement_id)
            if link is not None:  # attached again since it was removed: nothing to put back
                return Linked(link.id, Changes())
            link = EvidenceLink(file_id=file.id, item_id=item.id, requirement_id=removed.requirement_id)
            session.add(link)
            self.store.audit(
                session,
                "link",
                removed.assessment_id,
                removed.code,
                None,
                {"file": removed.name, "sha256": removed.sha256, "requirement": removed.requirement_id},
            )
            self._commit(session, f"putting back {removed.name}", f"恢复“{removed.name}”")
            return Linked(link.id, removed.changes)

    def set_date(self, file_id: int, evidence_date: date | None, *, expected: date | None = UNSEEN) -> Dated:
        """Date a file (None: no date). ``expected`` is the date the person saw (None: none); a different stored
        one refuses the write with :class:`ChangedSince` naming it, nothing written. Left out: not checked."""
        with self.store.write("the file's date", "文件日期") as session:
            file = session.get(EvidenceFile, file_id)
            if file is None:
                raise no_file(file_id)
            if expected is not UNSEEN and expected != file.evidence_date:
                raise _date_changed(file)
            before = file.evidence_date.isoformat() if file.evidence_date else None
            file.evidence_date = evidence_date
            self.store.audit(
                session,
                "evidence_date",
                file.assessment_id,
                None,
                before,
                evidence_date.isoformat() if evidence_date else None,
            )
            self._commit(session, f"the date of {file.original_name}", f"“{file.original_name}”的日期")
            assessment_id = file.assessment_id
            year = session.get(Assessment, assessment_id).year  # type: ignore[union-attr]
        info = self._file_info(file_id, year)
        changes = Changes.of(EvidenceChange(assessment_id, tuple(sorted({code for _l, code, _r in info.links}))))
        return Dated(info, changes)

    def set_checked(
        self, assessment_id: int, requirement_id: int, checked: bool, *, expected: bool | Seen | None = None
    ) -> Changes:
        """Tick or untick a requirement as checked; ``expected`` is the state the person saw (a different stored
        one: :class:`ChangedSince`, nothing written)."""
        with self.store.write("the check mark", "核验勾选") as session:
            row = session.get(RequirementCheck, (assessment_id, requirement_id))
            if expected is not None:  # the version or the tick the person saw: changed since, refused
                refuse_if_tick_changed(session, assessment_id, requirement_id, expected, row is not None)
            if checked and row is None:
                session.add(
                    RequirementCheck(
                        assessment_id=assessment_id,
                        requirement_id=requirement_id,
                        checked_by=self.store.actor,
                        checked_at=utcnow(),
                    )
                )
            elif not checked and row is not None:
                session.delete(row)
            self.store.audit(
                session, "check" if checked else "uncheck", assessment_id, None, None, {"requirement": requirement_id}
            )
            self._commit(session, "the check mark", "核验勾选")
            requirement = session.get(EvidenceRequirement, requirement_id)
            item = session.get(ItemRow, requirement.item_id) if requirement is not None else None
        return Changes.of(EvidenceChange(assessment_id, (item.code,))) if item is not None else Changes()
