"""The import wizard's rows page: the person says which row is the header (or that there is none), what rows are
(level, item, section, tier of the item above, ignored — several at once) and what a column holds; each correction
reads the table again and the tree beside the rows follows. The corrections are counted, undone one by one
(Ctrl+Z) or all at once, and shown as the ``egov-desk-cli import`` line that reads the table the same way."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWizardPage,
)

from egov_desk.core.importers.findings import all_items
from egov_desk.core.importers.options import RowKind
from egov_desk.core.importers.table import ROLE_NAMES
from egov_desk.ui.dialogs.import_columns import ROLE_ORDER, set_role
from egov_desk.ui.dialogs.import_grid import SHOWN_ROWS, GridView
from egov_desk.ui.dialogs.import_reading import TableReading
from egov_desk.ui.dialogs.import_review import SystemTree

CONFIDENCE_COLUMN = 4


class RowsPage(QWizardPage):
    def __init__(self, reading: TableReading) -> None:
        super().__init__()
        self.reading = reading
        self.setTitle(self.tr("Rows of the table"))
        self.setSubTitle(
            self.tr(
                "What each row was read as. Select rows (Shift/Ctrl for several) and say what they are; "
                "click a column's title to say what it holds. The tree on the right follows each correction."
            )
        )
        self.grid = GridView(reading)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._row_menu)
        self.grid.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.grid.itemSelectionChanged.connect(self._enable)
        self.tree = SystemTree()
        self.tree.setColumnHidden(CONFIDENCE_COLUMN, True)
        self.tree.setColumnWidth(1, 220)
        self.tree.setColumnWidth(3, 160)
        splitter = QSplitter()
        splitter.addWidget(self.grid)
        splitter.addWidget(self.tree)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.header_action = self._action(self.tr("&Header row"), "Ctrl+H", self.mark_header)
        self.header_action.setToolTip(self.tr("The selected row (or two adjacent rows) is the table's header (Ctrl+H)"))
        self.no_header_action = self._action(self.tr("&No header"), "Ctrl+Shift+H", self.no_header)
        self.no_header_action.setToolTip(
            self.tr("The table has no header: its columns are told from their content (Ctrl+Shift+H)")
        )
        self.kind_actions: dict[RowKind | None, QAction] = {
            "level": self._action(self.tr("&Level"), "Ctrl+1", lambda: self.mark("level")),
            "item": self._action(self.tr("&Item"), "Ctrl+2", lambda: self.mark("item")),
            "section": self._action(self.tr("&Section"), "Ctrl+3", lambda: self.mark("section")),
            "tier": self._action(self.tr("&Tier of the item above"), "Ctrl+4", lambda: self.mark("tier")),
            "ignore": self._action(self.tr("I&gnore"), "Ctrl+5", lambda: self.mark("ignore")),
            None: self._action(self.tr("&As read"), "Ctrl+0", lambda: self.mark(None)),
        }
        tips = {
            "level": self.tr("The selected rows open a level (Ctrl+1)"),
            "item": self.tr("The selected rows are scoring items (Ctrl+2)"),
            "section": self.tr("The selected rows are sections (一、二、…) above the levels (Ctrl+3)"),
            "tier": self.tr("The selected rows belong to the rule of the item above them (Ctrl+4)"),
            "ignore": self.tr("The selected rows are not imported (Ctrl+5)"),
            None: self.tr("The selected rows are read as the import sees them (Ctrl+0)"),
        }
        for kind, action in self.kind_actions.items():
            action.setToolTip(tips[kind])
        self.role_action = self._action(self.tr("Column &role…"), "Ctrl+R", self._role_of_current)
        self.role_action.setToolTip(self.tr("Say what the current column holds (Ctrl+R)"))
        self.undo_action = QAction(self.tr("&Undo correction"), self)
        self.undo_action.setToolTip(self.tr("Take back the last correction (Ctrl+Z)"))
        self.undo_action.triggered.connect(reading.undo)
        self.reset_action = QAction(self.tr("&Reset to automatic reading"), self)
        self.reset_action.triggered.connect(reading.reset)
        tools = QToolBar()
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addActions([self.header_action, self.no_header_action])
        tools.addSeparator()
        tools.addActions(list(self.kind_actions.values()))
        tools.addSeparator()
        tools.addActions([self.role_action, self.undo_action, self.reset_action])
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.command = QLineEdit()
        self.command.setReadOnly(True)
        self.command.setToolTip(self.tr("The same reading on the command line, for a script"))
        copy = QPushButton(self.tr("&Copy"))
        copy.clicked.connect(self.copy_command)
        command_row = QHBoxLayout()
        command_row.addWidget(QLabel(self.tr("Command line:")))
        command_row.addWidget(self.command, 1)
        command_row.addWidget(copy)
        layout = QVBoxLayout(self)
        layout.addWidget(tools)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(command_row)
        reading.finished.connect(self.refresh)

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def initializePage(self) -> None:
        self.refresh()
        self.grid.setFocus()

    def refresh(self) -> None:
        reading = self.reading
        if not reading.busy:
            self.grid.show_grid(reading.grid)
            self.tree.show_result(reading.result)
        self.command.setText(reading.command_line())
        self.status.setText(self._status())
        self.status.setStyleSheet("color: #b91c1c;" if reading.error and not reading.busy else "")
        self._enable()
        self.completeChanged.emit()

    def _status(self) -> str:
        reading = self.reading
        if reading.busy:
            return self.tr("Reading…")
        corrected = (
            self.tr("%n correction(s)", "", reading.corrections)
            if reading.corrections
            else self.tr("Read automatically, nothing corrected")
        )
        if reading.result is None:
            return f"{corrected} · {reading.error}"
        items = len(all_items(reading.result.data["tree"]))
        tops = len(reading.result.data["tree"])
        read = self.tr("%n scoring item(s)", "", items) + self.tr(" under %n top-level level(s)", "", tops)
        more = ""
        if reading.grid is not None and len(reading.grid.rows) > SHOWN_ROWS:
            more = self.tr(" · the first %1 rows are shown").replace("%1", str(SHOWN_ROWS))
        return f"{corrected} · {read}{more}"

    def _enable(self) -> None:
        ready = not self.reading.busy and self.reading.grid is not None
        rows = bool(self.grid.selected_rows())
        for action in [self.header_action, *self.kind_actions.values()]:
            action.setEnabled(ready and rows)
        self.no_header_action.setEnabled(ready)
        self.role_action.setEnabled(ready and self.grid.currentColumn() > 0)
        self.undo_action.setEnabled(not self.reading.busy and bool(self.reading.history))
        self.reset_action.setEnabled(ready and self.reading.corrections > 0)

    def mark_header(self) -> None:
        """The selected row, or two adjacent rows, is the header."""
        rows = self.grid.selected_rows()
        if not rows:
            return
        if len(rows) > 2 or rows[-1] - rows[0] != len(rows) - 1:
            self.status.setText(
                self.tr("A header is one row or two adjacent rows: select one row, or two rows one above the other.")
            )
            self.status.setStyleSheet("color: #b91c1c;")
            return
        options = self.reading.options
        kinds = {row: kind for row, kind in options.row_kinds.items() if row not in rows}
        self.reading.correct(replace(options, header_rows=tuple(rows), row_kinds=kinds))

    def no_header(self) -> None:
        self.reading.correct(replace(self.reading.options, header_rows=()))

    def mark(self, kind: RowKind | None) -> None:
        """The selected rows are ``kind`` (None: as the import reads them)."""
        rows = self.grid.selected_rows()
        if not rows:
            return
        kinds = dict(self.reading.options.row_kinds)
        for row in rows:
            if kind is None:
                kinds.pop(row, None)
            else:
                kinds[row] = kind
        self.reading.correct(replace(self.reading.options, row_kinds=kinds))

    def copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command.text())

    def _row_menu(self, position: QPoint) -> None:
        if not self.grid.selected_rows():
            return
        menu = QMenu(self)
        menu.addActions([self.header_action, self.no_header_action])
        menu.addSeparator()
        menu.addActions(list(self.kind_actions.values()))
        menu.exec(self.grid.viewport().mapToGlobal(position))

    def role_menu(self, column: int) -> QMenu:
        """The roles grid column ``column`` can be given, the one it was read as checked."""
        menu = QMenu(self)
        given = self.reading.options.roles.get(column)
        read = (
            next((c.role for c in self.reading.result.layout.columns if c.index == column), None)
            if (self.reading.result)
            else None
        )
        for role in ROLE_ORDER:
            action = menu.addAction(ROLE_NAMES[role])
            action.setCheckable(True)
            action.setChecked(role == (given or read))
            action.triggered.connect(lambda _checked=False, r=role: set_role(self.reading, column, r))
        if given is not None:
            menu.addSeparator()
            as_read = menu.addAction(self.tr("As read"))
            as_read.triggered.connect(lambda: set_role(self.reading, column, None))
        return menu

    def _header_clicked(self, section: int) -> None:
        if section == 0 or self.reading.busy or self.reading.grid is None:
            return
        header = self.grid.horizontalHeader()
        where = QPoint(header.sectionViewportPosition(section), header.height())
        self.role_menu(section - 1).exec(header.mapToGlobal(where))

    def _role_of_current(self) -> None:
        column = self.grid.currentColumn()
        if column > 0:
            self._header_clicked(column)

    def isComplete(self) -> bool:
        return self.reading.result is not None and not self.reading.busy
