"""Switching assessment in the 100 × 35 × 10 workspace: the window shows another assessment (its tree, gauge and
first item with editor and evidence, painted) against what Qt itself takes to show the same rows — a bare QTreeView
over a QStandardItemModel of the system's levels and items, filled, expanded and painted. The two are timed in
turns in one run; medians. The switch's CPU time (process_time) is said too: on a shared machine the wall time
swings with the neighbours' load, the CPU time much less."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from bench.figures import Figure

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeView

    from egov_desk.core.indicators import IndicatorSystem, Node
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.main_window import MainWindow

RUNS = 11


def bare_tree(system: IndicatorSystem, size: tuple[int, int]) -> tuple[QTreeView, Callable[[], None]]:
    """A plain QTreeView the size of the window's tree, and what fills it with the system's rows and paints it."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTreeView

    view = QTreeView()
    view.setUniformRowHeights(True)
    view.resize(*size)
    view.show()

    def row(*texts: str) -> list[QStandardItem]:
        return [QStandardItem(text) for text in texts]

    def add(parent: QStandardItem | QStandardItemModel, node: Node) -> None:
        cells = row("", node.name, str(node.points or ""), "", "", "")
        parent.appendRow(cells)
        for child in node.children:
            add(cells[0], child)
        for item in node.items:
            cells[0].appendRow(row(item.code, item.title, str(item.points), "", "", item.lead))

    def show() -> None:
        model = QStandardItemModel(0, 6, view)
        for node in system.tree:
            add(model, node)
        old = view.model()
        view.setModel(model)
        if old is not None:
            old.deleteLater()
        view.expandAll()
        QApplication.processEvents()

    return view, show


def switch_figure(window: MainWindow, workspace: Workspace) -> Figure:
    from PySide6.QtWidgets import QApplication

    ids = [a.id for a in workspace.assessments()]
    tree = window.tree.size()
    view, bare_show = bare_tree(window.model.sheet.system, (tree.width(), tree.height()))
    walls: list[float] = []
    cpus: list[float] = []
    bares: list[float] = []
    for n in range(1, RUNS + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        window.open_assessment(workspace.assessment(ids[n % len(ids)]))
        QApplication.processEvents()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        start = time.perf_counter()
        bare_show()
        bares.append(time.perf_counter() - start)
    view.close()
    ours, bare, cpu_ms = statistics.median(walls), statistics.median(bares), statistics.median(cpus) * 1000
    return Figure(
        "switch assessment there",
        ours * 1000,
        bare * 1000,
        "ms",
        ours / bare,
        "≤ 50 ms",
        ours <= 0.05,
        f"CPU {cpu_ms:.0f} ms; vs a bare QTreeView of the same rows filled, expanded and painted",
    )
