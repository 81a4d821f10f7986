"""Bring a workspace database to this version's schema, safely.

At open: read the schema revision with one cheap query; if it is current, do nothing (Alembic is not even
imported, which keeps start-up fast). If it is older, copy the database to ``backups/`` first, then run
Alembic's upgrade. If it is a revision this version does not know, refuse: it was written by a newer
egov-desk, and touching it could lose data.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from egov_desk.core.db.migrations import HEAD, MIGRATIONS, known_revisions
from egov_desk.core.errors import Failure


class DatabaseRefused(Failure):
    """The database cannot be opened safely by this version; it has not been changed."""


class NewerDatabaseError(DatabaseRefused):
    """The database was made by a newer egov-desk."""


class NotAWorkspaceError(DatabaseRefused):
    """The file is a database, but not one of ours."""


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(database: Path, backups: Path, label: str) -> Path:
    """A consistent copy in ``backups`` (see :func:`egov_desk.core.backups.create_backup`, which also rotates)."""
    from egov_desk.core.backups import create_backup

    return create_backup(database, label, backups).path


def upgrade(
    engine: Engine,
    database: Path | None = None,
    backups: Path | None = None,
    *,
    head: str = HEAD,
    scripts: Path = MIGRATIONS,
) -> Path | None:
    """Migrate to ``head``. Returns the backup taken, if any (none for a new, empty database).

    ``head`` and ``scripts`` are this release's; tests pass others to rehearse a future upgrade.
    """
    with engine.connect() as connection:
        revision = current_revision(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if revision == head:
        return None
    if revision is not None and revision not in known_revisions(scripts):
        raise NewerDatabaseError(
            f"this workspace was saved by a newer version of egov-desk (database schema {revision}; this "
            f"version knows up to {head}). Open it with the newer version; it has not been changed.",
            f"这个工作区由更新版本的 egov-desk 保存（数据库结构 {revision}，本版本只认识到 {head}）。"
            "请用新版本打开；它没有被改动。",
            "newer_database",
        )
    if revision is None and has_tables:
        raise NotAWorkspaceError(
            "this SQLite database is not an egov-desk workspace; it has not been changed",
            "这个 SQLite 数据库不是 egov-desk 工作区；它没有被改动。",
            "not_a_workspace",
        )
    backup = None
    if revision is not None and database is not None and backups is not None:
        backup = backup_sqlite(database, backups, f"before-upgrade-from-{revision}")

    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts))
    with engine.connect() as connection:
        # SQLite's procedure for schema changes: with foreign keys on, the DROP TABLE inside a batch
        # table copy would cascade-delete child rows. Off outside the transaction, checked before commit.
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()  # ends SQLAlchemy's autobegun transaction; SQLite itself began none
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, head)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("the upgrade broke a foreign key; it was rolled back")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
    return backup


def require_current(engine: Engine, head: str = HEAD) -> None:
    """For a read-only open: the schema must already be this version's (an upgrade would have to write)."""
    with engine.connect() as connection:
        revision = current_revision(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if revision == head:
        return
    if revision is None and has_tables:
        raise NotAWorkspaceError(
            "this SQLite database is not an egov-desk workspace; it has not been changed",
            "这个 SQLite 数据库不是 egov-desk 工作区；它没有被改动。",
            "not_a_workspace",
        )
    raise DatabaseRefused(
        f"this workspace needs an upgrade to this version's schema ({revision} → {head}), which needs write "
        "access; it can't be opened read-only here",
        f"这个工作区需要升级到本版本的数据库结构（{revision} → {head}），升级需要写入，所以不能在这里以只读方式打开。",
        "needs_upgrade",
    )
