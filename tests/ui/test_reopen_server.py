"""At start, a person whose window last showed a server's workspace gets that workspace again — at once with the
password this PC keeps, else asked for it with the address filled in — not the usual folder (and its 单位信息
question) each morning; cancelling opens the usual workspace as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer

from egov_desk.core.server_login import address_of, remember_password, without_password
from egov_desk.ui.server.opening import RECENT, reopen_at_start, shown_dialogs
from tests.core.test_server_login import MemoryKeyring


def test_a_folder_opened_last_leaves_the_start_as_it_was(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    QSettings().setValue(RECENT, [str(tmp_path / "workspace"), "postgresql://zhang@db.example/egov"])
    assert reopen_at_start() is None
    assert shown_dialogs == []


def test_nothing_opened_yet_leaves_the_start_as_it_was(qapp) -> None:  # type: ignore[no-untyped-def]
    assert reopen_at_start() is None


def test_a_server_opened_last_asks_its_password_with_the_address_filled_in(qapp) -> None:  # type: ignore[no-untyped-def]
    QSettings().setValue(RECENT, ["postgresql://zhang@db.example:5433/egov"])
    seen: list[tuple[str, int, str, str]] = []

    def look_and_cancel() -> None:
        dialog = shown_dialogs[0]
        seen.append((dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()))
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    assert reopen_at_start() is None  # cancelled: the usual workspace opens
    assert seen == [("db.example", 5433, "egov", "zhang")]


@pytest.mark.postgres
def test_a_server_opened_last_with_a_kept_password_opens_at_once(  # type: ignore[no-untyped-def]
    qapp, server_url: str, inline: None, kept_passwords: MemoryKeyring
) -> None:
    address = address_of(server_url)
    remember_password(address, "kept-secret")
    QSettings().setValue(RECENT, [without_password(server_url)])
    workspace = reopen_at_start()
    assert workspace is not None
    assert workspace.folder is None
    workspace.close()
