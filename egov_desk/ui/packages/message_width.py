"""A message box wide enough for its text: Qt wraps a message box's label at a narrow width of its own, so a
one-line refusal naming a file loses its last character to a second line. The label is given a minimum width —
the text's own, up to most of the screen — so one line reads as one line, or two full lines on a small screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

NARROWEST = 360  # px: never narrower than a short question needs
SCREEN_SHARE = 0.6  # of the available width, at most (614 px at 1024 wide)
WIDEST = 760  # px: longer lines wrap, rather than a box across a large screen


def widen(box: QMessageBox) -> QMessageBox:
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is None:
        return box
    screen = box.screen()
    available = screen.availableGeometry().width() if screen is not None else 1024
    widest = max(NARROWEST, min(WIDEST, int(available * SCREEN_SHARE)))
    metrics = label.fontMetrics()
    longest = max((metrics.horizontalAdvance(line) for line in box.text().splitlines()), default=0)
    label.setMinimumWidth(min(longest + metrics.averageCharWidth(), widest))
    return box
