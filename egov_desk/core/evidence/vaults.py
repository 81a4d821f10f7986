"""What every evidence vault offers, whichever kind keeps the bytes: a folder (:class:`~egov_desk.core.evidence.
vault.Vault`, a workspace's own ``vault/`` or a shared folder the server's admin names) or the server's database
(:class:`~egov_desk.core.evidence.database_vault.DatabaseVault`, chunked, hashed, stored once).

Everything that needs a file on disk (exports, the preview, packages, LibreOffice) asks :meth:`path_of`: a folder
vault gives its own file, the database vault a copy in this PC's cache, checked against its hash before use.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Protocol

from egov_desk.core.evidence.vault import Progress, Stored


class EvidenceVault(Protocol):
    def has(self, sha256: str) -> bool: ...

    def size(self, sha256: str) -> int | None: ...

    def open(self, sha256: str) -> IO[bytes]: ...

    def path_of(self, sha256: str) -> Path: ...

    def add(
        self, source: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> Stored: ...

    def copy_into(self, stream: IO[bytes], sha256: str, size: int) -> bool: ...

    def hash_of(self, sha256: str) -> str: ...

    def blobs(self) -> list[str]: ...

    def leftovers(self) -> list[Path]: ...

    def clock(self) -> int: ...

    def written_since(self, sha256: str, since_ns: int) -> bool: ...

    @staticmethod
    def newer(path: Path, since_ns: int) -> bool: ...

    def remove(self, sha256: str) -> None: ...

    def where(self) -> str: ...
