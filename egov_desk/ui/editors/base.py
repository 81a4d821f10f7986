"""Score editors: one per rule type, each fitting the way its rule is read.

An editor shows an item's input, lets the person change it, previews the points as they type, and emits
``edited`` with the new input (or None: no longer scored) only when the rule accepts it. An input the rule
refuses (a denominator of 0, more conditions than exist) is shown at the field, in red, and not emitted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from egov_desk.core.points import display
from egov_desk.core.rules import InputError, Rule

Input = dict[str, Any] | None
INVALID_STYLE = "border: 1px solid #dc2626; border-radius: 3px; background: #fef2f2;"


def number_text(value: float) -> Any:
    """Spin box values back to JSON numbers: 2.0 → 2, 2.5 → 2.5."""
    return int(value) if float(value).is_integer() else float(Decimal(str(value)).normalize())


class RuleEditor(QWidget):
    """Base: a form of fields, a preview of the points, and a line for what is wrong."""

    edited = Signal(object)

    def __init__(self, rule: Rule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self._loading = False
        self.fields = QVBoxLayout()
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel()
        self.preview.setObjectName("scorePreview")
        self.problem = QLabel()
        self.problem.setObjectName("inputProblem")
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.fields)
        layout.addWidget(self.preview)
        layout.addWidget(self.problem)

    # subclasses: read and write their fields
    def current_input(self) -> Input:
        raise NotImplementedError

    def _load(self, inp: Input) -> None:
        raise NotImplementedError

    def field_for(self, field: str) -> QWidget | None:
        """The widget that holds ``field`` (to mark it when the input is refused)."""
        return None

    def focus_first(self) -> None:
        self.focusNextChild()

    def show_input(self, inp: Input) -> None:
        self._loading = True
        try:
            self._load(inp)
        finally:
            self._loading = False
        self._validate(inp)

    def _validate(self, inp: Input) -> bool:
        for widget in self.findChildren(QWidget):
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.setStyleSheet("")
        if inp is None:
            self.preview.setText(self.tr("Not scored"))
            self.problem.hide()
            return True
        try:
            result = self.rule.evaluate(inp)
        except InputError as error:
            self.problem.setText(error.message)
            self.problem.show()
            self.preview.setText("")
            widget = self.field_for(error.field)
            if widget is not None:
                widget.setProperty("invalid", True)
                widget.setStyleSheet(INVALID_STYLE)
            return False
        self.problem.hide()
        state = "" if result.complete else self.tr(" (parts still open)")
        self.preview.setText(self.tr("→ %1 points").replace("%1", display(result.points)) + state)
        return True

    def changed(self) -> None:
        """Fields call this on every change the person makes."""
        if self._loading:
            return
        inp = self.current_input()
        if self._validate(inp):
            self.edited.emit(inp)
