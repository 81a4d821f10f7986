"""What opening a workspace's database does besides connecting: bring its schema up to date (or, read-only,
check it is), say in both languages why it cannot be opened, and tidy a writable workspace's folder."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from egov_desk.core.db import migrate
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.opening import Access, damaged
from egov_desk.core.server import unreachable
from egov_desk.core.workspace_info import DATABASE_NAME
from egov_desk.core.write_refusals import write_refused

log = logging.getLogger(__name__)


def prepare_database(engine: Engine, folder: Path | None, access: Access) -> Path | None:
    """Upgrade the database to the current schema (read-only: require it); returns the backup taken before an
    upgrade, if one was. A database that cannot be opened is refused with why (the engine disposed)."""
    database = folder / DATABASE_NAME if folder else None
    try:
        if access.read_only:
            migrate.require_current(engine)
            return None
        return migrate.upgrade(engine, database, folder / "backups" if folder else None)
    except (SQLAlchemyError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        if database is None:
            if engine.dialect.name != "sqlite" and isinstance(exc, OperationalError):  # no file to call damaged
                raise unreachable(engine.url.render_as_string(hide_password=True), exc) from exc
            raise
        reason = getattr(exc, "orig", None) or exc
        if isinstance(reason, sqlite3.OperationalError):  # the disk or the folder, not the file's content
            if "full" in str(reason) or "I/O" in str(reason):
                raise write_refused(exc, "the workspace", "工作区", access) from exc
            raise WorkspaceError(
                f"{database} cannot be opened ({reason})",
                f"无法打开 {database}（{reason}）",
                "cannot_open",
                path=str(database),
            ) from exc
        raise damaged(database, reason) from exc


def housekeeping(folder: Path) -> None:
    """Housekeeping of a writable workspace: a backup at most hourly (the CLI opens once per command) and the
    leftovers of exports or copies that were killed. Neither may stop the workspace from opening."""
    from egov_desk.core.backups import OPEN_INTERVAL, BackupError, backup_if_due
    from egov_desk.core.exports.leftovers import clean_leftovers

    try:
        backup_if_due(folder / DATABASE_NAME, "open", OPEN_INTERVAL)
    except BackupError as exc:  # a full disk or read-only media: the open goes on
        log.warning("no backup on open: %s", exc)
    clean_leftovers(folder)
