"""SQLite engines set up the way a desktop app that must not lose data needs them; the write lock on both
SQLite and a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; a crash loses no commit
    # FULL: a commit is on the disk when it returns, so a PC switched off a moment later keeps it (NORMAL
    # could lose the last commits at a power loss). The cost per edit is one more fsync; see bench/RESULTS.md.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def sqlite_url(database: Path, read_only: bool = False) -> str:
    """The URL of a workspace database; ``read_only`` opens it so that SQLite itself refuses any write."""
    if not read_only:
        return f"sqlite:///{database}"
    return f"sqlite:///{database.resolve().as_uri()}?mode=ro&uri=true"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite ones get WAL, foreign keys and a busy timeout on every connection. A server's
    pooled connection is checked before use: one the server closed (a restart, a network drop) is replaced."""
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


# The one advisory lock every write transaction on a server takes: "egov" and the date, any fixed number.
WRITE_LOCK_KEY = 2026111601
WRITE_LOCK_WAIT = "5s"  # like SQLite's busy_timeout: longer, and the write is refused as busy (SQLSTATE 55P03)


def write_lock(session: Session) -> None:
    """Take the database's write lock now, before anything is read, so what is read stays true until the commit.
    Call it first thing on a fresh session.

    SQLite: ``BEGIN IMMEDIATE``. PostgreSQL: a transaction-scoped advisory lock, so writes serialise as on SQLite;
    without it two clients would both number their audit row max+1 and one write would be lost. The server lets it
    go at the commit or the rollback, and when a client dies holding it (its connection closes)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{WRITE_LOCK_WAIT}'")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
