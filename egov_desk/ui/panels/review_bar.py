"""An item's review in the item panel: its status as a coloured chip (未开始/填报中/已提交/已退回/已审核), the
return comment and who did it when, and buttons for what the person's role allows (the 审核 menu's own actions,
so a button is enabled exactly when its menu entry is). Beside it, the banner a final (定稿) assessment shows."""

from __future__ import annotations

import html
from datetime import datetime, timezone
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from egov_desk.core.messages import is_chinese
from egov_desk.core.review_states import APPROVED, FILLING, ITEM_STATES, NOT_STARTED, RETURNED, SUBMITTED, said
from egov_desk.ui.language import ui_language

CHIP_COLOURS = {  # status → (background, text)
    NOT_STARTED: ("#f1f5f9", "#475569"),
    FILLING: ("#e0f2fe", "#075985"),
    SUBMITTED: ("#fef3c7", "#92400e"),
    RETURNED: ("#fee2e2", "#b91c1c"),
    APPROVED: ("#dcfce7", "#166534"),
}
SNAPSHOT_SHOWN = 16  # the snapshot's first hex digits the banner shows


class ReviewShown(Protocol):
    """What the bar shows of an item's review (core.review.ItemReview is one)."""

    @property
    def status(self) -> str: ...

    @property
    def comment(self) -> str: ...

    @property
    def by(self) -> str: ...

    @property
    def at(self) -> datetime | None: ...


def status_word(status: str) -> str:
    return said(ITEM_STATES, status, is_chinese(ui_language()))


def local_time(at: datetime) -> str:
    """A stored (UTC) time in the computer's zone, to the minute."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class ReviewBar(QFrame):
    """The review of the item the panel shows; ``followed`` says which item that is now ("" for none)."""

    followed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.code = ""
        self.status = ""
        self.chip = QLabel()
        self.chip.setObjectName("reviewChip")
        self.chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setObjectName("reviewDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.setSpacing(4)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Review:")))
        top.addWidget(self.chip)
        top.addStretch(1)
        top.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        self.note = QLabel()
        self.note.setObjectName("reviewNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #64748b;")
        layout.addLayout(top)
        layout.addWidget(self.detail)
        layout.addWidget(self.note)
        self.detail.hide()
        self.note.hide()
        self.hide()

    def use_actions(self, actions: list[QAction]) -> None:
        """Buttons for these actions (the 审核 menu's): enabled, named and explained as the menu entries are."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(button)

    def follow(self, code: str | None) -> None:
        """The panel shows this item now (None: a level or nothing)."""
        self.code = code or ""
        self.setVisible(bool(code))
        self.followed.emit(self.code)

    def show_review(self, review: ReviewShown | None) -> None:
        if review is None:
            self.status = ""
            self.chip.clear()
            self.detail.hide()
            return
        self.status = review.status
        background, colour = CHIP_COLOURS.get(review.status, CHIP_COLOURS[NOT_STARTED])
        self.chip.setText(status_word(review.status))
        self.chip.setStyleSheet(
            f"QLabel {{ background: {background}; color: {colour}; border: 1px solid {colour};"
            " border-radius: 9px; padding: 1px 10px; font-weight: bold; }"
        )
        self.detail.setText(self._detail(review))
        self.detail.setVisible(bool(self.detail.text()))

    def _detail(self, review: ReviewShown) -> str:
        parts: list[str] = []
        if review.status in (SUBMITTED, RETURNED, APPROVED) and (review.by or review.at):
            when = local_time(review.at) if review.at is not None else ""
            parts.append(html.escape(" ".join(p for p in (review.by, when) if p)))
        if review.status == RETURNED and review.comment:
            said_ = html.escape(self.tr("Returned: %1").replace("%1", review.comment))
            parts.append(f"<span style='color:#b91c1c'>{said_}</span>")
        return "<br>".join(parts)

    def show_note(self, text: str) -> None:
        """A word on what the person may do with the item ("" for none)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))


class FinalBanner(QLabel):
    """Above the item panel while the assessment shown is final: its snapshot, and who may reopen it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finalBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("QLabel { background: #e0e7ff; color: #1e3a8a; padding: 6px 10px; }")
        self.hide()

    def show_final(self, snapshot: str | None) -> None:
        text = self.tr("Final (SHA-256 %1…): the leader must reopen it before anything is changed")
        self.setText(f"<b>{html.escape(text.replace('%1', (snapshot or '')[:SNAPSHOT_SHOWN]))}</b>")
        self.setToolTip(snapshot or "")
        self.show()
