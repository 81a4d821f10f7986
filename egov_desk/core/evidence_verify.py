"""Proving the database and the vault agree: every stored file re-hashed, orphans and leftovers found."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from egov_desk.core.db.models import Blob, EvidenceFile
from egov_desk.core.evidence_types import VerifyReport

if TYPE_CHECKING:
    from egov_desk.core.vault import Vault


class Verifier:
    """Part of :class:`~egov_desk.core.evidence.EvidenceBook` (a mixin; the book gives the session and vault)."""

    vault: Vault

    def verify(self, clean: bool = False, progress: Callable[[int, int], None] | None = None) -> VerifyReport:
        """Re-hash every stored file and compare the database with the vault; ``clean`` removes orphans and
        unfinished copies (never a file the database uses)."""
        report = VerifyReport()
        with self._session() as session:
            names: dict[str, list[str]] = {}
            for sha256, name in session.execute(select(EvidenceFile.sha256, EvidenceFile.original_name)):
                names.setdefault(sha256, []).append(name)
            blobs = set(session.scalars(select(Blob.sha256)))
        used = set(names)
        for number, sha256 in enumerate(sorted(used)):
            if progress:
                progress(number, len(used))
            report.checked += 1
            if not self.vault.has(sha256):
                report.missing.append((sha256, names[sha256]))
            elif self.vault.hash_of(sha256) != sha256:
                report.corrupt.append((sha256, names[sha256]))
        report.orphans = [sha for sha in self.vault.blobs() if sha not in used]
        report.leftovers = self.vault.leftovers()
        if clean:
            for sha256 in report.orphans:
                self.vault.remove(sha256)
            for leftover in report.leftovers:
                leftover.unlink(missing_ok=True)
            with self._session() as session:
                session.execute(delete(Blob).where(Blob.sha256.in_(blobs - used)))
                self._commit(session, "the cleanup")
            report.cleaned = len(report.orphans) + len(report.leftovers)
        return report
