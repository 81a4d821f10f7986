"""The review of one department's return: what it changes per item, the conflicts side by side, and 应用 — enabled
once every conflict has a choice. Nothing is written here: 应用 hands the choices to whoever opened the review."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from egov_desk.ui.return_review.model import (
    ALL,
    BY,
    CODE,
    CONFLICTS,
    NAME,
    STATE,
    TO_APPLY,
    WHAT,
    ChangeRole,
    ChangesFilter,
    ReturnChangesModel,
)
from egov_desk.ui.return_review.side_by_side import SideBySide
from egov_desk.ui.return_review.words import Said, person, when

if TYPE_CHECKING:
    from egov_desk.core.packages.importing import ReturnPlan


class ReturnReview(QDialog):
    """``apply_requested`` carries apply_return's ``take`` when 应用 is pressed."""

    apply_requested = Signal(dict)

    def __init__(
        self,
        plan: ReturnPlan,
        chinese: bool,
        parent: QWidget | None = None,
        *,
        words: Mapping[str, Said] | None = None,
        place: str = "",
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.give_up = False  # closing gives up the choices made (asked once)
        self.question: QMessageBox | None = None
        self.setObjectName("returnReview")
        self.setWindowTitle(self.tr("Return from %1").replace("%1", plan.department))
        self.model = ReturnChangesModel(plan.changes, chinese, words, self)
        self.proxy = ChangesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setText(self._header_text(place))
        self.header.setToolTip(str(plan.path))  # the name shown; the whole path would not wrap
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.side = SideBySide(plan.department, chinese, self)
        self.side.chosen.connect(self._choose_current)
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.apply_button.setDefault(False)
        self.apply_button.setAutoDefault(False)
        self.apply_button.clicked.connect(self._apply)
        self.remaining = QLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remaining, 1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(close)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.side)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self._filters())
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current))
        self.model.dataChanged.connect(lambda *_: self._update())
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self.toggle_current)
        self._fit_screen()
        self._size_columns()
        self._update()
        self._select_first(prefer_conflict=True)
        self.table.setFocus()

    # --- building ---------------------------------------------------------------------------------

    def _header_text(self, place: str) -> str:
        plan, chinese = self.plan, self.model.chinese
        counts = (
            self.tr("%1 to apply, %2 in conflict, %3 already the same")
            .replace("%1", str(len(plan.to_apply)))
            .replace("%2", str(len(plan.conflicts)))
            .replace("%3", str(len(plan.same)))
        )
        if not plan.changes:
            counts = self.tr("The return changes nothing.")
        elif not plan.to_apply and not plan.conflicts:
            counts = self.tr("Everything is the same already: nothing to apply.")
        made = (
            self.tr("Answers work package no. %1 · made by %2 on %3")
            .replace("%1", str(plan.sequence))
            .replace("%2", person(plan.made_by, chinese))
            .replace("%3", when(plan.made_at, year=True))
        )
        return (
            f"<b>{html.escape(plan.department)}</b> · {html.escape(made)} {html.escape(place)}"
            f"<br><span style='font-size: large'>{html.escape(counts)}</span>"
            f"<br><span style='color: #6b7280'>{html.escape(plan.path.name)}</span>"
        )

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:"), self))
        self.filter_group = QButtonGroup(self)
        for text, shown in (
            (self.tr("A&ll"), ALL),
            (self.tr("&Conflicts only"), CONFLICTS),
            (self.tr("&To apply"), TO_APPLY),
        ):
            button = QRadioButton(text, self)
            button.setChecked(shown == ALL)
            button.toggled.connect(lambda on, s=shown: self.show_only(s) if on else None)
            self.filter_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _size_columns(self) -> None:
        """The values share what the other columns leave; on a 1024-wide screen those are narrower."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        scale = min(1.0, self.width() / 1240)
        widths = ((CODE, 48), (NAME, 170 * scale), (WHAT, 170 * scale), (BY, 130), (STATE, 140))
        for column, width in widths:
            header.resizeSection(column, int(width))
        for column in range(self.model.columnCount()):
            if column not in (CODE, NAME, WHAT, BY, STATE):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _fit_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(1240, room.width() - 40), min(760, room.height() - 40))

    # --- what the person does ---------------------------------------------------------------------

    def show_only(self, shown: str) -> None:
        """全部 / 只看冲突 / 待应用."""
        self.proxy.show_only(shown)
        self._select_first(prefer_conflict=False)

    def _select_first(self, prefer_conflict: bool) -> None:
        rows = range(self.proxy.rowCount())
        conflicts = [r for r in rows if self.proxy.index(r, 0).data(ChangeRole).state == "conflict"]
        row = conflicts[0] if prefer_conflict and conflicts else (0 if self.proxy.rowCount() else -1)
        if row < 0:
            self._show(QModelIndex())
            return
        self.table.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select_change(self, key: str) -> bool:
        """Select the row of the change ``key`` (shown by the filter now)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ChangeRole).key == key:
                self.table.selectionModel().setCurrentIndex(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _source_row(self) -> int:
        current = self.table.currentIndex()
        return self.proxy.mapToSource(current).row() if current.isValid() else -1

    def _show(self, current: QModelIndex) -> None:
        change = current.data(ChangeRole) if current.isValid() else None
        if change is None:
            self.side.show_change(None, None)
        else:
            self.side.show_change(change, self.model.choices.get(change.key), self.model.said(change))

    def _choose_current(self, choice: str) -> None:
        """Alt+D / Alt+O: the choice made, then on to the next conflict still open (the keyboard back in the
        table), so that conflicts are decided one key each."""
        row = self._source_row()
        if row < 0 or not self.model.choose(row, choice):
            return
        self.table.setFocus()
        following = [
            change.key
            for change in self.model.changes[row + 1 :] + self.model.changes[:row]
            if change.state == "conflict" and change.key not in self.model.choices
        ]
        if following:
            self.select_change(following[0])

    def choose(self, key: str, choice: str) -> bool:
        """采用科室的 / 保留本处的 for the conflict ``key``."""
        rows = [row for row, change in enumerate(self.model.changes) if change.key == key]
        return bool(rows) and self.model.choose(rows[0], choice)

    def toggle_current(self) -> None:
        """Space: leave the selected change out, or take it in again."""
        row = self._source_row()
        if row >= 0:
            self.model.toggle(row)

    def _update(self) -> None:
        left = self.model.undecided()
        applied = len(self.model.applied())
        self.apply_button.setEnabled(left == 0 and applied > 0)
        if left:
            text = self.tr("%n conflict(s) still need a choice (Alt+D or Alt+O).", "", left)
        elif applied:
            text = self.tr("%n change(s) will be applied; Ctrl+Z takes them back.", "", applied)
        else:
            text = self.tr("Nothing to apply.")
        self.remaining.setText(text)
        self.apply_button.setStatusTip(text)
        self.apply_button.setToolTip(text)
        current = self.table.currentIndex()
        if current.isValid():
            self._show(current)

    def reject(self) -> None:
        """Close (Esc): nothing is applied; choices already made are given up only when the person says so."""
        decided = len(self.model.choices) + len(self.model.left_out)
        if not decided or self.give_up:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Close without applying anything? The %n choice(s) made here are given up.", "", decided),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        discard = box.button(QMessageBox.StandardButton.Discard)
        discard.setText(self.tr("Close &without applying"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._give_up() if button is discard else None)
        self.question = box
        box.open()

    def _give_up(self) -> None:
        self.give_up = True
        self.reject()

    def _apply(self) -> None:
        if self.model.undecided() or not self.model.applied():
            return
        self.apply_requested.emit(self.model.take())
