"""The window and a server: 文件 → 连接服务器… (Ctrl+Shift+L), and on a workspace kept on a server, the title and the
status bar saying 服务器 host/数据库, and what only a folder has (its backups) disabled saying why.

The window makes one :class:`ServerDesk` after its menus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from egov_desk.core.server import is_server_url
from egov_desk.core.server_login import ServerAddress, address_of
from egov_desk.ui.server.opening import connect_for_window, remembered_as

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.context import WindowContext

CONNECT_KEYS = "Ctrl+Shift+L"


class TakesWorkspace(Protocol):
    """The shell's call that shows an already open workspace in a new window, remembered under ``remembered``."""

    def show_workspace(self, workspace: Workspace, remembered: str) -> object: ...


def server_address(workspace: Workspace) -> ServerAddress | None:
    """Where the workspace is, when it is on a server (None for a folder)."""
    if workspace.folder is not None or not is_server_url(workspace.url):
        return None
    return address_of(workspace.url)


class ServerDesk(QObject):
    def __init__(self, window: QMainWindow, context: WindowContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.connect_action = QAction(self.tr("Connect to a ser&ver…"), window)
        self.connect_action.setObjectName("connectServerAction")
        self.connect_action.setShortcut(QKeySequence(CONNECT_KEYS))
        tip = self.tr("Open a workspace kept on the unit's PostgreSQL server (host, database, user)")
        self.connect_action.setStatusTip(tip)
        self.connect_action.setToolTip(tip)
        self.connect_action.setEnabled(context.shell is not None)
        self.connect_action.triggered.connect(lambda _checked=False: self.connect_server())
        self._insert_into_file_menu()
        self.address = server_address(context.workspace)
        self.status_label: QLabel | None = None
        if self.address is not None:
            self._on_server(self.address)

    def connect_server(self) -> bool:
        """文件 → 连接服务器…: the dialog, then the workspace in a new window (remembered without its password)."""
        shell = self.context.shell
        if shell is None or not hasattr(shell, "show_workspace"):
            return False
        workspace = connect_for_window(self.window)
        if workspace is None:
            return False
        taking: TakesWorkspace = shell  # type: ignore[assignment]
        taking.show_workspace(workspace, remembered_as(address_of(workspace.url)))
        return True

    # --- a workspace on a server ------------------------------------------------------------------

    def _on_server(self, address: ServerAddress) -> None:
        self.server_words = self.tr("Server %1").replace("%1", address.shown)
        self.window.windowTitleChanged.connect(self._mark_title)
        self._mark_title(self.window.windowTitle())
        self.status_label = QLabel(self.server_words)
        self.status_label.setObjectName("serverStatus")
        self.status_label.setToolTip(
            self.tr("Every change is saved on the server at once; user %1").replace("%1", address.user)
        )
        self.window.statusBar().addPermanentWidget(self.status_label)
        why = self.tr("A workspace on a server is backed up by the server's administrator")
        actions = getattr(self.window, "menu_actions", None)
        for name in ("backup_action", "restore_action"):
            action = getattr(actions, name, None)
            if isinstance(action, QAction):  # a disabled menu item shows no status tip: its text says why too
                action.setText(self.tr("%1 (the server's administrator backs it up)").replace("%1", action.text()))
                action.setEnabled(False)
                action.setStatusTip(why)
                action.setToolTip(why)

    def _mark_title(self, title: str) -> None:
        prefix = f"[{self.server_words}] "
        if title and not title.startswith(prefix):
            self.window.setWindowTitle(prefix + title)

    def _insert_into_file_menu(self) -> None:
        menus = self.window.menuBar().actions()
        menu = menus[0].menu() if menus else None
        if not isinstance(menu, QMenu):
            return
        entries = menu.actions()
        anchor = getattr(getattr(self.window, "menu_actions", None), "open_workspace_action", None)
        position = entries.index(anchor) + 1 if anchor in entries else len(entries)
        if position < len(entries):
            menu.insertAction(entries[position], self.connect_action)
        else:
            menu.addAction(self.connect_action)
