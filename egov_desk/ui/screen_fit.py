"""A window brought back at its saved place fits the screen it opens on: a size kept from a larger screen (1366×768
brought back on 1024×768) is cut to the screen's free area and the window moved inside it, so nothing is cut off
until it is maximised. The first screen and the real window both call :func:`fit_to_screen`."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_GUESS = QSize(2, 32)  # a title bar and side borders, before the window manager has said how large they are


def fitted(frame: QRect, available: QRect) -> QRect:
    """``frame`` made no larger than ``available`` and moved, as little as it takes, to lie inside it."""
    width, height = min(frame.width(), available.width()), min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.left() + available.width() - width)
    top = min(max(frame.top(), available.top()), available.top() + available.height() - height)
    return QRect(left, top, width, height)


def available_at(window: QWidget) -> QRect:
    """The free area (without panels and task bars) of the screen under the window's saved place, else the
    primary screen's."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget) -> None:
    """Call after ``restoreGeometry``: a maximised or full-screen window is left so (it fills its screen anyway);
    any other is cut and moved into the free area of its screen, its title bar included. A window not shown yet
    has no frame to measure: room for the window manager's title bar and borders is guessed."""
    if window.isMaximized() or window.isFullScreen():
        return
    available = available_at(window)
    frame, inner = window.frameGeometry(), window.geometry()
    if frame == inner:  # the window manager has not framed it yet
        frame = inner.adjusted(-FRAME_GUESS.width() // 2, -FRAME_GUESS.height(), FRAME_GUESS.width() // 2, 0)
    extra_width, extra_height = frame.width() - inner.width(), frame.height() - inner.height()
    target = fitted(frame, available)
    if target == frame and frame.top() >= available.top():
        return
    # The size without the frame, the place with it: move() places the frame's corner, so the title bar stays on
    # the screen (a geometry set with setGeometry places the inside and may push the title bar off the top).
    window.resize(max(target.width() - extra_width, window.minimumWidth()), max(target.height() - extra_height, 0))
    window.move(target.topLeft())
