"""Attaching a batch of files as one write: every file copied into the vault first, then all their rows in one
transaction, one audit row per file, one commit — one change, undone as one.

What the command line's ``evidence add`` uses: it starts the copies (:class:`~egov_desk.core.evidence.staging.Staging`)
before the workspace is open. The window attaches file by file instead (:meth:`EvidenceBook.attach`), so that a
cancel keeps what finished.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from egov_desk.core.db.models import Blob, EvidenceFile, EvidenceLink, ItemRow
from egov_desk.core.evidence.reading import EvidenceReading
from egov_desk.core.evidence.staging import Outcome, Staging, expand
from egov_desk.core.evidence.types import AttachReport, FileInfo
from egov_desk.core.evidence.vault import Staged, Stored, Vault, VaultError, display_name
from egov_desk.core.evidence.verify import Verifier
from egov_desk.core.filesystems import fsync_folder
from egov_desk.core.final_lock import refuse_if_final

if TYPE_CHECKING:
    from egov_desk.core.evidence.vaults import EvidenceVault
    from egov_desk.core.store import Store

ATTEMPTS = 3  # a concurrent ``verify --clean`` removing fresh bytes before their rows: copied again, this often


class _Vanished(Exception):
    """Bytes settled in the vault were removed (a concurrent clean) before their rows were written."""

    def __init__(self, numbers: list[int]) -> None:
        super().__init__(numbers)
        self.numbers = numbers


class AttachAtOnce(EvidenceReading, Verifier):
    """Part of :class:`~egov_desk.core.evidence.EvidenceBook` (a mixin; the book gives the store and vault)."""

    store: Store
    vault: EvidenceVault

    def staging(self, paths: Iterable[Path]) -> Staging | None:
        """Start copying ``paths`` into this book's vault (None: a vault that is not a folder copies at attach)."""
        return Staging(self.vault, paths) if isinstance(self.vault, Vault) else None

    def attach_at_once(
        self,
        assessment_id: int,
        code: str,
        paths: Iterable[Path | str],
        requirement_id: int | None = None,
        evidence_date: date | None = None,
        staging: Staging | None = None,
    ) -> AttachReport:
        """Store files (folders: everything in them) and attach them to an item or one of its requirements, all
        in one transaction. ``staging``: the copies already under way (:meth:`staging`, or a
        :class:`Staging` of the same vault folder started before the workspace was open).

        A refusal (read-only workspace, final assessment, unknown item or requirement) changes nothing: the
        staged copies are discarded. A file that cannot be read or stored is named in ``errors`` and the rest are
        attached. The report's ``links`` are the links made (unlinking them undoes the attach)."""
        files = [Path(p) for p in paths]
        if staging is not None and not (isinstance(self.vault, Vault) and staging.vault.folder == self.vault.folder):
            staging.discard()  # staged into another folder than this workspace's vault: copied again below
            staging = None
        try:
            self.store.refuse_if_read_only()
            with self.store.read() as session:
                refuse_if_final(session, assessment_id)
                self.store.item_row(session, assessment_id, code)
                if requirement_id is not None:
                    self._requirement(session, assessment_id, code, requirement_id)
        except BaseException:
            if staging is not None:
                staging.discard()
            raise
        outcomes = staging.outcomes() if staging is not None else [(path, None) for path in expand(files)]
        report = AttachReport(assessment_id, code)
        stored: list[tuple[Path, str, Stored]] = []
        for path, outcome in outcomes:
            try:
                stored.append((path, display_name(path.name), self._settled(path, outcome)))
            except VaultError as exc:
                report.failed.append((str(path), str(exc)))
                report.errors.append(exc)
        if not stored:
            return report
        try:
            self._sync_folders(stored)
        except VaultError:
            self._remove_new(stored)  # no row will name them: not left for verify --clean
            raise
        for _attempt in range(ATTEMPTS):
            try:
                added = self._record_all(assessment_id, code, requirement_id, evidence_date, stored)
                break
            except _Vanished as gone:
                for number in gone.numbers:  # copied again from the original, outside the write lock
                    path, name, _ = stored[number]
                    stored[number] = (path, name, self.vault.add(path))
            except BaseException:
                self._remove_new(stored)
                raise
        else:
            raise VaultError(stored[0][1], "kept_vanishing")
        for (_path, _name, new), (info, link) in zip(stored, added, strict=True):
            report.bytes += new.size
            report.added.append(info)
            if link is not None:
                report.links.append(link)
            if new.repaired:
                report.repaired.append(info)
        return report

    def _remove_new(self, stored: list[tuple[Path, str, Stored]]) -> None:
        """The bytes this attach brought into the vault, removed when nothing was recorded (the first error is the
        one to report; verify finds anything left)."""
        for _path, _name, new in stored:
            if new.new:
                with contextlib.suppress(Exception):
                    self._remove_unused(new.sha256, None)

    def _settled(self, path: Path, outcome: Outcome | None) -> Stored:
        """The staged copy put in place (one a concurrent clean removed while it waited: copied again). Its
        folder's fsync is left to :meth:`_sync_folders`, once for all."""
        if isinstance(outcome, VaultError):
            raise outcome
        if isinstance(outcome, Staged) and isinstance(self.vault, Vault) and outcome.part.exists():
            return self.vault.settle(outcome, sync_folder=False)
        return self.vault.add(path)

    def _sync_folders(self, stored: list[tuple[Path, str, Stored]]) -> None:
        """Every rename made durable before any row names its file: the folders' fsyncs after all the renames
        (on ext4 the first commits the journal with every rename, and the rest find nothing to write; a fsync
        after each rename committed it once per file)."""
        if not isinstance(self.vault, Vault):
            return
        folders = {self.vault.path_of(new.sha256).parent: name for _p, name, new in stored if new.new or new.repaired}
        for folder, name in sorted(folders.items()):
            try:
                fsync_folder(folder)
            except OSError as exc:  # nothing is recorded; the bytes renamed in are orphans verify --clean removes
                raise VaultError(name, reason=exc.strerror or str(exc), code=exc.errno) from exc

    def _record_all(
        self,
        assessment_id: int,
        code: str,
        requirement_id: int | None,
        evidence_date: date | None,
        stored: list[tuple[Path, str, Stored]],
    ) -> list[tuple[FileInfo, int | None]]:
        """Every file's rows in one write: the blob (once), the file (unless the assessment has these bytes under
        this name already), its link (unless there already), an audit row each; one commit."""
        with self.store.write(f"the files of {code}", f"{code} 的文件") as session:
            # holding the write lock: a concurrent clean waits for these rows, or has finished removing bytes
            gone = [number for number, (_p, _n, new) in enumerate(stored) if not self.vault.has(new.sha256)]
            if gone:
                raise _Vanished(gone)
            assessment, item = self.store.item_row(session, assessment_id, code)
            hashes = sorted({new.sha256 for _p, _n, new in stored})
            sizes = dict(session.execute(select(Blob.sha256, Blob.size).where(Blob.sha256.in_(hashes))).all())
            found = session.scalars(
                select(EvidenceFile)
                .where(EvidenceFile.assessment_id == assessment_id, EvidenceFile.sha256.in_(hashes))
                .order_by(EvidenceFile.id)
            )
            by_name: dict[tuple[str, str], EvidenceFile] = {}
            for existing in found:
                by_name.setdefault((existing.sha256, existing.original_name), existing)
            files: list[EvidenceFile] = []
            for _path, name, new in stored:
                if new.sha256 not in sizes:
                    session.add(Blob(sha256=new.sha256, size=new.size, kind=new.kind))
                    sizes[new.sha256] = new.size
                file = by_name.get((new.sha256, name))
                if file is None:
                    file = EvidenceFile(
                        assessment_id=assessment_id,
                        sha256=new.sha256,
                        original_name=name,
                        kind=new.kind,
                        kind_mismatch=new.kind_mismatch,
                        evidence_date=evidence_date,
                        added_by=self.store.actor,
                    )
                    session.add(file)
                    by_name[(new.sha256, name)] = file
                elif evidence_date is not None and file.evidence_date != evidence_date:
                    file.evidence_date = evidence_date  # the date given now for bytes already stored applies
                files.append(file)
            session.flush()
            requirement = (
                EvidenceLink.requirement_id.is_(None)
                if requirement_id is None
                else EvidenceLink.requirement_id == requirement_id
            )
            ids = sorted({file.id for file in files})
            linked = set(
                session.scalars(
                    select(EvidenceLink.file_id).where(
                        EvidenceLink.file_id.in_(ids), EvidenceLink.item_id == item.id, requirement
                    )
                )
            )
            links: list[EvidenceLink | None] = []
            for file in files:
                link = None
                if file.id not in linked:
                    link = EvidenceLink(file_id=file.id, item_id=item.id, requirement_id=requirement_id)
                    session.add(link)
                    linked.add(file.id)
                links.append(link)
            session.flush()
            for _path, name, new in stored:
                self.store.audit(
                    session,
                    "attach",
                    assessment_id,
                    code,
                    None,
                    {"file": name, "sha256": new.sha256, "requirement": requirement_id},
                )
            every_link = session.execute(
                select(EvidenceLink.file_id, EvidenceLink.id, ItemRow.code, EvidenceLink.requirement_id)
                .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
                .where(EvidenceLink.file_id.in_(ids))
            ).all()
            self.store.commit(session, f"the files of {code}", f"{code} 的文件")
        of_file: dict[int, list[tuple[int, str, int | None]]] = {}
        for file_id, link_id, link_code, link_requirement in every_link:
            of_file.setdefault(file_id, []).append((link_id, link_code, link_requirement))
        return [
            (
                FileInfo(
                    file.id,
                    file.sha256,
                    file.original_name,
                    sizes[file.sha256],
                    file.kind,
                    file.kind_mismatch,
                    file.evidence_date,
                    file.added_at,
                    file.added_by,
                    assessment.year,
                    tuple(sorted(of_file.get(file.id, []))),
                    file.carried,
                ),
                link.id if link is not None else None,
            )
            for file, link in zip(files, links, strict=True)
        ]
