"""Writing the departments' packages off the UI thread, one after another, with progress and cancel, then a summary
listing each file written and each refused (named, with why), and a button that opens the folder.

The bar moves with the evidence bytes packed; a cancel stops the package under way between chunks and leaves
nothing of it — those finished before stay and are listed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from egov_desk.core.errors import Cancelled, EgovError
from egov_desk.core.messages import say
from egov_desk.core.packages.export import PackageWritten, export_department_package
from egov_desk.ui.language import ui_language
from egov_desk.ui.open_outside import open_outside
from egov_desk.ui.packages.message_width import widen

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.ops import Job, Progress

MB = 1024 * 1024
STEPS = 1000  # the bar's steps per package


def file_size(size: int) -> str:
    """12 KB, 3.4 MB, 250 MB: as the file manager says it."""
    if size < MB:
        return f"{max(1, round(size / 1024)) if size else 0} KB"
    shown = size / MB
    return f"{shown:.1f} MB" if shown < 10 else f"{shown:.0f} MB"


@dataclass
class ExportResults:
    written: list[PackageWritten] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # department → why, in the person's language
    cancelled: bool = False


class ExportRun(QObject):
    def __init__(self, context: WindowContext, targets: dict[str, Path], folder: Path) -> None:
        super().__init__(context.parent)
        self.context = context
        self.targets = targets
        self.folder = folder
        self.results = ExportResults()
        self.summary: QMessageBox | None = None
        self.progress: QProgressDialog | None = None

    def start(self) -> Job:
        context = self.context
        total = len(self.targets)
        dialog = QProgressDialog(self.tr("Writing the packages…"), self.tr("Cancel"), 0, total * STEPS, context.parent)
        dialog.setWindowTitle(self.tr("Export department work packages"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        self.progress = dialog
        workspace, assessment = context.workspace, context.assessment.id
        language = ui_language()
        results = self.results
        targets = dict(self.targets)
        waiting = self.tr("Package %1 of %2: %3…")

        def work(progress: Progress) -> ExportResults:
            for done, (department, out) in enumerate(targets.items()):
                if progress.cancelled:
                    results.cancelled = True
                    break
                text = waiting.replace("%1", str(done + 1)).replace("%2", str(total)).replace("%3", department)
                progress.update(done * STEPS, total * STEPS, text)

                packed = _packing(progress, done, total, text)
                try:
                    written = export_department_package(
                        workspace, assessment, department, out, packed, lambda: progress.cancelled
                    )
                except Cancelled:
                    results.cancelled = True  # the package under way left nothing
                    break
                except EgovError as error:
                    results.refused[department] = say(error, language)
                    continue
                results.written.append(_named_by_its_number(written, out))
            progress.update(total * STEPS, total * STEPS, "")
            return results

        job = context.runner.start(work, self._done, self._failed)
        job.progressed.connect(self._progressed)
        dialog.canceled.connect(job.cancel)
        return job

    def _progressed(self, value: int, _total: int, text: str) -> None:
        if self.progress is not None:
            self.progress.setValue(value)
            if text:
                self.progress.setLabelText(text)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, Cancelled):
            self.results.cancelled = True
            self._done(self.results)
            return
        self.context.report_failure(error if isinstance(error, Exception) else RuntimeError(str(error)))

    def _done(self, results: ExportResults) -> None:
        self._close_progress()
        lines = []
        if results.written:
            lines.append(self.tr("Written to %1:").replace("%1", str(self.folder)))
            for written in results.written:
                lines.append(
                    self.tr("• %1 — %2: %3 lead, %4 cooperating, %5 file(s) (%6)")
                    .replace("%1", written.path.name)
                    .replace("%2", written.department)
                    .replace("%3", str(written.lead))
                    .replace("%4", str(written.cooperating))
                    .replace("%5", str(written.files))
                    .replace("%6", file_size(written.bytes))
                )
        for department, why in results.refused.items():
            lines.append(self.tr("✗ %1 not written: %2").replace("%1", department).replace("%2", why))
        if results.cancelled:
            lines.append(self.tr("Cancelled: the package under way was removed; the others were not written."))
        if not lines:
            lines.append(self.tr("No package was written."))
        icon = QMessageBox.Icon.Warning if results.refused else QMessageBox.Icon.Information
        box = QMessageBox(
            icon, self.tr("Export department work packages"), "\n".join(lines), parent=self.context.parent
        )
        box.setObjectName("packageExportSummary")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        opening = box.addButton(self.tr("&Open the folder"), QMessageBox.ButtonRole.ActionRole)
        opening.setEnabled(bool(results.written))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.buttonClicked.connect(lambda button: self.open_folder() if button is opening else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = box
        count = len(results.written)
        self.context.status(
            self.tr("%1 package(s) written to %2").replace("%1", str(count)).replace("%2", str(self.folder)), 8000
        )
        self.context.show(widen(box))

    def open_folder(self) -> bool:
        return open_outside(self.folder, self.context.parent)


def _packing(progress: Progress, done: int, total: int, text: str) -> Callable[[int, int, int, int], None]:
    """What the core calls as a package's evidence is packed: the bar moved a step at a time (not per chunk)."""
    shown = -1

    def packed(_files: int, _of: int, copied: int, size: int) -> None:
        nonlocal shown
        step = STEPS * copied // size if size else 0
        if step != shown:
            shown = step
            progress.update(done * STEPS + step, total * STEPS, text)

    return packed


def _named_by_its_number(written: PackageWritten, out: Path) -> PackageWritten:
    """The file renamed when the package got another number than foreseen (another export ran in between)."""
    expected = f"-第{written.sequence}个"
    if expected in out.name:
        return written
    stem = out.name.rsplit("-第", 1)[0]
    renamed = out.with_name(f"{stem}{expected}{out.suffix}")
    if renamed.exists():
        return written
    try:
        out.rename(renamed)
    except OSError:
        return written
    from dataclasses import replace

    return replace(written, path=renamed)
