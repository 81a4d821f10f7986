"""Hidden temporary files a killed export or copy left behind, and removing them without touching live ones.

**Exports** write ``.NAME.XXXXXXXX.part`` beside their target (a file, or a folder for a folder package) and
rename it when complete. While writing, the exporter holds an OS lock on ``.NAME.XXXXXXXX.part.lock`` beside it
(``flock`` on POSIX, ``msvcrt.locking`` on Windows); the OS drops the lock when the process ends, however it
ends. The lock is taken before the ``.part`` is created and released after it is renamed or removed. So a
``.part`` (or a lone lock file) whose lock another process can take has no writer any more and is removed; one
whose lock is held is never touched, however old. A ``.part`` with no lock file (left by an older version, or a
writer whose lock file a cleaner removed in the instant before it was taken) is removed only when nothing in it
changed for :data:`STALE_AFTER`. The next export to the same place cleans its target's
leftovers (:func:`clean_beside`); an export of a workspace also keeps a record ``exports-in-progress/UUID.json``
in the workspace folder naming its ``.part``, so that the next start finds leftovers wherever the export went
(:func:`clean_leftovers`).

**The vault's** ``vault/tmp/*.part`` (copies into the vault) are judged by age alone: a copy rewrites its
``.part`` with every megabyte it reads, so one untouched for :data:`STALE_AFTER` has no writer (a copy stalled
that long fails at its rename and reports the file as not stored; nothing is lost).

Nothing here raises :class:`OSError`: a read-only or vanished folder leaves its leftovers for another time.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STALE_AFTER = 10 * 60  # seconds untouched after which a .part with no lock is taken for dead
RECORDS = "exports-in-progress"  # in the workspace folder: one small JSON per export being written
LOCK_SUFFIX = ".lock"


def part_name(target: Path) -> Path:
    """A fresh hidden temporary name beside ``target``: ``.NAME.XXXXXXXX.part``."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")


def _is_part_of(entry: str, target_name: str) -> bool:
    """``.NAME.XXXXXXXX.part``; also ``.NAME.XXXXXXXX.index.xlsx``, the index older versions wrote beside."""
    return re.fullmatch(re.escape(f".{target_name}.") + r"[0-9a-f]{8}\.(part|index\.xlsx)", entry) is not None


def _is_export_part(name: str) -> bool:
    """Whether ``name`` is a temporary name :func:`part_name` makes (``.NAME.XXXXXXXX.part``): the only kind of
    path a record may make us remove — a record is a file in the workspace, which anyone may have copied or
    written, so ``report.part`` or a folder of someone's work named in one stays."""
    found = re.fullmatch(r"\.(.+)\.[0-9a-f]{8}\.part", name)
    return found is not None and _is_part_of(name, found.group(1))


def _lock_of(part: Path) -> Path:
    return part.with_name(part.name + LOCK_SUFFIX)


def _try_lock(descriptor: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def writing(part: Path, records: Path | None = None) -> Iterator[None]:
    """Mark ``part`` as being written by this process until the block ends: its lock held, and (with
    ``records``, a workspace folder) a record naming it. Call before ``part`` is created; remove or rename
    ``part`` inside the block. Marking is best effort: an export to a read-only workspace still runs."""
    lock = _lock_of(part)
    descriptor = _hold(lock)
    record = _record(records, part) if records is not None else None
    try:
        yield
    finally:
        if record is not None:
            record.unlink(missing_ok=True)
        if descriptor is not None:
            if os.name != "nt":  # unlinked while still held: no cleaner can take a lock on a half-removed mark
                lock.unlink(missing_ok=True)
            os.close(descriptor)
            if os.name == "nt":
                with contextlib.suppress(OSError):
                    lock.unlink(missing_ok=True)


def _hold(lock: Path) -> int | None:
    """Create ``lock`` and take its OS lock; None when that cannot be done (marking is best effort)."""
    for _attempt in range(200):  # a cleaner probing a new lock holds it for a moment, and may remove it
        try:
            descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        if _try_lock(descriptor):
            try:  # still the file under that name, not one a cleaner removed between our open and our lock
                if os.name == "nt" or os.fstat(descriptor).st_ino == os.stat(lock).st_ino:
                    return descriptor
            except OSError:
                pass
        os.close(descriptor)
        time.sleep(0.01)
    return None


def _record(workspace_folder: Path, part: Path) -> Path | None:
    folder = workspace_folder / RECORDS
    try:
        folder.mkdir(exist_ok=True)
        record = folder / f"{uuid.uuid4().hex}.json"
        record.write_text(json.dumps({"part": str(part.absolute()), "pid": os.getpid()}), encoding="utf-8")
    except OSError:
        return None
    return record


def _newest_change(path: Path) -> float:
    """The latest mtime in ``path`` (a folder: anything inside it); 0 when it cannot be read."""
    try:
        newest = path.stat().st_mtime
        if path.is_dir():
            for inner in path.rglob("*"):
                with contextlib.suppress(OSError):
                    newest = max(newest, inner.stat().st_mtime)
        return newest
    except OSError:
        return 0.0


def _untouched(path: Path, now: float) -> bool:
    return now - _newest_change(path) > STALE_AFTER


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True


def remove_if_dead(part: Path) -> bool:
    """Remove an export's ``part`` (file or folder) and its lock file when no live process writes it.
    Whether ``part`` was removed."""
    lock = _lock_of(part)
    try:
        descriptor = os.open(lock, os.O_RDWR)
    except FileNotFoundError:  # no lock: an older version's leftover, or a writer between its two steps
        return _untouched(part, time.time()) and _remove(part)
    except OSError:
        return False
    try:
        if not _try_lock(descriptor):
            return False  # its writer is alive
        removed = _remove(part) if part.exists() else False
        if os.name != "nt":  # removed while held: a writer that opened it meanwhile sees it is gone
            lock.unlink(missing_ok=True)
    finally:
        os.close(descriptor)
    if os.name == "nt":  # Windows removes a file once it is closed
        with contextlib.suppress(OSError):
            lock.unlink(missing_ok=True)
    return removed


def clean_beside(target: Path) -> list[Path]:
    """Remove what killed exports to ``target`` left beside it (``.NAME.XXXXXXXX.part``, their lock files);
    live ones stay. The paths removed."""
    removed: list[Path] = []
    try:
        entries = os.listdir(target.parent)
    except OSError:
        return removed
    parts = {entry for entry in entries if _is_part_of(entry, target.name)}
    parts |= {
        entry[: -len(LOCK_SUFFIX)]
        for entry in entries
        if entry.endswith(LOCK_SUFFIX) and _is_part_of(entry[: -len(LOCK_SUFFIX)], target.name)
    }
    for entry in sorted(parts):
        part = target.parent / entry
        if remove_if_dead(part):
            removed.append(part)
    return removed


def _clean_records(workspace_folder: Path, now: float) -> list[Path]:
    removed: list[Path] = []
    folder = workspace_folder / RECORDS
    try:
        records = sorted(folder.glob("*.json"))
    except OSError:
        return removed
    for record in records:
        try:
            part = Path(json.loads(record.read_text(encoding="utf-8"))["part"])
        except (OSError, ValueError, KeyError, TypeError):
            if _untouched(record, now):  # a record its writer never finished writing
                record.unlink(missing_ok=True)
            continue
        if not _is_export_part(part.name):  # never remove what a record names unless it is our temporary
            record.unlink(missing_ok=True)
            continue
        if remove_if_dead(part):
            removed.append(part)
        if not part.exists() and not _lock_of(part).exists():
            with contextlib.suppress(OSError):
                record.unlink(missing_ok=True)
    return removed


def _clean_vault(workspace_folder: Path, now: float) -> list[Path]:
    removed: list[Path] = []
    tmp = workspace_folder / "vault" / "tmp"
    try:
        candidates = sorted([*tmp.glob("*.part"), *tmp.glob("*.clock")])
    except OSError:
        return removed
    for path in candidates:
        if _untouched(path, now) and _remove(path):
            removed.append(path)
    return removed


def clean_leftovers(workspace_folder: Path) -> list[Path]:
    """At the start of a workspace: remove the temporary files of this workspace's exports that were killed
    (wherever they were going: the records name them) and the vault's copies untouched for
    :data:`STALE_AFTER`. Never a file a live process is writing. The paths removed."""
    now = time.time()
    return _clean_records(workspace_folder, now) + _clean_vault(workspace_folder, now)


__all__ = ["RECORDS", "STALE_AFTER", "clean_beside", "clean_leftovers", "part_name", "remove_if_dead", "writing"]
