"""The indicator tree is not repainted whole when a dialog opens over the window (the attach's progress dialog did
that through thousands of calls into its model): only its current row, whose focus frame follows the focus; where a
style gives an inactive window other colours, the whole tree is repainted as Qt does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPaintEvent, QPalette
from PySide6.QtWidgets import QDialog

from egov_desk.ui.main_window import MainWindow


class Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.region().boundingRect())
        return False


def painted_as_a_dialog_opens(qtbot, window: MainWindow) -> list[QRect]:  # type: ignore[no-untyped-def]
    window.select_item("035")
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.wait(50)  # what selecting painted
    painted = Painted()
    window.tree.viewport().installEventFilter(painted)
    dialog = QDialog(window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    qtbot.waitUntil(lambda: not window.tree.hasFocus())
    qtbot.wait(50)
    dialog.close()
    window.tree.viewport().removeEventFilter(painted)
    return painted.rects


def test_a_dialog_opening_over_the_window_repaints_only_the_trees_current_row(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    rects = painted_as_a_dialog_opens(qtbot, window)
    row = window.tree.visualRect(window.tree.currentIndex())
    assert rects
    assert all(rect.height() <= row.height() and rect.top() >= row.top() for rect in rects)


def test_where_an_inactive_window_has_other_colours_the_whole_tree_is_repainted(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    palette = window.tree.palette()
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor("#cccccc"))
    window.tree.setPalette(palette)
    rects = painted_as_a_dialog_opens(qtbot, window)
    assert any(rect.height() > 3 * window.tree.visualRect(window.tree.currentIndex()).height() for rect in rects)


def test_under_a_style_that_is_not_fusion_the_whole_tree_is_repainted(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Windows")  # as Windows' native styles, it may draw by activation, not palette
    style.setParent(window)  # lives as long as the tree using it
    window.tree.setStyle(style)
    rects = painted_as_a_dialog_opens(qtbot, window)
    assert any(rect.height() > 3 * window.tree.visualRect(window.tree.currentIndex()).height() for rect in rects)
