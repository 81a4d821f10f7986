"""What each department owes: its items as lead and as cooperating, how many are scored, how much evidence is in.

Double-click an item to jump to it in the indicator tree.

Its rows (a QStandardItem per department and item: 9,500 at 5,000 items) are built when the 科室 tab is first shown,
and built again on showing when another assessment was shown while it was hidden; until then an edit has nothing to
repaint there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from egov_desk.core.indicators import IndicatorSystem, Item
from egov_desk.core.judgements import is_judged, judgement
from egov_desk.core.points import compact, display
from egov_desk.core.scoring import ScoreSheet

CodeRole = Qt.ItemDataRole.UserRole + 1
UNSCORED = QColor("#b45309")
FAILED = QColor("#b91c1c")

Evidence = dict[str, tuple[int, int, int]]
Shown = Callable[[], tuple[IndicatorSystem, ScoreSheet, Evidence]]
"""The assessment shown now: its system, its scores and its evidence counts (code → collected, checked, needed)."""


def _cell(text: str, code: str | None = None, align_right: bool = False) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setEditable(False)
    if code:
        cell.setData(code, CodeRole)
    if align_right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


class DepartmentsView(QTreeView):
    item_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentsView")
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doubleClicked.connect(self._activated)
        self.activated.connect(self._activated)
        self.expanded_names: set[str] = set()
        self._shown: Shown | None = None
        self.stale = False  # the rows are of another assessment than the one shown (or not built yet)

    def show_assessment(self, shown: Shown) -> None:
        """Another assessment is shown: its rows now when the tab is on screen, else when it is next shown."""
        self._shown = shown
        self.stale = True
        if self.isVisible():
            self.ready()

    def ready(self) -> DepartmentsView:
        """The view with the rows of the assessment shown (built now when they are not)."""
        if self.stale and self._shown is not None:
            self.show_departments(*self._shown())
        return self

    def showEvent(self, event: QShowEvent) -> None:
        self.ready()
        super().showEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(0).data(CodeRole)
        if code:
            self.item_activated.emit(code)

    def show_departments(self, system: IndicatorSystem, sheet: ScoreSheet, evidence: Evidence) -> None:
        self.stale = False
        expanded = {
            self.model_.item(r).text()
            for r in range(self.model_.rowCount())
            if self.isExpanded(self.model_.index(r, 0))
        }
        self.model_.clear()
        self.model_.setHorizontalHeaderLabels(
            [self.tr("Department / item"), self.tr("Role"), self.tr("Scored"), self.tr("Evidence in")]
        )
        for name in system.departments():
            lead = [i for i in system.items() if i.lead == name]
            cooperating = [i for i in system.items() if name in i.cooperating and i.lead != name]
            owned = lead + cooperating
            scored = sum(sheet.items[i.code].scored for i in owned)
            have = sum(evidence.get(i.code, (0, 0, 0))[0] for i in lead)
            checked = sum(evidence.get(i.code, (0, 0, 0))[1] for i in lead)
            need = sum(evidence.get(i.code, (0, 0, 0))[2] for i in lead)
            role = (
                self.tr("lead %1 · cooperating %2").replace("%1", str(len(lead))).replace("%2", str(len(cooperating)))
            )
            row = [
                _cell(name),
                _cell(role),
                _cell(f"{scored}/{len(owned)}", align_right=True),
                _cell(f"{have}/{need}", align_right=True),
            ]
            row[3].setToolTip(
                self.tr("As lead: collected %1 · checked %2 · missing %3")
                .replace("%1", str(have))
                .replace("%2", str(checked))
                .replace("%3", str(need - have))
            )
            font = row[0].font()
            font.setBold(True)
            row[0].setFont(font)
            for item in lead:
                row[0].appendRow(self._item_row(item, self.tr("lead"), sheet, evidence))
            for item in cooperating:
                row[0].appendRow(self._item_row(item, self.tr("cooperating"), sheet, evidence))
            self.model_.appendRow(row)
            if name in expanded:
                self.setExpanded(row[0].index(), True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _item_row(
        self, item: Item, role: str, sheet: ScoreSheet, evidence: dict[str, tuple[int, int, int]]
    ) -> list[QStandardItem]:
        score = sheet.items[item.code]
        found = judgement(item, score)
        if score.vetoed:
            shown = self.tr("Vetoed")
        elif is_judged(item):  # a judgement, not 0.00 / 0
            shown = found.label if found is not None else self.tr("not judged")
        else:
            shown = f"{display(score.points)} / {compact(item.points)}" if score.scored else self.tr("not scored")
        have, _checked, need = evidence.get(item.code, (0, 0, 0))
        cells = [
            _cell(f"{item.code}  {item.title}", item.code),
            _cell(role),
            _cell(shown, align_right=True),
            _cell(f"{have}/{need}" if need else "—", align_right=True),
        ]
        if score.vetoed or (found is not None and found.failing):
            cells[2].setForeground(QBrush(FAILED))
        elif not score.scored:
            cells[2].setForeground(QBrush(UNSCORED))
        cells[0].setToolTip(item.rule_text)
        return cells

    def update_item(
        self, code: str, system: IndicatorSystem, sheet: ScoreSheet, evidence: dict[str, tuple[int, int, int]]
    ) -> None:
        """Repaint one item's rows and its departments' counts (a full rebuild costs 0.3 s at 5,000 items); rows
        not built yet are built from the scores of the time when shown."""
        if self.stale:
            return
        item = system.item(code)
        lead_word = self.tr("lead")
        for r in range(self.model_.rowCount()):
            department = self.model_.item(r)
            if department.text() not in item.departments:
                continue
            scored = have = need = 0
            for c in range(department.rowCount()):  # one pass: 5,000 items make every lookup count
                child_code = department.child(c).data(CodeRole)
                scored += sheet.items[child_code].scored
                role = department.child(c, 1).text()
                if child_code == code:
                    fresh = self._item_row(item, role, sheet, evidence)
                    for column in (2, 3):
                        department.setChild(c, column, fresh[column])
                if role == lead_word:
                    counts = evidence.get(child_code, (0, 0, 0))
                    have, need = have + counts[0], need + counts[2]
            self.model_.item(r, 2).setText(f"{scored}/{department.rowCount()}")
            self.model_.item(r, 3).setText(f"{have}/{need}")

    def department_names(self) -> list[str]:
        self.ready()
        return [self.model_.item(r).text() for r in range(self.model_.rowCount())]

    def codes_of(self, department: str) -> list[str]:
        self.ready()
        for r in range(self.model_.rowCount()):
            row = self.model_.item(r)
            if row.text() == department:
                return [row.child(c).data(CodeRole) for c in range(row.rowCount())]
        return []
