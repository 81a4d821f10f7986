"""File → Check the evidence files…: every stored file re-hashed off the UI thread, the result in plain words
(missing and damaged files by item and name, what to do), and unused files cleaned only after asking.

The checking itself is :meth:`egov_desk.core.evidence.verify.Verifier.verify`; a read-only window checks but
never offers cleaning (cleaning writes).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt
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

from egov_desk.core.errors import Cancelled
from egov_desk.core.evidence.types import VerifyReport
from egov_desk.core.messages import say
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job, Progress

if TYPE_CHECKING:
    from collections.abc import Callable

    from egov_desk.ui.context import WindowContext

PROGRESS_INTERVAL_S = 0.1
SHOWN = 50  # problem lines listed; the rest are counted


def data_size(size: int) -> str:
    """A size as office PCs write it (192.0 KB)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class EvidenceCheck(QObject):
    """Owned by the window: runs the check and the clean, keeps the dialog (and, for tests, the last report)."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.dialog: VerifyDialog | None = None
        self.last_report: VerifyReport | None = None
        self.last_error = ""

    @property
    def can_clean(self) -> bool:
        return not self.context.workspace.read_only

    def check(self) -> Job:
        """Re-hash every stored file with progress and cancel, then show what was found."""
        return self._run(False, self.tr("Checking the evidence files…"), self._checked)

    def ask_clean(self) -> QMessageBox | None:
        """The question before cleaning: how many files, how much space, and that files in use stay."""
        report = self.last_report
        if report is None or not report.unused or not self.can_clean:
            return None
        box = QMessageBox(self.dialog or self.context.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Clean up the evidence store"))
        box.setText(
            self.tr("Remove %n unused file(s) from the evidence store, freeing %1?", "", report.unused).replace(
                "%1", data_size(report.unused_bytes)
            )
        )
        box.setInformativeText(
            self.tr(
                "Only stored files that no evidence uses and unfinished copies are removed. A file in use at the "
                "moment of removal, or added while the clean runs, is never removed."
            )
        )
        clean = box.addButton(self.tr("Clean up"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(clean)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is clean and self.clean())
        self.context.show(box)  # no nested event loop inside the button's click
        return box

    def clean(self) -> Job:
        """Check again and remove what nothing uses (core re-checks each file right before removing it)."""
        return self._run(True, self.tr("Cleaning up the evidence store…"), self._cleaned)

    def _run(self, clean: bool, label: str, done: Callable[[VerifyReport], None]) -> Job:
        context = self.context
        parent: QWidget = self.dialog if self.dialog is not None and self.dialog.isVisible() else context.parent
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 1000, parent)
        dialog.setWindowTitle(self.tr("Check the evidence files"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        book = context.workspace.evidence

        def work(progress: Progress) -> VerifyReport:
            last = [0.0]

            def report(checked: int, total: int) -> None:
                if progress.cancelled:
                    raise Cancelled  # core stops before it removes anything
                now = time.monotonic()
                if now - last[0] < PROGRESS_INTERVAL_S and checked < total:
                    return
                last[0] = now
                text = self.tr("File %1 of %2").replace("%1", str(checked)).replace("%2", str(total))
                progress.update(int(1000 * checked / total) if total else 1000, 1000, text)

            return book.verify(clean=clean, progress=report)

        def finished(result: VerifyReport) -> None:
            dialog.close()
            done(result)

        def failed(error: BaseException) -> None:
            dialog.close()
            if isinstance(error, Cancelled):
                stopped = (
                    self.tr("Cleaning cancelled; nothing was removed.")
                    if clean
                    else self.tr("The check was cancelled.")
                )
                context.status(stopped, 8000)
                return
            self.last_error = say(error, ui_language())
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Check the evidence files"),
                self.tr("The evidence files could not be checked: %1").replace("%1", self.last_error),
                QMessageBox.StandardButton.Ok,
                context.parent,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            context.show(box)

        job = context.runner.start(work, finished, failed)

        def progressed(value: int, _total: int, text: str) -> None:
            dialog.setValue(value)
            dialog.setLabelText(text)

        job.progressed.connect(progressed)
        dialog.canceled.connect(job.cancel)
        return job

    def _checked(self, report: VerifyReport) -> None:
        self.last_report = report
        if self.dialog is None:
            self.dialog = VerifyDialog(self, self.context.parent)
        self.dialog.show_report(report)
        self.dialog.open()

    def _cleaned(self, report: VerifyReport) -> None:
        removed = self.tr("Removed %n unused file(s), freeing %1.", "", report.cleaned).replace(
            "%1", data_size(report.unused_bytes)
        )
        self.context.status(removed, 8000)
        self.last_report = VerifyReport(
            report.checked, report.missing, report.corrupt, items=report.items
        )  # what remains: the removed files are gone
        if self.dialog is not None:
            self.dialog.show_report(self.last_report, removed)


class VerifyDialog(QDialog):
    """What the check found, what to do about it, and (in a window that may write) the clean-up button."""

    def __init__(self, check: EvidenceCheck, parent: QWidget) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(self.tr("Check the evidence files"))
        self.resize(640, 420)
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
        self.clean_button = QPushButton(self.tr("&Clean up…"), self)
        buttons.addButton(self.clean_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.clean_button.clicked.connect(check.ask_clean)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_report(self, report: VerifyReport, removed: str = "") -> None:
        problems = report.missing or report.corrupt
        summary = [removed] if removed else []
        if not problems and not report.unused:
            summary.append(
                self.tr("All is well: the %n stored file(s) are all present and intact.", "", report.checked)
            )
        elif not problems:
            summary.append(self.tr("All %n stored file(s) are present and intact.", "", report.checked))
        else:
            summary.append(
                self.tr("%1 of %2 stored files are missing, %3 damaged.")
                .replace("%1", str(len(report.missing)))
                .replace("%2", str(report.checked))
                .replace("%3", str(len(report.corrupt)))
            )
        if report.unused:
            summary.append(
                self.tr("Files no evidence uses: %1; unfinished copies: %2; together %3.")
                .replace("%1", str(len(report.orphans)))
                .replace("%2", str(len(report.leftovers)))
                .replace("%3", data_size(report.unused_bytes))
            )
        self.summary.setText("\n".join(summary))
        self.details.setPlainText("\n".join(self.problem_lines(report)))
        self.details.setVisible(bool(problems))
        self.advice.setText("\n\n".join(self.advice_texts(report)))
        self.advice.setVisible(bool(self.advice.text()))
        self.clean_button.setVisible(bool(report.unused) and self.check.can_clean)

    def problem_lines(self, report: VerifyReport) -> list[str]:
        """One line per missing or damaged file: its items and the names it was added under."""
        lines = []
        for label, found in ((self.tr("Missing"), report.missing), (self.tr("Damaged"), report.corrupt)):
            for sha256, names in found:
                codes = "、".join(report.items.get(sha256, [])) or "—"
                lines.append(f"{label}  {codes}  {'；'.join(names)}")
        if len(lines) > SHOWN:
            lines = [*lines[:SHOWN], self.tr("… and %1 more").replace("%1", str(len(lines) - SHOWN))]
        return lines

    def advice_texts(self, report: VerifyReport) -> list[str]:
        texts = []
        if report.missing or report.corrupt:
            texts.append(
                self.tr(
                    "What to do: add the original of each file above again to its item (Add files… in the "
                    "evidence list): adding a file repairs its damaged stored copy and stores a missing one again. "
                    "If an original is lost, restore from a backup (File → Restore from a backup…) — the "
                    "workspace's backups keep the data but not the evidence files themselves, so a copy of the "
                    "whole workspace folder is needed for those."
                )
            )
        if report.unused and self.check.can_clean:
            texts.append(self.tr("“Clean up” removes the unused files; evidence in use is never touched."))
        elif report.unused:
            texts.append(self.tr("This window is read-only: clean up in the window that holds the workspace."))
        return texts
