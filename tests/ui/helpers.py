"""Helpers for driving the window as a person would."""

from __future__ import annotations

from egov_desk.ui.main_window import MainWindow


def answer_next_message(window: MainWindow, button_text: str, seen: list[str]) -> None:
    """Click a button of the question the window is about to ask (it runs its own event loop)."""
    from PySide6.QtCore import QTimer

    def click() -> None:
        box = window.last_message
        if box is None or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(20, click)


def answer(window: MainWindow, qtbot, button_text: str) -> str:  # type: ignore[no-untyped-def]
    """Wait for the question the window shows (without blocking: it was opened, not exec'd), click a button,
    and return what the question said."""
    qtbot.waitUntil(lambda: window.last_message is not None and window.last_message.isVisible())
    box = window.last_message
    assert box is not None
    said = box.text()
    next(b for b in box.buttons() if b.text() == button_text).click()
    return said
