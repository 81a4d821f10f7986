"""Sizes: the window's geometry, toolbars and splitter kept across runs, and the indicator tree's column widths."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QHeaderView, QMainWindow, QSplitter, QTreeView

from egov_desk.ui.models.indicator_tree import CODE, EVIDENCE, LEAD, MAX, NAME, SCORE, IndicatorTreeModel
from egov_desk.ui.screen_fit import fit_to_screen


class Dock(Protocol):
    """A dock built when first shown (the history): it says whether it was open, to be built at the next start."""

    def remember(self) -> None: ...


def restore_layout(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    geometry, state = settings.value("window/geometry"), settings.value("window/state")
    if geometry is not None:
        window.restoreGeometry(geometry)
        fit_to_screen(window)  # saved on a larger screen, or placed off this one
    if state is not None:
        window.restoreState(state)
    saved_splitter = settings.value("window/splitter")
    if saved_splitter is not None:
        splitter.restoreState(saved_splitter)


def share_area(window: QMainWindow, dock: QDockWidget) -> None:
    """A dock put where another dock already is joins it as a tab instead of halving its width: side by side at
    1024×768 each list got ~200 px, its heading a word a line and its columns cut."""
    area = window.dockWidgetArea(dock)
    others = [
        other
        for other in window.findChildren(QDockWidget)
        if other is not dock and not other.isFloating() and window.dockWidgetArea(other) == area
    ]
    if others and not any(other in window.tabifiedDockWidgets(dock) for other in others):
        window.tabifyDockWidget(others[0], dock)


def save_layout(window: QMainWindow, splitter: QSplitter, *docks: Dock) -> None:
    settings = QSettings()
    for dock in docks:
        dock.remember()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", splitter.saveState())


def size_columns(tree: QTreeView, model: IndicatorTreeModel) -> None:
    """The names take the room left; every other column is as wide as its title or a typical value."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
    metrics = tree.fontMetrics()
    samples = ((CODE, "编号00"), (MAX, "分值00"), (SCORE, "自评得分0"), (EVIDENCE, "材料00"), (LEAD, "政策法规科0"))
    for column, sample in samples:
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 16)
