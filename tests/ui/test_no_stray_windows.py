"""A score editor replaced by another item's stays inside the window until it is deleted: taken out of its parent it
was a window of its own, and switching assessment put three of them on the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow


def visible_windows() -> list[str]:
    return [w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_switching_assessment_leaves_no_editor_on_the_screen(qtbot, window: MainWindow, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    window.select_item("021")
    window.select_item("002")
    new = workspace.create_assessment(1, "本单位", 2020).assessment_id
    window.switch_to_assessment(new)
    for _ in range(10):  # events, but not the event loop that deletes the old editors: they must stay hidden
        QApplication.processEvents()
    window.select_item("002")
    for _ in range(10):
        QApplication.processEvents()
    assert "scoreEditor" not in visible_windows()  # (dialogs other tests left open may be there)
