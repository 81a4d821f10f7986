"""Setting up a workspace on a PostgreSQL server: ``server init`` (an empty database becomes a workspace with the
built-in system and an empty self-assessment, as a new folder does, and gets its workspace id) and ``server
upgrade`` (the schema brought to this version's). See :mod:`egov_desk.core.server`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from egov_desk.core import server
from egov_desk.core.db.engine import make_engine
from egov_desk.core.db.migrations import HEAD
from egov_desk.core.db.models import utcnow
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.packages.identity import workspace_id
from egov_desk.core.templates import DEFAULT_TEMPLATE, load_template
from egov_desk.core.workspace import Workspace
from egov_desk.core.workspace_info import PLACEHOLDER_UNIT, UNIT_GIVEN


@dataclass(frozen=True)
class ServerSetUp:
    server: str
    database: str
    before: str | None  # the schema revision the database had (None: it was empty)
    revision: str
    workspace_id: str
    seeded: bool  # the built-in system and a first assessment were added


def initialise(
    url: str,
    *,
    template: str = DEFAULT_TEMPLATE,
    unit: str | None = None,
    year: int | None = None,
    vault: Path | None = None,
) -> ServerSetUp:
    """Make the (empty) database at ``url`` a workspace; one that already is one is only brought up to date.
    A database holding tables of something else is refused and left alone."""
    engine = make_engine(server.engine_url(url))
    try:
        with server.setting_up(engine, url):  # two inits at once: the second finds the first's system
            before = _upgrade(engine, url)
            with Workspace.connect(url, vault) as workspace:
                seeded = not workspace.systems()
                if seeded:
                    workspace.add_system(load_template(template).to_interchange(), key=template, source=template)
                    first = workspace.systems()[0]
                    year = year or first.year or utcnow().year
                    workspace.create_assessment(first.id, unit or PLACEHOLDER_UNIT, year)
                    if unit:
                        workspace.set_setting(UNIT_GIVEN, True)
                made = workspace_id(workspace)
    finally:
        engine.dispose()
    return ServerSetUp(server.where(url), server.database_name(url), before, HEAD, made, seeded)


def upgrade(url: str) -> ServerSetUp:
    """Bring the server's workspace to this version's schema; an empty database is refused (init it)."""
    engine = make_engine(server.engine_url(url))
    try:
        with server.setting_up(engine, url):
            revision, _tables = server.revision_of(engine, url)
            if revision is None:
                raise server.schema_refused(url, None)
            before = _upgrade(engine, url)
        with Workspace.connect(url) as workspace:
            made = workspace_id(workspace)
    finally:
        engine.dispose()
    return ServerSetUp(server.where(url), server.database_name(url), before, HEAD, made, False)


def _upgrade(engine: Engine, url: str) -> str | None:
    from egov_desk.core.db.migrate import DatabaseRefused

    try:
        return server.upgrade(engine, url)
    except DatabaseRefused as exc:
        if exc.kind == "not_a_workspace":
            raise WorkspaceError(
                f"the database {server.database_name(url)} on {server.where(url)} holds tables but no egov-desk "
                "workspace; it has not been changed (name an empty database)",
                f"服务器 {server.where(url)} 上的数据库 {server.database_name(url)} 里已有别的数据表，不是工作区；"
                "没有改动它（请指定一个空数据库）",
                "not_a_workspace",
            ) from exc
        raise
