"""What opening a workspace's database does besides connecting: bring its schema up to date (or, read-only,
check it is), say in both languages why it cannot be opened, and tidy a writable workspace's folder."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from egov_desk.core.db import migrate
from egov_desk.core.db.engine import sqlite_url
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.opening import (
    Access,
    check_database_file,
    damaged,
    decide_access,
    refuse_missing_database,
    snapshot,
)
from egov_desk.core.workspace_create import MadeWorkspace, create_workspace
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
                from egov_desk.core.server import unreachable  # a server's words: a folder never needs them

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


class Opened(MadeWorkspace, Protocol):
    """What opening a folder needs of the workspace it makes (the Workspace, which imports this module)."""

    @property
    def read_only(self) -> bool: ...

    def after_open(self) -> None: ...


W = TypeVar("W", bound=Opened)


def open_folder(
    make: Callable[..., W],
    folder: Path,
    create: bool,
    template: str,
    unit: str | None,
    year: int | None,
    hold: bool,
) -> W:
    """:meth:`Workspace.open <egov_desk.core.workspace.Workspace.open>`: ``make(url, folder, access=…)`` builds
    the workspace once the database's file, its place and its lock have been looked at."""
    folder = Path(folder)
    database = folder / DATABASE_NAME
    new = not database.exists()
    if new and not create:
        raise WorkspaceError(
            f"{folder}: no egov-desk workspace here ({DATABASE_NAME} is missing)",
            f"{folder} 里没有工作区（缺少 {DATABASE_NAME}）",
            "no_workspace",
            path=str(folder),
        )
    if new:
        refuse_missing_database(folder, database)
        return create_workspace(
            lambda url, at, access: make(url, at, access=access),
            lambda at, held: open_folder(make, at, False, template, unit, year, held),
            folder,
            template,
            unit,
            year,
            hold,
        )
    check_database_file(database)
    access = decide_access(folder, database, hold)
    try:
        url = sqlite_url(database)
        if access.reason in ("network", "media"):
            access.snapshot = snapshot(database).parent
            url = sqlite_url(access.snapshot / DATABASE_NAME, read_only=True)
        elif access.read_only:
            url = sqlite_url(database, read_only=True)
        workspace = make(url, folder, access=access)
    except BaseException:
        access.close()
        raise
    if not workspace.read_only:
        workspace.after_open()
    return workspace
