"""A number typed as text: shown exactly as typed, never turned into another number.

A QSpinBox drops the keystroke that would make its value invalid and keeps the rest — "17" in a 1–16 box
becomes "1", and that would be saved. This field keeps every keystroke; the rule decides whether the text is
acceptable, and the editor marks it red with the reason until it is. Up/Down still step like a spin box.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from egov_desk.core.points import compact

NOT_A_NUMBER = object()


def read_typed(text: str) -> Any:
    """The JSON value for typed text: None for nothing, an int or a float for a number, the text itself
    for anything else (the rule then refuses it as "not a number", naming the field).

    Full-width digits from a Chinese input method (１２．５) read as 12.5."""
    clean = unicodedata.normalize("NFKC", text).strip()
    if not clean:
        return None
    try:
        number = Decimal(clean)
    except InvalidOperation:
        return text.strip()
    if not number.is_finite():
        return text.strip()
    if number == number.to_integral_value() and "." not in clean and "e" not in clean.lower():
        return int(number)
    return float(number)


class NumberField(QLineEdit):
    def __init__(
        self,
        step: Decimal = Decimal(1),
        low: Decimal | None = None,
        high: Decimal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.step, self.low, self.high = step, low, high
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(140)
        self.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)

    def value(self) -> Any:
        return read_typed(self.text())

    def setValue(self, value: Any) -> None:
        """Put ``value`` in as if typed and confirmed (tests and Up/Down use this)."""
        self.setText("" if value is None else compact(Decimal(str(value))))
        self.editingFinished.emit()

    def _step(self, direction: int) -> None:
        current = self.value()
        if current is None:
            base = self.low if self.low is not None else Decimal(0)
            target = base if direction > 0 else None
        elif isinstance(current, str):
            return  # not a number: stepping would replace what was typed
        else:
            target = Decimal(str(current)) + direction * self.step
            if self.high is not None and target > self.high:
                target = self.high
            if self.low is not None and target < self.low:
                target = self.low
        self.setValue(target)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self._step(1 if event.key() == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # a wheel over the panel scrolls it; it never changes a score
