"""A second client, in a process of its own, for tests/postgres/test_two_clients.py:

``python -m tests.postgres.client URL VAULT write NAME COUNT START`` — from the moment START (time.time()) on,
writes COUNT notes and inputs on item 001 as NAME;
``python -m tests.postgres.client URL VAULT hold`` — writes a note inside a transaction, says "holding" and waits
(to be killed) without committing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from egov_desk.core.db.models import ItemInput
from egov_desk.core.person import Person
from egov_desk.core.workspace import Workspace


def write(workspace: Workspace, name: str, count: int, start: float) -> None:
    workspace.set_person(Person(name))
    assessment = workspace.default_assessment().id
    time.sleep(max(0.0, start - time.time()))  # both clients begin together
    for number in range(count):
        workspace.set_note(assessment, "001", f"{name} {number}")
        workspace.set_input(assessment, "001", {"parts": [{"count": number % 3}, {"count": 1}]})


def hold(workspace: Workspace) -> None:
    assessment = workspace.default_assessment().id
    store = workspace.store
    with store.write("a note", "说明") as session:
        _assessment, item = store.item_row(session, assessment, "001")
        session.add(ItemInput(assessment_id=assessment, item_id=item.id, note="never committed"))
        store.audit(session, "set_note", assessment, "001", "", "never committed")
        session.flush()
        print("holding", flush=True)
        time.sleep(120)


def main(argv: list[str]) -> None:
    url, vault, mode = argv[0], Path(argv[1]), argv[2]
    with Workspace.connect(url, vault=vault) as workspace:
        if mode == "write":
            write(workspace, argv[3], int(argv[4]), float(argv[5]))
        else:
            hold(workspace)


if __name__ == "__main__":
    main(sys.argv[1:])
