"""Moving through the indicator tree: selecting an item by its code, and the next or previous unscored item among
those the filters show."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTreeView

from egov_desk.core.indicators import Item
from egov_desk.ui.models.indicator_tree import IndicatorTreeModel
from egov_desk.ui.models.tree_filter import IndicatorFilter


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
