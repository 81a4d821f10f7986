"""Evidence kept in a server workspace's database: ``vault_blobs`` (SHA-256, size, chunks) and ``vault_chunks``
(the bytes in pieces of :data:`PIECE`), each blob stored once however often it is added.

Adding reads the file twice: once to hash it (the same bytes already stored: nothing is written), then again
inside one transaction that writes its chunks while hashing them anew — if the second reading differs (the file
changed while it was read) the transaction is rolled back and the file refused. Reading streams the chunks back.
What needs a path on disk gets a copy in this PC's cache (:meth:`path_of`): filled by copy, hash, fsync, rename,
and never handed out before its bytes hashed to its name in this process.

A workspace folder (SQLite) always keeps its evidence in its ``vault/`` folder; this kind is a server's choice.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from egov_desk.core.db.models import VaultBlob, VaultChunk
from egov_desk.core.evidence.filetypes import disagrees, sniff
from egov_desk.core.evidence.vault import CHUNK, Progress, Stored, Vault, VaultError, display_name

PIECE = 2 * 1024 * 1024  # a chunk's size in the database (1–4 MB: large enough to be few, small enough to stream)


class _Chunks(io.RawIOBase):
    """A blob's bytes read back one chunk at a time (each chunk its own short query)."""

    def __init__(self, engine: Engine, sha256: str, chunks: int) -> None:
        self.engine, self.sha256, self.chunks = engine, sha256, chunks
        self.n, self.buffer = 0, b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.buffer and self.n < self.chunks:
            with self.engine.connect() as connection:
                data = connection.scalar(
                    select(VaultChunk.data).where(VaultChunk.sha256 == self.sha256, VaultChunk.n == self.n)
                )
            if data is None:
                raise FileNotFoundError(f"chunk {self.n} of {self.sha256} is missing from the database")
            self.buffer, self.n = bytes(data), self.n + 1
        count = min(len(target), len(self.buffer))
        target[:count] = self.buffer[:count]
        self.buffer = self.buffer[count:]
        return count


class DatabaseVault:
    """The :class:`~egov_desk.core.evidence.vaults.EvidenceVault` of a server workspace that keeps its evidence in
    its database; ``cache`` is this PC's folder for copies handed out as paths."""

    def __init__(self, engine: Engine, cache: Path) -> None:
        self.engine = engine
        self.cache = Vault(cache)  # the same layout: cache/ab/abcdef…, cache/tmp/*.part
        self._verified: dict[str, tuple[int, int, int]] = {}  # sha256 → (size, mtime_ns, inode) hashed here

    # --- reading ------------------------------------------------------------------------------------

    def _row(self, sha256: str) -> tuple[int, int] | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(VaultBlob.size, VaultBlob.chunks).where(VaultBlob.sha256 == sha256)).first()
        return None if row is None else (int(row[0]), int(row[1]))

    def has(self, sha256: str) -> bool:
        return self._row(sha256) is not None

    def size(self, sha256: str) -> int | None:
        row = self._row(sha256)
        return None if row is None else row[0]

    def open(self, sha256: str) -> IO[bytes]:
        row = self._row(sha256)
        if row is None:
            raise FileNotFoundError(f"{sha256} is not in the database's evidence")
        return io.BufferedReader(_Chunks(self.engine, sha256, row[1]), CHUNK)

    def hash_of(self, sha256: str) -> str:
        digest = hashlib.sha256()
        with self.open(sha256) as reader:
            for chunk in iter(lambda: reader.read(CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def path_of(self, sha256: str) -> Path:
        """A local copy of the bytes (in the cache), checked against their hash; a path that does not exist when
        the database holds no such bytes."""
        path = self.cache.path_of(sha256)
        with contextlib.suppress(OSError):
            seen = path.stat()
            if self._verified.get(sha256) == (seen.st_size, seen.st_mtime_ns, seen.st_ino):
                return path
            if self.cache.hash_of(sha256) == sha256:
                self._remember(sha256, path)
                return path
        size = self.size(sha256)
        if size is None:
            path.unlink(missing_ok=True)
            return path
        with self.open(sha256) as reader:
            self.cache.copy_into(reader, sha256, size)  # copy, hash, fsync, rename: refused if the bytes differ
        self._remember(sha256, path)
        return path

    def _remember(self, sha256: str, path: Path) -> None:
        seen = path.stat()
        self._verified[sha256] = (seen.st_size, seen.st_mtime_ns, seen.st_ino)

    def blobs(self) -> list[str]:
        with self.engine.connect() as connection:
            return sorted(connection.scalars(select(VaultBlob.sha256)))

    def leftovers(self) -> list[Path]:
        return []  # a transaction that never finished leaves nothing in a database

    def clock(self) -> int:
        """The database's time now, in ns (the clock :meth:`written_since` compares with, every client's)."""
        if self.engine.dialect.name != "postgresql":
            return time.time_ns()
        with self.engine.connect() as connection:
            micro = connection.scalar(text("SELECT (extract(epoch from clock_timestamp()) * 1000000)::bigint"))
        return int(micro or 0) * 1000

    def written_since(self, sha256: str, since_ns: int) -> bool:
        with self.engine.connect() as connection:
            added = connection.scalar(select(VaultBlob.added_ns).where(VaultBlob.sha256 == sha256))
        return added is None or int(added) > since_ns

    @staticmethod
    def newer(path: Path, since_ns: int) -> bool:
        return Vault.newer(path, since_ns)

    def where(self) -> str:
        return "database"

    # --- writing ------------------------------------------------------------------------------------

    def remove(self, sha256: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(VaultChunk).where(VaultChunk.sha256 == sha256))
            connection.execute(delete(VaultBlob).where(VaultBlob.sha256 == sha256))
        self.cache.remove(sha256)
        self._verified.pop(sha256, None)

    def add(
        self, source: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> Stored:
        """Store ``source``'s bytes (see the module's doc). Raises VaultError when it cannot be read or stored
        or changed while it was read; InterruptedError when ``cancelled`` (nothing written)."""
        name = display_name(source.name)
        try:
            sha256, size, kind = self._hash(source, progress, cancelled)
            present = self._row(sha256)
            if present is not None and present[0] == size and self.hash_of(sha256) == sha256:
                self._touch(sha256)
                if progress:
                    progress(size)
                return Stored(sha256, size, kind, disagrees(kind, name), new=False)
            with source.open("rb") as reader:
                self._write(reader, sha256, size, repair=present is not None, progress=progress, cancelled=cancelled)
        except _ChangedWhileRead:
            raise VaultError(name, "changed_while_read") from None
        except OSError as exc:
            if isinstance(exc, InterruptedError):
                raise
            raise VaultError(name, reason=exc.strerror or str(exc), code=exc.errno) from exc
        return Stored(sha256, size, kind, disagrees(kind, name), present is None, present is not None)

    def copy_into(self, stream: IO[bytes], sha256: str, size: int) -> bool:
        """Store the stream's bytes as ``sha256``; whether they were new. Bytes that do not hash to it raise
        :class:`~egov_desk.core.evidence.vault.BytesDiffer` and leave nothing written."""
        from egov_desk.core.evidence.vault import BytesDiffer

        present = self._row(sha256)
        if present is not None and present[0] == size and self.hash_of(sha256) == sha256:
            return False
        try:
            self._write(stream, sha256, size, repair=present is not None)
        except _ChangedWhileRead:
            raise BytesDiffer(sha256) from None
        return True

    def _hash(
        self, source: Path, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> tuple[str, int, str]:
        digest, size = hashlib.sha256(), 0
        with source.open("rb") as reader:
            head = reader.read(CHUNK)
            kind = sniff(source, head[:16])
            chunk = head
            while chunk:
                digest.update(chunk)
                size += len(chunk)
                if progress:
                    progress(size // 2)  # the first of two readings
                if cancelled and cancelled():
                    raise InterruptedError("cancelled")
                chunk = reader.read(CHUNK)
        return digest.hexdigest(), size, kind

    def _write(
        self,
        reader: IO[bytes],
        sha256: str,
        size: int,
        *,
        repair: bool,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """One transaction: the blob's row and its chunks, hashed as they go; rolled back unless they hash to
        ``sha256`` and come to ``size`` bytes. Another client storing the same bytes at once: theirs stand."""
        try:
            with self.engine.begin() as connection:
                if repair:  # a damaged copy: the verified bytes take its place in the same transaction
                    connection.execute(delete(VaultChunk).where(VaultChunk.sha256 == sha256))
                    connection.execute(delete(VaultBlob).where(VaultBlob.sha256 == sha256))
                row = {"sha256": sha256, "size": size, "chunks": 0, "added_ns": self._now(connection)}
                connection.execute(insert(VaultBlob).values(**row))
                digest, written, n = hashlib.sha256(), 0, 0
                while piece := reader.read(PIECE):
                    digest.update(piece)
                    connection.execute(insert(VaultChunk).values(sha256=sha256, n=n, data=piece))
                    written, n = written + len(piece), n + 1
                    if progress:
                        progress((size + written) // 2)
                    if cancelled and cancelled():
                        raise InterruptedError("cancelled")
                if digest.hexdigest() != sha256 or written != size:
                    raise _ChangedWhileRead(sha256)
                connection.execute(update(VaultBlob).where(VaultBlob.sha256 == sha256).values(chunks=n))
        except IntegrityError:
            if not self.has(sha256):
                raise
        self.cache.remove(sha256)  # a stale cached copy of repaired bytes is filled again from these
        self._verified.pop(sha256, None)

    def _now(self, connection: Connection) -> int:
        if connection.dialect.name != "postgresql":
            return time.time_ns()
        micro = connection.scalar(text("SELECT (extract(epoch from clock_timestamp()) * 1000000)::bigint"))
        return int(micro or 0) * 1000

    def _touch(self, sha256: str) -> None:
        """Added again: "in use now", so a clean scanning meanwhile leaves the bytes alone."""
        with self.engine.begin() as connection:
            connection.execute(
                update(VaultBlob)
                .where(VaultBlob.sha256 == sha256)
                .values(added_ns=func.greatest(VaultBlob.added_ns, self._now(connection)))
                if connection.dialect.name == "postgresql"
                else update(VaultBlob).where(VaultBlob.sha256 == sha256).values(added_ns=time.time_ns())
            )


class _ChangedWhileRead(Exception):
    def __init__(self, sha256: str) -> None:
        super().__init__(sha256)
        self.sha256 = sha256


def cache_folder(label: str) -> Path:
    """This PC's cache of a server database's evidence (``EGOV_EVIDENCE_CACHE`` names another folder)."""
    if os.environ.get("EGOV_EVIDENCE_CACHE"):
        return Path(os.environ["EGOV_EVIDENCE_CACHE"]) / label
    from platformdirs import user_cache_dir

    from egov_desk import APP_AUTHOR, APP_NAME

    return Path(user_cache_dir(APP_NAME, APP_AUTHOR)) / "server-evidence" / label
