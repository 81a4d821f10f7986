"""The shell: owns the open workspace and its window — opening folders, the demo, switching language."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from egov_desk.core.backups import BackupError, RestoreReport
from egov_desk.core.db.migrate import DatabaseRefused
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.server import is_server_url
from egov_desk.core.server_login import without_password
from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.backup_reopen import restore_and_reopen
from egov_desk.ui.first_screen.start import hand_over, keep, take
from egov_desk.ui.first_screen.window import FirstScreen
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.opening import open_for_window
from egov_desk.ui.server.opening import remembered_as
from egov_desk.ui.server.window import server_address
from egov_desk.ui.translations import install_translations, installed_language

MAX_RECENT = 8
log = logging.getLogger(__name__)


class Shell(QObject):
    def __init__(self, app: QApplication, workspace: Workspace, demo_folder: Path | None = None) -> None:
        super().__init__(app)
        self.app = app
        self.workspace = workspace
        self.demo_folder = demo_folder  # a throw-away folder, removed when the shell closes
        self.window: MainWindow | None = None
        if workspace.folder and not demo_folder:
            self.add_recent(str(workspace.folder))
        elif (address := server_address(workspace)) is not None:  # egov-desk --workspace postgresql://…
            self.add_recent(remembered_as(address))

    def show(self, maximised: bool = False, first_screen: FirstScreen | None = None) -> MainWindow:
        """Build the window and show it — in the first screen's place when one was shown (ui/first_screen)."""
        self.window = MainWindow(self.workspace, self, demo=self.demo_folder is not None)
        if first_screen is not None:
            hand_over(first_screen, self.window)
        elif maximised:
            self.window.showMaximized()
        else:
            self.window.show()
        QTimer.singleShot(0, self.window, self.window.ask_unit_if_needed)
        return self.window

    def _replace(self, workspace: Workspace, demo_folder: Path | None) -> MainWindow:
        old_window, old_workspace, old_demo = self.window, self.workspace, self.demo_folder
        if old_window is not None:  # what is typed belongs to the old window's workspace: saved there first
            old_window.panel.note.flush()
            old_window.panel.leave_editor()
        self.workspace, self.demo_folder = workspace, demo_folder
        window = MainWindow(workspace, self, demo=demo_folder is not None)
        if old_window is not None:
            old_window.save_layout()
            window.setGeometry(old_window.geometry())
            window.setWindowState(old_window.windowState())
        self.window = window
        window.show()
        QTimer.singleShot(0, window, window.ask_unit_if_needed)  # not for a window replaced meanwhile
        if old_window is not None:
            old_window.close_confirmed = True  # its typed values were committed above; a refused one is not kept
            old_window.close()
            old_window.deleteLater()
        if old_workspace is not workspace:
            old_workspace.close()
            if old_demo:
                shutil.rmtree(old_demo, ignore_errors=True)
        return window

    # --- workspaces -------------------------------------------------------------------------------

    def open_folder(self, folder: str | Path, create: bool) -> bool:
        on_server = is_server_url(str(folder))  # a server's workspace: signed in first, remembered without password
        workspace = open_for_window(self.window, str(folder) if on_server else Path(folder), create)
        if workspace is None:
            return False
        self.show_workspace(workspace, without_password(str(folder)))
        return True

    def show_workspace(self, workspace: Workspace, remembered: str) -> MainWindow:
        """A workspace opened already (on a server, say) in a new window, remembered in the recent list as given."""
        window = self._replace(workspace, None)
        self.add_recent(remembered)
        return window

    def new_workspace(self) -> bool:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder for the new workspace"))
        if not folder:
            return False
        if (Path(folder) / DATABASE_NAME).exists():
            QMessageBox.information(
                self.window,
                self.tr("New workspace"),
                self.tr("This folder already holds a workspace; it is opened instead."),
            )
        return self.open_folder(folder, create=True)

    def open_workspace(self) -> bool:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open workspace folder"))
        return bool(folder) and self.open_folder(folder, create=False)

    def open_demo(self) -> MainWindow:
        folder = Path(tempfile.mkdtemp(prefix="egov-desk-demo-"))
        return self._replace(create_demo_workspace(folder / "demo"), folder)

    def recent(self) -> list[str]:
        value = QSettings().value("workspaces/recent", [])
        return [str(v) for v in (value if isinstance(value, list) else [value]) if v]

    def add_recent(self, folder: str) -> None:
        folders = [folder] + [f for f in self.recent() if f != folder]
        QSettings().setValue("workspaces/recent", folders[:MAX_RECENT])

    # --- language ---------------------------------------------------------------------------------

    def switch_language(self, language: str) -> MainWindow:
        """Install the language's translations and rebuild the window in it, keeping what was open."""
        QSettings().setValue("ui/language", language)
        install_translations(self.app, language)
        item = self.window.current_item() if self.window else None
        window = self._replace(self.workspace, self.demo_folder)
        if item is not None:
            window.select_item(item.code)
        return window

    def close(self) -> None:
        """Close the window and the workspace; the window's last look is kept for the next start's first screen."""
        folder = None if self.demo_folder else self.workspace.folder
        taken = take(self.window, installed_language()) if folder is not None else None
        if self.window is not None:
            self.window.close()
        self.workspace.close()
        keep(taken, folder)
        if self.demo_folder:
            shutil.rmtree(self.demo_folder, ignore_errors=True)

    # --- backups ----------------------------------------------------------------------------------

    def restore(self, backup: Path) -> RestoreReport | None:
        """File → Restore from a backup (:meth:`restore_backup`), and the window shown afterwards says what was
        restored and what the vault misses, or why the backup was not restored. Nothing is raised: it runs in a
        slot. The report, or None when the backup was not restored."""
        try:
            report = self.restore_backup(backup)
        except (BackupError, WorkspaceError, DatabaseRefused, OSError) as error:
            log.warning("restoring %s: %s", backup, error)
            if self.window is not None:  # else the window closed after saying why the workspace cannot be opened
                self.window.backups.not_restored(error)
            return None
        if report is not None and self.window is not None:
            self.window.backups.restored(report)
        return report

    def restore_backup(self, backup: Path) -> RestoreReport | None:
        """Close the workspace, put ``backup`` back as its database (its state before is backed up first) and
        open it again in a new window — all under the lock this window holds, so no other window takes the
        workspace meanwhile. Raises :class:`~egov_desk.core.backups.BackupError` when the workspace does not
        hold the backup now (it is open again as it was). When it cannot be opened again at all, the person has
        been told why and the window is closed, as at start-up (``self.window`` is None); None is returned."""
        folder = self.workspace.folder
        if folder is None:
            raise BackupError("no_database", Path(self.workspace.url))
        if self.window is not None:  # what is typed is saved first, into the state backed up before the restore
            self.window.panel.note.flush()
            self.window.panel.leave_editor()
        access = self.workspace.access
        lock, access.lock = access.lock, None  # kept past closing: the restore and the reopening use it
        self.workspace.close()
        demo, self.demo_folder = self.demo_folder, None  # the same folder opens again: _replace must not remove it
        result = restore_and_reopen(self.window, folder, backup, lock)
        if result.workspace is None:
            self.demo_folder = demo  # removed when the shell closes
            old, self.window = self.window, None
            if old is not None:
                old.close_confirmed = True
                old.close()
                old.deleteLater()
        else:
            self._replace(result.workspace, demo)
        if result.failure is not None:
            raise result.failure
        return result.report
