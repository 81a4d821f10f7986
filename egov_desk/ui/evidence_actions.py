"""What the evidence panel's buttons, drops and menus do: attach in the background, preview, open, edit."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
)

from egov_desk.core.changes import Changes, EvidenceChange, Written
from egov_desk.core.evidence import AttachReport, EvidenceBook, FileInfo
from egov_desk.core.evidence.types import Dated
from egov_desk.core.messages import say
from egov_desk.ui import long_lived
from egov_desk.ui.dialogs.choose import last_folder, remember_folder
from egov_desk.ui.evidence_copies import EvidenceCopies
from egov_desk.ui.evidence_steps import Attachment, NewRequirement, Removal, RequirementRemoval
from egov_desk.ui.language import ui_language
from egov_desk.ui.open_outside import open_outside
from egov_desk.ui.ops import Job, Progress
from egov_desk.ui.undo import Step, push
from egov_desk.ui.write_refusals import ADD_EVIDENCE, refused

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.dialogs.preview import PreviewDialog
    from egov_desk.ui.panels.evidence_panel import EvidencePanel

MB = 1024 * 1024
PROGRESS_INTERVAL_S = 0.1
SHOWN = 20  # names listed in a message; the rest are counted


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
        self.copies = EvidenceCopies(context)
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

    def _push(
        self,
        text: str,
        forward: Callable[[], Written],
        backward: Callable[[], Written],
        code: str,
        *,
        done: bool = False,
    ) -> Step:
        """An edit of ``code``'s evidence as an undo step, made now (``done``: made already); the window repaints
        what it changed. One refused or failed is said, and the item repainted as it is now."""
        assessment = self.context.assessment.id

        def failed(error: Exception) -> None:
            self._failed(error)
            self.context.apply(Changes.of(EvidenceChange(assessment, (code,))))

        step = Step(text, forward, backward, self.context.apply, failed, done=done)
        push(self.context.undo_stack, step)
        return step

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

    def _refused(self) -> bool:
        """Files cannot be added to the item shown (定稿, another department's, read-only): said before any dialog."""
        return refused(self.context, ADD_EVIDENCE, self.context.current_item())

    def choose_files(self, requirement: int | None) -> None:
        if self._refused():
            return
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
        if self._refused():
            return
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
        if not self.code or not paths or self._refused():
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
            self.context.apply(result.changes)
            if result.links:  # Ctrl+Z unlinks what this attach linked
                attachment = Attachment(self.book, list(result.links), result.changes)
                text = self.tr("add files to %1").replace("%1", code)
                self._push(text, attachment.forward, attachment.backward, code, done=True)
            if result.cancelled:
                message = self.tr("Cancelled. The %n file(s) stored before remain.", "", len(result.added))
            else:
                message = self.tr("%n file(s) added to %1", "", len(result.added)).replace("%1", code)
            self.context.status(message, 8000)
            self._report_attach(result)

        def failed(error: BaseException) -> None:
            dialog.close()
            self.context.apply(Changes.of(EvidenceChange(assessment, (code,))))  # what was stored before it
            self._failed(error)

        long_lived.settled(self.context.parent)  # no pass of the cycle collector over the whole window meanwhile
        job = self.context.runner.start(work, done, failed, writes=True)
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
        removal = Removal(self.book, link_id)
        text = self.tr("remove %1 from %2").replace("%1", name).replace("%2", code)
        self._push(text, removal.forward, removal.backward, code)

    def preview(self, file: FileInfo) -> PreviewDialog | None:
        """The preview, at once for a file in the workspace's folder; for one that must be fetched first (from a
        server's database), once it is here (None now)."""
        shown: list[PreviewDialog] = []
        self.copies.fetch(file, lambda path: shown.append(self._preview_at(file, path)), self._failed, False)
        return shown[0] if shown else None

    def _preview_at(self, file: FileInfo, path: Path) -> PreviewDialog:
        from egov_desk.ui.dialogs.preview import PreviewDialog  # QtPdf: loaded on the first preview

        dialog = PreviewDialog(file, path, self.open_with, self.context.parent)
        dialog.open()
        return dialog

    def open_with(self, file: FileInfo) -> None:
        self.copies.fetch(file, lambda path: self._open_url(path), self._failed, True)

    def reveal(self, file: FileInfo) -> None:
        self.copies.fetch(file, lambda path: self._open_url(path.parent), self._failed, True)

    def _open_url(self, path: Path) -> None:
        open_outside(path, self.context.parent)

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
        assessment = self.context.assessment.id
        outside: list[bool] = []

        def write_date(value: date | None, shown: date | None) -> Dated:
            # By the file's bytes, not its row id: a removed and restored file comes back under a new id. ``shown``
            # is the date the person saw: one changed elsewhere since is not overwritten (ChangedSince).
            file_id = self.book.file_id(assessment, file.sha256, file.name)
            return self.book.set_date(file_id, value, expected=shown)

        back = file.evidence_date

        def forward() -> Dated:
            dated = write_date(chosen, back)
            outside[:] = [dated.file.date_outside_year]
            return dated

        text = self.tr("date of %1").replace("%1", file.name)
        self._push(text, forward, lambda: write_date(back, chosen), code)
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
        self._push(
            text,
            lambda: self.book.set_checked(assessment, requirement, checked, expected=not checked),
            lambda: self.book.set_checked(assessment, requirement, not checked, expected=checked),
            code,
        )

    def edit_requirement(self, kind: str, requirement: int | None) -> None:
        """Add, rename, move or remove a requirement of the item's checklist: each an undo step."""
        book, code = self.book, self.code
        if kind == "add":
            text, ok = QInputDialog.getText(
                self.context.parent, self.tr("New requirement"), self.tr("Material to provide:")
            )
            if ok and text.strip():
                added = NewRequirement(book, self.context.assessment.id, code, text)
                self._push(self.tr("new requirement in %1").replace("%1", code), added.forward, added.backward, code)
        elif kind == "rename" and requirement is not None:
            shown = self.panel.requirement_text(requirement)
            text, ok = QInputDialog.getText(
                self.context.parent,
                self.tr("Rename the requirement"),
                self.tr("Material to provide:"),
                QLineEdit.EchoMode.Normal,
                shown,
            )
            new = text.strip()
            if ok and new and new != shown:
                self._push(
                    self.tr("name of a requirement in %1").replace("%1", code),
                    lambda: book.rename_requirement(requirement, new, expected=shown),
                    lambda: book.rename_requirement(requirement, shown, expected=new),
                    code,
                )
        elif kind in ("up", "down") and requirement is not None:
            step = -1 if kind == "up" else 1
            if self._can_move(requirement, step):  # a move that moves nothing has nothing to undo
                self._push(
                    self.tr("order of the checklist of %1").replace("%1", code),
                    lambda: book.move_requirement(requirement, step),
                    lambda: book.move_requirement(requirement, -step),
                    code,
                )
        elif kind == "remove" and requirement is not None:
            removal = RequirementRemoval(book, requirement)
            text = self.tr("remove a requirement from %1").replace("%1", code)
            self._push(text, removal.forward, removal.backward, code)

    def _can_move(self, requirement: int, step: int) -> bool:
        ids = [r.id for r in self.book.item_evidence(self.context.assessment.id, self.code).requirements]
        return requirement in ids and 0 <= ids.index(requirement) + step < len(ids)
