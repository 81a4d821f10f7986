"""Moving through the indicator tree: selecting an item by its code, and the next or previous unscored item among
those the filters show."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QItemSelectionModel
from PySide6.QtWidgets import QComboBox, QLineEdit, QStatusBar, QTreeView

from egov_desk.core.indicators import Item
from egov_desk.ui.models.indicator_tree import IndicatorTreeModel
from egov_desk.ui.models.tree_filter import EITHER, IndicatorFilter


class FilteredTree(Protocol):
    """The window's tree and the filters above it."""

    tree: QTreeView
    proxy: IndicatorFilter
    search: QLineEdit
    department_combo: QComboBox
    role_combo: QComboBox

    def current_item(self) -> Item | None: ...

    def select_item(self, code: str) -> bool: ...

    def visible_codes(self) -> list[str]: ...

    def statusBar(self) -> QStatusBar: ...


def step_unscored(window: FilteredTree, model: IndicatorTreeModel, step: int) -> None:
    """The next (``step`` 1) or previous (-1) unscored item shown, selected with the keyboard on the tree."""
    target = unscored_after(window.proxy, model, window.current_item(), step)
    if target is None:
        hidden = sum(1 for code in model.item_codes() if not model.sheet.items[code].scored)
        if hidden:  # the filters hide them: say so, and how to see them
            said = QCoreApplication.translate(
                "MainWindow",
                "Every item shown is scored; %1 unscored item(s) are hidden by the search or the department filter.",
            ).replace("%1", str(hidden))
        else:
            said = QCoreApplication.translate("MainWindow", "Every item shown is scored.")
        window.statusBar().showMessage(said, 8000)
        return
    window.select_item(target)
    window.tree.setFocus()


def filter_tree(window: FilteredTree) -> None:
    """Apply the search and the department filter; the panel then shows an item the tree shows, never a hidden one."""
    window.proxy.set_search(window.search.text())
    window.proxy.set_department(window.department_combo.currentData(), window.role_combo.currentData() or EITHER)
    window.tree.expandAll()
    current = window.current_item()
    shown = window.visible_codes()
    if shown and (current is None or current.code not in shown):
        window.select_item(shown[0])


def go_to_first_match(window: FilteredTree) -> None:
    """Enter in the search: the first item shown, or a word that nothing matches."""
    shown = window.visible_codes()
    if not shown:
        said = QCoreApplication.translate("MainWindow", "Nothing matches “%1”.").replace("%1", window.search.text())
        window.statusBar().showMessage(said, 4000)
        return
    window.select_item(shown[0])
    window.tree.setFocus()


def select_item(tree: QTreeView, proxy: IndicatorFilter, model: IndicatorTreeModel, code: str) -> bool:
    """Select the item's row and scroll to it; False when the filters hide it."""
    index = proxy.mapFromSource(model.index_of_item(code))
    if not index.isValid():
        return False
    tree.scrollTo(index)
    tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    return True


def unscored_after(proxy: IndicatorFilter, model: IndicatorTreeModel, current: Item | None, step: int) -> str | None:
    """The code of the next (``step`` 1) or previous (-1) unscored item from ``current`` among those shown, going
    round the end; None when every item shown is scored."""
    codes = [c for c in model.item_codes() if proxy.mapFromSource(model.index_of_item(c)).isValid()]
    open_codes = [c for c in codes if not model.sheet.items[c].scored]
    if not open_codes:
        return None
    position = codes.index(current.code) if current and current.code in codes else -1
    ordered = (
        codes[position + 1 :] + codes[: position + 1]
        if step > 0
        else list(reversed(codes[:position])) + list(reversed(codes[position:]))
    )
    return next(c for c in ordered if c in open_codes)
