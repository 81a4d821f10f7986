"""Making a new workspace: under its lock (also from the command line), so two creators never build — or clean up
— one database at once; a failed creation removes only what it made."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.db import migrate
from egov_desk.core.db.engine import sqlite_url
from egov_desk.core.db.models import utcnow
from egov_desk.core.errors import ReadOnlyWorkspace, WorkspaceError
from egov_desk.core.lock import LOCK_NAME
from egov_desk.core.opening import HELD, decide_access
from egov_desk.core.templates import load_template
from egov_desk.core.workspace_info import DATABASE_NAME, PLACEHOLDER_UNIT, UNIT_GIVEN

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


def _remove_empty(made: list[Path]) -> None:
    """Remove the folders a failed creation made (nearest first, with the lock file it left), when empty."""
    if made:
        (made[0] / LOCK_NAME).unlink(missing_ok=True)
    for folder in made:
        try:
            folder.rmdir()
        except OSError:
            break


def create_workspace(
    cls: type[Workspace], folder: Path, template: str, unit: str | None, year: int | None, hold: bool
) -> Workspace:
    """A new workspace in ``folder`` with ``template`` and an empty self-assessment; see :meth:`Workspace.open`."""
    database = folder / DATABASE_NAME
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(
            f"{folder}: cannot create the workspace folder ({exc.strerror})",
            f"无法创建工作区文件夹 {folder}（{exc.strerror}）",
            "cannot_create",
            path=str(folder),
        ) from exc
    # Creation holds the lock even for the CLI, so two creators never build (or clean up) one database at once.
    try:
        access = decide_access(folder, database, hold=True)
    except WorkspaceError:
        _remove_empty(made)
        raise
    if access.reason == HELD:  # another process is creating it this moment: open what it makes
        access.close()
        made_elsewhere = _wait_for_creation(cls, folder, hold)
        if made_elsewhere is not None:
            return made_elsewhere
    if access.read_only:
        english, chinese = access.refusal()
        access.close()
        _remove_empty(made)
        raise ReadOnlyWorkspace(
            f"{folder}: a new workspace cannot be made here. {english}",
            f"不能在 {folder} 新建工作区。{chinese}",
            "read_only",
            path=str(folder),
        )
    try:
        workspace = cls(sqlite_url(database), folder, access=access)
        try:
            workspace.add_system(load_template(template).to_interchange(), key=template, source=template)
            first = workspace.systems()[0]
            workspace.create_assessment(first.id, unit or PLACEHOLDER_UNIT, year or first.year or utcnow().year)
            if unit:
                workspace.set_setting(UNIT_GIVEN, True)
        except BaseException:
            workspace.close()
            raise
    except BaseException:  # leave no half-made workspace behind (a full disk, a bad template); the lock is ours
        for name in (DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"):
            (folder / name).unlink(missing_ok=True)
        access.close()
        _remove_empty(made)
        raise
    if not hold and access.lock is not None:  # the command line writes without holding the workspace
        access.lock.release()
        access.lock = None
    return workspace


def _wait_for_creation(cls: type[Workspace], folder: Path, hold: bool, seconds: float = 10.0) -> Workspace | None:
    """The workspace another process is creating, once it has its system and first assessment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if not (folder / DATABASE_NAME).exists():
            continue
        try:
            workspace = cls.open(folder, create=False, hold=hold)
        except (WorkspaceError, migrate.DatabaseRefused):
            continue  # not migrated yet
        if workspace.assessments():
            return workspace
        workspace.close()
    return None
