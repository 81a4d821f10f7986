"""The yellow bar above a read-only window: why it can only read, and what to do — following the lock, so that when
the window holding the workspace closes it offers to reopen for editing."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from egov_desk.core.lock import holder_of
from egov_desk.core.messages import is_chinese
from egov_desk.core.opening import HELD
from egov_desk.core.workspace import Workspace
from egov_desk.ui.language import ui_language


class ReadOnlyBanner(QLabel):
    reopen_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; padding: 6px 10px; }")
        self.linkActivated.connect(lambda _link: self.reopen_requested.emit())
        self.opened_at = datetime.now().strftime("%H:%M")
        self._say_why()
        self.setVisible(workspace.read_only)

    def _say(self, text: str) -> None:
        label = html.escape(self.tr("Read-only:"))  # outside the f-string: lupdate cannot see into one
        self.setText(f"<b>{label}</b> {text}")

    def _say_why(self) -> None:
        english, chinese = self.workspace.access.refusal()
        text = html.escape(chinese if is_chinese(ui_language()) else english)
        if self.workspace.access.snapshot is not None:  # a copy read when the window opened: it does not follow
            text += " " + html.escape(self.tr("(What is shown is the workspace as it was at %1.)")).replace(
                "%1", self.opened_at
            )
        self._say(text)

    def follow_holder(self) -> None:
        """Called every second or so: a new holder is named; no holder at all offers to reopen for editing."""
        access, folder = self.workspace.access, self.workspace.folder
        if not (access.read_only and access.reason == HELD and folder):
            return
        holder = holder_of(folder)
        if holder == access.holder:
            return
        access.holder = holder
        if holder is None:
            self._say(
                self.tr(
                    "the window that held the workspace has closed. Reopen it here to make changes: "
                    "<a href='reopen'>reopen for editing</a>."
                )
            )
        else:
            self._say_why()
