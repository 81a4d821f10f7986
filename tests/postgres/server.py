"""The PostgreSQL server the tests may use: named by ``--postgres URL`` or ``EGOV_TEST_POSTGRES`` (an admin URL,
e.g. postgresql://egov@127.0.0.1:55432/postgres, as tools/pg_cluster.sh prints). Each test that runs on it gets a
database of its own, copied from a template made once per test process (CREATE DATABASE … TEMPLATE: fast)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ENV = "EGOV_TEST_POSTGRES"
_given: list[str] = []  # --postgres, set by the plugin
_template: list[str] = []
_numbers = itertools.count(1)


def configured() -> str | None:
    """The admin URL of the test server, or None when the tests run on SQLite only."""
    url = _given[0] if _given else os.environ.get(ENV, "")
    return url or None


def skip_reason() -> str:
    return (
        f"no PostgreSQL server for the tests: set {ENV}=postgresql://user@host:port/postgres or pass --postgres URL "
        "(tools/pg_cluster.sh start DIR PORT makes one)"
    )


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url.replace("postgresql+psycopg://", "postgresql://", 1))
    return urlunsplit(parts._replace(path=f"/{name}"))


def _execute(statement: str) -> None:
    import psycopg

    admin_url = configured()
    assert admin_url is not None
    with psycopg.connect(_with_database(admin_url, "postgres"), autocommit=True) as admin:
        admin.execute(statement.encode())  # names made here, never input


def template() -> str:
    """The template database: migrated and set up as ``server init`` does (made on first use in this process)."""
    if not _template:
        from egov_desk.core.server_setup import initialise

        name = f"egov_template_{os.getpid()}"
        _execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        _execute(f"CREATE DATABASE {name}")
        initialise(_with_database(configured() or "", name), vault=Path(os.devnull))
        _template.append(name)
    return _template[0]


def new_database() -> str:
    """The URL of a new database holding a fresh workspace (the built-in system, an empty self-assessment)."""
    name = f"egov_{os.getpid()}_{next(_numbers)}"
    _execute(f"CREATE DATABASE {name} TEMPLATE {template()}")
    return _with_database(configured() or "", name)


def empty_database() -> str:
    """The URL of a new, empty database (for server init)."""
    name = f"egov_{os.getpid()}_{next(_numbers)}"
    _execute(f"CREATE DATABASE {name}")
    return _with_database(configured() or "", name)


def drop(url: str) -> None:
    _execute(f"DROP DATABASE IF EXISTS {urlsplit(url).path.lstrip('/')} WITH (FORCE)")


def drop_template() -> None:
    if _template and configured():
        _execute(f"DROP DATABASE IF EXISTS {_template.pop()} WITH (FORCE)")
