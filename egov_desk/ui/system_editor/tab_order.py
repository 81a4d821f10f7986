"""The editor's Tab order, set again whenever its rule form and try-out are built anew (Qt would append new widgets
at the end of the window's chain, after the Close button)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QWidget


def _focusable(container: QWidget) -> list[QWidget]:
    """The widgets Tab stops at inside ``container``, in the order they were laid out."""
    found = []
    window = container.window()
    for widget in container.findChildren(QWidget):
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox) or widget.window() is not window
        if not inner and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(widget, QLabel):
            found.append(widget)
    return found


def chain_tab_order(first: Sequence[QWidget], containers: Sequence[QWidget | None], last: Sequence[QWidget]) -> None:
    """Tab goes through ``first``, the widgets inside each container in the order they were laid out, ``last``."""
    chain = list(first)
    for container in containers:
        if container is not None:
            chain.extend(_focusable(container))
    chain.extend(last)
    for before, after in itertools.pairwise(chain):
        QWidget.setTabOrder(before, after)
