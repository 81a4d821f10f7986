"""The evidence checklist's tree: files dragged from the file manager dropped on a requirement, and the context menu
asked for by the mouse or by the keyboard (the Menu key, Shift+F10) — the keyboard's placed at the current row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QWidget

RequirementRole = Qt.ItemDataRole.UserRole + 1  # requirement id on requirement rows (None: the item generally)
FileRole = Qt.ItemDataRole.UserRole + 2  # FileInfo on file rows
GENERAL = -1


class ChecklistTree(QTreeWidget):
    """Accepts files dragged from the file manager; reports which requirement they were dropped on, and where the
    context menu is wanted (``menu_requested``: a point in the viewport, on the row the menu is for)."""

    files_dropped = Signal(list, object)  # paths, requirement id (None: the item generally)
    menu_requested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    @staticmethod
    def _paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

    def requirement_at(self, point: QPoint) -> int | None:
        entry = self.itemAt(point)
        while entry is not None and entry.data(0, RequirementRole) is None:
            entry = entry.parent()
        if entry is None:
            return None
        requirement = entry.data(0, RequirementRole)
        return None if requirement == GENERAL else requirement

    def current_row_point(self) -> QPoint:
        """Where a menu asked for by the keyboard opens: on the current row, just right of its text's start."""
        entry = self.currentItem()
        if entry is None:
            return QPoint(4, 4)
        rect = self.visualItemRect(entry)
        return QPoint(rect.left() + min(24, rect.width() // 2), rect.center().y())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            self.menu_requested.emit(event.pos())  # the viewport's point: the mouse's event comes through it
        else:
            self.menu_requested.emit(self.current_row_point())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The Menu key and Shift+F10 open the menu here: not every platform turns them into a context menu
        event (one that does sends it only for a key press left unaccepted, so the menu never opens twice)."""
        key, modifiers = event.key(), event.modifiers()
        shift_f10 = key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
        if shift_f10 or (key == Qt.Key.Key_Menu and modifiers == Qt.KeyboardModifier.NoModifier):
            self.menu_requested.emit(self.current_row_point())
            event.accept()
            return
        row, opening = self.currentItem(), (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in opening and plain and row is not None and row.data(0, FileRole) is not None:
            self.itemDoubleClicked.emit(row, 0)  # a file row: Space or Enter opens its preview, as a double-click
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._paths(event):
            entry = self.itemAt(event.position().toPoint())
            if entry is not None:
                self.setCurrentItem(entry)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths, self.requirement_at(event.position().toPoint()))
