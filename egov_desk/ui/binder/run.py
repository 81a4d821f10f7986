"""One binder written off the UI thread: the progress dialog counts pages and has 取消; at the end a message says
where the binder went (its pages, its size, the files listed instead of bound), with 打开 and 打开所在文件夹."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from egov_desk.core.binder import Scope, build_binder
from egov_desk.core.errors import Cancelled
from egov_desk.core.messages import say
from egov_desk.ui.language import ui_language
from egov_desk.ui.open_outside import open_outside
from egov_desk.ui.packages.export_run import file_size

if TYPE_CHECKING:
    from egov_desk.render.binder import BinderWritten
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.ops import Job, Progress

SHOWN_NOT_BOUND = 8  # notices named in the message; the rest counted


class BinderRun(QObject):
    def __init__(self, context: WindowContext, scope: Scope, target: Path) -> None:
        super().__init__(context.parent)
        self.context = context
        self.scope = scope
        self.target = target
        self.progress: QProgressDialog | None = None
        self.summary: QMessageBox | None = None
        self.written: BinderWritten | None = None
        self.cancelled = False
        self.job: Job | None = None

    def start(self) -> Job:
        from egov_desk.render.binder import write_binder  # Qt painting and pikepdf: loaded on first use

        dialog = QProgressDialog(self.tr("Counting the evidence…"), self.tr("Cancel"), 0, 0, self.context.parent)
        dialog.setObjectName("binderProgress")
        dialog.setWindowTitle(self.tr("Bind into one PDF"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(440)
        self.progress = dialog
        workspace, assessment, scope, target = (
            self.context.workspace,
            self.context.assessment.id,
            self.scope,
            self.target,
        )

        def work(progress: Progress) -> BinderWritten:
            binder = build_binder(workspace, assessment, scope)
            return write_binder(binder, target, progress.update, lambda: progress.cancelled)

        job = self.context.runner.start(work, self._done, self._failed)
        job.progressed.connect(self._progressed)
        dialog.canceled.connect(job.cancel)
        self.job = job
        return job

    def _progressed(self, done: int, total: int, text: str) -> None:
        dialog = self.progress  # kept: a modal dialog's setValue lets the end arrive and close it meanwhile
        if dialog is None:
            return
        label = self.tr("Page %1 of %2").replace("%1", str(done)).replace("%2", str(total)) if total else ""
        dialog.setLabelText("\n".join(part for part in (label, text) if part))
        if total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, Cancelled):
            self.cancelled = True
            self.context.status(self.tr("Binding cancelled: no file was written"), 8000)
            return
        why = say(error, ui_language())
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Bind into one PDF"),
            self.tr("%1 was not written: %2\nCheck the folder can be written to and try again.")
            .replace("%1", self.target.name)
            .replace("%2", why),
            QMessageBox.StandardButton.Ok,
            self.context.parent,
        )
        box.setObjectName("binderFailed")
        self.summary = box
        self.context.show(box)

    def _done(self, written: BinderWritten) -> None:
        self._close_progress()
        self.written = written
        lines = [
            self.tr("Written to %1").replace("%1", str(written.path)),
            self.tr("%1 pages, %2").replace("%1", str(written.pages)).replace("%2", file_size(written.bytes)),
        ]
        if written.not_bound:
            lines.append(
                self.tr("%1 file(s) are listed on a page of their own instead of bound:").replace(
                    "%1", str(len(written.not_bound))
                )
            )
            lines.extend(f"• {notice}" for notice in written.not_bound[:SHOWN_NOT_BOUND])
            if len(written.not_bound) > SHOWN_NOT_BOUND:
                lines.append(self.tr("… and %1 more").replace("%1", str(len(written.not_bound) - SHOWN_NOT_BOUND)))
        icon = QMessageBox.Icon.Warning if written.not_bound else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Bind into one PDF"), "\n".join(lines), parent=self.context.parent)
        box.setObjectName("binderWritten")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        opening = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.ActionRole)
        folder = box.addButton(self.tr("Open the &folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(opening)
        box.buttonClicked.connect(
            lambda button: self.open_binder() if button is opening else self.open_folder() if button is folder else None
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = box
        self.context.status(self.tr("Binder written: %1").replace("%1", str(written.path)), 8000)
        self.context.show(box)

    def open_binder(self) -> bool:
        return open_outside(self.target, self.context.parent)

    def open_folder(self) -> bool:
        return open_outside(self.target.parent, self.context.parent)
