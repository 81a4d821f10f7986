"""File → Export evidence package…: for the whole unit or one department, off the UI thread with progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from egov_desk.core.errors import Cancelled
from egov_desk.core.exports.files import safe_name
from egov_desk.ui.dialogs.choose import choose_one, save_path
from egov_desk.ui.ops import Job, Progress

if TYPE_CHECKING:
    from egov_desk.core.exports.package import PackageReport
    from egov_desk.ui.context import WindowContext

MB = 1024 * 1024


class PackageExport(QObject):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.last_report: PackageReport | None = None
        self.last_error = ""
        self.last_warning = ""

    def ask(self) -> Job | None:
        context = self.context
        everyone = self.tr("The whole unit")
        names = [everyone, *context.departments()]
        filtered = context.default_department()
        parent = context.parent
        choice = choose_one(parent, self.tr("Evidence package"), self.tr("Package for:"), names, filtered or everyone)
        if choice is None:
            return None
        department = None if choice == everyone else choice
        assessment = context.assessment
        suggested = safe_name(
            f"{assessment.unit}{assessment.year}年佐证材料{'-' + department if department else ''}.zip"
        )
        target = save_path(parent, self.tr("Save the evidence package"), suggested, self.tr("ZIP package (*.zip)"))
        return self.start(target, department) if target else None

    def start(self, target: Path, department: str | None) -> Job:
        from egov_desk.core.exports.package import export_package  # openpyxl: loaded when needed

        context = self.context
        dialog = QProgressDialog(self.tr("Packing the evidence…"), self.tr("Cancel"), 0, 1000, context.parent)
        dialog.setWindowTitle(self.tr("Evidence package"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        assessment, workspace = context.assessment.id, context.workspace

        def work(progress: Progress) -> PackageReport:
            def report(files_done: int, files: int, done: int, total: int) -> None:
                progress.update(
                    int(1000 * done / total) if total else 1000,
                    1000,
                    self.tr("File %1 of %2 · %3 MB of %4 MB")
                    .replace("%1", str(files_done))
                    .replace("%2", str(files))
                    .replace("%3", f"{done / MB:.0f}")
                    .replace("%4", f"{total / MB:.0f}"),
                )

            return export_package(workspace, assessment, target, department, report, lambda: progress.cancelled)

        def done(result: PackageReport) -> None:
            dialog.close()
            self.last_report = result
            context.status(
                self.tr("%1: %2 files written").replace("%1", str(target)).replace("%2", str(result.files)), 8000
            )
            if result.faults:
                self._warn(self.faults_text(result))

        def failed(error: BaseException) -> None:
            dialog.close()
            if isinstance(error, Cancelled):
                context.status(self.tr("Export cancelled; nothing was written."), 8000)
                return
            from egov_desk.core.messages import say
            from egov_desk.ui.language import ui_language

            self.last_error = say(error, ui_language())
            self._warn(self.tr("The package was not written: %1").replace("%1", self.last_error))

        job = context.runner.start(work, done, failed)

        def progressed(value: int, _total: int, text: str) -> None:
            dialog.setValue(value)
            dialog.setLabelText(text)

        job.progressed.connect(progressed)
        dialog.canceled.connect(job.cancel)
        return job

    def faults_text(self, report: PackageReport) -> str:
        """Which files were left out of a written package and why, by 编号 and name, and what to do."""
        from egov_desk.core.exports.package import FAULTS_SHEET, MISSING_FILE  # openpyxl: loaded when needed

        faults = report.faults
        lines = [
            self.tr("The package %1 was written, but %n file(s) could not be packed:", "", len(faults)).replace(
                "%1", report.path.name
            )
        ]
        for entry in faults[:20]:
            why = (
                self.tr("missing from the evidence store")
                if entry.fault == MISSING_FILE
                else self.tr("its stored copy is damaged")
            )
            lines.append(f"• {entry.code} {entry.file.name if entry.file else ''}: {why}")
        if len(faults) > 20:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(faults) - 20)))
        lines.append(
            self.tr(
                "They are listed in the index workbook (sheet %1). Add the original files again (adding the same "
                "file repairs a damaged copy), then export again."
            ).replace("%1", FAULTS_SHEET)
        )
        return "\n".join(lines)

    def _warn(self, text: str) -> QMessageBox:
        """A warning that does not block: the export may end while the person is busy elsewhere."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Evidence package"),
            text,
            QMessageBox.StandardButton.Ok,
            self.context.parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_warning = text
        return box
