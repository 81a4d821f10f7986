"""The main window: the indicator tree of the open assessment and its total."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.points import compact, display
from egov_desk.core.workspace import AssessmentInfo, Change, Workspace
from egov_desk.ui.dialogs.import_wizard import ImportWizard
from egov_desk.ui.models.indicator_tree import CODE, LEAD, MAX, NAME, SCORE, IndicatorTreeModel
from egov_desk.ui.ops import Runner


class TotalBar(QWidget):
    """The title of the system, the assessment, and the total score (e.g. 68.50 / 100)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalBar")
        self.title = QLabel()
        self.title.setObjectName("systemTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("assessmentLabel")
        self.total = QLabel()
        self.total.setObjectName("totalScore")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.unscored = QLabel()
        self.unscored.setObjectName("unscoredCount")
        self.unscored.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        figures = QVBoxLayout()
        figures.addWidget(self.total)
        figures.addWidget(self.unscored)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(names, 1)
        layout.addLayout(figures)
        self.setStyleSheet(
            "#totalBar { background: #1f4e8c; }"
            "#systemTitle { color: white; font-size: 15pt; font-weight: bold; }"
            "#assessmentLabel { color: #d6e2f3; }"
            "#totalScore { color: white; font-size: 22pt; font-weight: bold; }"
            "#unscoredCount { color: #ffd79a; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def show_total(self, total: str, maximum: str, unscored: int) -> None:
        self.total.setText(self.tr("%1 / %2").replace("%1", total).replace("%2", maximum))
        self.unscored.setText(
            self.tr("%n item(s) not scored", "", unscored) if unscored else self.tr("All items scored")
        )


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("mainWindow")
        self.total_bar = TotalBar()
        self.tree = QTreeView()
        self.tree.setObjectName("indicatorTree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.total_bar)
        layout.addWidget(self.tree, 1)
        self.setCentralWidget(central)
        self.runner = Runner(self)
        self._build_menus()
        self.resize(1280, 720)
        self.open_assessment(workspace.default_assessment())

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import indicator table…"), self)
        self.import_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.import_action.setStatusTip(self.tr("Read another year's indicator table from Word or Excel"))
        self.import_action.triggered.connect(self.import_table)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def import_table(self) -> ImportWizard:
        """Open the import wizard; when it creates an assessment, switch to it."""
        wizard = ImportWizard(self.workspace, self.runner, self)
        wizard.accepted.connect(lambda: self._imported(wizard))
        wizard.open()
        return wizard

    def _imported(self, wizard: ImportWizard) -> None:
        if wizard.created_assessment is not None:
            self.workspace.set_setting("current_assessment", wizard.created_assessment)
            self.open_assessment(self.workspace.assessment(wizard.created_assessment))

    def open_assessment(self, assessment: AssessmentInfo) -> None:
        self.assessment = assessment
        sheet = self.workspace.scores(assessment.id)
        self.model = IndicatorTreeModel(sheet, self)
        self.tree.setModel(self.model)
        self.tree.setTreePosition(NAME)  # branches beside the names; codes stay in a clean column
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        metrics = self.tree.fontMetrics()
        for column, sample in ((CODE, "编号00"), (MAX, "分值000"), (SCORE, "自评得分00"), (LEAD, "政策法规科00")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        system = sheet.system
        self.total_bar.title.setText(system.title)
        self.total_bar.subtitle.setText(f"{assessment.unit} · {assessment.year} · {assessment.title}")
        self.setWindowTitle(f"{assessment.unit} {assessment.year} {assessment.title} — {system.title} — egov-desk")
        self._show_total()
        folder = self.workspace.folder
        self.statusBar().showMessage(self.tr("Workspace: %1").replace("%1", str(folder)) if folder else "")

    def _show_total(self) -> None:
        sheet = self.workspace.scores(self.assessment.id)
        self.total_bar.show_total(display(sheet.total), compact(sheet.max), len(sheet.unscored))

    def apply(self, change: Change) -> None:
        """Repaint what one Workspace write changed."""
        self.model.apply(change)
        self._show_total()
