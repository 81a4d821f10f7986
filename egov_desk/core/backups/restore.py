"""Restoring a backup: the database as it is now backed up first (or, unreadable, moved aside), the backup written
into the live file, and the evidence files it refers to that the vault no longer has listed."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.backup_contents import MissingEvidence, missing_evidence, open_read_only, read_totals
from egov_desk.core.backup_errors import BackupError, reason_of
from egov_desk.core.backups.copies import (
    BACKUPS,
    STAMP,
    BackupInfo,
    backup_info,
    backups_folder,
    copy_database,
    create_backup,
    refuse_unwritable,
)
from egov_desk.core.filesystems import fsync_folder
from egov_desk.core.folder_layout import DATABASE_NAME

if TYPE_CHECKING:
    from egov_desk.core.lock import WorkspaceLock

DAMAGED = "damaged"  # backups/damaged/: a database that could not be read, moved aside by a restore


@dataclass
class RestoreReport:
    restored: BackupInfo
    database: Path
    safety: BackupInfo | None = None  # the copy of the database as it was before the restore
    damaged: Path | None = None  # the unreadable database, moved aside (when there was no safety copy)
    missing: list[MissingEvidence] = field(default_factory=list)


def find_backup(workspace_folder: Path, backup: Path | str) -> Path:
    """A backup given by its file name (in the workspace's ``backups/``) or its path."""
    path = Path(backup)
    if not path.is_absolute() and path.parent == Path("."):
        path = Path(workspace_folder) / BACKUPS / path
    if not path.is_file():
        raise BackupError("not_found", path)
    return path


def _check_backup(path: Path) -> None:
    """Refuse a file that is not a sound backup of a workspace this version can open."""
    from egov_desk.core.db.migrations import known_revisions

    try:
        with contextlib.closing(open_read_only(path, backup=True)) as db:
            check = db.execute("PRAGMA quick_check").fetchone()
            if check != ("ok",):
                raise BackupError("not_a_backup", path, str(check[0] if check else "quick_check"))
            has = db.execute("SELECT 1 FROM sqlite_master WHERE name='alembic_version'").fetchone()
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone() if has else None
    except sqlite3.Error as exc:
        raise BackupError("not_a_backup", path, reason_of(exc)) from exc
    if revision is None:
        raise BackupError("not_a_backup", path, "no egov-desk schema")
    if revision[0] not in known_revisions():
        raise BackupError("newer", path, str(revision[0]))


def _readable(database: Path) -> bool:
    """A sound workspace database (an empty or foreign SQLite file is not: it is moved aside, never kept as a
    backup that "latest" would later pick)."""
    try:
        with contextlib.closing(open_read_only(database)) as db:
            if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return False
            return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone() is not None
    except sqlite3.Error:
        return False


def _move_aside(database: Path) -> Path:
    """Move an unreadable database (and its WAL and shared-memory files) to ``backups/damaged/``: kept for
    whoever wants to rescue something from it, and its WAL can never be replayed into the restored file."""
    folder = backups_folder(database) / DAMAGED
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{database.stem}-damaged-{datetime.now().strftime(STAMP)}.sqlite"
    for suffix in ("-wal", "-shm", ""):
        source = Path(f"{database}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    fsync_folder(folder)
    return target


def restore_backup(workspace_folder: Path, backup: Path | str, *, lock: WorkspaceLock | None = None) -> RestoreReport:
    """Put ``backup`` (a file name in ``backups/`` or a path) back as the workspace's database.

    The workspace must be closed in this process: the restore holds the workspace's lock, and is refused while
    a window holds it (``in_use``, naming who). A window that restores passes the ``lock`` it holds: the restore
    uses it and leaves it held, so no other window takes the workspace between the restore and the window's
    reopening. Refused (``read_only``) on a network share or read-only media. The database as it is now is first
    backed up
    (``before-restore``) when it is readable; then the backup is written into the live file through the
    backup API (one transaction: other connections see the old or the new database, never a mix). An
    unreadable or missing database is moved aside to ``backups/damaged/`` and the backup is copied in under a
    temporary name, fsynced and renamed. Finally every evidence file the restored database refers to that
    the vault does not hold is listed. Raises :class:`BackupError`; on a refusal nothing has changed.

    Not an undo step, by design: it replaces the whole database, and its way back is the ``before-restore``
    backup it makes first (restored the same way)."""
    folder = Path(workspace_folder)
    database = folder / DATABASE_NAME
    refuse_unwritable(folder)
    path = find_backup(folder, backup)
    _check_backup(path)
    restored = backup_info(path, with_totals=True)
    if restored is None:
        parsed_size = path.stat().st_size
        restored = BackupInfo(path, datetime.fromtimestamp(path.stat().st_mtime), parsed_size, "", *read_totals(path))
    taken = _hold(folder) if lock is None else None
    try:
        return _restore(folder, database, path, RestoreReport(restored, database))
    finally:
        if taken is not None:
            taken.release()


def _hold(folder: Path) -> WorkspaceLock | None:
    """The workspace's lock for the time of the restore: no window opens (or writes) the database meanwhile.
    Refused when a window holds it; None when the folder cannot even hold a lock file (read-only: the restore
    then fails with its own reason)."""
    from egov_desk.core.lock import WorkspaceLock, acquire

    try:
        got = acquire(folder)
    except OSError:
        return None
    if isinstance(got, WorkspaceLock):
        return got
    raise BackupError("in_use", folder, got.describe(chinese=False), got.describe(chinese=True))


def _restore(folder: Path, database: Path, path: Path, report: RestoreReport) -> RestoreReport:
    if database.exists() and _readable(database):
        report.safety = create_backup(database, "before-restore")
        try:
            with (
                contextlib.closing(open_read_only(path, backup=True)) as reader,
                contextlib.closing(sqlite3.connect(database, timeout=30)) as writer,
            ):
                reader.backup(writer)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError("restore_failed", path, reason_of(exc)) from exc
    else:
        temporary = folder / f".{DATABASE_NAME}.{uuid.uuid4().hex[:8]}.restoring"
        try:
            copy_database(path, temporary, from_backup=True)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError("restore_failed", path, reason_of(exc)) from exc
        try:
            if database.exists() or Path(f"{database}-wal").exists():
                report.damaged = _move_aside(database)
            os.replace(temporary, database)
            fsync_folder(folder)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise BackupError("restore_failed", path, reason_of(exc)) from exc
    report.missing = missing_evidence(database, folder / "vault")
    return report
