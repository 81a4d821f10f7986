"""Noticing that the database changed underneath: another process (the CLI, a second window) wrote to it.

SQLite's ``PRAGMA data_version`` changes on a connection when *another* connection commits. One read-only
connection kept for watching makes the check a cheap no-I/O query that can run every second.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from egov_desk.core.folder_layout import DATABASE_NAME


class DataWatch:
    def __init__(self, database: Path) -> None:
        uri = database.resolve().as_uri() + "?mode=ro"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._seen = self._version()

    def _version(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True once after every commit made by another connection (our own writes count too)."""
        try:
            version = self._version()
        except sqlite3.Error:
            return False
        if version == self._seen:
            return False
        self._seen = version
        return True

    def close(self) -> None:
        self._connection.close()


def watch_file(folder: Path | None, snapshot: Path | None, engine: Engine) -> DataWatch | None:
    """A watch on the workspace file in ``folder``; None for a snapshot (nobody writes it) or off SQLite (a server's
    database is no file here: its clients will hear of changes from the server itself)."""
    if folder is None or snapshot is not None or engine.dialect.name != "sqlite":
        return None
    return DataWatch(folder / DATABASE_NAME)
