"""File → 备份工作区… / 从备份恢复…, the daily backup while the window is open, and a backup before the window's
imports. The copies themselves are made by :mod:`egov_desk.core.backups`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.backups import (
    DAILY_INTERVAL,
    BackupError,
    BackupInfo,
    RestoreReport,
    backup_before,
    backup_if_due,
    create_backup,
    list_backups,
)
from egov_desk.core.errors import ReadOnlyWorkspace
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.messages import say
from egov_desk.core.points import compact, display
from egov_desk.ui.language import ui_language

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.ops import Job


DAILY_CHECK_MS = 30 * 60 * 1000  # every half hour: is a day's backup due?
MISSING_SHOWN = 30
log = logging.getLogger(__name__)


def _message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


class Backups(QObject):
    """Owned by the window (its parent): the daily timer stops with it. A read-only window (another window holds
    the workspace, a network share, read-only media) makes no backup and restores none: it writes nothing."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.last_backup: BackupInfo | None = None
        self.last_error = ""
        self.last_report: RestoreReport | None = None
        self.dialog: RestoreDialog | None = None
        self.daily = QTimer(self)
        self.daily.setInterval(DAILY_CHECK_MS)
        self.daily.timeout.connect(self.daily_backup)
        if not context.workspace.read_only:  # its backups and their rotation would write in the holder's folder
            self.daily.start()

    def database(self) -> Path | None:
        folder = self.context.workspace.folder
        return folder / DATABASE_NAME if folder else None

    def _show(self, box: QMessageBox) -> QMessageBox:
        return self.context.show(box)

    def _refused_read_only(self, title: str, text: str) -> bool:
        """In a read-only window: say ``text`` and why the window only reads (in the UI's language); True then."""
        try:
            self.context.workspace.refuse_if_read_only()
        except ReadOnlyWorkspace as refused:
            self.last_error = say(refused, ui_language())
            self._show(_message(self.context.parent, QMessageBox.Icon.Warning, title, text, self.last_error))
            return True
        return False

    # --- making backups -------------------------------------------------------------------------------

    def create_now(self) -> Job | None:
        """File → Back up the workspace: a copy now, off the UI thread, then where it is."""
        database = self.database()
        if database is None:
            self._show(
                _message(
                    self.context.parent,
                    QMessageBox.Icon.Information,
                    self.tr("Back up the workspace"),
                    self.tr("This workspace is not a folder on this computer; it is backed up where it is stored."),
                )
            )
            return None
        title = self.tr("Back up the workspace")
        if self._refused_read_only(title, self.tr("This window can only read the workspace; it makes no backup.")):
            return None
        progress = QProgressDialog(self.tr("Backing up the workspace…"), "", 0, 0, self.context.parent)
        progress.setWindowTitle(title)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def done(info: BackupInfo) -> None:
            progress.close()
            self.last_backup = info
            text = self.tr("The workspace was backed up.")
            where = self.tr("The copy is in:\n%1").replace("%1", str(info.path))
            self._show(_message(self.context.parent, QMessageBox.Icon.Information, title, text, where))

        def failed(error: BaseException) -> None:
            progress.close()
            self.last_error = self._words(error)
            text = self.tr("The workspace was not backed up.")
            self._show(_message(self.context.parent, QMessageBox.Icon.Warning, title, text, self.last_error))

        return self.context.runner.start(lambda _progress: create_backup(database, "manual"), done, failed)

    def daily_backup(self) -> Job | None:
        """A day's backup while the window is open, when none was made in the last 24 hours (in the background;
        a failure is logged and shown in the status bar, never in the way)."""
        database = self.database()
        if database is None or self.context.workspace.read_only:
            return None

        def done(info: BackupInfo | None) -> None:
            if info is not None:
                self.last_backup = info
                self.context.status(self.tr("Daily backup made: %1").replace("%1", info.name), 8000)

        def failed(error: BaseException) -> None:
            self.last_error = self._words(error)
            log.warning("daily backup failed: %s", error)
            self.context.status(self.tr("Daily backup failed: %1").replace("%1", self.last_error))

        return self.context.runner.start(
            lambda _progress: backup_if_due(database, "daily", DAILY_INTERVAL), done, failed
        )

    def before(self, operation: str) -> bool:
        """A backup before one of the window's risky operations (``import``, ``score-import``). When none can be
        made, say why and go no further: the operation has not started, nothing changed."""
        database = self.database()
        if database is None:
            return True
        read_only = self.tr("This window can only read the workspace; nothing was read in.")
        if self._refused_read_only(self.tr("Backup"), read_only):
            return False
        try:
            self.last_backup = backup_before(database, operation)
        except BackupError as error:
            self.last_error = error.describe(ui_language())
            text = self.tr(
                "No backup could be made, so nothing was read in. Free some space or fix the cause, then try again."
            )
            self._show(
                _message(self.context.parent, QMessageBox.Icon.Warning, self.tr("Backup"), text, self.last_error)
            )
            return False
        return True

    def import_table(self) -> Any:
        """File → Import indicator table, after a ``before-import`` backup."""
        return self.context.import_table() if self.before("import") else None

    def import_sheet(self, path: Path | None = None) -> Any:
        """File → Read scores from a score sheet, after a ``before-score-import`` backup."""
        return self.context.read_score_sheet(path) if self.before("score-import") else None

    @staticmethod
    def _words(error: BaseException) -> str:
        return error.describe(ui_language()) if isinstance(error, BackupError) else say(error, ui_language())

    # --- restoring ------------------------------------------------------------------------------------

    def restore(self) -> RestoreDialog | None:
        """File → Restore from a backup: the list of backups to choose from."""
        folder = self.context.workspace.folder
        if folder is None:
            return None
        title = self.tr("Restore from a backup")
        if self._refused_read_only(title, self.tr("This window can only read the workspace; it restores no backup.")):
            return None
        self.dialog = RestoreDialog(self, list_backups(folder), self.context.parent)
        self.dialog.open()
        return self.dialog

    def ask_restore(self, info: BackupInfo) -> QMessageBox:
        box = QMessageBox(self.context.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore from a backup"))
        box.setText(
            self.tr("Restore the workspace as it was on %1 (total %2)?")
            .replace("%1", f"{info.created:%Y-%m-%d %H:%M}")
            .replace("%2", total_text(info))
        )
        box.setInformativeText(
            self.tr("The workspace as it is now is backed up first, so this restore can be undone by restoring that.")
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is restore and self.restore_now(info))
        return self._show(box)

    def restore_now(self, info: BackupInfo) -> RestoreReport | None:
        """Close the workspace, put the backup back and open it again (the shell does: the window is replaced);
        then the new window says what was restored and what is missing from the vault, or why nothing was."""
        context = self.context
        title = self.tr("Restore from a backup")
        refusal = ""
        if context.shell is None:
            refusal = self.tr("This window cannot reopen its workspace; restore with egov-desk-cli backup restore.")
        elif self._refused_read_only(title, self.tr("This window can only read the workspace; it restores no backup.")):
            return None
        elif context.runner.busy():
            refusal = self.tr("Work is still under way; restore when it has finished.")
        if refusal or context.shell is None:
            self._show(_message(context.parent, QMessageBox.Icon.Warning, title, refusal))
            return None
        if self.dialog is not None:
            self.dialog.close()
        return context.shell.restore(info.path)

    def not_restored(self, error: BaseException) -> QMessageBox:
        """On the window shown after a restore that failed: why the backup was not restored."""
        title, text = self.tr("Restore from a backup"), self.tr("The backup was not restored.")
        return self._show(_message(self.context.parent, QMessageBox.Icon.Warning, title, text, self._words(error)))

    def restored(self, report: RestoreReport) -> QMessageBox:
        """On the reopened window: what was restored, and the evidence files the vault no longer holds."""
        self.last_report = report
        info = report.restored
        text = QCoreApplication.translate("Backups", "The workspace was restored to the backup of %1.").replace(
            "%1", f"{info.created:%Y-%m-%d %H:%M}"
        )
        lines = []
        if report.safety is not None:
            lines.append(
                QCoreApplication.translate("Backups", "Its state before the restore was backed up as %1.").replace(
                    "%1", report.safety.name
                )
            )
        if report.damaged is not None:
            lines.append(
                QCoreApplication.translate("Backups", "The unreadable database was moved to %1.").replace(
                    "%1", str(report.damaged)
                )
            )
        icon = QMessageBox.Icon.Information
        if report.missing:
            icon = QMessageBox.Icon.Warning
            lines.append(
                QCoreApplication.translate(
                    "Backups",
                    "%n evidence file(s) of the restored workspace are missing from its vault; add the originals "
                    "again:",
                    "",
                    len(report.missing),
                )
            )
            for missing in report.missing[:MISSING_SHOWN]:
                lines.append(f"{', '.join(missing.items) or '—'}: {'; '.join(missing.names)}")
            if len(report.missing) > MISSING_SHOWN:
                lines.append("…")
        title = QCoreApplication.translate("Backups", "Restore from a backup")
        return self._show(_message(self.context.parent, icon, title, text, "\n".join(lines)))


def reason_text(reason: str) -> str:
    words = {
        "open": QCoreApplication.translate("Backups", "On opening"),
        "daily": QCoreApplication.translate("Backups", "Daily"),
        "manual": QCoreApplication.translate("Backups", "Made by hand"),
        "before-import": QCoreApplication.translate("Backups", "Before importing an indicator table"),
        "before-score-import": QCoreApplication.translate("Backups", "Before reading a score sheet"),
        "before-package-import": QCoreApplication.translate("Backups", "Before importing a department package"),
        "before-finalize": QCoreApplication.translate("Backups", "Before finalizing"),
        "before-restore": QCoreApplication.translate("Backups", "Before a restore"),
    }
    if reason.startswith("before-upgrade-from-"):
        return QCoreApplication.translate("Backups", "Before a database upgrade")
    return words.get(reason, reason)


def total_text(info: BackupInfo) -> str:
    shown = info.shown
    if shown is None or shown.total is None:
        return QCoreApplication.translate("Backups", "unknown")
    return f"{display(shown.total)} / {compact(shown.max)}" if shown.max is not None else display(shown.total)


class RestoreDialog(QDialog):
    """The backups, newest first: date, why it was made, size and the total it holds."""

    def __init__(self, backups: Backups, found: list[BackupInfo], parent: QWidget) -> None:
        super().__init__(parent)
        self.backups = backups
        self.found = found
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        if found:
            hint = self.tr("Choose the backup to go back to. The workspace as it is now is backed up first.")
        else:
            hint = self.tr("There is no backup of this workspace yet.")
        layout.addWidget(QLabel(hint))
        self.table = QTableWidget(len(found), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Reason"), self.tr("Size"), self.tr("Total")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        locale = QLocale()
        for row, info in enumerate(found):
            cells = (
                f"{info.created:%Y-%m-%d %H:%M:%S}",
                reason_text(info.reason),
                locale.formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat),
                total_text(info),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(info.name)
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_chosen)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(lambda: self.restore_button.setEnabled(self.chosen() is not None))
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_chosen())
        layout.addWidget(buttons)
        if found:
            self.table.selectRow(0)
            self.table.setFocus()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def restore_chosen(self) -> QMessageBox | None:
        info = self.chosen()
        return self.backups.ask_restore(info) if info is not None else None
