"""View → 修改记录 (Ctrl+H): a dock with the change history of the item selected in the tree (it follows the
selection) or, ticked, of the whole assessment — newest first, each line when, who (the name and role given beside
the login) and what changed in words; 导出… writes what it shows as a workbook off the UI thread. Help → 校验修改记录…
checks the chain (:mod:`egov_desk.ui.dialogs.chain_check`).

Hidden at first and built when first shown (at the start when it was open at the last close); the window passes it
every change it applies (:meth:`HistoryDock.apply`), so a score typed shows its line at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QItemSelectionModel, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.history import HistoryLine, history, item_names
from egov_desk.core.messages import is_chinese
from egov_desk.ui import window_layout
from egov_desk.ui.dialogs.chain_check import ChainCheck
from egov_desk.ui.language import ui_language

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractProxyModel
    from PySide6.QtWidgets import QMainWindow, QMenu, QTreeView

    from egov_desk.core.changes import Changes
    from egov_desk.ui.context import WindowContext

WHEN, WHO, WHAT = range(3)
SHOWN_SETTING = "window/historyShown"


class HistoryWindow(Protocol):
    """What of the main window the dock uses."""

    @property
    def context(self) -> WindowContext: ...

    @property
    def tree(self) -> QTreeView: ...

    @property
    def proxy(self) -> QAbstractProxyModel: ...


class HistoryPanel(QWidget):
    """The lines, a tick for the whole assessment and the export button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.whole = QCheckBox(self.tr("&Whole assessment"), self)
        self.whole.setToolTip(self.tr("Every change of the assessment instead of the selected item's"))
        top.addWidget(self.whole)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setToolTip(self.tr("Save the history shown as an Excel workbook"))
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.lines = QTreeWidget(self)
        self.lines.setObjectName("historyLines")
        self.lines.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What changed")])
        self.lines.setRootIsDecorated(False)
        self.lines.setWordWrap(True)
        self.lines.setAlternatingRowColors(True)
        self.lines.setUniformRowHeights(False)
        header = self.lines.header()
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.lines, 1)
        self.shown: list[HistoryLine] = []

    def show_lines(self, lines: list[HistoryLine], heading: str, chinese: bool) -> None:
        """``lines`` oldest first, as the core gives them: shown newest first."""
        self.shown = lines
        self.heading.setText(heading)
        self.lines.clear()
        for line in reversed(lines):
            what = line.what if chinese else line.what_en
            shown = QTreeWidgetItem([line.local_time(), line.person(chinese), f"{line.code} {what}".strip()])
            shown.setToolTip(WHAT, what)
            self.lines.addTopLevelItem(shown)
        if not lines:
            self.lines.addTopLevelItem(QTreeWidgetItem(["", "", self.tr("No changes recorded.")]))
        self.export_button.setEnabled(bool(lines))

    def texts(self) -> list[str]:
        """The lines as shown, top first (tests and copying)."""
        rows = (self.lines.topLevelItem(row) for row in range(self.lines.topLevelItemCount()))
        return ["  ".join(row.text(column) for column in range(3)) for row in rows if row is not None]


class HistoryDock(QObject):
    """Owned by the window: the View menu's toggle, the dock (built when first shown) and the chain check."""

    def __init__(self, window: QMainWindow, shown: HistoryWindow, view_menu: QMenu, check_menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.shown, self.context = window, shown, shown.context
        self.dock: QDockWidget | None = None
        self.panel: HistoryPanel | None = None
        self.export_job: object = None
        self._selection: QItemSelectionModel | None = None
        self._pending = False
        self.toggle = QAction(self.tr("Change &history"), window)
        self.toggle.setCheckable(True)
        self.toggle.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_H))
        self.toggle.setStatusTip(self.tr("Who changed what when, for the selected item or the whole assessment"))
        self.toggle.toggled.connect(self.set_shown)
        view_menu.addAction(self.toggle)
        self.chain_check = ChainCheck(self.context)
        self.check_action = QAction(self.tr("&Check the change history…"), window)
        self.check_action.setStatusTip(self.tr("Is the change history whole, and does the data hold what it says?"))
        self.check_action.triggered.connect(lambda _checked=False: self.chain_check.check())
        check_menu.addAction(self.check_action)

    # --- showing ----------------------------------------------------------------------------------

    def set_shown(self, on: bool) -> None:
        if on and self.dock is None:
            self._build()
        if self.dock is not None:
            self.dock.setVisible(on)
            if on:
                self.dock.raise_()  # the tab in front when it shares its place with another dock
        if on:
            self.refresh()

    def remember(self) -> None:
        """At closing: open at the next start when it is open now."""
        QSettings().setValue(SHOWN_SETTING, self.visible)

    def restore(self) -> None:
        """At the start: open (built now) when it was open at the last close."""
        if QSettings().value(SHOWN_SETTING, False, type=bool):
            self.toggle.setChecked(True)

    def _build(self) -> None:
        dock = QDockWidget(self.tr("Change history"), self.window)
        dock.setObjectName("historyDock")
        self.panel = HistoryPanel(dock)
        dock.setWidget(self.panel)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        if not self.window.restoreDockWidget(dock):  # where and how tall it was at the last close, else:
            # a quarter of the window: on 1024×768 the tree keeps most of its rows
            self.window.resizeDocks([dock], [max(170, self.window.height() // 4)], Qt.Orientation.Vertical)
        window_layout.share_area(self.window, dock)  # beside the 材料内容 hits: a tab of the same width
        dock.visibilityChanged.connect(self._visibility_changed)
        self.panel.whole.toggled.connect(lambda _on: self.refresh())
        self.panel.export_button.clicked.connect(self.ask_export)
        self.shown.proxy.sourceModelChanged.connect(self._follow_selection)
        self.dock = dock
        self._follow_selection()

    def _visibility_changed(self, visible: bool) -> None:
        hidden = self.dock is None or self.dock.isHidden()  # closed with its own button: the toggle follows
        if self.toggle.isChecked() == hidden:
            self.toggle.blockSignals(True)
            self.toggle.setChecked(not hidden)
            self.toggle.blockSignals(False)
        if visible:
            self.soon()

    def _follow_selection(self) -> None:
        self._bind_selection()
        self.soon()

    def _bind_selection(self) -> None:
        """The tree's selection model (a new one when the tree gets a new model) tells the item selected."""
        selection = self.shown.tree.selectionModel()
        if selection is not None and selection is not self._selection:
            self._selection = selection
            selection.currentChanged.connect(lambda *_: self.soon())

    @property
    def visible(self) -> bool:
        return self.dock is not None and self.dock.isVisible()

    def apply(self, changes: Changes) -> None:
        """A write the window applied: its line shows (read again once the window has settled)."""
        if self.visible and changes:
            self.soon()

    def soon(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        if self.panel is None or not self.visible:
            return
        self._bind_selection()
        chinese = is_chinese(ui_language())
        assessment = self.context.assessment
        item = self.context.current_item()
        if self.panel.whole.isChecked():
            lines = history(self.context.workspace, assessment.id)
            heading = self.tr("Every change of %1").replace("%1", assessment.label)
        elif item is not None:
            lines = history(self.context.workspace, assessment.id, item.code)
            heading = self.tr("Changes of %1 %2").replace("%1", item.code).replace("%2", item.title)
        else:
            lines = []
            heading = self.tr("Select an item in the tree, or tick “Whole assessment”.")
        self.panel.show_lines(lines, heading, chinese)

    # --- exporting --------------------------------------------------------------------------------

    def ask_export(self) -> None:
        from egov_desk.ui.dialogs.choose import save_path

        if self.panel is None:
            return
        name = f"{self.context.assessment.label} 修改记录.xlsx"
        path = save_path(self.window, self.tr("Export the change history"), name, self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """The lines shown written to ``path`` (.xlsx) off the UI thread; the status bar says where."""
        from egov_desk.core.exports.history_xlsx import write_history_xlsx

        if self.panel is None:
            return
        lines = list(self.panel.shown)
        workspace = self.context.workspace
        names = item_names(workspace, lines)
        title = self.panel.heading.text()
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")

        def done(written: Path) -> None:
            self.context.status(self.tr("The change history was saved to %1").replace("%1", str(written)), 8000)

        def failed(error: BaseException) -> None:
            self.context.report_failure(error if isinstance(error, Exception) else RuntimeError(str(error)))

        self.export_job = self.context.runner.start(
            lambda _progress: write_history_xlsx(lines, path, names, title), done, failed
        )
