"""A workspace on a PostgreSQL server: its URL, connecting to it, and setting it up (init, upgrade, check).

On a server there is no folder: no folder lock, no WAL, no file backups (the server's own backups, pg_dump, do
that). The evidence vault is, for now, a local folder the caller names — ``vault=``, else ``EGOV_VAULT``, else the
workspace's ``vault`` setting, else a folder of this PC's user data per server database; evidence kept in the
database or on a shared folder the server's admin names comes next.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from egov_desk.core.db import migrate
from egov_desk.core.db.migrations import HEAD
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.evidence.book import EvidenceBook
from egov_desk.core.store import Store

DRIVER = "postgresql+psycopg"
SCHEMES = ("postgresql", "postgres", DRIVER)
VAULT_SETTING = "vault"
UPGRADE_LOCK_KEY = 2026111602  # one client upgrades a server's schema at a time


def is_server_url(text_: str | os.PathLike[str]) -> bool:
    """Whether a ``--workspace`` (or a path given anywhere) names a server, not a folder."""
    return isinstance(text_, str) and text_.split("://", 1)[0].lower() in SCHEMES and "://" in text_


def engine_url(url: str) -> str:
    """``url`` with the driver this app ships (psycopg 3), whichever of the usual spellings it was given in."""
    if not is_server_url(url):
        raise WorkspaceError(
            f"{url!r} is not a PostgreSQL URL (postgresql://user@host:port/database)",
            f"{url!r} 不是 PostgreSQL 地址（postgresql://用户@主机:端口/数据库）",
            "not_a_server_url",
        )
    return f"{DRIVER}://{url.split('://', 1)[1]}"


def where(url: str) -> str:
    """host:port of the server, the way a person names it (never the password)."""
    parts = urlsplit(engine_url(url))
    return f"{parts.hostname or 'localhost'}:{parts.port or 5432}"


def database_name(url: str) -> str:
    return urlsplit(engine_url(url)).path.lstrip("/") or "postgres"


def unreachable(url: str, exc: BaseException) -> WorkspaceError:
    """The server did not answer or would not let us in (F5: never said as a damaged workspace file)."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return WorkspaceError(
        f"cannot connect to the server {where(url)}: {reason}",
        f"无法连接服务器 {where(url)}：{reason}",
        "server_unreachable",
        server=where(url),
    )


def schema_refused(url: str, revision: str | None) -> WorkspaceError:
    if revision is None:
        return WorkspaceError(
            f"the database {database_name(url)} on {where(url)} holds no egov-desk workspace yet; "
            f"set it up with: egov-desk-cli server init --url {url}",
            f"服务器 {where(url)} 上的数据库 {database_name(url)} 还没有工作区；"
            f"请先执行：egov-desk-cli server init --url {url}",
            "server_not_initialised",
        )
    return WorkspaceError(
        f"the workspace on {where(url)} has schema {revision}, this version needs {HEAD}; "
        f"bring it up to date with: egov-desk-cli server upgrade --url {url}",
        f"服务器 {where(url)} 上的工作区数据库结构是 {revision}，本版本需要 {HEAD}；"
        f"请先执行：egov-desk-cli server upgrade --url {url}",
        "server_needs_upgrade",
    )


def revision_of(engine: Engine, url: str) -> tuple[str | None, bool]:
    """The schema revision the server's database holds (None: none) and whether it holds any table."""
    from sqlalchemy import inspect

    try:
        with engine.connect() as connection:
            return migrate.current_revision(connection), bool(inspect(connection).get_table_names())
    except SQLAlchemyError as exc:
        raise unreachable(url, exc) from exc


@contextmanager
def setting_up(engine: Engine, url: str) -> Iterator[None]:
    """One client at a time sets a server's workspace up (migrates it, adds its first system): a session advisory
    lock held on a connection of its own, let go at the end or when the client dies."""
    try:
        with engine.connect() as guard:
            guard.execute(text(f"SELECT pg_advisory_lock({UPGRADE_LOCK_KEY})"))
            guard.commit()
            try:
                yield
            finally:
                guard.execute(text(f"SELECT pg_advisory_unlock({UPGRADE_LOCK_KEY})"))
                guard.commit()
    except SQLAlchemyError as exc:
        if getattr(exc, "connection_invalidated", False) or _sqlstate(exc).startswith("08"):
            raise unreachable(url, exc) from exc
        raise


def upgrade(engine: Engine, url: str) -> str | None:
    """Migrate the server's database to this version's schema (inside :func:`setting_up`); returns the revision it
    had. PostgreSQL runs the migrations in one transaction: a failed upgrade leaves the database as it was."""
    before, _tables = revision_of(engine, url)
    migrate.upgrade(engine)
    return before


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(getattr(exc, "orig", None), "sqlstate", "") or "")


class _Opened(Protocol):
    store: Store
    evidence: EvidenceBook

    def close(self) -> None: ...


Opened = TypeVar("Opened", bound=_Opened)


def login(url: str) -> str | None:
    """The user the URL signs in as (None: libpq's default, this PC's account)."""
    return urlsplit(url).username or None


def connect(make: Callable[[str], Opened], url: str, vault: Path | None = None) -> Opened:
    """The workspace in the server's database at ``url`` (made by ``make`` from the engine URL), refused in both
    languages when the server cannot be reached or its schema is not this version's (init or upgrade it first)."""
    from egov_desk.core.db.engine import make_engine

    probe = make_engine(engine_url(url))
    try:
        revision, _tables = revision_of(probe, url)
    finally:
        probe.dispose()
    if revision != HEAD:
        raise schema_refused(url, revision)
    workspace = make(engine_url(url))
    try:
        workspace.evidence = EvidenceBook(workspace.store, vault_folder(workspace.store, url, vault))
    except BaseException:
        workspace.close()
        raise
    return workspace


def vault_folder(store: Store, url: str, vault: Path | None = None) -> Path:
    """Where this PC keeps the server workspace's evidence files (see the module's doc)."""
    if vault is not None:
        return Path(vault)
    if os.environ.get("EGOV_VAULT"):
        return Path(os.environ["EGOV_VAULT"])
    from egov_desk.core.db.models import Setting

    with store.read() as session:
        row = session.get(Setting, VAULT_SETTING)
    if row is not None and isinstance(row.value, str) and row.value:
        return Path(row.value)
    from platformdirs import user_data_dir

    from egov_desk import APP_AUTHOR, APP_NAME

    label = re.sub(r"[^0-9A-Za-z_.-]+", "_", f"{where(url)}_{database_name(url)}")
    return Path(user_data_dir(APP_NAME, APP_AUTHOR)) / "server-vaults" / label


@dataclass(frozen=True)
class ServerCheck:
    server: str
    database: str
    version: str  # the server's, e.g. "15.20"
    revision: str | None
    head: str
    can_write: bool
    reason: str = ""  # why not, when it cannot

    @property
    def current(self) -> bool:
        return self.revision == self.head


def check(url: str) -> ServerCheck:
    """The server's version, its workspace's schema revision against this version's, and whether a write lands
    (a write inside a transaction rolled back: nothing is left behind)."""
    from egov_desk.core.db.engine import WRITE_LOCK_KEY, make_engine

    engine = make_engine(engine_url(url))
    try:
        revision, _tables = revision_of(engine, url)
        with engine.connect() as connection:
            version = str(connection.execute(text("SHOW server_version")).scalar()).split()[0]
            can_write, reason = True, ""
            try:
                connection.execute(text(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"))
                connection.execute(text("CREATE TEMPORARY TABLE egov_can_write (x integer) ON COMMIT DROP"))
                if revision is not None:
                    connection.execute(text("UPDATE settings SET key = key WHERE false"))
            except SQLAlchemyError as exc:
                can_write, reason = False, str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            connection.rollback()
    except SQLAlchemyError as exc:
        raise unreachable(url, exc) from exc
    finally:
        engine.dispose()
    return ServerCheck(where(url), database_name(url), version, revision, HEAD, can_write, reason)
