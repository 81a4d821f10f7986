"""The OCR worker's place in the status bar: "正在识别材料文字 3/12：文件名", a small progress bar and 停止; once
it is done, how many files were read and how many failed — a click lists the failed ones with their reasons."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from egov_desk.ui.evidence_search.worker_process import Ended, Step

SAID_FOR_MS = 30_000


class OcrStatus(QWidget):
    cancel_requested = Signal()
    failures_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ocrStatus")
        self.label = QLabel()
        self.label.setObjectName("ocrStatusText")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton()
        self.cancel.setText(self.tr("Stop"))
        self.cancel.setToolTip(
            self.tr(
                "Stop reading the evidence's text. What is read is kept; the rest is read the next time the "
                "workspace opens or a file is added (or at once with Edit → Read the evidence's text)."
            )
        )
        self.cancel.clicked.connect(self.cancel_requested)
        self.failures = QToolButton()
        self.failures.setObjectName("ocrFailures")
        self.failures.setAutoRaise(True)
        self.failures.clicked.connect(self.failures_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        layout.addWidget(self.failures)
        self.fade = QTimer(self)  # "read: 12 files" goes after a while; failures and errors stay until seen
        self.fade.setSingleShot(True)
        self.fade.setInterval(SAID_FOR_MS)
        self.fade.timeout.connect(self.hide)
        self.hide()

    def starting(self, pending: int) -> None:
        self.fade.stop()
        self.label.setText(self.tr("Reading the evidence's text: %1 files…").replace("%1", str(pending)))
        self.bar.setRange(0, 0)  # busy until the first file's pages are known
        self.bar.show()
        self.cancel.show()
        self.cancel.setEnabled(True)
        self.failures.hide()
        self.show()

    def step(self, step: Step) -> None:
        text = self.tr("Reading the evidence's text %1/%2: %3")
        self.label.setText(
            text.replace("%1", str(min(step.done + 1, step.total)))
            .replace("%2", str(step.total))
            .replace("%3", step.file)
        )
        if step.pages:
            self.label.setToolTip(
                self.tr("%1, page %2 of %3")
                .replace("%1", step.file)
                .replace("%2", str(step.page))
                .replace("%3", str(step.pages))
            )
        self.bar.setRange(0, max(step.total, 1) * 100)
        within = step.page / step.pages if step.pages else 0
        self.bar.setValue(round((step.done + min(within, 1)) * 100))

    def stopping(self) -> None:
        self.label.setText(self.tr("Stopping after this page…"))
        self.cancel.setEnabled(False)

    def ended(self, ended: Ended, waiting: int, keys: str = "") -> None:
        """``keys``: the shortcut that starts the reading again, said after a stop while files wait."""
        self.bar.hide()
        self.cancel.hide()
        self.label.setToolTip("")
        if ended.error:
            self.label.setText(self.tr("The evidence's text could not be read: %1").replace("%1", ended.error))
        elif ended.stopped:
            self.label.setText(
                self.tr("Text reading stopped: %1 files read, %2 wait for the next start")
                .replace("%1", str(ended.done))
                .replace("%2", str(waiting))
                + (self.tr("; press %1 to go on now").replace("%1", keys) if waiting and keys else "")
            )
        else:
            self.label.setText(self.tr("Evidence text read: %1 files").replace("%1", str(ended.done)))
        self.failures.setVisible(ended.failed > 0)
        self.failures.setText(self.tr("%1 failed — why?").replace("%1", str(ended.failed)))
        self.failures.setToolTip(self.tr("List the files whose text could not be read, with the reasons"))
        self.show()
        if not ended.failed and not ended.error:
            self.fade.start()
