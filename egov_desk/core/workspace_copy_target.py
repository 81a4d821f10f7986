"""Where ``workspace copy`` may write (:mod:`~egov_desk.core.workspace_copy`): a new or empty folder, or an empty
server database given the schema and nothing else — and emptying it again when the copy does not stand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from egov_desk.core import server
from egov_desk.core.db.engine import make_engine
from egov_desk.core.errors import WorkspaceError


def refuse_folder(folder: Path) -> bool:
    """``folder`` ready for the copy: refused when it holds anything; whether it was made here (removed again on
    failure) or was there, empty (emptied again)."""
    if folder.exists():
        if not folder.is_dir() or any(folder.iterdir()):
            raise WorkspaceError(
                f"{folder}: not empty; the copy goes into a new or empty folder (nothing was written)",
                f"{folder} 不是空文件夹；副本只能放到新的或空的文件夹中（没有写入任何内容）",
                "copy_target_not_empty",
                path=str(folder),
            )
        return False
    folder.mkdir(parents=True)
    return True


def empty_server_database(url: str, evidence: dict[str, Any]) -> None:
    """The empty database at ``url`` given this version's schema (no system, no assessment) and its evidence
    place; one holding any table is refused and left alone."""
    engine = make_engine(server.engine_url(url))
    try:
        with server.setting_up(engine, url):
            revision, tables = server.revision_of(engine, url)
            if tables:
                raise WorkspaceError(
                    f"the database {server.database_name(url)} on {server.where(url)} is not empty "
                    f"({'a workspace' if revision else 'it holds tables'}); the copy goes into an empty database "
                    "(nothing was written)",
                    f"服务器 {server.where(url)} 上的数据库 {server.database_name(url)} 不是空的"
                    f"（{'已有工作区' if revision else '已有数据表'}）；副本只能放到空数据库中（没有写入任何内容）",
                    "copy_target_not_empty",
                )
            server.upgrade(engine, url)
            with engine.begin() as connection:
                from egov_desk.core.db.models import Setting
                from egov_desk.core.evidence_place import SETTING

                connection.execute(insert(Setting).values(key=SETTING, value=evidence))
    finally:
        engine.dispose()


def drop_tables(url: str) -> None:
    """Leave the server database empty again (the copy's tables, its schema version)."""
    from egov_desk.core.db.models import Base

    engine = make_engine(server.engine_url(url))
    try:
        Base.metadata.drop_all(engine)
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        engine.dispose()
