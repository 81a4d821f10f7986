"""The window on a workspace kept on a PostgreSQL server: 文件 → 连接服务器… (tried off the UI thread, a refusal naming
the field to fix, the password kept only in the credential store), and the real main window working there — an item
scored, a file attached, another assessment shown, a checklist printed to PDF — with no folder assumed."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from egov_desk.core.server_login import (
    SERVICE,
    ServerAddress,
    address_of,
    password_in,
    remember_password,
    without_password,
)
from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.new_assessment import NewAssessmentDialog
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.server.dialog import ConnectDialog
from egov_desk.ui.server.opening import LAST_SERVER, connect_for_window, shown_dialogs
from egov_desk.ui.server.window import ServerDesk
from tests.core.test_server_login import MemoryKeyring
from tests.ui.helpers import shown_window


@pytest.fixture
def on_server(server_url: str, tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.connect(server_url, vault=tmp_path / "vault")
    yield workspace
    workspace.close()


@pytest.fixture
def server_window(qtbot, on_server: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    return shown_window(qtbot, on_server)


def desk(window: MainWindow) -> ServerDesk:
    found = window.findChild(ServerDesk)
    return found if isinstance(found, ServerDesk) else ServerDesk(window, window.context)


def test_the_window_works_on_a_server_workspace_with_no_folder(  # type: ignore[no-untyped-def]
    server_window: MainWindow, on_server: Workspace, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    running_in = tmp_path / "cwd"
    running_in.mkdir()
    monkeypatch.chdir(running_in)  # nothing may be written where the app happens to run
    window, server = server_window, desk(server_window)
    assert on_server.folder is None
    address = address_of(on_server.url)
    assert window.windowTitle().startswith(f"[{server.server_words}] ")
    assert address.shown in server.server_words
    assert server.status_label is not None
    assert server.status_label.text() == server.server_words
    for action in (window.menu_actions.backup_action, window.menu_actions.restore_action):
        assert not action.isEnabled()
        assert action.statusTip() == server.tr("A workspace on a server is backed up by the server's administrator")

    assessment = window.assessment.id
    window.select_item("004")
    window.edit_input("004", {"score": 0.5})
    assert on_server.inputs(assessment)["004"] == {"score": 0.5}
    window.undo_stack.undo()
    assert "004" not in on_server.inputs(assessment)
    window.undo_stack.redo()

    scan = tmp_path / "scans" / "会议纪要.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4 minutes of the meeting")
    job = window.evidence_actions.attach([scan], None)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=30000)
    assert [f.name for f in on_server.evidence.item_evidence(assessment, "004").files()] == ["会议纪要.pdf"]

    checked = window.evidence_check.check()
    qtbot.waitUntil(lambda: not checked.running, timeout=30000)
    assert window.evidence_check.last_error == ""
    assert window.evidence_check.last_report is not None
    assert not window.evidence_check.last_report.missing
    packed = window.package_export.start(tmp_path / "材料.zip", None)
    qtbot.waitUntil(lambda: not packed.running, timeout=30000)
    assert (tmp_path / "材料.zip").is_file()

    dialog = NewAssessmentDialog(on_server, window)
    dialog.year.setValue(2027)
    dialog.accept()
    assert dialog.created is not None
    window.switch_to_assessment(dialog.created)
    assert window.assessment.id == dialog.created
    assert window.windowTitle().startswith(f"[{server.server_words}] ")

    printed = window.exports.checklist("pdf", None, tmp_path / "清单.pdf", ask=False)
    assert printed is not None
    qtbot.waitUntil(lambda: not printed.running, timeout=60000)
    assert window.exports.last_error == ""
    assert (tmp_path / "清单.pdf").stat().st_size > 1000
    sheet = window.exports.sheet(tmp_path / "表.xlsx")
    assert sheet is not None
    qtbot.waitUntil(lambda: not sheet.running, timeout=60000)
    assert (tmp_path / "表.xlsx").is_file()
    assert window.backups.create_now() is None  # said where a server workspace is backed up, nothing written
    assert list(running_in.iterdir()) == []
    assert len(list((tmp_path / "vault").rglob("*"))) >= 1  # the scan's bytes, in the vault the server's PC names
    window.close()


def fill(dialog: ConnectDialog, url: str, password: str | None = None) -> None:
    address = address_of(url)
    dialog.host.setText(address.host)
    dialog.port.setValue(address.port)
    dialog.database.setText(address.database)
    dialog.user.setText(address.user)
    dialog.password_edit.setText(password or "")


def test_testing_the_connection_says_what_it_found_or_which_field_to_fix(qtbot, server_url: str, inline: None) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(None, None, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, server_url, password_in(server_url))
    dialog.try_it(accept=False)
    assert dialog.last_refusal is None
    assert "PostgreSQL" in dialog.outcome.text()
    assert dialog.isVisible()

    dialog.database.setText("no_such_database_here")
    dialog.try_it(accept=False)
    assert dialog.last_refusal is not None
    assert "请检查「数据库」" in dialog.outcome.text()
    assert dialog.labels["database"].styleSheet()
    assert not dialog.labels["host"].styleSheet()
    assert dialog.focusWidget() is dialog.database

    dialog.host.setText("")
    assert dialog.try_it(accept=False) is None  # nothing tried without a host
    assert dialog.focusWidget() is dialog.host


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes a connection and never answers (a server hung, a firewall holding packets)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    yield listener.getsockname()[1]
    listener.close()


def test_a_try_stopped_on_a_silent_server_lets_the_dialog_close_at_once(qtbot, silent_server: int) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(None, ServerAddress("127.0.0.1", "egov", "zhang", silent_server), "x", None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.try_it(accept=False) is not None
    qtbot.wait(300)
    assert dialog.busy.isVisible()  # still waiting for the server
    started = time.monotonic()
    dialog.stop_trying()
    dialog.reject()
    dialog.deleteLater()
    QApplication.processEvents()
    assert time.monotonic() - started < 2
    assert dialog.result() == ConnectDialog.DialogCode.Rejected


def test_stopping_a_try_leaves_the_dialog_as_it_was(qtbot, server_url: str) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(None, address_of(server_url), None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    job = dialog.try_it(accept=True)
    assert job is not None
    assert dialog.busy.isVisible()
    assert dialog.cancel_try.isVisible()
    dialog.stop_trying()
    assert not dialog.busy.isVisible()
    assert dialog.host.isEnabled()
    dialog.runner.wait()
    QApplication.processEvents()
    assert dialog.isVisible()  # the attempt's answer came after the person stopped: not acted on
    assert dialog.result() != ConnectDialog.DialogCode.Accepted


def test_a_url_given_connects_at_once_and_keeps_its_password_nowhere(  # type: ignore[no-untyped-def]
    server_url: str, inline: None, kept_passwords: MemoryKeyring
) -> None:
    typed = address_of(server_url).url("typed-secret")  # the test server trusts 127.0.0.1: any password goes in
    workspace = connect_for_window(None, typed)
    assert workspace is not None
    workspace.close()
    assert str(QSettings().value(LAST_SERVER)) == without_password(typed)
    assert "typed-secret" not in str(QSettings().value(LAST_SERVER))
    assert kept_passwords.kept == {}  # 记住密码 was not ticked: nothing kept


def test_remember_the_password_keeps_it_in_the_credential_store_and_unticked_forgets_it(  # type: ignore[no-untyped-def]
    server_url: str, inline: None, kept_passwords: MemoryKeyring
) -> None:
    address = address_of(server_url)
    remember_password(address, "kept-secret")
    workspace = connect_for_window(None, address.url())  # the kept password used, the dialog closed by itself
    assert workspace is not None
    workspace.close()
    assert kept_passwords.kept == {(SERVICE, address.key): "kept-secret"}

    wrong = address_of(server_url.rsplit("/", 1)[0] + "/no_such_database_here")
    remember_password(wrong, "other-secret")

    def fix_and_untick() -> None:
        dialog = shown_dialogs[0]
        assert "请检查「数据库」" in dialog.outcome.text()
        assert dialog.remember.isChecked()
        dialog.database.setText(address.database)
        dialog.remember.setChecked(False)
        dialog.connect_button.click()

    QTimer.singleShot(0, fix_and_untick)
    workspace = connect_for_window(None, wrong.url())
    assert workspace is not None
    workspace.close()
    assert kept_passwords.kept == {(SERVICE, wrong.key): "other-secret"}  # the one connected to forgotten


def test_connecting_from_the_file_menu_reopens_the_window_there_and_remembers_it_without_the_password(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, server_url: str, tmp_path: Path, inline: None, kept_passwords: MemoryKeyring
) -> None:
    from egov_desk.ui.shell import Shell

    shell = Shell(qapp, Workspace.open(tmp_path / "local"))
    shell.show()
    address = address_of(server_url)

    def sign_in() -> None:
        dialog = shown_dialogs[0]
        fill(dialog, server_url, "typed-secret")
        dialog.connect_button.click()

    try:
        QTimer.singleShot(0, sign_in)
        assert shell.window is not None
        desk(shell.window).connect_action.trigger()
        window = shell.window
        assert window.workspace.folder is None
        assert window.windowTitle().startswith(f"[{desk(window).server_words}] ")
        assert shell.recent()[0] == address.url()
        assert all("typed-secret" not in entry for entry in shell.recent())
        assert str(tmp_path / "local") in shell.recent()

        assert shell.open_folder(str(tmp_path / "local"), create=False)
        assert shell.window.workspace.folder == tmp_path / "local"
        assert shell.open_folder(shell.recent()[1], create=False)  # the server again, from the recent list
        assert shell.window.workspace.folder is None
        assert shell.recent()[0] == address.url()
    finally:
        if shell.window is not None:
            shell.window.close()
        shell.workspace.close()


def test_egov_desk_started_with_a_server_url_opens_that_workspace(  # type: ignore[no-untyped-def]
    server_url: str, inline: None, kept_passwords: MemoryKeyring
) -> None:
    from egov_desk.ui.app import parse_args
    from egov_desk.ui.opening import open_for_window

    given = parse_args(["--workspace", server_url]).workspace
    assert given == server_url  # not folded into a path (postgresql:/…)
    workspace = open_for_window(None, given)
    assert workspace is not None
    try:
        assert workspace.folder is None
        assert address_of(workspace.url) == address_of(server_url)
    finally:
        workspace.close()
