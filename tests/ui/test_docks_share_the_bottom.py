"""At 1024×768 the 材料内容 hits and 修改记录 share the bottom as tabs of the window's width, not two strips of
~200 px side by side; whichever was asked for last is in front."""

from __future__ import annotations

from PySide6.QtCore import Qt

from egov_desk.ui.main_window import MainWindow


def test_the_history_opened_beside_the_hits_is_a_tab_of_full_width(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 740)
    window.runner.synchronous = True
    window.evidence_search.search("网站")
    hits = window.evidence_search.hits
    qtbot.waitUntil(hits.isVisible)

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = window.history.dock
    assert history is not None
    qtbot.waitUntil(history.isVisible)

    assert hits in window.tabifiedDockWidgets(history)
    assert history.width() > window.width() * 0.9
    assert not history.visibleRegion().isEmpty()  # its tab in front

    window.evidence_search.search("培训")
    qtbot.waitUntil(lambda: not hits.visibleRegion().isEmpty())  # the new hits in front
    assert hits.width() > window.width() * 0.9


def test_the_hits_shown_after_the_history_join_it_as_a_tab(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 740)
    window.runner.synchronous = True
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = window.history.dock
    assert history is not None
    qtbot.waitUntil(history.isVisible)

    window.evidence_search.search("网站")
    hits = window.evidence_search.hits
    qtbot.waitUntil(hits.isVisible)
    assert hits in window.tabifiedDockWidgets(history)
    assert hits.width() > window.width() * 0.9
