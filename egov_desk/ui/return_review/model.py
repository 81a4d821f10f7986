"""A return's changes as a table (one row per change, grouped by item), with the person's choices: a tick per
change that applies without question, and for each conflict 采用科室的 or 保留本处的."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from egov_desk.ui.return_review.words import (
    APPLY,
    CONFLICT,
    DEPARTMENT,
    OFFICE,
    SAME,
    ReturnChange,
    Said,
    person,
    state_words,
    what,
    when,
)

AnyIndex = QModelIndex | QPersistentModelIndex

CODE, NAME, WHAT, DEPARTMENT_VALUE, OFFICE_VALUE, BY, STATE = range(7)
COLUMN_COUNT = 7

ChangeRole = Qt.ItemDataRole.UserRole + 1
"""The row's change."""

CONFLICT_MARK = QColor("#b91c1c")  # a conflict waiting for a choice
CHOSEN_MARK = QColor("#b45309")  # a conflict decided
SAME_MARK = QColor("#6b7280")
SHADED = QColor("#f3f6fb")  # every other item's rows: the groups told apart

ALL, CONFLICTS, TO_APPLY = "all", "conflicts", "to_apply"


class ReturnChangesModel(QAbstractTableModel):
    """The changes in item order; ``choices`` holds a conflict's choice, ``left_out`` the changes unticked."""

    def __init__(
        self,
        changes: Sequence[ReturnChange],
        chinese: bool,
        words: Mapping[str, Said] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.changes = sorted(changes, key=lambda change: change.code)  # stable: the return's order per item
        self.chinese = chinese
        self.words = dict(words or {})
        self.choices: dict[str, str] = {}
        self.left_out: set[str] = set()
        self._shaded = self._shade()

    def _shade(self) -> list[bool]:
        shaded: list[bool] = []
        codes: list[str] = []
        for change in self.changes:
            if not codes or codes[-1] != change.code:
                codes.append(change.code)
            shaded.append(len(codes) % 2 == 0)
        return shaded

    # --- the person's choices ----------------------------------------------------------------------

    def choose(self, row: int, choice: str) -> bool:
        """Take the department's or keep the office's value of the conflict on ``row``."""
        change = self.changes[row]
        if change.state != CONFLICT or choice not in (DEPARTMENT, OFFICE):
            return False
        self.choices[change.key] = choice
        self._row_changed(row)
        return True

    def toggle(self, row: int) -> bool:
        """Leave out (or take in again) the change on ``row``, when it applies without question."""
        change = self.changes[row]
        if change.state != APPLY:
            return False
        self.left_out.symmetric_difference_update({change.key})
        self._row_changed(row)
        return True

    def undecided(self) -> int:
        """How many conflicts wait for a choice."""
        return sum(1 for c in self.changes if c.state == CONFLICT and c.key not in self.choices)

    def take(self) -> dict[str, str]:
        """apply_return's ``take``: every conflict's choice, and "office" for each change left out."""
        take = {c.key: self.choices[c.key] for c in self.changes if c.state == CONFLICT and c.key in self.choices}
        take.update({key: OFFICE for key in self.left_out})
        return take

    def applied(self) -> list[ReturnChange]:
        """The changes that 应用 writes, as chosen now."""
        return [
            c
            for c in self.changes
            if (c.state == APPLY and c.key not in self.left_out) or self.choices.get(c.key) == DEPARTMENT
        ]

    def said(self, change: ReturnChange) -> Said:
        """(what, the department's value, the office's value) in words."""
        return self.words.get(change.key) or change.said(self.chinese)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # --- Qt's table -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Code"),
                self.tr("Name"),
                self.tr("What changed"),
                self.tr("Department's value"),
                self.tr("Office's value now"),
                self.tr("Changed by"),
                self.tr("State"),
            )[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == WHAT and self.changes[index.row()].state == APPLY:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != WHAT:
            return False
        change = self.changes[index.row()]
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked
        if change.state != APPLY or wanted == (change.key not in self.left_out):
            return False
        return self.toggle(index.row())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        change = self.changes[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(change, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, WHAT, DEPARTMENT_VALUE, OFFICE_VALUE):
            return self._text(change, column) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == BY:
            return f"{person(change.by, self.chinese)} {when(change.at, year=True)}"
        if role == Qt.ItemDataRole.CheckStateRole and column == WHAT and change.state == APPLY:
            return Qt.CheckState.Unchecked if change.key in self.left_out else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return QBrush(self._mark(change))
        if role == Qt.ItemDataRole.ForegroundRole and change.state == SAME:
            return QBrush(SAME_MARK)
        if role == Qt.ItemDataRole.BackgroundRole and self._shaded[row]:
            return QBrush(SHADED)
        if role == Qt.ItemDataRole.FontRole and column == STATE and change.state == CONFLICT:
            font = QFont()
            font.setBold(change.key not in self.choices)  # a conflict waiting for a choice stands out
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == STATE and change.state == CONFLICT:
            return self._mark(change)  # a coloured square beside 冲突
        if role == ChangeRole:
            return change
        return None

    def _mark(self, change: ReturnChange) -> QColor:
        if change.state == CONFLICT:
            return CHOSEN_MARK if change.key in self.choices else CONFLICT_MARK
        if change.state == SAME:
            return SAME_MARK
        return QColor("#15803d") if change.key not in self.left_out else SAME_MARK

    def _text(self, change: ReturnChange, column: int) -> str:
        if column == CODE:
            return change.code
        if column == NAME:
            cooperating = self.tr(" (cooperating)") if change.role == "cooperating" else ""
            return change.item_title + cooperating
        if column == WHAT:
            return what(change, self.said(change))
        if column in (DEPARTMENT_VALUE, OFFICE_VALUE):
            return self.said(change)[column - WHAT]
        if column == BY:  # the name only: the role is in the tooltip and below
            return f"{change.by.name or change.by.login} {when(change.at)}"
        return state_words(change.state, self.choices.get(change.key), change.key not in self.left_out)


class ChangesFilter(QSortFilterProxyModel):
    """全部 / 只看冲突 / 待应用 (the changes that apply without question)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shown = ALL

    def show_only(self, shown: str) -> None:
        self.beginFilterChange()
        self.shown = shown
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if self.shown == ALL or not isinstance(model, ReturnChangesModel):
            return True
        state = model.changes[source_row].state
        return state == (CONFLICT if self.shown == CONFLICTS else APPLY)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """An item's code and name once, on the first of its rows shown: the rows below are its other changes."""
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (CODE, NAME) and index.row() > 0:
            above = self.index(index.row() - 1, CODE).data(ChangeRole)
            if above is not None and above.code == index.data(ChangeRole).code:
                return ""
        return super().data(index, role)
