"""The first screen's part in start-up and shut-down: shown from the snapshot when it is still true, kept when the
window closes, and handed over to the real window once it is built."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTreeView, QWidget

from egov_desk import APP_AUTHOR, APP_NAME
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.ui.first_screen import snapshot as snapshots
from egov_desk.ui.first_screen.window import FirstScreen, TypedKey

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
    if splitter is not None:
        screen.splitter.restoreState(splitter)
    return screen


def show(screen: FirstScreen, maximised: bool) -> None:
    app().installEventFilter(screen)  # keys typed anywhere meanwhile are kept for the window
    if maximised:
        screen.showMaximized()
    else:
        screen.show()


def hand_over(screen: FirstScreen, window: MainWindow) -> None:
    """The real window takes the first screen's place: same place on the screen, the row chosen there, then every key
    typed meanwhile pressed again in it, in order."""
    if screen.isMaximized():
        window.showMaximized()
    else:
        window.setGeometry(screen.geometry())
        window.show()
    chosen = screen.chosen_position()
    if chosen:
        select_position(window.tree, chosen)  # the row shown on the first screen, an item or a level above
    window.tree.verticalScrollBar().setValue(screen.tree.verticalScrollBar().value())
    window.activateWindow()
    window.tree.setFocus()
    QApplication.processEvents()  # keys still on their way to the first screen are kept too
    app().removeEventFilter(screen)
    typed = list(screen.typed)
    screen.hide()
    screen.deleteLater()
    if typed:
        replay(typed, window)


def select_position(tree: QTreeView, position: list[int]) -> None:
    """Make the row at ``position`` (row numbers from the top level down) the tree's current row."""
    model, index = tree.model(), QModelIndex()
    for number in position:
        index = model.index(number, 0, index)
        if not index.isValid():
            return
    tree.setCurrentIndex(index)


def replay(typed: list[TypedKey], window: QWidget) -> None:
    """Press again each key kept by the first screen, where the focus is now: Tab moves on, digits go into the
    score editor, a shortcut does what it does — as if typed a moment later."""
    from PySide6.QtTest import QTest

    for key in typed:
        target = QApplication.focusWidget() or window
        if key.committed:
            said = QInputMethodEvent()
            said.setCommitString(key.text)
            QApplication.sendEvent(target, said)
            continue
        QTest.sendKeyEvent(QTest.KeyAction.Press, target, Qt.Key(key.key), key.text, key.modifiers)
        QTest.sendKeyEvent(
            QTest.KeyAction.Release, QApplication.focusWidget() or window, Qt.Key(key.key), key.text, key.modifiers
        )


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
