"""我的身份 in the window on a server whose owner listed the login among its people: the login's name, role and
department shown read-only, saying why; what is typed there changes nothing the server acts on."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from egov_desk.core.person import Person
from egov_desk.core.server_people import add_person, remove_person
from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.person import PersonDialog
from egov_desk.ui.main_window import MainWindow
from tests.postgres.test_row_security import as_login

pytestmark = pytest.mark.postgres


@pytest.fixture
def as_filler(server_url: str, tmp_path: Path) -> Iterator[Workspace]:
    login = add_person(server_url, f"clerk_ui_{os.getpid()}", "filler", "办公室", "王五", "pw").login
    workspace = Workspace.connect(as_login(server_url, login), vault=tmp_path / "vault")
    yield workspace
    workspace.close()
    remove_person(server_url, login)


def test_my_identity_on_a_server_is_the_logins_and_read_only(qtbot, as_filler: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(as_filler)
    qtbot.addWidget(window)
    window.show()
    assert as_filler.person == Person("王五", "filler", "办公室")  # whatever this PC remembered
    window.review.menu.actions["identity"].trigger()
    dialog = window.review.asking
    assert isinstance(dialog, PersonDialog)
    assert (dialog.name.text(), dialog.role.currentData(), dialog.department.currentData()) == (
        "王五",
        "filler",
        "办公室",
    )
    assert not dialog.name.isEnabled()
    assert not dialog.role.isEnabled()
    assert not dialog.department.isEnabled()
    assert "server people add" in dialog.hint.text()
    dialog.accept()
    assert as_filler.person == Person("王五", "filler", "办公室")
