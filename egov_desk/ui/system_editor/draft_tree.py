"""The draft's tree: its levels and items as the table shows them, moved by dragging or from the keyboard.

The tree never moves a row itself: a drop or a key says which move the person asked for (``move_asked`` with the
entry's place and where it is to go, counted after it has left), the dialog makes it an undoable draft edit and
the tree is shown again from the draft.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from egov_desk.core.system_draft import Place, SystemDraft, after_removal

PLACE = Qt.ItemDataRole.UserRole
NAME = Qt.ItemDataRole.UserRole + 1  # the entry's own name: an item shown by its rule may have none


class RenameDelegate(QStyledItemDelegate):
    """Renaming in the tree (F2): the editor starts from the entry's name and, when finished, asks for the
    rename (``rename_asked``) instead of writing into the row; the tree is shown again from the draft."""

    def __init__(self, tree: DraftTree) -> None:
        super().__init__(tree)
        self.tree = tree

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(NAME) or ""))
            editor.selectAll()

    def setModelData(
        self, editor: QWidget, _model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        place = index.data(PLACE)
        if isinstance(editor, QLineEdit) and isinstance(place, Place) and editor.text() != (index.data(NAME) or ""):
            self.tree.rename_asked.emit(place, editor.text())


def _title(item: dict[str, object]) -> str:
    name = str(item.get("name") or "").strip()
    if name:
        return name
    rule = str(item.get("rule") or "").strip()
    return rule[:30] + ("…" if len(rule) > 30 else "")


class DraftTree(QTreeWidget):
    move_asked = Signal(object, object)  # (place, where it goes)
    key_asked = Signal(str)  # "up", "down", "indent", "outdent", "insert", "insert_level", "delete", "rename"
    rename_asked = Signal(object, str)  # (place, the name typed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("systemEditorTree")
        self.setColumnCount(3)
        self.setHeaderLabels(
            [
                QCoreApplication.translate("SystemEditor", "Level or item"),
                QCoreApplication.translate("SystemEditor", "Code"),
                QCoreApplication.translate("SystemEditor", "Points"),
            ]
        )
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # renaming starts with F2 (rename)
        self.setItemDelegateForColumn(0, RenameDelegate(self))
        header = self.header()  # the names take what the code and points leave: both always in view
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.rows: dict[Place, QTreeWidgetItem] = {}

    def show_draft(self, draft: SystemDraft, select: Place | None) -> None:
        self.blockSignals(True)
        try:
            self.clear()
            self.rows = {}
            for place in draft.places():
                entry = draft.entry(place)
                parent = self.rows.get(Place(place.parent)) if place.is_item or len(place.level) > 1 else None
                if place.is_item:
                    texts = [_title(entry), str(entry.get("code", "")), _points(entry)]
                else:
                    texts = [str(entry.get("name", "")), "", _points(entry)]
                row = QTreeWidgetItem(parent, texts) if parent is not None else QTreeWidgetItem(self, texts)
                row.setData(0, PLACE, place)
                row.setData(0, NAME, str(entry.get("name") or ""))
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
                if not place.is_item:
                    font = row.font(0)
                    font.setBold(True)
                    row.setFont(0, font)
                self.rows[place] = row
            self.expandAll()
        finally:
            self.blockSignals(False)
        self.select(select)

    def select(self, place: Place | None) -> None:
        row = self.rows.get(place) if place is not None else None
        if row is None and self.topLevelItemCount():
            row = self.topLevelItem(0)
        if row is not None:
            self.setCurrentItem(row)
            self.scrollToItem(row)

    def current_place(self) -> Place | None:
        row = self.currentItem()
        return row.data(0, PLACE) if row is not None else None

    def rename(self) -> None:
        """Start renaming the entry selected, in its row."""
        row = self.currentItem()
        if row is not None:
            self.setFocus()
            self.editItem(row, 0)

    # --- the keyboard --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        moves = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "outdent", Qt.Key.Key_Right: "indent"}
        key = Qt.Key(event.key())
        if alt and key in moves:
            self.key_asked.emit(moves[key])
        elif key == Qt.Key.Key_Insert:
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.key_asked.emit("insert_level" if shift else "insert")
        elif key == Qt.Key.Key_Delete:
            self.key_asked.emit("delete")
        elif key == Qt.Key.Key_F2 and self.state() != QAbstractItemView.State.EditingState:
            self.key_asked.emit("rename")
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- dragging ------------------------------------------------------------------------------------

    def dropEvent(self, event: QDropEvent) -> None:
        moving = self.current_place()
        target_row = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # the tree is shown again from the draft: Qt moves nothing itself
        if moving is None or target_row is None:
            return
        target: Place = target_row.data(0, PLACE)
        to = drop_place(moving, target, self.dropIndicatorPosition())
        if to is not None:
            self.move_asked.emit(moving, to)


def drop_place(moving: Place, target: Place, where: QAbstractItemView.DropIndicatorPosition) -> Place | None:
    """Where an entry dropped on or beside ``target`` goes, counted after it has left; None: it cannot go there."""
    on = where == QAbstractItemView.DropIndicatorPosition.OnItem
    below = where == QAbstractItemView.DropIndicatorPosition.BelowItem
    if moving == target:
        return None
    if not moving.is_item and target.level[: len(moving.level)] == moving.level:
        return None  # a level into itself
    if moving.is_item:
        if on and not target.is_item:
            anchor = after_removal(target, moving)
            return Place(anchor.level, -1)  # at the end: the dialog counts the level's items
        if not target.is_item or on:
            return None
        anchor = after_removal(target, moving)
        return Place(anchor.level, (anchor.item or 0) + (1 if below else 0))
    if target.is_item:
        return None
    anchor = after_removal(target, moving)
    if on:
        return Place((*anchor.level, -1))
    return Place((*anchor.level[:-1], anchor.level[-1] + (1 if below else 0)))


def _points(entry: dict[str, object]) -> str:
    value = entry.get("points")
    return "" if value is None else str(value)
