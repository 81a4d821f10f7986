"""Making a new workspace: under its lock (also from the command line), so two creators never build — or clean up
— one database at once; a failed creation removes only what it made."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

from egov_desk.core.db import migrate
from egov_desk.core.db.engine import sqlite_url
from egov_desk.core.db.models import utcnow
from egov_desk.core.errors import ReadOnlyWorkspace, WorkspaceError
from egov_desk.core.lock import LOCK_NAME
from egov_desk.core.messages import os_reason_zh
from egov_desk.core.opening import HELD, Access, decide_access
from egov_desk.core.templates import load_template
from egov_desk.core.workspace_info import DATABASE_NAME, PLACEHOLDER_UNIT, UNIT_GIVEN, AssessmentInfo, SystemInfo


def _remove_empty(made: list[Path]) -> None:
    """Remove the folders a failed creation made (nearest first, with the lock file it left), when empty."""
    if made:
        (made[0] / LOCK_NAME).unlink(missing_ok=True)
    for folder in made:
        try:
            folder.rmdir()
        except OSError:
            break


class MadeWorkspace(Protocol):
    """What making a workspace needs of one (the Workspace, which imports this module)."""

    def add_system(self, data: Mapping[str, Any], key: str, source: str = "") -> object: ...
    def systems(self) -> list[SystemInfo]: ...
    def create_assessment(self, system_id: int, unit: str, year: int, title: str = "自评") -> object: ...
    def set_setting(self, key: str, value: Any) -> None: ...
    def assessments(self) -> list[AssessmentInfo]: ...
    def close(self) -> None: ...


W = TypeVar("W", bound=MadeWorkspace)


def create_workspace(
    make: Callable[[str, Path, Access], W],
    reopen: Callable[[Path, bool], W],
    folder: Path,
    template: str,
    unit: str | None,
    year: int | None,
    hold: bool,
) -> W:
    """A new workspace in ``folder`` with ``template`` and an empty self-assessment; see :meth:`Workspace.open`.
    ``make`` opens the new database (url, folder, access); ``reopen`` opens one another process made."""
    database = folder / DATABASE_NAME
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(
            f"{folder}: cannot create the workspace folder ({exc.strerror})",
            f"无法创建工作区文件夹 {folder}（{os_reason_zh(exc)}）",
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
        made_elsewhere = _wait_for_creation(reopen, folder, hold)
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
        workspace = make(sqlite_url(database), folder, access)
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


def _wait_for_creation(reopen: Callable[[Path, bool], W], folder: Path, hold: bool, seconds: float = 10.0) -> W | None:
    """The workspace another process is creating, once it has its system and first assessment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if not (folder / DATABASE_NAME).exists():
            continue
        try:
            workspace = reopen(folder, hold)
        except (WorkspaceError, migrate.DatabaseRefused):
            continue  # not migrated yet
        if workspace.assessments():
            return workspace
        workspace.close()
    return None
