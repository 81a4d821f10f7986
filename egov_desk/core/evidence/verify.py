"""Proving the database and the vault agree: every stored file re-hashed, orphans and leftovers found.

Cleaning may run while files are being added (another window, the CLI, a background batch). Re-hashing takes
long, so what is "in use" is never decided once at the start: each candidate is checked again in a write
transaction right before its removal (an attach cannot commit its row in between), and a file written after
the scan began is left alone (an add that has renamed its bytes into place but not committed its row yet).

A read-only workspace (another window holds it, a network share's snapshot, read-only media) is only checked:
cleaning it is refused before anything is looked at, and the check writes nothing, not even its clock marker.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import Blob, EvidenceFile, EvidenceLink, ItemRow
from egov_desk.core.errors import ReadOnlyWorkspace
from egov_desk.core.evidence.types import VerifyReport

if TYPE_CHECKING:
    from egov_desk.core.evidence.vaults import EvidenceVault
    from egov_desk.core.store import Store

ADVICE = {
    "en": (
        "problems found. Add the original files above again (egov-desk-cli evidence add): adding a file repairs "
        "its damaged copy and stores a missing one again; database backups hold no evidence files.",
        "Newest database backup: {name} ({date}); to go back to it: egov-desk-cli backup restore --workspace "
        "{folder} {name}",
        "There is no database backup of this workspace yet (egov-desk-cli backup create --workspace {folder}).",
    ),
    "zh": (
        "发现问题。请重新添加上列文件的原件（egov-desk-cli evidence add）：添加文件即可修复库中损坏的副本，"
        "缺失的文件也会重新存入；数据库备份不包含佐证材料文件。",
        "最新的数据库备份：{name}（{date}）；如需回到该备份：egov-desk-cli backup restore --workspace {folder} {name}",
        "此工作区还没有数据库备份（egov-desk-cli backup create --workspace {folder}）。",
    ),
}


def repair_advice(workspace_folder: Path, language: str = "zh_CN") -> list[str]:
    """What to do when :meth:`Verifier.verify` found missing or damaged files: add the originals again, and the
    newest backup this workspace really has (name, date, the command) — or that it has none."""
    from egov_desk.core.backups import latest_backup

    first, newest, none = ADVICE["zh" if language.startswith("zh") else "en"]
    backup = latest_backup(workspace_folder)
    if backup is None:
        return [first, none.format(folder=workspace_folder)]
    when = f"{backup.created:%Y-%m-%d %H:%M}"
    return [first, newest.format(name=backup.name, date=when, folder=workspace_folder)]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone meanwhile
        return 0


def _referenced(session: Session, sha256: str) -> bool:
    return bool(session.scalar(select(exists().where(EvidenceFile.sha256 == sha256))))


class Verifier:
    """Part of :class:`~egov_desk.core.evidence.EvidenceBook` (a mixin; the book gives the session and vault)."""

    vault: EvidenceVault
    store: Store

    def _session(self) -> Session:
        return self.store.read()

    def _refuse_clean_if_read_only(self) -> None:
        try:
            self.store.refuse_if_read_only()
        except ReadOnlyWorkspace as refused:
            raise ReadOnlyWorkspace(
                f"nothing was cleaned: {refused.english}",
                f"没有清理任何文件：{refused.chinese}",
                "read_only",
                **refused.values,
            ) from None

    def verify(self, clean: bool = False, progress: Callable[[int, int], None] | None = None) -> VerifyReport:
        """Re-hash every stored file and compare the database with the vault; ``clean`` removes orphans and
        unfinished copies (never a file the database uses at the moment of removal, nor one written since the
        scan began). ``progress(done, total)`` is called before each file is re-hashed and once at the end; an
        exception it raises (a cancel) stops the check before anything is removed.

        Cleaning is not an undo step, by design: it removes only bytes that nothing in the database uses, so no
        item loses a file, and what it removed is listed in the report."""
        if clean:
            self._refuse_clean_if_read_only()
        report = VerifyReport()
        started = self._scan_start(clean)
        with self._session() as session:
            names: dict[str, list[str]] = {}
            for sha256, name in session.execute(select(EvidenceFile.sha256, EvidenceFile.original_name)):
                names.setdefault(sha256, []).append(name)
            codes = session.execute(
                select(EvidenceFile.sha256, ItemRow.code)
                .join(EvidenceLink, EvidenceLink.file_id == EvidenceFile.id)
                .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
                .distinct()
            )
            items: dict[str, set[str]] = {}
            for sha256, code in codes:
                items.setdefault(sha256, set()).add(code)
        used = set(names)
        for number, sha256 in enumerate(sorted(used)):
            if progress:
                progress(number, len(used))
            report.checked += 1
            if not self.vault.has(sha256):
                report.missing.append((sha256, names[sha256]))
            elif self.vault.hash_of(sha256) != sha256:
                report.corrupt.append((sha256, names[sha256]))
        if progress:
            progress(len(used), len(used))
        for sha256, _names in report.missing + report.corrupt:
            report.items[sha256] = sorted(items.get(sha256, ()))
        candidates = [
            sha for sha in self.vault.blobs() if sha not in used and not self.vault.written_since(sha, started)
        ]
        leftovers = [path for path in self.vault.leftovers() if not self.vault.newer(path, started)]
        report.sizes = {sha: self.vault.size(sha) or 0 for sha in candidates}
        report.sizes.update((str(path), _size(path)) for path in leftovers)
        if not clean:
            with self._session() as session:
                now_used = set(session.scalars(select(EvidenceFile.sha256).where(EvidenceFile.sha256.in_(candidates))))
            report.orphans = [sha for sha in candidates if sha not in now_used]
            report.leftovers = leftovers
            return report
        report.orphans = [sha for sha in candidates if self._remove_unused(sha, started)]
        for leftover in leftovers:
            if not self.vault.newer(leftover, started):  # still untouched: no copy is writing it
                leftover.unlink(missing_ok=True)
                report.leftovers.append(leftover)
        # rows of bytes nothing uses and the vault no longer holds
        with self.store.write("the cleanup", "清理未使用的文件") as session:
            unused = session.scalars(select(Blob.sha256).where(~exists().where(EvidenceFile.sha256 == Blob.sha256)))
            gone = [sha for sha in unused if not self.vault.has(sha)]
            if gone:
                session.execute(delete(Blob).where(Blob.sha256.in_(gone)))
            self.store.commit(session, "the cleanup", "清理未使用的文件")
        report.cleaned = len(report.orphans) + len(report.leftovers)
        return report

    def _scan_start(self, clean: bool) -> int:
        """When the scan began, by the vault's clock. A check that removes nothing may run where the vault cannot
        or must not be written (read-only media, another window's workspace): the computer's clock serves then."""
        if not clean and self.store.read_only:
            return time.time_ns()
        try:
            return self.vault.clock()
        except OSError:
            if clean:
                raise
            return time.time_ns()

    def _remove_unused(self, sha256: str, since_ns: int | None) -> bool:
        """Remove stored bytes (and their blob row) if, holding the write lock, no evidence row uses them and
        (with ``since_ns``) the file was not written since then. Whether they were removed."""
        with self.store.write("the cleanup", "清理未使用的文件") as session:
            if _referenced(session, sha256) or (since_ns is not None and self.vault.written_since(sha256, since_ns)):
                return False
            self.vault.remove(sha256)
            session.execute(delete(Blob).where(Blob.sha256 == sha256))
            self.store.commit(session, "the cleanup", "清理未使用的文件")
        return True
