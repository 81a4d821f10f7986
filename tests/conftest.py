"""Shared set-up: offscreen Qt, a throw-away home for settings and the default workspace, fresh workspaces."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything creates a QApplication or asks platformdirs: never touch the real user's data or settings.
_HOME = Path(tempfile.mkdtemp(prefix="egov-desk-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_STATE_HOME"] = str(_HOME / "state")  # the log folder
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")  # the first screen's snapshots
# The command line's language follows the locale: tests that want Chinese ask for it; the rest read English,
# whatever the machine running them is set to.
os.environ["LANG"] = "C.UTF-8"
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)

from egov_desk.core.workspace import Workspace  # noqa: E402 - after the environment above
from egov_desk.render.singletons import keep_singletons_alive  # noqa: E402

keep_singletons_alive()  # as the app does first: PySide6 6.12 drains None's count on Python 3.11 (thousands of tests)

pytest_plugins = ["tests.postgres.plugin"]

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed"  # copies of ../shared/seed; tests/core/test_template_2019.py checks they match
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture
def workspace(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Workspace]:
    """A new workspace with the built-in 2019 system and an empty self-assessment (also on a server: tests/postgres)."""
    from tests.postgres.plugin import new_workspace

    ws = new_workspace(tmp_path / "workspace", request)
    yield ws
    ws.close()


def fill_disk(workspace: Workspace) -> None:
    """Make the workspace's disk "full": SQLite may not grow the database file past its current size."""
    import sqlite3

    from sqlalchemy import event

    workspace.engine.dispose()
    with sqlite3.connect(workspace.folder / "workspace.sqlite") as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()

    @event.listens_for(workspace.engine, "connect")
    def no_room(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")


_EXIT_STATUS: list[int] = []


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave as the app leaves (ui/app.run): once every test has run and been reported, PySide6 on Python 3.11 has
    been seen to crash while the interpreter tears its objects down ("bool_dealloc", exit 134) — a crash after the
    end that would turn a passed run red. Coverage (``coverage run``) is saved first, then pytest's own status."""
    import sys

    try:
        import coverage
    except ImportError:
        coverage = None  # type: ignore[assignment]
    measuring = coverage.Coverage.current() if coverage is not None else None
    if measuring is not None:
        measuring.stop()
        measuring.save()
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.flush()  # its own writer: the summary and the failures' details, else lost with os._exit
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(_EXIT_STATUS[-1] if _EXIT_STATUS else int(getattr(config, "_egov_status", 0)))
