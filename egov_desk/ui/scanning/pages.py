"""The scanned pages as a strip of thumbnails, in the order they will be saved: turned, moved or dropped here
before the PDF is made. A page's image is not changed until then; the strip only shows it turned."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QDropEvent, QIcon, QImage, QKeyEvent, QKeySequence, QPixmap, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from egov_desk.core.scanning.types import ScannedPage

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the ScannedPage
THUMB_ROLE = Qt.ItemDataRole.UserRole + 2  # its thumbnail as scanned (QImage)
PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 3  # a larger picture for the preview (QImage)
THUMB = QSize(110, 150)


def turned(image: QImage, degrees: int) -> QImage:
    return image.transformed(QTransform().rotate(degrees)) if degrees % 360 else image


def said_turn(degrees: int) -> str:
    """A page's turn as a person makes it: ↻90° right, ↺90° left (not ↻270°), 180° either way, "" unturned."""
    clockwise = degrees % 360
    if clockwise == 180:
        return "180°"
    if clockwise > 180:
        return f"↺{360 - clockwise}°"
    return f"↻{clockwise}°" if clockwise else ""


class PageStrip(QListWidget):
    """Thumbnails left to right; drag one, or Ctrl+Up / Ctrl+Down, to move it; its label says its place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPages")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Snap)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 30))
        self.setWordWrap(False)  # one line under each page: a wrapped label would cover the next row's space
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(THUMB.height() + 30 + 26)
        self.keys: dict[str, Callable[[], object]] = {}  # page_controls fills it

    def add_page(self, page: ScannedPage, thumbnail: QImage, preview: QImage) -> None:
        entry = QListWidgetItem()
        entry.setData(PAGE_ROLE, page)
        entry.setData(THUMB_ROLE, thumbnail)
        entry.setData(PREVIEW_ROLE, preview)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)  # a page is dropped between pages
        self.addItem(entry)
        self._paint(entry)
        self.relabel()
        self.setCurrentItem(entry)
        self.scrollToItem(entry)

    def pages(self) -> list[ScannedPage]:
        return [self._page(self.item(row)) for row in range(self.count())]

    @staticmethod
    def _page(entry: QListWidgetItem | None) -> ScannedPage:
        assert entry is not None
        page = entry.data(PAGE_ROLE)
        assert isinstance(page, ScannedPage)
        return page

    def current_preview(self) -> QImage | None:
        entry = self.currentItem()
        if entry is None:
            return None
        return turned(entry.data(PREVIEW_ROLE), self._page(entry).rotation)

    def _paint(self, entry: QListWidgetItem) -> None:
        page = self._page(entry)
        entry.setIcon(QIcon(QPixmap.fromImage(turned(entry.data(THUMB_ROLE), page.rotation))))

    def relabel(self) -> None:
        for row in range(self.count()):
            entry = self.item(row)
            assert entry is not None
            page = self._page(entry)
            label = self.tr("Page %1").replace("%1", str(row + 1))
            turn = said_turn(page.rotation)
            entry.setText(f"{label} {turn}" if turn else label)

    def turn(self, degrees: int) -> bool:
        entry = self.currentItem()
        if entry is None:
            return False
        entry.setData(PAGE_ROLE, self._page(entry).turned(degrees))
        self._paint(entry)
        self.relabel()
        self.currentItemChanged.emit(entry, entry)  # the preview shows it turned
        return True

    def move_current(self, step: int) -> bool:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return False
        self._move(row, target)
        return True

    def _move(self, row: int, target: int) -> None:
        entry = self.takeItem(row)
        self.insertItem(target, entry)
        self.setCurrentRow(target)
        self.relabel()

    def drop_current(self) -> ScannedPage | None:
        row = self.currentRow()
        if row < 0:
            return None
        entry = self.takeItem(row)
        page = self._page(entry)
        self.relabel()
        if self.count():
            self.setCurrentRow(min(row, self.count() - 1))
        return page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The page keys reach the strip itself too (the dialog's actions serve them wherever the focus is)."""
        keys = event.keyCombination().toCombined()
        for sequence, call in self.keys.items():
            if QKeySequence(sequence)[0].toCombined() == keys:  # type: ignore[index]
                call()
                return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """A page dragged onto another takes its place (the icon view would only move it on the grid)."""
        ours = event.source() in (self, None) and event.mimeData().hasFormat(self.model().mimeTypes()[0])
        if not ours or self.currentRow() < 0:
            event.ignore()
            return
        target = self.indexAt(event.position().toPoint()).row()
        if target < 0:
            target = self.count() - 1
        if target != self.currentRow():
            self._move(self.currentRow(), target)
        event.setDropAction(Qt.DropAction.CopyAction)  # the rows moved already: the view must not remove any
        event.accept()


def page_controls(owner: QWidget, strip: PageStrip, drop: Callable[[], None]) -> tuple[QGroupBox, list[QPushButton]]:
    """The current page's buttons, and their keys as ``owner``'s actions: Ctrl+L / Ctrl+R turn it a quarter,
    Ctrl+Up / Ctrl+Down move it, Delete drops it."""
    box = QGroupBox(QCoreApplication.translate("PageStrip", "Current page"))
    row = QHBoxLayout(box)
    buttons = []
    for text, keys, call in (
        (QCoreApplication.translate("PageStrip", "Turn left"), "Ctrl+L", lambda: strip.turn(-90)),
        (QCoreApplication.translate("PageStrip", "Turn right"), "Ctrl+R", lambda: strip.turn(90)),
        (QCoreApplication.translate("PageStrip", "Earlier"), "Ctrl+Up", lambda: strip.move_current(-1)),
        (QCoreApplication.translate("PageStrip", "Later"), "Ctrl+Down", lambda: strip.move_current(1)),
        (QCoreApplication.translate("PageStrip", "Drop"), "Delete", drop),
    ):
        sequence = QKeySequence(keys)
        button = QPushButton(text)
        keys_shown = sequence.toString(QKeySequence.SequenceFormat.PortableText)  # as the app's other tips
        keys_shown = keys_shown.replace("Up", "↑").replace("Down", "↓")
        button.setToolTip(
            QCoreApplication.translate("PageStrip", "%1 (%2)").replace("%1", text).replace("%2", keys_shown)
        )
        button.clicked.connect(call)
        row.addWidget(button)
        buttons.append(button)
        strip.keys[keys] = call
        action = QAction(owner)
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(call)
        owner.addAction(action)
    return box, buttons
