"""Opening a workspace for the window: held for writing when free, read-only when not; a damaged or missing
database is explained in the UI's language, with the latest backup offered instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from egov_desk.core.backup_errors import BackupError
from egov_desk.core.backups import latest_backup, refuse_unwritable, restore_backup
from egov_desk.core.db.migrate import DatabaseRefused
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.messages import say
from egov_desk.core.opening import DamagedDatabase
from egov_desk.core.server import is_server_url
from egov_desk.core.workspace import Workspace, default_workspace_dir
from egov_desk.ui.language import ui_language
from egov_desk.ui.server.opening import connect_for_window

# the question on screen, so tests (and the e2e suite) can answer it
last_question: list[QMessageBox] = []


def _ask(parent: QWidget | None, box: QMessageBox) -> QMessageBox:
    last_question[:] = [box]
    box.exec()
    last_question.clear()
    return box


def _tell(parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Critical) -> None:
    box = QMessageBox(icon, title, text, parent=parent)
    box.addButton(
        QMessageBox.StandardButton.Close if icon == QMessageBox.Icon.Critical else QMessageBox.StandardButton.Ok
    )
    _ask(parent, box)


def open_for_window(parent: QWidget | None, folder: Path | str | None, create: bool = True) -> Workspace | None:
    """The workspace in ``folder`` (None: the default one; a postgresql:// URL: on a server, signed in first), or
    None after telling the person why not."""
    if folder is not None and is_server_url(str(folder)):
        return connect_for_window(parent, str(folder))
    folder = Path(folder) if folder else default_workspace_dir()
    while True:
        try:
            return Workspace.open(folder, create=create, hold=True)
        except DamagedDatabase as exc:
            if not _offer_restore(parent, folder, exc):
                return None
        except (WorkspaceError, DatabaseRefused, BackupError, OSError) as exc:
            _tell(parent, QCoreApplication.translate("opening", "Cannot open the workspace"), say(exc, ui_language()))
            return None


def _offer_restore(parent: QWidget | None, folder: Path, error: DamagedDatabase) -> bool:
    """Explain the damage; True when the latest backup was restored and opening should be tried again. Nothing is
    offered on a network share or read-only media: a restore cannot be written there (the workspace's own words
    say to copy the folder to this PC's disk first)."""
    latest = latest_backup(folder)
    cannot_restore = ""
    try:
        refuse_unwritable(folder)
    except BackupError as refused:
        cannot_restore = say(refused, ui_language())
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("opening", "The workspace is damaged"),
        say(error, ui_language()),
        parent=parent,
    )
    restore = None
    if cannot_restore:
        box.setInformativeText(cannot_restore)
    elif latest is not None:
        from egov_desk.ui.dialogs.backups import reason_text, total_text

        when = latest.created.strftime("%Y-%m-%d %H:%M:%S")
        box.setInformativeText(
            QCoreApplication.translate(
                "opening",
                "The latest sound backup is from %1 (%2, total %3). Restoring it puts the workspace back as it "
                "was then; the damaged file is kept in the backups folder.",
            )
            .replace("%1", when)
            .replace("%2", reason_text(latest.reason))
            .replace("%3", total_text(latest))
        )
        restore = box.addButton(
            QCoreApplication.translate("opening", "Restore the latest backup"), QMessageBox.ButtonRole.AcceptRole
        )
    box.addButton(QMessageBox.StandardButton.Close)
    _ask(parent, box)
    if restore is None or box.clickedButton() is not restore:
        return False
    try:
        report = restore_backup(folder, latest.path)  # type: ignore[union-attr]
    except (BackupError, OSError) as exc:
        _tell(parent, QCoreApplication.translate("opening", "Not restored"), say(exc, ui_language()))
        return False
    if report.missing:
        names = "\n".join(f"{'、'.join(m.items)}  {'、'.join(m.names)}" for m in report.missing[:20])
        text = QCoreApplication.translate(
            "opening",
            "The backup was restored, but %n evidence file(s) it lists are not in the vault:",
            "",
            len(report.missing),
        )
        _tell(parent, QCoreApplication.translate("opening", "Restored"), text + "\n" + names, QMessageBox.Icon.Warning)
    return True
