"""Search and department filter over the indicator tree, keeping its shape; sorting within levels."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from egov_desk.ui.models.indicator_tree import DepartmentsRole, ItemCodeRole, SearchTextRole, SortRole

LEAD, COOPERATING, EITHER = "lead", "cooperating", "either"


class IndicatorFilter(QSortFilterProxyModel):
    """Items match the search (code, name, rule text) and the department (as lead, cooperating, or either);
    levels stay visible above every matching item, so the tree keeps its shape."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setSortRole(SortRole)
        # An edit repaints one item; re-sorting and re-filtering thousands of rows on each edit cost a frame.
        # Sorting happens when a header is clicked, filtering when the search or department changes.
        self.setDynamicSortFilter(False)
        self.search = ""
        self.department: str | None = None
        self.role = EITHER

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.search = text.strip().casefold()
        self.endFilterChange()

    def set_department(self, name: str | None, role: str = EITHER) -> None:
        self.beginFilterChange()
        self.department, self.role = name or None, role
        self.endFilterChange()

    @property
    def active(self) -> bool:
        return bool(self.search or self.department)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.active:
            return True
        index = self.sourceModel().index(row, 0, parent)
        if index.data(ItemCodeRole) is None:
            return False  # a level: shown when something below it matches (recursive filtering)
        if self.search and self.search not in (index.data(SearchTextRole) or ""):
            return False
        if self.department:
            lead, cooperating = index.data(DepartmentsRole)
            wanted = {
                LEAD: lead == self.department,
                COOPERATING: self.department in cooperating,
                EITHER: self.department == lead or self.department in cooperating,
            }
            return wanted[self.role]
        return True

    def visible_item_codes(self) -> list[str]:
        """The codes of the items shown now, in the tree's order."""
        codes: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                code = index.data(ItemCodeRole)
                if code:
                    codes.append(code)
                else:
                    walk(index)

        walk(QModelIndex())
        return codes
