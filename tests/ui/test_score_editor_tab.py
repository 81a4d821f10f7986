"""Tab from an item's score editor goes on through the item panel — the next field, the evidence checklist, the
note — as the fields are shown, never back to the 指标 tab on the far left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from egov_desk.ui.main_window import MainWindow


def tab(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None
    return focused


def test_tab_from_a_single_score_field_goes_to_the_evidence_then_the_note(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = demo_window.panel
    demo_window.select_item("003")
    panel.focus_editor()
    assert panel.editor is not None
    assert panel.editor.isAncestorOf(QApplication.focusWidget())
    assert panel.evidence.isAncestorOf(tab(qtbot))
    for _ in range(12):
        focused = tab(qtbot)
        assert panel.isAncestorOf(focused), focused
        if focused is panel.note:
            break
    assert QApplication.focusWidget() is panel.note


def test_tab_from_the_first_of_two_fields_goes_to_the_second_then_the_evidence(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = demo_window.panel
    demo_window.select_item("003")
    demo_window.select_item("001")  # an editor built after another one
    qtbot.waitUntil(lambda: panel.editor is not None and panel.editor.isVisible())  # as a person's next key comes
    panel.focus_editor()
    first = QApplication.focusWidget()
    assert panel.editor is not None
    second = tab(qtbot)
    assert second is not first
    assert panel.editor.isAncestorOf(second)
    assert panel.evidence.isAncestorOf(tab(qtbot))
