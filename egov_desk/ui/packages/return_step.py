"""文件 → 生成回执… in a department's workspace: what the return will hold (items changed, changes, new files) read
off the UI thread, a question when nothing changed, where to save it, the return written off the UI thread, and a
line telling the person to give it back to whoever sent the package, by name (never "the office": 办公室 is a
department's name too)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from egov_desk.core.errors import Cancelled
from egov_desk.core.exports.files import safe_name
from egov_desk.core.messages import say
from egov_desk.core.packages.department import department_mode
from egov_desk.core.packages.format import SUFFIX
from egov_desk.core.packages.return_changes import NetChanges, net_changes
from egov_desk.core.packages.returning import ReturnWritten, make_return
from egov_desk.ui.language import ui_language
from egov_desk.ui.open_outside import open_outside
from egov_desk.ui.packages.busy import busy_dialog, close_busy
from egov_desk.ui.packages.department_mode import sender_said
from egov_desk.ui.packages.export_dialog import default_folder
from egov_desk.ui.packages.export_run import file_size
from egov_desk.ui.packages.message_width import widen

if TYPE_CHECKING:
    from egov_desk.core.packages.department import DepartmentMode
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.ops import Progress

FOLDER_KEY = "folders/returns"


def return_name(unit: str, year: int, mode: DepartmentMode) -> str:
    return safe_name(f"{year}-{unit or '本单位'}-{mode.department}-第{mode.sequence}个-回执{SUFFIX}")


class ReturnStep(QObject):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.question: QMessageBox | None = None  # asked now (tests answer it)
        self.said: QMessageBox | None = None  # the last word: written, or why not
        self.progress: QProgressDialog | None = None
        self.written: ReturnWritten | None = None
        self.choose_path = self._save_dialog  # tests give the path instead of a file dialog

    def start(self) -> None:
        """Read what the return would hold, then ask."""
        context = self.context
        mode = department_mode(context.workspace)
        if mode is None:
            self._say(
                self.tr("This is not a department's workspace: returns are made from a work package opened here.")
            )
            return
        workspace = context.workspace
        context.parent.setFocus()  # a note being typed is saved first
        self._busy(self.tr("Reading the changes…"))
        context.runner.start(
            lambda _progress: net_changes(workspace, mode), lambda net: self._read(mode, net), self._failed
        )

    def _read(self, mode: DepartmentMode, net: NetChanges) -> None:
        self._close_busy()
        new_bytes = sum(file.size for file in net.new_files.values())
        if not net.items:
            text = self.tr(
                "Nothing was changed since the package came: a return now tells %1 only that. Write it anyway?"
            ).replace("%1", sender_said(mode))
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Make the return"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self.context.parent,
            )
        else:
            text = (
                self.tr("The return holds %1 change(s) to %2 item(s) and %3 new file(s) (%4).")
                .replace("%1", str(net.count))
                .replace("%2", str(len(net.items)))
                .replace("%3", str(len(net.new_files)))
                .replace("%4", file_size(new_bytes))
                + "\n"
                + self.items_said(mode, net)
            )
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Make the return"),
                text,
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                self.context.parent,
            )
            box.button(QMessageBox.StandardButton.Save).setText(self.tr("&Save the return…"))
        box.setObjectName("returnSummary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._answered(box, button, mode))
        self.question = box
        self.context.show(widen(box))

    def items_said(self, mode: DepartmentMode, net: NetChanges) -> str:
        """The items changed, one a line with its title and how many changes (the first 12)."""
        workspace = self.context.workspace
        system = workspace.system_now(workspace.assessment(mode.assessment).system_id)
        titles = {item.code: item.title for item in system.items()}
        lines = []
        for entry in net.items[:12]:
            code = str(entry["code"])
            title = titles.get(code, "")
            title = title if len(title) <= 30 else title[:29] + "…"
            lines.append(
                self.tr("%1 %2: %3 change(s)")
                .replace("%1", code)
                .replace("%2", title)
                .replace("%3", str(len(entry["changes"])))
            )
        if len(net.items) > 12:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(net.items) - 12)))
        return "\n".join(lines)

    def _answered(self, box: QMessageBox, button: object, mode: DepartmentMode) -> None:
        if box.buttonRole(button) in (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole):  # type: ignore[arg-type]
            self._save(mode)

    def _save_dialog(self, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.context.parent,
            self.tr("Save the return"),
            str(suggested),
            self.tr("Return (*%1)").replace("%1", SUFFIX),
        )
        return Path(chosen) if chosen else None

    def _save(self, mode: DepartmentMode) -> None:
        assessment = self.context.workspace.assessment(mode.assessment)
        stored = QSettings().value(FOLDER_KEY)
        folder = Path(str(stored)) if stored and Path(str(stored)).is_dir() else default_folder()
        out = self.choose_path(folder / return_name(assessment.unit, assessment.year, mode))
        if out is None:
            return
        if out.suffix != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        QSettings().setValue(FOLDER_KEY, str(out.parent))
        workspace = self.context.workspace
        self._busy(self.tr("Writing the return %1…").replace("%1", out.name), cancel=True)

        def work(progress: Progress) -> ReturnWritten:
            shown = -1

            def packed(_files: int, _of: int, done: int, total: int) -> None:
                nonlocal shown
                step = done * 1000 // total if total else 0
                if step != shown:  # a signal a permille, not a chunk
                    shown = step
                    progress.update(step, 1000)

            return make_return(workspace, out, packed, lambda: progress.cancelled)  # a cancel leaves nothing

        job = self.context.runner.start(work, self._written, self._failed)
        dialog = self.progress
        if dialog is not None:
            dialog.canceled.connect(job.cancel)

            def moved(done: int, total: int, _text: str) -> None:
                dialog.setMaximum(total)
                dialog.setValue(done)

            job.progressed.connect(moved)

    def _written(self, written: ReturnWritten) -> None:
        self._close_busy()
        self.written = written
        mode = department_mode(self.context.workspace)
        text = (
            self.tr("The return %1 was written: %2 change(s) to %3 item(s), %4 new file(s).")
            .replace("%1", str(written.path))
            .replace("%2", str(written.changes))
            .replace("%3", str(written.items))
            .replace("%4", str(written.files))
            + "\n\n"
            + self.tr("Give it back to %1 (USB stick or intranet mail): it is imported there.").replace(
                "%1", sender_said(mode)
            )
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Make the return"), text, parent=self.context.parent)
        box.setObjectName("returnWritten")
        opening = box.addButton(self.tr("&Open the folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        folder = written.path.parent
        box.buttonClicked.connect(
            lambda button: open_outside(folder, self.context.parent) if button is opening else None
        )
        self.context.status(self.tr("Return written: %1").replace("%1", str(written.path)), 10000)
        self._show(box)

    def _failed(self, error: BaseException) -> None:
        self._close_busy()
        if isinstance(error, Cancelled):
            self.context.status(self.tr("The return was cancelled; nothing was written."), 8000)
            return
        self._say(say(error, ui_language()))

    def _say(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Make the return"), text, parent=self.context.parent)
        box.setObjectName("returnRefused")
        self._show(box)

    def _show(self, box: QMessageBox) -> None:
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.said = box
        self.context.show(widen(box))

    def _busy(self, text: str, cancel: bool = False) -> None:
        title = self.tr("Make the return")
        self.progress = busy_dialog(text, title, self.tr("Cancel") if cancel else None, self.context.parent)

    def _close_busy(self) -> None:
        close_busy(self.progress)
        self.progress = None
