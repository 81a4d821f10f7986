"""File → 导入科室回执…: pick one or more returns; each is planned off the UI thread (every member is hashed),
refused in one line naming the file, or reviewed (:class:`~.window.ReturnReview`); 应用 applies the choices off the
UI thread, the window repaints what changed, and Ctrl+Z takes the whole return back."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog, QWidget

from egov_desk.core.errors import Cancelled, EgovError
from egov_desk.core.messages import is_chinese, say
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job, Progress
from egov_desk.ui.return_review.window import ReturnReview
from egov_desk.ui.return_review.words import Said, said_all
from egov_desk.ui.undo import Step, push

if TYPE_CHECKING:
    from egov_desk.core.changes import Changes
    from egov_desk.core.packages.importing import ReturnApplied, ReturnPlan
    from egov_desk.core.packages.meter import Meter
    from egov_desk.ui.context import WindowContext


IMPORT_KEYS = "Ctrl+Shift+I"  # Ctrl+I imports an indicator table
MB = 1024 * 1024
PROGRESS_INTERVAL_S = 0.1


class ReturnImport(QObject):
    """The office takes in departments' returns, one after another, each reviewed before anything is written.
    The window makes one; it puts 导入科室回执… into the File menu, beside the packages' other actions."""

    def __init__(self, window: QMainWindow, context: WindowContext) -> None:
        super().__init__(window)
        self.context = context
        self.action = QAction(self.tr("Import department re&turns…"), window)
        self.action.setShortcut(QKeySequence(IMPORT_KEYS))
        tip = self.tr("Review what a department's return changes and its conflicts, then apply what you accept")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.triggered.connect(lambda _checked=False: self.ask())
        self.action.setEnabled(not context.workspace.read_only)
        if _department_workspace(context):
            self.action.setEnabled(False)
            why = self.tr("The office's to do: a department's workspace makes its return, the office imports it")
            self.action.setStatusTip(why)
            self.action.setToolTip(why)
        _add_to_file_menu(window, self.action)
        self.queue: list[Path] = []
        self.count = 0  # how many returns were picked together: the review says "2/3"
        self.review: ReturnReview | None = None
        self.progress: QProgressDialog | None = None
        self.job: Job | None = None
        self.last_plan: ReturnPlan | None = None
        self.last_refusal = ""
        self.last_applied: ReturnApplied | None = None

    # --- choosing the files -----------------------------------------------------------------------

    def ask(self) -> None:
        """文件 → 导入科室回执…: the file dialog (several files at once)."""
        if self._refused_read_only():
            return
        names, _ = QFileDialog.getOpenFileNames(
            self.context.parent,
            self.tr("Import department returns"),
            str(Path.home()),
            self.tr("Work packages (*.egovpkg);;All files (*)"),
        )
        if names:
            self.start([Path(name) for name in names])

    def start(self, paths: Sequence[Path]) -> None:
        """Review ``paths`` one after another (each planned against what the office holds once the one before was
        applied or closed); given while a review is open, they follow it."""
        if self._refused_read_only() or not paths:
            return
        busy = self.review is not None or self.progress is not None
        self.queue.extend(paths)
        self.count = (self.count if busy else 0) + len(paths)
        if not busy:
            self._next()

    def _refused_read_only(self) -> bool:
        if not self.context.workspace.read_only:
            return False
        text = self.tr("This window can only read the workspace; it takes in no return.")
        self._say(QMessageBox.Icon.Warning, text, self.context.parent)
        return True

    # --- planning ---------------------------------------------------------------------------------

    def _next(self) -> None:
        if not self.queue:
            return
        path = self.queue.pop(0)
        place = self.count - len(self.queue)
        workspace = self.context.workspace
        self.progress = self._busy(self.tr("Checking %1…").replace("%1", path.name), self.tr("Department return"))
        chinese = is_chinese(ui_language())
        checking = self.tr("Checking %1: %2 of %3 MB").replace("%1", path.name)

        def work(progress: Progress) -> tuple[ReturnPlan, dict[str, Said]]:
            from egov_desk.core.packages.importing import plan_return

            plan = plan_return(workspace, path, _meter(progress, checking))
            return plan, said_all(workspace, plan, chinese)

        def planned(result: tuple[ReturnPlan, dict[str, Said]]) -> None:
            plan, words = result
            self._end_progress()
            self.show_review(plan, f"({place}/{self.count})" if self.count > 1 else "", words)

        def refused(error: BaseException) -> None:
            self._end_progress()
            if isinstance(error, Cancelled):
                self.queue.clear()
                self.context.status(self.tr("Import of the returns cancelled; nothing was changed."), 6000)
                return
            self._refused(error)

        self._run(work, planned, refused)

    def show_review(self, plan: ReturnPlan, place: str = "", words: Mapping[str, Said] | None = None) -> ReturnReview:
        """The review of ``plan`` over the window (not blocking)."""
        self.last_plan = plan
        review = ReturnReview(plan, is_chinese(ui_language()), self.context.parent, words=words, place=place)
        review.setWindowModality(Qt.WindowModality.WindowModal)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.apply_requested.connect(lambda take: self._apply(review, plan, take))
        review.rejected.connect(self._closed)
        self.review = review
        review.open()
        return review

    def _closed(self) -> None:
        self.review = None
        self._next()

    def _refused(self, error: BaseException) -> None:
        """A return not taken: one line naming the file (the core's words), then the next file."""
        text = say(error, ui_language()) if isinstance(error, EgovError) else str(error)
        self.last_refusal = text
        box = self._say(QMessageBox.Icon.Warning, text, self.context.parent)
        box.finished.connect(lambda _result: self._next())

    # --- applying ---------------------------------------------------------------------------------

    def _apply(self, review: ReturnReview, plan: ReturnPlan, take: Mapping[str, str]) -> None:
        workspace = self.context.workspace
        chosen = dict(take)
        self.progress = self._busy(
            self.tr("Applying the return of %1…").replace("%1", plan.department), review.windowTitle(), review
        )
        copying = self.tr("Storing the new evidence of %1: %2 of %3 MB").replace("%1", plan.department)

        def work(progress: Progress) -> ReturnApplied:
            from egov_desk.core.packages.importing import apply_return

            return apply_return(workspace, plan, chosen, _meter(progress, copying))

        def applied(result: ReturnApplied) -> None:
            self._end_progress()
            self.last_applied = result
            review.accept()
            self.review = None
            self.context.apply(result.changes)
            if result.applied:
                self._push(plan, chosen, result)
            self._next()

        def failed(error: BaseException) -> None:
            self._end_progress()
            if isinstance(error, Cancelled):  # before any row was written: the review stays, as it was
                self.context.status(self.tr("Applying cancelled; nothing was written."), 6000)
                return
            text = say(error, ui_language()) if isinstance(error, EgovError) else str(error)
            self.last_refusal = text
            self._say(QMessageBox.Icon.Warning, text, review)  # the review stays open: choose again or close

        self._run(work, applied, failed)

    def _run(
        self,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """``work`` off the UI thread, its progress shown in the dialog open now, whose Cancel cancels it."""
        dialog = self.progress
        job = self.job = self.context.runner.start(work, done, failed)
        if dialog is not None and job.running:  # (run inline, it has ended already)
            dialog.canceled.connect(job.cancel)
            job.progressed.connect(lambda value, _total, text: _progressed(dialog, value, text))

    def _push(self, plan: ReturnPlan, take: dict[str, str], result: ReturnApplied) -> None:
        """One undo step for the whole return: Ctrl+Z undoes every change it applied; redo applies it again."""
        from egov_desk.core.packages.importing import apply_return, undo_return

        workspace, held = self.context.workspace, [result]

        def forward() -> Changes:
            held[0] = apply_return(workspace, plan, take)
            redone = self.tr("Applied the return of %1 again.").replace("%1", plan.department)
            self.context.status(redone, 8000)
            return held[0].changes

        def backward() -> Changes:
            undone = undo_return(workspace, held[0])
            taken = self.tr("Took back the return of %1: the values before it are back.").replace("%1", plan.department)
            self.context.status(taken, 8000)
            return undone

        text = self.tr("return of %1").replace("%1", plan.department)
        step = Step(text, forward, backward, self.context.apply, self.context.report_failure, done=True)
        push(self.context.undo_stack, step)
        count = len(result.applied)
        message = self.tr("Applied %n change(s) from the return of %1 (Ctrl+Z takes them back).", "", count).replace(
            "%1", plan.department
        )
        self.context.status(message, 10000)

    # --- small helpers ----------------------------------------------------------------------------

    def _busy(self, label: str, title: str, parent: QWidget | None = None) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 1000, parent or self.context.parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.blockSignals(True)  # closing a progress dialog says "canceled"
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _say(self, icon: QMessageBox.Icon, text: str, parent: QWidget) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Department return"), text, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return self.context.show(box)


def _meter(progress: Progress, text: str) -> Meter:
    """A meter telling ``progress`` how many MB are done ("%2 of %3 MB" in ``text``), a few times a second at
    most; a cancel asked for stops the work at its next chunk."""
    from egov_desk.core.packages.meter import Meter

    last = [0.0]

    def heard(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_INTERVAL_S and done < total:
            return  # a signal per chunk would keep the UI thread repainting the dialog
        last[0] = now
        said = text.replace("%2", f"{done / MB:.1f}").replace("%3", f"{total / MB:.1f}")
        progress.update(int(1000 * done / total) if total else 1000, 1000, said)

    return Meter(progress=heard, cancelled=lambda: progress.cancelled)


def _progressed(dialog: QProgressDialog, value: int, text: str) -> None:
    dialog.setValue(value)
    dialog.setLabelText(text)


def _department_workspace(context: WindowContext) -> bool:
    """A department's own workspace (made from a work package) sends returns; it takes none in."""
    from egov_desk.core.packages.department import department_mode

    return department_mode(context.workspace) is not None


def _add_to_file_menu(window: QMainWindow, action: QAction) -> None:
    """Into the File menu, before 检查佐证文件… (after the evidence package and the work packages' actions)."""
    entries = window.menuBar().actions()
    menu = entries[0].menu() if entries else None
    if not isinstance(menu, QMenu):
        window.addAction(action)  # no menu: the shortcut still works
        return
    anchor = getattr(getattr(window, "menu_actions", None), "verify_evidence_action", None)
    actions = menu.actions()
    if anchor in actions:
        menu.insertAction(anchor, action)
    else:
        menu.addAction(action)
