"""Opening a workspace on a server for the window: the sign-in asked (or tried with the password this PC keeps),
the password kept or forgotten as 记住密码 says, and what is remembered of it — never the password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from egov_desk.core.db.migrate import DatabaseRefused
from egov_desk.core.errors import EgovError, WorkspaceError
from egov_desk.core.messages import say
from egov_desk.core.server import is_server_url
from egov_desk.core.server_login import (
    PasswordNotKept,
    ServerAddress,
    address_of,
    forget_password,
    password_in,
    remember_password,
    saved_password,
    signed_in_url,
)
from egov_desk.core.workspace import Workspace
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Runner
from egov_desk.ui.server.dialog import ConnectDialog

LAST_SERVER = "server/last"  # the last address connected to (no password), offered next time
RECENT = "workspaces/recent"  # Shell.recent(): folders and server URLs (no password), the last opened first

# the dialog and the message on screen, so tests (and the screenshots) can fill them in and answer them
shown_dialogs: list[ConnectDialog] = []
last_message: list[QMessageBox] = []


def last_address() -> ServerAddress | None:
    value = QSettings().value(LAST_SERVER, "")
    try:
        return address_of(str(value)) if value else None
    except EgovError:
        return None


def remembered_as(address: ServerAddress) -> str:
    """What the recent workspaces list and the settings keep of a server workspace: its URL without a password."""
    return address.url()


def reopen_at_start() -> Workspace | None:
    """At start with no workspace named: when the window last showed a server's workspace (the first of the recent
    workspaces, as the shell keeps them), that one again — tried at once with the password this PC keeps, else
    the sign-in asked with its address filled in. None: the last one was a folder, or the person cancelled (the
    usual workspace opens then, as before)."""
    value = QSettings().value(RECENT, [])
    recent = [str(v) for v in (value if isinstance(value, list) else [value]) if v]
    if not recent or not is_server_url(recent[0]):
        return None
    try:
        address = address_of(recent[0])
    except EgovError:
        return None
    QSettings().setValue(LAST_SERVER, remembered_as(address))  # the address the dialog offers
    return connect_for_window(None, recent[0] if saved_password(address) else None)


def connect_for_window(
    parent: QWidget | None, url: str | None = None, runner: Runner | None = None
) -> Workspace | None:
    """The workspace on the server ``url`` names (None: the dialog asks, offering the last one), or None after the
    person cancelled or was told why not. With ``url`` the connection is tried at once (with the password the URL
    carries or this PC keeps) and the dialog closes by itself when it goes in."""
    address = address_of(url) if url else last_address()
    saved = saved_password(address) if address else None
    password = (password_in(url) if url else None) or saved
    dialog = ConnectDialog(parent, address, password, runner, remembered=saved is not None)
    shown_dialogs[:] = [dialog]
    try:
        if url:
            dialog.try_it(accept=True)
        if dialog.result() != ConnectDialog.DialogCode.Accepted and not dialog.exec():
            return None
        address, password = dialog.address(), dialog.password()
        workspace = _connect(parent, address, password)
        if workspace is not None:
            _keep_password(parent, address, password, dialog.remember.isChecked())
            QSettings().setValue(LAST_SERVER, remembered_as(address))
        return workspace
    finally:
        shown_dialogs.clear()
        dialog.deleteLater()


def _connect(parent: QWidget | None, address: ServerAddress, password: str | None) -> Workspace | None:
    try:
        return Workspace.connect(signed_in_url(address, password))
    except (WorkspaceError, DatabaseRefused, OSError) as exc:
        _tell(parent, QCoreApplication.translate("opening", "Cannot open the workspace"), say(exc, ui_language()))
        return None


def _keep_password(parent: QWidget | None, address: ServerAddress, password: str | None, remember: bool) -> None:
    """记住密码 ticked: into the credential store; not ticked: out of it (a password kept before is forgotten)."""
    try:
        if remember and password:
            remember_password(address, password)
        else:
            forget_password(address)
    except PasswordNotKept as refused:
        _tell(parent, QCoreApplication.translate("opening", "Password not kept"), say(refused, ui_language()))


def _tell(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    last_message[:] = [box]
    box.exec()
    last_message.clear()
