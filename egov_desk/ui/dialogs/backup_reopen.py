"""A window's restore, from closing its workspace to having it open again — under the one lock the window held.

The window's lock is kept through the restore and the reopening (:func:`restore_and_reopen`), so no other window
can take the workspace in between and leave the restoring one read-only. When the restored database cannot be
opened (an upgrade that fails, say), the state from before the restore is put back and opened instead; when even
that fails, the workspace is opened as at start-up (:func:`egov_desk.ui.opening.open_for_window`), which explains
what is wrong in the UI's language and offers the latest backup of a damaged one.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.backups import BackupError, RestoreReport, restore_backup
from egov_desk.core.db.engine import sqlite_url
from egov_desk.core.db.migrate import DatabaseRefused
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.messages import say
from egov_desk.core.opening import Access, check_database_file
from egov_desk.core.workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from egov_desk.core.lock import WorkspaceLock

REOPEN_ERRORS = (WorkspaceError, DatabaseRefused, OSError, sqlite3.Error)
log = logging.getLogger(__name__)


@dataclass
class Reopened:
    workspace: Workspace | None  # None: it could not be opened at all (the person was told why)
    report: RestoreReport | None = None  # None: nothing was restored
    failure: BackupError | None = None  # why the backup is not what the workspace now holds


def open_held(folder: Path, lock: WorkspaceLock | None) -> Workspace:
    """The workspace opened for writing under ``lock`` — what ``Workspace.open(hold=True)`` does, without letting
    go of the lock in between (``lock`` None: taken as the window takes it)."""
    if lock is None:
        return Workspace.open(folder, create=False, hold=True)
    database = folder / DATABASE_NAME
    check_database_file(database)
    workspace = Workspace(sqlite_url(database), folder, access=Access(lock=lock))
    try:
        workspace.after_open()
    except BaseException:
        workspace.engine.dispose()  # not workspace.close(): the lock stays the caller's
        raise
    return workspace


def restore_and_reopen(parent: QWidget | None, folder: Path, backup: Path, lock: WorkspaceLock | None) -> Reopened:
    """Put ``backup`` back into the (closed) workspace in ``folder`` and open it again, keeping ``lock``."""
    from egov_desk.ui.opening import open_for_window

    result = Reopened(None)
    try:
        result.report = restore_backup(folder, backup, lock=lock)
    except BackupError as error:
        result.failure = error
    try:
        result.workspace = open_held(folder, lock)
        return result
    except REOPEN_ERRORS as exc:
        log.warning("the workspace did not open after restoring %s: %s", backup, exc)
        cannot_open = exc
    safety = result.report.safety if result.report is not None else None
    if safety is not None:  # the restored copy cannot be opened: the state before it comes back
        try:
            restore_backup(folder, safety.path, lock=lock)
            result.workspace = open_held(folder, lock)
        except (BackupError, *REOPEN_ERRORS) as exc:
            log.warning("the state before the restore did not open again either: %s", exc)
        else:
            result.report = None
            result.failure = BackupError(
                "restore_failed",
                backup,
                f"{say(cannot_open, 'en')}; the workspace was put back as it was before the restore",
                f"{say(cannot_open, 'zh_CN')}；工作区已回到恢复之前的状态",
            )
            return result
    if lock is not None:
        lock.release()  # opened as at start-up: taken again there
    result.workspace = open_for_window(parent, folder, create=False)
    if result.failure is None and result.workspace is None:
        result.failure = BackupError("restore_failed", backup, say(cannot_open, "en"), say(cannot_open, "zh_CN"))
    return result
