"""What the evidence panel's buttons, drops and menus do: attach in the background, preview, open, edit."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
)

from egov_desk.core.errors import WorkspaceError
from egov_desk.core.evidence import AttachReport, EvidenceBook, EvidenceError, FileInfo, RemovedLink
from egov_desk.core.exports.files import safe_name
from egov_desk.core.messages import say
from egov_desk.ui.dialogs.choose import last_folder, remember_folder
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job, Progress
from egov_desk.ui.undo import Step

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.dialogs.preview import PreviewDialog
    from egov_desk.ui.panels.evidence_panel import EvidencePanel

MB = 1024 * 1024
PROGRESS_INTERVAL_S = 0.1
SHOWN = 20  # names listed in a message; the rest are counted


@dataclass
class _Removal:
    """A file taken off an item, and put back on undo (under the new link id the restore gives it)."""

    book: EvidenceBook
    link: int
    removed: RemovedLink | None = None

    def forward(self) -> None:
        self.removed = self.book.unlink(self.link)

    def backward(self) -> None:
        if self.removed is not None:
            self.link = self.book.restore(self.removed).link_id


def _bullets(texts: list[str], more: str) -> list[str]:
    """One line per text, the first ``SHOWN``; the rest counted (``more`` holds %1)."""
    lines = [f"• {text}" for text in texts[:SHOWN]]
    if len(texts) > SHOWN:
        lines.append(more.replace("%1", str(len(texts) - SHOWN)))
    return lines


class EvidenceActions(QObject):
    """Serves the item panel's evidence list (``panel``): what its buttons, drops and menus ask for."""

    def __init__(self, context: WindowContext, panel: EvidencePanel) -> None:
        super().__init__(context.parent)
        self.context = context
        self.panel = panel
        self.job: Job | None = None
        self.last_report: AttachReport | None = None
        self.last_notice = ""
        self.date_dialog: QDialog | None = None
        panel.attach_requested.connect(self.attach)
        panel.add_files_requested.connect(self.choose_files)
        panel.add_folder_requested.connect(self.choose_folder)
        panel.unlink_requested.connect(self.unlink)
        panel.preview_requested.connect(self.preview)
        panel.open_requested.connect(self.open_with)
        panel.reveal_requested.connect(self.reveal)
        panel.date_requested.connect(self.set_date)
        panel.checked_changed.connect(self.set_checked)
        panel.requirement_edit.connect(self.edit_requirement)

    @property
    def book(self) -> EvidenceBook:
        return self.context.workspace.evidence

    @property
    def code(self) -> str:
        return self.panel.code

    def refresh(self, code: str) -> None:
        """Repaint one item's checklist, its evidence column and the departments' counts."""
        self.context.show_evidence(code, self.book.item_evidence(self.context.assessment.id, code))

    def _failed(self, error: BaseException) -> None:
        self.notice(self.tr("Not done"), say(error, ui_language()))

    def notice(self, title: str, text: str) -> QMessageBox:
        """A warning that does not block: background work may end while the person is busy elsewhere."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.context.parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_notice = text
        return box

    # --- attaching --------------------------------------------------------------------------------

    def _target_name(self, requirement: int | None) -> str:
        """Where files will go, as the checklist names it: the requirement's text, or 本项其他材料."""
        evidence = self.book.item_evidence(self.context.assessment.id, self.code)
        named = next((r.text for r in evidence.requirements if r.id == requirement), None)
        general = self.tr("Other materials for the item")
        return f"{self.code} {named or general}"

    def choose_files(self, requirement: int | None) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.context.parent,
            self.tr("Evidence files for %1").replace("%1", self._target_name(requirement)),
            str(last_folder("evidence")),
            self.tr(
                "Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff "
                "*.bmp *.gif *.doc *.docx *.wps *.xls *.xlsx *.ofd *.zip);;"
                "All files (*)"
            ),
        )
        if names:
            remember_folder("evidence", Path(names[0]))
            self.attach([Path(n) for n in names], requirement)

    def choose_folder(self, requirement: int | None) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.context.parent,
            self.tr("A folder of evidence for %1").replace("%1", self._target_name(requirement)),
            str(last_folder("evidence")),
        )
        if folder:
            remember_folder("evidence", Path(folder).parent)
            self.attach([Path(folder)], requirement)

    def add_to_current_item(self) -> None:
        """Scoring → Add evidence (Ctrl+Shift+A): to the requirement chosen in the checklist, else the item."""
        if self.context.current_item() is None:
            self.context.status(self.tr("Choose an item first."), 4000)
            return
        self.choose_files(self.panel.selected_requirement())

    def attach(self, paths: list[Path], requirement: int | None) -> Job | None:
        """Copy the files into the vault off the UI thread, with progress (files and bytes) and cancel."""
        if not self.code or not paths:
            return None
        assessment, code = self.context.assessment.id, self.code
        dialog = QProgressDialog(self.tr("Storing the files…"), self.tr("Cancel"), 0, 1000, self.context.parent)
        dialog.setWindowTitle(self.tr("Adding evidence to %1").replace("%1", code))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def work(progress: Progress) -> AttachReport:
            last = [0.0]

            def report(done: int, files: int, copied: int, total: int, name: str) -> None:
                now = time.monotonic()
                if now - last[0] < PROGRESS_INTERVAL_S and copied < total:
                    return  # a signal per megabyte would keep the UI thread busy repainting the dialog
                last[0] = now
                share = int(1000 * copied / total) if total else 1000
                text = (
                    self.tr("File %1 of %2 · %3 MB of %4 MB\n%5")
                    .replace("%1", str(min(done + 1, files)))
                    .replace("%2", str(files))
                    .replace("%3", f"{copied / MB:.0f}")
                    .replace("%4", f"{total / MB:.0f}")
                    .replace("%5", name)
                )
                progress.update(share, 1000, text)

            return self.book.attach(
                assessment, code, paths, requirement, progress=report, cancelled=lambda: progress.cancelled
            )

        def progressed(value: int, _total: int, text: str) -> None:
            dialog.setValue(value)
            dialog.setLabelText(text)

        def done(result: AttachReport) -> None:
            dialog.close()
            self.last_report = result
            self.refresh(code)
            if result.cancelled:
                message = self.tr("Cancelled. The %n file(s) stored before remain.", "", len(result.added))
            else:
                message = self.tr("%n file(s) added to %1", "", len(result.added)).replace("%1", code)
            self.context.status(message, 8000)
            self._report_attach(result)

        def failed(error: BaseException) -> None:
            dialog.close()
            self.refresh(code)
            self._failed(error)

        job = self.context.runner.start(work, done, failed)
        job.progressed.connect(progressed)
        dialog.canceled.connect(job.cancel)
        self.job = job
        return job

    def _report_attach(self, result: AttachReport) -> QMessageBox | None:
        """After an attach: the damaged stored copies it repaired, and why a file could not be stored (in the
        UI's language). A warning when something failed, else a note."""
        lines = []
        if result.repaired:
            lines.append(self.tr("Repaired the damaged stored copy of:"))
            lines += _bullets([f.name for f in result.repaired], self.tr("… and %1 more"))
        if result.errors:
            lines.append(self.tr("These could not be stored:"))
            lines += _bullets([say(error, ui_language()) for error in result.errors], self.tr("… and %1 more"))
        if not lines:
            return None
        box = self.notice(self.tr("Adding evidence"), "\n".join(lines))
        if not result.errors:
            box.setIcon(QMessageBox.Icon.Information)
        return box

    # --- the rest ---------------------------------------------------------------------------------

    def unlink(self, link_id: int, confirm: bool = True) -> None:
        """Take a file off the item (after asking); undoable: Ctrl+Z puts it back as it was."""
        code = self.code
        files = self.book.item_evidence(self.context.assessment.id, code).files()
        file = next((f for f in files if any(lid == link_id for lid, _c, _r in f.links)), None)
        name = file.name if file else ""
        if not confirm:
            self._remove(link_id, code, name)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove the file"),
            self.tr("Remove “%1” from item %2?").replace("%1", name).replace("%2", code),
            QMessageBox.StandardButton.NoButton,
            self.context.parent,
        )
        box.setInformativeText(self.tr("The stored copy stays in the workspace; Edit → Undo (Ctrl+Z) puts it back."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(remove)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: QAbstractButton) -> None:
            if button is remove:
                self._remove(link_id, code, name)

        box.buttonClicked.connect(answered)
        self.context.show(box)  # no nested event loop inside the button's click

    def _remove(self, link_id: int, code: str, name: str) -> None:
        removal = _Removal(self.book, link_id)
        text = self.tr("remove %1 from %2").replace("%1", name).replace("%2", code)
        step = Step(text, removal.forward, removal.backward, lambda: self.refresh(code), self._failed)
        self.context.undo_stack.push(step)

    def _readable_copy(self, file: FileInfo) -> Path:
        """A copy under the file's own name (the vault names files by hash), for the system's programs."""
        folder = Path(tempfile.gettempdir()) / "egov-desk-open" / file.sha256[:16]
        target = folder / safe_name(file.name, 150)
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.book.vault.path_of(file.sha256), target)
        return target

    def preview(self, file: FileInfo) -> PreviewDialog:
        from egov_desk.ui.dialogs.preview import PreviewDialog  # QtPdf: loaded on the first preview

        dialog = PreviewDialog(file, self.book.vault.path_of(file.sha256), self.open_with, self.context.parent)
        dialog.open()
        return dialog

    def open_with(self, file: FileInfo) -> None:
        try:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._readable_copy(file))))
        except OSError as exc:
            self._failed(exc)

    def reveal(self, file: FileInfo) -> None:
        try:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._readable_copy(file).parent)))
        except OSError as exc:
            self._failed(exc)

    def set_date(self, file: FileInfo) -> None:
        from egov_desk.ui.dialogs.evidence_date import EvidenceDateDialog

        dialog = EvidenceDateDialog(file, self.context.assessment.year, self.context.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._date_chosen(file, dialog.chosen))
        self.date_dialog = dialog
        dialog.open()

    def _date_chosen(self, file: FileInfo, chosen: date | None) -> None:
        if chosen == file.evidence_date:
            return
        code, year = self.code, self.context.assessment.year
        outside: list[bool] = []

        assessment = self.context.assessment.id

        def write_date(value: date | None, shown: date | None) -> bool:
            # By the file's bytes, not its row id: a removed and restored file comes back under a new id. ``shown``
            # is the date the person saw: one changed elsewhere since is not overwritten (ChangedSince).
            file_id = self.book.file_id(assessment, file.sha256)
            return self.book.set_date(file_id, value, expected=shown).file.date_outside_year

        back = file.evidence_date

        def forward() -> None:
            outside[:] = [write_date(chosen, back)]

        text = self.tr("date of %1").replace("%1", file.name)
        step = Step(text, forward, lambda: write_date(back, chosen), lambda: self.refresh(code), self._failed)
        self.context.undo_stack.push(step)
        if outside and outside[0]:
            self.notice(
                self.tr("Date outside the year"),
                self.tr("%1 is dated outside %2; evaluators may not accept it.")
                .replace("%1", file.name)
                .replace("%2", str(year)),
            )

    def set_checked(self, requirement: int, checked: bool) -> None:
        assessment, code = self.context.assessment.id, self.code
        text = (self.tr("tick as checked in %1") if checked else self.tr("untick in %1")).replace("%1", code)
        step = Step(
            text,
            lambda: self.book.set_checked(assessment, requirement, checked, expected=not checked),
            lambda: self.book.set_checked(assessment, requirement, not checked, expected=checked),
            lambda: self.refresh(code),
            self._failed,
        )
        self.context.undo_stack.push(step)

    def edit_requirement(self, kind: str, requirement: int | None) -> None:
        try:
            if kind == "add":
                text, ok = QInputDialog.getText(
                    self.context.parent, self.tr("New requirement"), self.tr("Material to provide:")
                )
                if ok and text.strip():
                    self.book.add_requirement(self.context.assessment.id, self.code, text)
            elif kind == "rename" and requirement is not None:
                shown = self.panel.requirement_text(requirement)
                text, ok = QInputDialog.getText(
                    self.context.parent,
                    self.tr("Rename the requirement"),
                    self.tr("Material to provide:"),
                    QLineEdit.EchoMode.Normal,
                    shown,
                )
                if ok and text.strip() and text.strip() != shown:
                    self.book.rename_requirement(requirement, text, expected=shown)
            elif kind in ("up", "down") and requirement is not None:
                self.book.move_requirement(requirement, -1 if kind == "up" else 1)
            elif kind == "remove" and requirement is not None:
                self.book.remove_requirement(requirement)
        except (EvidenceError, WorkspaceError) as exc:
            self._failed(exc)
        self.refresh(self.code)
