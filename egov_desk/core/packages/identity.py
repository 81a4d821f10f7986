"""Who made a package: the workspace's own id, and each department's package number.

The id is a uuid4 kept in the settings table under ``workspace_id``, made on first use; a package names it, so a
return can be told to belong here. ``package_sequence`` holds, per department, the number of the last package
made for it: a package carries its own, so an older one of the same department can be told from the newest.
Both are read and written under the write lock (two exports at once never share a number). ``packages_made``
records, per department and number, when a package was written through (a cancelled one keeps its number, unrecorded),
so the office can see what it has sent."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from egov_desk.core.db.models import Setting

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

WORKSPACE_ID = "workspace_id"
SEQUENCE = "package_sequence"
MADE = "packages_made"  # department → {number (str): made_at ISO}


def workspace_id(workspace: Workspace) -> str:
    """The workspace's id, made and kept on first use."""
    known = workspace.setting(WORKSPACE_ID)
    if isinstance(known, str) and known:
        return known
    store = workspace.store
    with store.write("the workspace's id", "工作区标识") as session:
        row = session.get(Setting, WORKSPACE_ID)
        if row is not None and isinstance(row.value, str) and row.value:
            return row.value  # another process made it in between
        made = str(uuid.uuid4())
        session.merge(Setting(key=WORKSPACE_ID, value=made))
        store.commit(session, "the workspace's id", "工作区标识")
        return made


def next_sequence(workspace: Workspace, department: str) -> int:
    """Count one more package for ``department`` and return its number (1 for the first)."""
    store = workspace.store
    with store.write("the package's number", "工作包编号") as session:
        row = session.get(Setting, SEQUENCE)
        numbers = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
        number = int(numbers.get(department, 0)) + 1
        numbers[department] = number
        session.merge(Setting(key=SEQUENCE, value=numbers))
        store.commit(session, "the package's number", "工作包编号")
        return number


def record_made(workspace: Workspace, department: str, sequence: int, made_at: str) -> None:
    """Note that ``department``'s package ``sequence`` was written through at ``made_at``."""
    store = workspace.store
    with store.write("the package made", "已发出的工作包") as session:
        row = session.get(Setting, MADE)
        made = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
        made[department] = {**dict(made.get(department) or {}), str(sequence): made_at}
        session.merge(Setting(key=MADE, value=made))
        store.commit(session, "the package made", "已发出的工作包")


def packages_sent(workspace: Workspace) -> dict[str, list[tuple[int, str]]]:
    """Per department, each package number counted so far with when it was written ("" where not recorded: a
    package made before this was kept, or cancelled), oldest first."""
    numbers = workspace.setting(SEQUENCE)
    made = workspace.setting(MADE)
    numbers = numbers if isinstance(numbers, dict) else {}
    made = made if isinstance(made, dict) else {}
    sent: dict[str, list[tuple[int, str]]] = {}
    for department, last in numbers.items():
        recorded = made.get(department)
        when = recorded if isinstance(recorded, dict) else {}
        sent[str(department)] = [(number, str(when.get(str(number), ""))) for number in range(1, int(last) + 1)]
    return sent
