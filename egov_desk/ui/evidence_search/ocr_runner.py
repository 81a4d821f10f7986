"""Runs the OCR worker whenever text is waiting: when the window opens, after every attach, import or scan (any
write the undo stack records), and when files arrive from elsewhere (the CLI, another window: looked for every
few seconds). Never in a read-only window: the window holding the workspace reads it, and two readers would read
the same pages twice. A department's own workspace reads its text like any other (its search is its own)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from egov_desk.core.errors import EgovError
from egov_desk.ui.context import WindowContext
from egov_desk.ui.evidence_search.failures import FailuresDialog
from egov_desk.ui.evidence_search.status import OcrStatus
from egov_desk.ui.evidence_search.worker_process import Ended, Step, WorkerProcess

LOOK_AGAIN_MS = 10_000  # how often files attached elsewhere are looked for
AFTER_A_WRITE_MS = 400  # a batch of attaches starts one worker, not one per file
AFTER_OPENING_MS = 2000  # the window first answers the person; a CPU-heavy reader starts once it has settled


class OcrRunner(QObject):
    # Reading starts by itself (opening, a write, files from elsewhere). The UI tests of other things turn this off
    # so a demo window left open for seconds does not start a CPU-heavy worker under them; the menu still starts it.
    automatic = True
    text_read = Signal()  # the worker ended having read some text: what shows the text's findings looks again

    def __init__(self, window: QMainWindow, context: WindowContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.worker = WorkerProcess(self)
        self.worker.stepped.connect(self._stepped)
        self.worker.ended.connect(self._ended)
        self.status = OcrStatus()
        window.statusBar().addPermanentWidget(self.status)
        self.status.cancel_requested.connect(self.cancel)
        self.status.failures_requested.connect(self.show_failures)
        self.action = QAction(self.tr("Read the evidence's &text"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.action.setStatusTip(self.tr("Read the text of scans and documents not read yet, in the background"))
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)
        self.closed = False
        self.held = False  # stopped by the person, or the worker failed: started again by a write or the menu
        self.last: Ended | None = None
        self.failures_dialog: FailuresDialog | None = None
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_A_WRITE_MS)
        self.soon.timeout.connect(self.start_if_waiting)
        context.undo_stack.indexChanged.connect(self._written)
        self.poll = QTimer(self)
        self.poll.setInterval(LOOK_AGAIN_MS)
        self.poll.timeout.connect(self._look_again)
        if self.allowed:
            self.action.setEnabled(True)
            self.poll.start()
            QTimer.singleShot(AFTER_OPENING_MS, self, self._look_again)
        else:
            self.action.setEnabled(False)
            self.action.setStatusTip(self.tr("A read-only window reads no text: the window holding the workspace does"))

    @property
    def allowed(self) -> bool:
        return not self.context.workspace.read_only

    @property
    def running(self) -> bool:
        return self.worker.running

    def pending(self) -> int:
        try:
            return self.context.workspace.evidence_text.progress().pending
        except EgovError:  # the workspace went away (a server unreachable): looked at again later
            return 0

    def start_if_waiting(self) -> bool:
        """Start the worker when text is waiting (and it is not running already); whether it started."""
        if not self.allowed or self.running or self.closed:
            return False
        waiting = self.pending()
        if waiting <= 0:
            return False
        self.status.starting(waiting)
        self._show_running(True)
        self.worker.start(self.context.workspace)
        return True

    def cancel(self) -> None:
        if self.running:
            self.held = True
            self.status.stopping()
            self.worker.stop()

    def stop_for_closing(self) -> None:
        """The window closes: the worker goes with it (what it committed stays; the rest waits)."""
        self.closed = True
        self.poll.stop()
        self.soon.stop()
        self.worker.stop(wait=True)

    def toggle(self) -> None:
        if self.running:
            self.cancel()
        else:
            self.held = False
            if not self.start_if_waiting():
                self.context.status(self.tr("Every evidence file's text is read"), 5000)

    def _written(self, _index: int) -> None:
        self.held = False
        if self.allowed and self.automatic:
            self.soon.start()

    def _look_again(self) -> None:
        # not while the window's attach is copying: starting the reader (a process) and its reading would stall the
        # window; the attach's undo entry starts it once the files are in
        if self.automatic and not self.held and not self.running and not self.context.runner.writing():
            self.start_if_waiting()

    def _stepped(self, step: Step) -> None:
        self.status.step(step)

    def _ended(self, ended: Ended) -> None:
        self.last = ended
        self._show_running(False)
        if ended.error:
            self.held = True
        keys = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.status.ended(ended, self.pending() if ended.stopped else 0, keys)
        if ended.done and not self.closed:  # stopped or failed too: what it committed before is there
            self.text_read.emit()
        if not self.held and not ended.stopped:
            self.soon.start()  # files attached while it ran were read too; any later ones now

    def _show_running(self, running: bool) -> None:
        self.action.setText(
            self.tr("Stop reading the evidence's &text") if running else self.tr("Read the evidence's &text")
        )

    def show_failures(self) -> FailuresDialog:
        failed = self.context.workspace.evidence_text.failed_files(self.context.assessment.id)
        dialog = FailuresDialog(failed, self.window)
        self.failures_dialog = dialog
        dialog.open()
        return dialog
