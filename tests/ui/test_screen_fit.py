"""A window brought back at the size kept from a larger screen fits the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from egov_desk.ui.screen_fit import fit_to_screen, fitted
from egov_desk.ui.window_layout import restore_layout


def test_a_frame_larger_than_the_screen_is_cut_to_it_and_moved_inside() -> None:
    screen = QRect(0, 0, 1024, 740)  # 1024×768 less a panel
    assert fitted(QRect(40, 30, 1280, 720), screen) == QRect(0, 20, 1024, 720)
    assert fitted(QRect(-50, 10, 1600, 900), screen) == QRect(0, 0, 1024, 740)


def test_a_frame_that_fits_stays_where_it_is_and_one_off_the_screen_comes_back_on_it() -> None:
    screen = QRect(0, 0, 1366, 740)
    assert fitted(QRect(100, 50, 800, 600), screen) == QRect(100, 50, 800, 600)
    assert fitted(QRect(1300, 700, 800, 600), screen) == QRect(566, 140, 800, 600)


def geometry_of_a_larger_screen(qtbot) -> QByteArray:  # type: ignore[no-untyped-def]
    """What a 1280×720 window kept at its close (its geometry as saved), wider than this test's screen."""
    wide = QMainWindow()
    qtbot.addWidget(wide)
    wide.setGeometry(0, 0, 1280, 720)
    return wide.saveGeometry()


def test_the_real_window_restored_from_a_larger_screen_fits_this_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.width() < 1280  # the offscreen screen of the tests is smaller
    QSettings().setValue("window/geometry", geometry_of_a_larger_screen(qtbot))
    window = QMainWindow()
    qtbot.addWidget(window)
    restore_layout(window, QSplitter())
    assert available.contains(window.frameGeometry())


def test_a_maximised_window_stays_maximised(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    fit_to_screen(window)
    assert window.isMaximized()


def test_a_window_that_fits_with_room_for_its_title_bar_is_left_where_it_was(qtbot) -> None:  # type: ignore[no-untyped-def]
    available = QGuiApplication.primaryScreen().availableGeometry()
    window = QMainWindow()
    qtbot.addWidget(window)
    kept = QRect(available.left() + 40, available.top() + 60, available.width() // 2, available.height() // 2)
    window.setGeometry(kept)
    fit_to_screen(window)
    assert window.geometry() == kept
