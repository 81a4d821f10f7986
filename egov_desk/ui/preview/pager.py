"""The preview's buttons above the page: previous / next page, "2 / 7", turn left / right, zoom."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class Pager(QWidget):
    """Previous / next page, "2 / 7", turn the page left / right, zoom in / out / fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous = QPushButton(self.tr("◀ Previous page"))
        self.next = QPushButton(self.tr("Next page ▶"))
        self.where = QLabel()
        self.turn_left = QPushButton(self.tr("⟲ Turn left"))
        self.turn_left.setToolTip(
            self.tr("Show this page turned a quarter to the left (Ctrl+L). The file itself is not changed.")
        )
        self.turn_right = QPushButton(self.tr("⟳ Turn right"))
        self.turn_right.setToolTip(
            self.tr("Show this page turned a quarter to the right (Ctrl+R). The file itself is not changed.")
        )
        self.smaller = QPushButton(self.tr("Zoom out"))
        self.smaller.setToolTip(self.tr("Smaller (Ctrl+- or Ctrl+wheel)"))
        self.level = QLabel("100%")
        self.level.setObjectName("zoomLevel")
        self.level.setToolTip(self.tr("The zoom: 100% is the page at its own size"))
        self.larger = QPushButton(self.tr("Zoom in"))
        self.larger.setToolTip(self.tr("Larger (Ctrl++ or Ctrl+wheel)"))
        self.fit = QPushButton(self.tr("Fit width"))
        self.fit.setToolTip(self.tr("The page as wide as the window (Ctrl+0)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous, self.where, self.next):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.turn_left, self.turn_right, self.smaller, self.level, self.larger, self.fit):
            layout.addWidget(widget)

    def show_page(self, page: int, pages: int) -> None:
        self.where.setText(f"{page + 1} / {pages}")
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page + 1 < pages)
