"""Building the window's widgets: the central area (the read-only banner, the gauge, the indicator tree and the
departments in tabs beside the item panel) and the toolbar (the assessment shown, the search, the department and
role filters, the steps between unscored items, undo and redo). The window keeps and connects the widgets made
here; their strings keep the window's context."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.workspace import Workspace
from egov_desk.ui.actions import Actions
from egov_desk.ui.first_screen.window import indicator_tree_look
from egov_desk.ui.models.tree_filter import COOPERATING, EITHER, LEAD
from egov_desk.ui.panels.departments import DepartmentsView
from egov_desk.ui.panels.item_panel import ItemPanel
from egov_desk.ui.panels.worklist_view import WorklistView
from egov_desk.ui.widgets.activation_repaint import ActivationRepaint
from egov_desk.ui.widgets.gauge import ScoreGauge
from egov_desk.ui.widgets.read_only_banner import ReadOnlyBanner


@dataclass(frozen=True)
class CentralArea:
    read_only_banner: ReadOnlyBanner
    gauge: ScoreGauge
    tabs: QTabWidget
    tree: QTreeView
    departments: DepartmentsView
    panel: ItemPanel
    splitter: QSplitter
    worklist: WorklistView


def build_central_area(window: QMainWindow, workspace: Workspace) -> CentralArea:
    """Set ``window``'s central widget and return the widgets in it."""
    gauge = ScoreGauge()
    tree = QTreeView()
    indicator_tree_look(tree)
    tree.setUniformRowHeights(True)
    ActivationRepaint(tree)  # not repainted whole as a dialog opens over the window or closes
    departments = DepartmentsView()
    tabs = QTabWidget()
    tabs.addTab(tree, QCoreApplication.translate("MainWindow", "Indicators"))
    tabs.addTab(departments, QCoreApplication.translate("MainWindow", "Departments"))
    worklist = WorklistView()  # built when first shown
    tabs.addTab(worklist, QCoreApplication.translate("MainWindow", "Worklist"))
    panel = ItemPanel()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(tabs)
    splitter.addWidget(panel)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes([760, 520])
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    read_only_banner = ReadOnlyBanner(workspace)
    panel.set_read_only(workspace.read_only)
    layout.addWidget(read_only_banner)
    layout.addWidget(gauge)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    return CentralArea(read_only_banner, gauge, tabs, tree, departments, panel, splitter, worklist)


@dataclass(frozen=True)
class Toolbar:
    assessment_combo: QComboBox
    search: QLineEdit
    department_combo: QComboBox
    role_combo: QComboBox


def build_toolbar(window: QMainWindow, actions: Actions) -> Toolbar:
    """Add the toolbar to ``window`` and return the widgets on it."""
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"))
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    window.addToolBar(bar)
    assessment_combo = QComboBox()
    assessment_combo.setObjectName("assessmentCombo")
    assessment_combo.setMinimumContentsLength(16)
    assessment_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    search = QLineEdit()
    search.setObjectName("searchBox")
    search.setPlaceholderText(QCoreApplication.translate("MainWindow", "Search code, name or rule (Ctrl+F)"))
    search.setClearButtonEnabled(True)
    search.setMaximumWidth(260)
    department_combo = QComboBox()
    department_combo.setObjectName("departmentFilter")
    role_combo = QComboBox()
    role_combo.setObjectName("roleFilter")
    for text, role in (
        (QCoreApplication.translate("MainWindow", "lead or cooperating"), EITHER),
        (QCoreApplication.translate("MainWindow", "as lead"), LEAD),
        (QCoreApplication.translate("MainWindow", "as cooperating"), COOPERATING),
    ):
        role_combo.addItem(text, role)
    bar.addWidget(QLabel(QCoreApplication.translate("MainWindow", " Assessment ")))
    bar.addWidget(assessment_combo)
    bar.addSeparator()
    bar.addWidget(search)
    bar.addWidget(QLabel(QCoreApplication.translate("MainWindow", "  Department ")))
    bar.addWidget(department_combo)
    bar.addWidget(role_combo)
    bar.addSeparator()
    for action, short in (
        (actions.previous_unscored_action, QCoreApplication.translate("MainWindow", "Previous unscored")),
        (actions.next_unscored_action, QCoreApplication.translate("MainWindow", "Next unscored")),
        (actions.undo_action, QCoreApplication.translate("MainWindow", "Undo")),
        (actions.redo_action, QCoreApplication.translate("MainWindow", "Redo")),
    ):
        action.setIconText(short)  # toolbar text without the menu's mnemonic
        bar.addAction(action)
    return Toolbar(assessment_combo, search, department_combo, role_combo)


def list_assessments(combo: QComboBox, workspace: Workspace) -> None:
    """The assessment chooser offers every assessment of the workspace, its system's title as its tooltip."""
    combo.clear()
    systems = {s.id: s for s in workspace.systems()}
    for info in workspace.assessments():
        combo.addItem(info.label, info.id)
        combo.setItemData(combo.count() - 1, systems[info.system_id].title, Qt.ItemDataRole.ToolTipRole)


def list_departments(combo: QComboBox, names: list[str]) -> None:
    """The department filter offers every department of the system shown, first all of them; quietly: the filter
    is applied by whoever fills it."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("MainWindow", "All departments"), None)
    for name in names:
        combo.addItem(name, name)
    combo.blockSignals(False)
