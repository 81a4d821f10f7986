"""The evidence vault: files stored by content, copied in safely, never moved or modified.

``vault/ab/abcdef…`` holds the bytes whose SHA-256 is ``abcdef…``. Adding streams the original to a temporary
file in ``vault/tmp`` while hashing it, fsyncs it, and renames it into place (or drops it, when the same bytes
are already there). A kill at any moment leaves either no file or a complete one under its real name; the
database row is written only after the rename, so a row never points at a missing file.

``verify --clean`` may run while files are added: a stored file newer than the start of its scan is left alone
(it may be an add whose row is not committed yet), and adding the same bytes again touches the stored file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from egov_desk.core.filetypes import disagrees, sniff

CHUNK = 1024 * 1024
Progress = Callable[[int], None]  # bytes copied so far for this file


def display_name(name: str | os.PathLike[str]) -> str:
    """A file name as it can be shown and stored: bytes the file system gave that are not UTF-8 (a GBK name on
    Linux arrives as surrogate escapes) become U+FFFD, so SQLite, the terminal and a ZIP index all accept it."""
    text = os.fspath(name)
    return os.fsencode(text).decode("utf-8", "replace") if isinstance(text, str) else text.decode("utf-8", "replace")


class VaultError(OSError):
    """A file could not be stored; the message names the file and the reason."""


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int
    kind: str
    kind_mismatch: bool
    new: bool  # False when the same bytes were already in the vault


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory to fsync it; NTFS journals the rename
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class Vault:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tmp = folder / "tmp"

    def path_of(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def add(
        self, source: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> Stored:
        """Copy ``source`` in. Raises VaultError (the original is untouched) when it cannot be read or stored."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        temporary = self.tmp / f"{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        size = 0
        try:
            with source.open("rb") as reader, temporary.open("wb") as writer:
                head = reader.read(CHUNK)
                kind = sniff(source, head[:16])
                chunk = head
                while chunk:
                    digest.update(chunk)
                    writer.write(chunk)
                    size += len(chunk)
                    if progress:
                        progress(size)
                    if cancelled and cancelled():
                        raise InterruptedError("cancelled")
                    chunk = reader.read(CHUNK)
                writer.flush()
                os.fsync(writer.fileno())
            sha256 = digest.hexdigest()
            target = self.path_of(sha256)
            if target.is_file() and target.stat().st_size == size:
                temporary.unlink()
                new = False
                with contextlib.suppress(OSError):  # "in use now": a scanning clean leaves newer files alone
                    os.utime(target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temporary, target)
                _fsync_dir(target.parent)
                new = True
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            if isinstance(exc, InterruptedError):
                raise
            reason = exc.strerror or str(exc)
            raise VaultError(f"{display_name(source.name)}: not stored ({reason})") from exc
        except BaseException:  # a cancel or an error in a progress callback: no partial file stays behind
            temporary.unlink(missing_ok=True)
            raise
        return Stored(sha256, size, kind, disagrees(kind, display_name(source.name)), new)

    def hash_of(self, sha256: str) -> str:
        digest = hashlib.sha256()
        with self.path_of(sha256).open("rb") as reader:
            for chunk in iter(lambda: reader.read(CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def blobs(self) -> list[str]:
        """Every stored hash (not the temporary files)."""
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.glob("??/*") if p.is_file() and len(p.name) == 64)

    def leftovers(self) -> list[Path]:
        """Temporary files of copies that never finished (a crash or a kill)."""
        return sorted(self.tmp.glob("*.part")) if self.tmp.is_dir() else []

    def clock(self) -> int:
        """The vault's file system time now, in ns (the clock its files' mtimes come from, a share's too)."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        marker = self.tmp / f"{uuid.uuid4().hex}.clock"
        try:
            marker.write_bytes(b"")
            return marker.stat().st_mtime_ns
        finally:
            marker.unlink(missing_ok=True)

    @staticmethod
    def newer(path: Path, since_ns: int) -> bool:
        """Whether ``path`` was written after ``since_ns`` (a file already gone counts as new: leave it)."""
        try:
            return path.stat().st_mtime_ns > since_ns
        except OSError:
            return True

    def remove(self, sha256: str) -> None:
        self.path_of(sha256).unlink(missing_ok=True)
