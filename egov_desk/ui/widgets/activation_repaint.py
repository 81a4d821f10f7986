"""An item view that looks the same in an active and an inactive window is not repainted whole when its window only
changes activation (a dialog opens over it, or closes).

Qt repaints every visible cell of an item view at each activation change and at the focus change it brings
(QAbstractItemView); for the indicator tree that is some 3,800 calls into its Python model, 12 ms of the UI thread,
and 50–100 ms under load while attaching a gigabyte, as the progress dialog appeared. When the view's active and
inactive colours are the same, only the current row is repainted: its focus frame follows the focus. Where they
differ (a platform style greys an inactive selection), Qt repaints as it always does; so it does under a style
that draws a selection by the window's activation whatever the palette (Windows' native styles): only Fusion, which
paints from the palette alone, is trusted. A view with no current row takes the focus as Qt does (it picks one).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView

_ACTIVATION = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)
_FOCUS = (QEvent.Type.FocusIn, QEvent.Type.FocusOut)


class ActivationRepaint(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVATION:
            activation = watched is self.view.viewport()
        elif kind in _FOCUS and watched is self.view:
            activation = isinstance(event, QFocusEvent) and event.reason() == Qt.FocusReason.ActiveWindowFocusReason
        else:
            return False
        if not activation or not self._looks_the_same_inactive() or not self.view.currentIndex().isValid():
            return False
        current = self.view.visualRect(self.view.currentIndex())
        if current.isValid():
            self.view.viewport().update(QRect(0, current.y(), self.view.viewport().width(), current.height()))
        return True

    def _looks_the_same_inactive(self) -> bool:
        return self.view.style().name().lower() == "fusion" and self.view.palette().isEqual(
            QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
        )
