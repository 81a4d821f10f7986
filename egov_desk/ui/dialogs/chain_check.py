"""Help → 校验修改记录…: the change history checked off the UI thread (:func:`egov_desk.core.audit_verify.verify`)
with progress, the result in words — whole: a green line with the count of rows and the last row's hash; else the
first row edited, deleted or inserted and every value the data holds that the history does not say, copyable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.audit_verify import ChainReport, verify
from egov_desk.core.messages import is_chinese, say
from egov_desk.ui.language import ui_language

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.ops import Job, Progress

GREEN, RED = "#1b7f3b", "#b3261e"


class ChainCheck(QObject):
    """Owned by the window's history dock: runs the check, keeps the dialog (and, for tests, the last report)."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.dialog: ChainCheckDialog | None = None
        self.last_report: ChainReport | None = None

    def check(self) -> Job:
        context = self.context
        label = self.tr("Checking the change history…")
        progress_dialog = QProgressDialog(label, self.tr("Cancel"), 0, 1000, context.parent)
        progress_dialog.setWindowTitle(self.tr("Check the change history"))
        progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        progress_dialog.setMinimumDuration(400)
        progress_dialog.setAutoClose(False)
        progress_dialog.setAutoReset(False)
        workspace = context.workspace

        def work(progress: Progress) -> ChainReport:
            def report(done: int, total: int) -> None:
                text = self.tr("Row %1 of %2").replace("%1", str(done)).replace("%2", str(total))
                progress.report(int(1000 * done / total) if total else 1000, 1000, text)

            return verify(workspace, report)

        def finished(result: ChainReport) -> None:
            progress_dialog.close()
            self.show_report(result)

        def failed(error: BaseException) -> None:
            progress_dialog.close()
            from egov_desk.core.errors import Cancelled

            if isinstance(error, Cancelled):
                context.status(self.tr("The check was cancelled."), 8000)
                return
            text = say(error, ui_language()) if isinstance(error, Exception) else str(error)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Check the change history"),
                self.tr("The change history could not be checked: %1").replace("%1", text),
                QMessageBox.StandardButton.Ok,
                context.parent,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            context.show(box)

        job = context.runner.start(work, finished, failed)

        def progressed(value: int, _total: int, text: str) -> None:
            progress_dialog.setValue(value)
            progress_dialog.setLabelText(text)

        job.progressed.connect(progressed)
        progress_dialog.canceled.connect(job.cancel)
        return job

    def show_report(self, report: ChainReport) -> None:
        self.last_report = report
        if self.dialog is None:
            self.dialog = ChainCheckDialog(self.context.parent)
        self.dialog.show_report(report, is_chinese(ui_language()))
        self.dialog.open()


class ChainCheckDialog(QDialog):
    """The result: one line in green (whole) or red (what broke first), then every finding, selectable."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chainCheck")
        self.setWindowTitle(self.tr("Check the change history"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_report(self, report: ChainReport, chinese: bool) -> None:
        lines = report.lines(chinese)
        if report.clean:
            self.summary.setText(
                self.tr("The change history is whole: %1 rows, and the data holds what it says.").replace(
                    "%1", str(report.rows)
                )
            )
            self.summary.setStyleSheet(f"color: {GREEN}; font-weight: bold;")
            self.details.setPlainText(self.tr("Last row's hash: %1").replace("%1", report.head))
            self.advice.setText("")
            return
        found = len(report.breaks) + len(report.differences)
        self.summary.setText(self.tr("The change history does not fit: %1 findings.").replace("%1", str(found)))
        self.summary.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.details.setPlainText("\n".join(lines))
        self.advice.setText(
            self.tr(
                "Something changed the workspace file outside egov-desk. Restore a backup from before the first "
                "finding (File → Restore from a backup…), or keep this list as a record of what differs."
            )
        )

    def text(self) -> str:
        return "\n".join(part for part in (self.summary.text(), self.details.toPlainText()) if part)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
