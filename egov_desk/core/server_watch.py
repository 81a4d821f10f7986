"""Hearing, on a PostgreSQL server, that another client wrote: every committed write NOTIFYs ``egov_changes`` with
a small JSON (the assessment, the items' codes, the kinds of change, who) in its own transaction — so it is heard
only once committed, and never for a write rolled back — and a :class:`ServerWatch` listens for it.

The watch is a connection of its own (autocommit, ``LISTEN egov_changes``) read by a daemon thread, which
reconnects after the server went away (and then says "changed", since what happened meanwhile is unknown). The
window asks :meth:`ServerWatch.changed` on its timer as it asks the SQLite file's :class:`DataWatch`: the answer is a
flag under a lock, so asking every few hundred milliseconds costs nothing; ``on_change`` (called on the thread)
may wake a UI thread sooner — through a Qt signal, never touching widgets.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from egov_desk.core.watch import DataWatch, watch_file

__all__ = ["DataWatch", "ServerWatch", "watch_workspace"]

CHANNEL = "egov_changes"
_NOTED = "egov_changed"  # session.info: what this transaction changed, said at its commit
RECONNECT_SECONDS = 2.0
APPLICATION = "egov-desk watch"  # the listening connection's name in pg_stat_activity


def note(session: Session, action: str, assessment_id: int | None, code: str | None) -> None:
    """Remember, for the commit's NOTIFY, what an audit row of this transaction changed."""
    noted: list[tuple[str, int | None, str | None]] = session.info.setdefault(_NOTED, [])
    noted.append((action, assessment_id, code))


def announce(session: Session, who: str) -> None:
    """NOTIFY the server's other clients of what this transaction changed (nothing off a server, or unchanged)."""
    noted = session.info.pop(_NOTED, None)
    if not noted or session.get_bind().dialect.name != "postgresql":
        return
    payload = {
        "assessments": sorted({a for _k, a, _c in noted if a is not None}),
        "codes": sorted({c for _k, _a, c in noted if c})[:50],  # NOTIFY takes 8000 bytes: a return's are many
        "kinds": sorted({k for k, _a, _c in noted}),
        "actor": who,
    }
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": json.dumps(payload)})


@dataclass
class Heard:
    """What the watch heard since it was last asked: the assessments, codes and kinds named, by whom."""

    assessments: set[int] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    unknown: bool = False  # the connection was lost: anything may have changed

    def add(self, payload: str) -> None:
        try:
            said: dict[str, Any] = json.loads(payload)
        except ValueError:
            self.unknown = True
            return
        self.assessments.update(int(a) for a in said.get("assessments", ()))
        self.codes.update(str(c) for c in said.get("codes", ()))
        self.kinds.update(str(k) for k in said.get("kinds", ()))
        if said.get("actor"):
            self.actors.add(str(said["actor"]))


class ServerWatch(DataWatch):
    """A :class:`DataWatch` for a server workspace: ``changed()`` is true once after any client's commit (this
    one's too, as the file's watch is); :attr:`heard` says what the last true answer was about."""

    def __init__(self, url: URL | str, on_change: Callable[[], None] | None = None) -> None:  # no file: no super()
        self._conninfo = _conninfo(url)
        self._lock = threading.Lock()
        self._pending: Heard | None = None
        self.heard = Heard()
        self.on_change = on_change
        self._closing = threading.Event()
        self._listening = threading.Event()
        self._connection: Any = None
        self._thread = threading.Thread(target=self._listen, name="egov-server-watch", daemon=True)
        self._thread.start()
        self._listening.wait(5.0)  # LISTEN before the first write we are asked about (not forever: offline is fine)

    def changed(self) -> bool:
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return False
        self.heard = pending
        return True

    def waiting(self) -> bool:
        """Whether a change was heard that :meth:`changed` has not reported yet."""
        with self._lock:
            return self._pending is not None

    def close(self) -> None:
        self._closing.set()
        self._thread.join(timeout=3.0)

    def _heard(self, payload: str | None) -> None:
        with self._lock:
            if self._pending is None:
                self._pending = Heard()
            if payload is None:
                self._pending.unknown = True
            else:
                self._pending.add(payload)
        if self.on_change is not None:
            self.on_change()

    def _connect(self) -> Any:  # a psycopg.Connection
        import psycopg

        return psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5, application_name=APPLICATION)

    def _listen(self) -> None:
        import psycopg

        lost = False
        while not self._closing.is_set():
            try:
                with self._connect() as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._listening.set()
                    if lost:  # writes made while we were away were not heard
                        self._heard(None)
                    while not self._closing.is_set():
                        for notice in connection.notifies(timeout=0.5, stop_after=64):
                            self._heard(notice.payload)
            except psycopg.Error:
                lost = True
                self._listening.set()
                self._closing.wait(RECONNECT_SECONDS)


def _conninfo(url: URL | str) -> str:
    """The libpq URL of an engine's (psycopg's own: no ``+psycopg`` driver part, the password kept)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def watch_server(engine: Engine) -> ServerWatch | None:
    """A watch of a server workspace's changes; None off a server (the SQLite file has its own watch)."""
    if engine.dialect.name != "postgresql":
        return None
    return ServerWatch(engine.url)


def watch_workspace(folder: Path | None, snapshot: Path | None, engine: Engine) -> DataWatch | None:
    """The watch of a workspace: its server's NOTIFYs, or its SQLite file's data version (None for a snapshot)."""
    return watch_server(engine) or watch_file(folder, snapshot, engine)
