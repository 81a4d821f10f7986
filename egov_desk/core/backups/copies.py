"""Backups of the workspace database: made safely, listed with their totals, rotated (restoring one: restore.py).

A backup is a copy of ``workspace.sqlite`` made through SQLite's backup API — consistent even while another
connection writes and a WAL file sits beside the database. It is written under a temporary name, fsynced and
renamed, so ``backups/`` only ever holds complete copies (a full disk leaves nothing). Names say when and why:
``workspace-REASON-YYYYMMDD-HHMMSS-ffffff.sqlite`` (local time), REASON one of :data:`REASONS` or
``before-upgrade-from-REV``.

When they are made: on open (``backup_if_due(database, "open", OPEN_INTERVAL)``), at least daily while the
window is open (``"daily"``), before every risky operation (``before-import``, ``before-score-import``,
``before-package-import``, ``before-finalize``: :func:`backup_before`), before a schema upgrade and before a
restore; and when a person asks (``manual``).

Rotation (after each new backup, in its folder) keeps:

- every ``manual`` backup (a person asked for it; only a person removes it);
- every ``before-*`` backup of the last 30 days, and the newest 10 of them whatever their age;
- the newest 10 ``open`` and the newest 14 ``daily`` backups.

Files in ``backups/`` that are not named like a backup are never touched. Backups hold the database only:
evidence bytes stay in ``vault/`` (stored by hash, never changed), so a restore says which files the restored
database refers to that the vault no longer has.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from egov_desk.core.backup_contents import AssessmentTotal, open_read_only, read_totals
from egov_desk.core.backup_errors import BackupError, reason_of
from egov_desk.core.filesystems import fsync_folder
from egov_desk.core.folder_layout import DATABASE_NAME

BACKUPS = "backups"

REASONS = (
    "open",
    "daily",
    "manual",
    "before-import",
    "before-score-import",
    "before-package-import",
    "before-finalize",
    "before-restore",
)
OPEN_INTERVAL = timedelta(hours=1)  # opening a workspace (the CLI does it per command) backs up at most hourly
DAILY_INTERVAL = timedelta(hours=24)
KEEP_OPEN, KEEP_DAILY, KEEP_BEFORE, BEFORE_DAYS = 10, 14, 10, 30

_REASON = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NAME = re.compile(r"(?P<stem>.+?)-(?P<reason>[a-z][a-z0-9-]*?)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite")
STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # local time, from the name
    size: int
    reason: str
    totals: tuple[AssessmentTotal, ...] | None = None  # None: not read (or the backup could not be read)
    current: int | None = None  # the assessment the app opens first (the one open last)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def total(self) -> Decimal | None:
        """The total of the assessment the app shows first, as the app computes it; None when unknown."""
        chosen = self.shown
        return chosen.total if chosen else None

    @property
    def shown(self) -> AssessmentTotal | None:
        if not self.totals:
            return None
        return next((t for t in self.totals if t.id == self.current), self.totals[0])


# --- names ----------------------------------------------------------------------------------------


def backups_folder(database: Path) -> Path:
    return database.parent / BACKUPS


def _check_reason(reason: str) -> None:
    if not _REASON.fullmatch(reason) or len(reason) > 40:
        raise ValueError(f"{reason!r}: a backup reason is a short lowercase ASCII word (open, before-import …)")


def _parse(path: Path) -> tuple[str, datetime] | None:
    match = _NAME.fullmatch(path.name)
    if not match:
        return None
    try:
        return match["reason"], datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return None


def backup_info(path: Path, with_totals: bool) -> BackupInfo | None:
    parsed = _parse(path)
    if parsed is None:
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None  # removed meanwhile (rotation in another process)
    totals, current = read_totals(path) if with_totals else (None, None)
    return BackupInfo(path, parsed[1], size, parsed[0], totals, current)


# --- making ---------------------------------------------------------------------------------------


def copy_database(source: Path, target: Path, *, from_backup: bool = False) -> None:
    """Copy ``source`` into the new file ``target`` through the backup API, as a self-contained file (rollback
    journal, no WAL beside it), fsynced. ``target`` is removed again when anything fails."""
    try:
        with contextlib.closing(open_read_only(source, backup=from_backup)) as reader:
            reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # "file is not a database" here
            with contextlib.closing(sqlite3.connect(target)) as writer:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")
        with target.open("rb+") as written:
            os.fsync(written.fileno())
    except BaseException:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise


def refuse_unwritable(workspace_folder: Path) -> None:
    """Refuse (``read_only``, with the workspace's own words) a folder on a network share — SQLite may corrupt a
    database there, and reading its WAL writes shared memory beside it — or on media this process cannot write:
    a backup would write into its ``backups/`` and rotate old ones away, a restore would rewrite the database."""
    from egov_desk.core.filesystems import mount_type, network_filesystem
    from egov_desk.core.opening import MEDIA, NETWORK, Access, writable

    folder = Path(workspace_folder)
    access = None
    if network_filesystem(folder):
        access = Access(True, NETWORK, filesystem=mount_type(folder) or "network", network=True)
    elif folder.exists() and not writable(folder, folder / DATABASE_NAME):
        access = Access(True, MEDIA)
    if access is not None:
        english, chinese = access.refusal()
        raise BackupError("read_only", folder, english, chinese)


def create_backup(database: Path, reason: str, folder: Path | None = None) -> BackupInfo:
    """Copy ``database`` into ``folder`` (default: ``backups/`` beside it), then rotate that folder.

    Raises :class:`BackupError` (``no_database``, ``read_only``: on a network share or read-only media,
    ``unreadable`` or ``write_failed``) naming the file; no partial file stays."""
    _check_reason(reason)
    database = Path(database)
    folder = Path(folder) if folder is not None else backups_folder(database)
    stamp = datetime.now().strftime(STAMP)
    target = folder / f"{database.stem}-{reason}-{stamp}.sqlite"
    temporary = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.part"
    if not database.is_file():
        raise BackupError("no_database", database)
    refuse_unwritable(database.parent)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError("write_failed", folder, reason_of(exc)) from exc
    try:
        with contextlib.closing(open_read_only(database)) as probe:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise BackupError("unreadable", database, reason_of(exc)) from exc
    try:
        copy_database(database, temporary)
        os.replace(temporary, target)
        fsync_folder(folder)
    except (sqlite3.Error, OSError) as exc:
        temporary.unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        if _damaged(exc):
            raise BackupError("unreadable", database, reason_of(exc)) from exc
        raise BackupError("write_failed", target, reason_of(exc)) from exc
    rotate(folder, keep=target)
    info = backup_info(target, with_totals=False)
    assert info is not None
    return info


def _damaged(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text)


def backup_before(database: Path, operation: str) -> BackupInfo:
    """The hook before a risky operation: ``operation`` is ``import``, ``score-import``, ``package-import``
    (a department package, from a later issue) or ``finalize`` (from a later issue). Call it right before
    the operation writes; a :class:`BackupError` should stop the operation (nothing has changed yet)."""
    return create_backup(database, f"before-{operation}")


def backup_if_due(database: Path, reason: str, min_interval: timedelta) -> BackupInfo | None:
    """A ``reason`` backup unless one was made less than ``min_interval`` ago (or the database is missing
    or empty). For opening (``"open"``, :data:`OPEN_INTERVAL`) and the daily one (``"daily"``,
    :data:`DAILY_INTERVAL`). Raises :class:`BackupError`; callers on open log it and go on."""
    database = Path(database)
    try:
        if database.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    now = datetime.now()
    for info in _scan(backups_folder(database)):
        if info.reason == reason and timedelta(0) <= now - info.created < min_interval:
            return None
    return create_backup(database, reason)


# --- listing and rotating -------------------------------------------------------------------------


def _scan(folder: Path, with_totals: bool = False) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = (backup_info(path, with_totals) for path in folder.glob("*.sqlite") if path.is_file())
    return sorted((info for info in found if info is not None), key=lambda i: (i.created, i.name), reverse=True)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in ``folder`` (a workspace folder or its ``backups/``), newest first, each with its
    assessments' totals read from the backup itself (``totals`` None when it cannot be read)."""
    folder = Path(folder)
    if (folder / BACKUPS).is_dir() or (folder / DATABASE_NAME).exists():
        folder = folder / BACKUPS
    return _scan(folder, with_totals=True)


def latest_backup(workspace_folder: Path) -> BackupInfo | None:
    """The newest backup that holds a readable workspace (one whose totals can be read): newest first, each read
    only until one reads."""
    for found in _scan(Path(workspace_folder) / BACKUPS):
        info = backup_info(found.path, with_totals=True)
        if info is not None and info.totals is not None:
            return info
    return None


def _to_remove(backups: Iterable[BackupInfo], now: datetime) -> list[BackupInfo]:
    limits = {"open": KEEP_OPEN, "daily": KEEP_DAILY, "before": KEEP_BEFORE}
    kept: dict[str, int] = {}
    remove = []
    for info in backups:  # newest first
        group = "before" if info.reason.startswith("before-") else info.reason
        if group not in limits:  # manual, and names of other kinds: kept
            continue
        kept[group] = kept.get(group, 0) + 1
        if kept[group] <= limits[group]:
            continue
        if group != "before" or now - info.created > timedelta(days=BEFORE_DAYS):
            remove.append(info)
    return remove


def rotate(folder: Path, keep: Path | None = None) -> list[Path]:
    """Remove the backups the policy (see the module's doc) no longer keeps, and temporary files of backups
    that never finished (older than an hour). Returns what was removed. Never removes ``keep``."""
    removed = []
    now = datetime.now()
    for info in _to_remove(_scan(folder), now):
        if info.path != keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    for part in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            if now.timestamp() - part.stat().st_mtime > 3600:
                part.unlink()
                removed.append(part)
    return removed
