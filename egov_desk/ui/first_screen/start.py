"""The first screen's part in start-up and shut-down: shown from the snapshot when it is still true, kept when the
window closes, and handed over to the real window once it is built."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from egov_desk import APP_AUTHOR, APP_NAME
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.ui import startup_report
from egov_desk.ui.first_screen import snapshot as snapshots
from egov_desk.ui.first_screen.window import FirstScreen, TypedKey
from egov_desk.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from egov_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def app() -> QApplication:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    return application


def cache_dir() -> Path:
    return Path(user_cache_dir(APP_NAME, APP_AUTHOR))


def first_screen_for(folder: Path, language: str) -> FirstScreen | None:
    """The first screen of the workspace in ``folder`` as its window was left, or None when that cannot be shown
    faithfully (never opened here, changed since, another version or language)."""
    snapshot = snapshots.load(folder / DATABASE_NAME, cache_dir(), language)
    if snapshot is None:
        return None
    screen = FirstScreen(snapshot)
    settings = QSettings()
    geometry, splitter = settings.value("window/geometry"), settings.value("window/splitter")
    if geometry is not None:
        screen.restoreGeometry(geometry)
        fit_to_screen(screen)
    if splitter is not None:
        screen.splitter.restoreState(splitter)
    return screen


def show(screen: FirstScreen, maximised: bool) -> None:
    """Show the first screen; the keys typed from then on are kept for the real window. Until its first paint they
    are kept where they arrive, at the screen's own window surface; after it, anywhere in the application (the real
    window and its shortcuts too): a filter on the whole application from the start would be called for each of the
    ~1,600 events of laying the screen out and painting it, and make a Python type for each kind of widget and event
    it is shown — some 30 ms before the first paint."""
    if maximised:
        screen.showMaximized()
    else:
        screen.show()
    surface = screen.windowHandle()
    surface.installEventFilter(screen)
    screen.centre.painted.connect(lambda: _keep_keys_everywhere(screen, surface))
    if (row := screen.tree.currentItem()) is not None:
        screen.tree.scrollToItem(row)  # where the real window will show it too


def _keep_keys_everywhere(screen: FirstScreen, surface: QObject) -> None:
    surface.removeEventFilter(screen)
    app().installEventFilter(screen)


ACTIVATION_WAIT_MS = 1500  # a window manager that never activates the window: take over anyway


def hand_over(screen: FirstScreen, window: MainWindow) -> None:
    """The real window takes the first screen's place: same place on the screen, the row chosen there. The first
    screen stays until the window manager has given the real window the keyboard — a window hidden first would drop
    keys pressed in between — and keeps every key pressed meanwhile, wherever it went; then those keys are typed
    again in the real window, in order, and the first screen goes."""
    screen.successor = window  # keys pressed in it until the takeover are kept too, in order
    if screen.isMaximized():
        window.showMaximized()
    else:
        window.setGeometry(screen.geometry())
        window.show()
    chosen = screen.chosen_position()
    if chosen:
        select_position(window, chosen)  # the row shown on the first screen, an item or a level above
    window.tree.verticalScrollBar().setValue(screen.tree.verticalScrollBar().value())  # the same rows in view
    window.tree.setFocus()
    window.raise_()
    window.activateWindow()
    finish = Takeover(screen, window)
    if window.isActiveWindow():
        finish.done()
    else:
        window.installEventFilter(finish)
        QTimer.singleShot(ACTIVATION_WAIT_MS, finish, finish.done)


class Takeover(QObject):
    """Ends the first screen once the real window is active (or after a while): keys replayed, first screen gone."""

    def __init__(self, screen: FirstScreen, window: MainWindow) -> None:
        super().__init__(window)
        self.screen, self.window = screen, window
        self.finished = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self, self.done)  # after the activation itself is handled
        return False

    def done(self) -> None:
        if self.finished:
            return
        self.finished = True
        self.window.removeEventFilter(self)
        app().removeEventFilter(self.screen)
        typed = list(self.screen.typed)
        self.screen.taken_over = True
        self.screen.hide()
        self.screen.deleteLater()
        if self.window.isVisible():
            self.window.tree.setFocus()
            if typed:
                replay(typed, self.window)
        startup_report.ready()
        if self.screen.close_asked:
            self.window.close()  # as if closed a moment later: the window's own closing


def select_position(window: MainWindow, position: list[int]) -> None:
    """Make the row at ``position`` in the whole tree (row numbers from the top level down) the current row."""
    model, index = window.model, QModelIndex()
    for number in position:
        index = model.index(number, 0, index)
        if not index.isValid():
            return
    shown = window.proxy.mapFromSource(index)
    if shown.isValid():
        window.tree.setCurrentIndex(shown)
        window.tree.scrollTo(shown)


def focused(window: QWidget) -> QWidget:
    """The widget of ``window`` that has the keyboard (the window manager may not have told Qt it is active yet)."""
    widget = QApplication.focusWidget()
    if widget is None or widget.window() is not window:
        widget = window.focusWidget()
    return widget or window


def replay(typed: list[TypedKey], window: QWidget) -> None:
    """Press again each key kept by the first screen, where the focus is now: Tab moves on, digits go into the
    score editor, a shortcut does what it does — as if typed a moment later."""
    from PySide6.QtTest import QTest

    for key in typed:
        target = focused(window)
        if key.committed:
            said = QInputMethodEvent()
            said.setCommitString(key.text)
            QApplication.sendEvent(target, said)
            continue
        QTest.sendKeyEvent(QTest.KeyAction.Press, target, QtCore.Qt.Key(key.key), key.text, key.modifiers)
        QTest.sendKeyEvent(QTest.KeyAction.Release, focused(window), QtCore.Qt.Key(key.key), key.text, key.modifiers)


def take(window: MainWindow | None, language: str) -> snapshots.Snapshot | None:
    """The snapshot of ``window`` as it closes (kept by :func:`keep` once the workspace is closed)."""
    from egov_desk.ui.first_screen.capture import capture

    if window is None:
        return None
    try:
        return capture(window, language)
    except Exception:  # a snapshot only saves time at the next start: never a reason for closing to fail
        log.exception("first screen: the window could not be captured")
        return None


def keep(taken: snapshots.Snapshot | None, folder: Path | None) -> None:
    """Keep ``taken`` for the next start of the workspace in ``folder`` — called after the workspace is closed, so
    the database file it is tied to stands still. Without a snapshot, the one kept before is forgotten."""
    if folder is None:
        return
    database = folder / DATABASE_NAME
    if taken is None:
        snapshots.forget(database, cache_dir())
    else:
        snapshots.save(database, cache_dir(), taken)
