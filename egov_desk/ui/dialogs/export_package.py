"""File → Export evidence package…: for the whole unit or one department, off the UI thread with progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from egov_desk.core.exports.files import safe_name
from egov_desk.ui.dialogs.choose import choose_one, save_path
from egov_desk.ui.ops import Job, Progress

if TYPE_CHECKING:
    from egov_desk.core.exports.package import PackageReport
    from egov_desk.ui.main_window import MainWindow

MB = 1024 * 1024


class PackageExport(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_report: PackageReport | None = None
        self.last_error = ""
        self.last_warning = ""

    def ask(self) -> Job | None:
        window = self.window
        everyone = self.tr("The whole unit")
        names = [everyone, *window.model.sheet.system.departments()]
        filtered = window.exports.default_department()
        choice = choose_one(window, self.tr("Evidence package"), self.tr("Package for:"), names, filtered or everyone)
        if choice is None:
            return None
        department = None if choice == everyone else choice
        assessment = window.assessment
        suggested = safe_name(
            f"{assessment.unit}{assessment.year}年佐证材料{'-' + department if department else ''}.zip"
        )
        target = save_path(window, self.tr("Save the evidence package"), suggested, self.tr("ZIP package (*.zip)"))
        return self.start(target, department) if target else None

    def start(self, target: Path, department: str | None) -> Job:
        from egov_desk.core.exports.package import Cancelled, export_package  # openpyxl: loaded when needed

        window = self.window
        dialog = QProgressDialog(self.tr("Packing the evidence…"), self.tr("Cancel"), 0, 1000, window)
        dialog.setWindowTitle(self.tr("Evidence package"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        assessment = window.assessment.id

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

            return export_package(window.workspace, assessment, target, department, report, lambda: progress.cancelled)

        def done(result: PackageReport) -> None:
            dialog.close()
            self.last_report = result
            window.statusBar().showMessage(
                self.tr("%1: %2 files written").replace("%1", str(target)).replace("%2", str(result.files)), 8000
            )
            if result.faults:
                self._warn(self.faults_text(result))

        def failed(error: BaseException) -> None:
            dialog.close()
            if isinstance(error, Cancelled):
                window.statusBar().showMessage(self.tr("Export cancelled; nothing was written."), 8000)
                return
            from egov_desk.core.messages import say
            from egov_desk.ui.language import ui_language

            self.last_error = say(error, ui_language())
            self._warn(self.tr("The package was not written: %1").replace("%1", self.last_error))

        job = window.runner.start(work, done, failed)
        job.progressed.connect(lambda value, _total, text: (dialog.setValue(value), dialog.setLabelText(text)))
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
            QMessageBox.Icon.Warning, self.tr("Evidence package"), text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_warning = text
        return box
