"""The matching dialog of a carry-over (this year from last year), shown before anything is created: how many items
are the same, changed, moved, new or dropped; per row last year's item → this year's, its class and what changed,
a choice of last year's item for new and moved rows, and whether its evidence is carried. 创建 makes the assessment
off the UI thread."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.carry_over import Carried, CarryPlan, carry_over
from egov_desk.core.item_matching import CLASSES, DROPPED, MOVED, NEW, POINTS, RULE, SAME, ItemPair
from egov_desk.core.messages import say
from egov_desk.core.workspace import Workspace
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Progress, Runner

TICK, KIND, OLD_CODE, OLD_NAME, OLD_POINTS, NEW_CODE, NEW_NAME, NEW_POINTS, RULE_CHANGE, CARRIED = range(10)
ALL = "all"


def _points(points: Decimal | None) -> str:
    return "" if points is None else f"{points.normalize():f}"


class CarryOverDialog(QDialog):
    """``plan``: the matching proposed (:func:`~egov_desk.core.carry_over.plan_carry_over`); ``carried`` holds the
    assessment made once 创建 has run."""

    def __init__(
        self,
        workspace: Workspace,
        plan: CarryPlan,
        year: int,
        title: str,
        runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.base, self.plan, self.year, self.title, self.runner = (
            workspace,
            plan,
            plan,
            year,
            title,
            runner,
        )
        self.overrides: dict[str, str | None] = {}
        self.carried: Carried | None = None
        self.setWindowTitle(self.tr("Carry over from an existing assessment"))
        target = next((s.label for s in workspace.systems() if s.id == plan.system_id), "")
        head = QLabel(
            self.tr("From %1 to %2 %3 (%4). Scores and review statuses start afresh; notes are carried.")
            .replace("%1", plan.source.label)
            .replace("%2", str(year))
            .replace("%3", title)
            .replace("%4", target)
        )
        head.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filter = QComboBox()
        self.filter.addItem(self.tr("All"), ALL)
        for kind in CLASSES:
            self.filter.addItem(self.kind_word(kind), kind)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        shown = QLabel(self.tr("&Show:"))
        shown.setBuddy(self.filter)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(shown)
        top.addWidget(self.filter)
        self.table = self._make_table()
        hint = QLabel(
            self.tr(
                "Files carried are marked “last year's” until someone confirms they still hold. "
                "Space ticks a row's evidence; Ctrl+Shift+A ticks or clears every row."
            )
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.create_carried)
        self.buttons.rejected.connect(self.reject)
        tick_all = QAction(self.tr("Tick or clear every row's evidence"), self)
        tick_all.setShortcut(QKeySequence("Ctrl+Shift+A"))
        tick_all.triggered.connect(self.tick_all)
        self.addAction(tick_all)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._fill()
        self._size_to_screen()

    # --- words ------------------------------------------------------------------------------------

    def kind_word(self, kind: str) -> str:
        return {
            SAME: self.tr("Same"),
            POINTS: self.tr("Points changed"),
            RULE: self.tr("Rule changed"),
            MOVED: self.tr("Moved"),
            NEW: self.tr("Added"),
            DROPPED: self.tr("Dropped"),
        }[kind]

    def _rule_words(self, pair: ItemPair) -> str:
        words = {
            "type": self.tr("scoring type"),
            "parameters": self.tr("scoring parameters"),
            "text": self.tr("rule text"),
        }
        found = [words[w] for w in pair.rule_change]
        if pair.matched_by == "name":
            found.insert(0, self.tr("matched by name"))
        if pair.old and pair.new and pair.old.path != pair.new.path:
            found.append(self.tr("level: %1").replace("%1", " / ".join(pair.new.path[-1:])))
        return self.tr(", ").join(found) if found else ""

    def _carried_words(self, pair: ItemPair) -> str:
        found = []
        if self.plan.note(pair):
            found.append(self.tr("note"))
        if files := self.plan.file_count(pair):
            found.append(self.tr("%1 files").replace("%1", str(files)))
        if added := self.plan.requirements_added(pair):
            found.append(self.tr("%1 requirements added").replace("%1", str(len(added))))
        if lead := self.plan.lead_taken(pair):
            found.append(self.tr("lead: %1").replace("%1", lead))
        return self.tr(", ").join(found)

    # --- the table --------------------------------------------------------------------------------

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 10, self)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Evidence ☑"),
                self.tr("Class"),
                self.tr("Last year's code"),
                self.tr("Name"),
                self.tr("Points"),
                self.tr("→ Code"),
                self.tr("Name"),
                self.tr("Points"),
                self.tr("Rule change"),
                self.tr("Carried"),
            ]
        )
        head = table.horizontalHeaderItem(TICK)
        if head is not None:
            head.setToolTip(self.tr("Click to tick or clear every row (Ctrl+Shift+A)"))
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (OLD_NAME, NEW_NAME, CARRIED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionClicked.connect(self._header_clicked)
        return table

    def _fill(self) -> None:
        new_items = self.base.matching.new_items
        self.table.setRowCount(len(new_items))
        for row, item in enumerate(new_items):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, TICK, tick)
            for column, text in ((NEW_CODE, item.code), (NEW_NAME, item.title), (NEW_POINTS, _points(item.points))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if self.base.matching.pair_of(item.code).kind in (NEW, MOVED):
                self._add_choice(row, item.code)
        self.refresh()
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in (OLD_NAME, NEW_NAME, CARRIED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(OLD_CODE, max(self.table.columnWidth(OLD_CODE), 96))

    def _add_choice(self, row: int, new_code: str) -> QComboBox:
        choice = QComboBox()
        choice.addItem(self.tr("(none)"), None)
        for old in self.base.matching.old_items:
            choice.addItem(f"{old.code} {old.title}", old.code)
        choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        choice.setMinimumContentsLength(4)
        choice.setAccessibleName(self.tr("Last year's item for %1").replace("%1", new_code))
        choice.currentIndexChanged.connect(lambda _i, code=new_code, box=choice: self.choose(code, box.currentData()))
        self.table.setCellWidget(row, OLD_CODE, choice)
        return choice

    def choice(self, new_code: str) -> QComboBox | None:
        row = self._row_of(new_code)
        widget = self.table.cellWidget(row, OLD_CODE) if row is not None else None
        return widget if isinstance(widget, QComboBox) else None

    def _row_of(self, new_code: str) -> int | None:
        for row in range(len(self.base.matching.new_items)):
            cell = self.table.item(row, NEW_CODE)
            if cell is not None and cell.text() == new_code:
                return row
        return None

    def choose(self, new_code: str, old_code: str | None) -> None:
        """A person maps this year's item ``new_code`` to last year's ``old_code`` (None: to none)."""
        self.overrides[new_code] = old_code
        self.refresh()

    def refresh(self) -> None:
        """Show the matching with the person's choices: counts, classes, last year's side, what is carried."""
        self.plan = self.base.overridden(self.overrides)
        counts = self.plan.matching.counts()
        self.counts.setText(" · ".join(f"{self.kind_word(kind)} {counts[kind]}" for kind in CLASSES))
        count = len(self.base.matching.new_items)
        for row, item in enumerate(self.base.matching.new_items):
            pair = self.plan.matching.pair_of(item.code)
            self._show_pair(row, pair)
        dropped = [p for p in self.plan.matching.pairs if p.new is None]
        self.table.setRowCount(count + len(dropped))
        for offset, pair in enumerate(dropped):
            row = count + offset
            self.table.setItem(row, TICK, QTableWidgetItem(""))
            for column in (NEW_CODE, NEW_NAME, NEW_POINTS):
                self.table.setItem(row, column, QTableWidgetItem(""))
            self._show_pair(row, pair)
        self._apply_filter()

    def _show_pair(self, row: int, pair: ItemPair) -> None:
        kind = QTableWidgetItem(self.kind_word(pair.kind))
        kind.setData(Qt.ItemDataRole.UserRole, pair.kind)
        self.table.setItem(row, KIND, kind)
        old = pair.old
        choice = self.table.cellWidget(row, OLD_CODE) if pair.new is not None else None
        if isinstance(choice, QComboBox):
            choice.blockSignals(True)
            choice.setCurrentIndex(max(0, choice.findData(old.code if old else None)))
            choice.blockSignals(False)
        elif pair.new is not None and old is None:
            self._add_choice(row, pair.new.code)
        else:
            self.table.setItem(row, OLD_CODE, QTableWidgetItem(old.code if old else ""))
        self.table.setItem(row, OLD_NAME, QTableWidgetItem(old.title if old else ""))
        self.table.setItem(row, OLD_POINTS, QTableWidgetItem(_points(old.points) if old else ""))
        self.table.setItem(row, RULE_CHANGE, QTableWidgetItem(self._rule_words(pair)))
        self.table.setItem(row, CARRIED, QTableWidgetItem(self._carried_words(pair)))
        tick = self.table.item(row, TICK)
        if tick is not None and pair.new is not None:
            enabled, was = pair.old is not None, self._enabled(tick)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            tick.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags)
            if enabled != was:  # a row given last year's item carries its evidence unless the person says not
                tick.setCheckState(Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)
            tick.setToolTip("" if enabled else self.tr("A new item has no evidence of last year's to carry"))
        for column in (OLD_NAME, NEW_NAME, CARRIED):
            cell = self.table.item(row, column)
            if cell is not None:
                cell.setToolTip(cell.text())

    def _apply_filter(self) -> None:
        wanted = self.filter.currentData()
        for row in range(self.table.rowCount()):
            self.table.setRowHidden(row, wanted not in (ALL, self._kind(row)))

    def visible_kinds(self) -> list[str]:
        return [self._kind(row) for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]

    def _kind(self, row: int) -> str:
        cell = self.table.item(row, KIND)
        return str(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else ""

    def _header_clicked(self, column: int) -> None:
        if column == TICK:
            self.tick_all()

    def _ticks(self) -> list[QTableWidgetItem]:
        ticks = [self.table.item(row, TICK) for row in range(len(self.base.matching.new_items))]
        return [t for t in ticks if t is not None and self._enabled(t)]

    def tick_all(self) -> None:
        """Tick every row's evidence, or clear them all when all are ticked."""
        ticks = self._ticks()
        every = all(t.checkState() == Qt.CheckState.Checked for t in ticks)
        for tick in ticks:
            tick.setCheckState(Qt.CheckState.Unchecked if every else Qt.CheckState.Checked)

    def evidence_codes(self) -> set[str]:
        """This year's items whose evidence is carried."""
        codes = set()
        for row, item in enumerate(self.base.matching.new_items):
            tick = self.table.item(row, TICK)
            if tick is not None and self._enabled(tick) and tick.checkState() == Qt.CheckState.Checked:
                codes.add(item.code)
        return codes

    @staticmethod
    def _enabled(tick: QTableWidgetItem) -> bool:
        return bool(tick.flags() & Qt.ItemFlag.ItemIsEnabled)

    # --- creating ---------------------------------------------------------------------------------

    def create_carried(self) -> None:
        """Create the assessment off the UI thread; the dialog closes when it is made."""
        plan, evidence, year, title = self.plan, self.evidence_codes(), self.year, self.title
        self.create_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)

        def work(_progress: Progress) -> Carried:
            return carry_over(self.workspace, plan, year, title, evidence)

        self.runner.start(work, self._created, self._failed)

    def carry_again(self) -> Carried:
        """The same carry-over once more (the redo of an undone one)."""
        self.carried = carry_over(self.workspace, self.plan, self.year, self.title, self.evidence_codes())
        return self.carried

    def _created(self, carried: Carried) -> None:
        self.unsetCursor()
        self.carried = carried
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.unsetCursor()
        self.create_button.setEnabled(True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not created"),
            say(error, ui_language()),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()

    def _size_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        self.resize(min(1240, room.width() - 40), min(720, room.height() - 60))
