"""Score editors: one per rule type, each fitting the way its rule is read.

An editor shows an item's input, lets the person change it, previews the points as they type, and emits
``edited`` with the new input (or None: no longer scored) only when the rule accepts it. An input the rule
refuses (a denominator of 0, more conditions than exist) is shown at the field, in red, and not emitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from egov_desk.core.messages import describe
from egov_desk.core.points import display
from egov_desk.core.rules import InputError, Rule
from egov_desk.ui.language import ui_language

Input = Mapping[str, Any] | None  # a rule's input as shown or typed; None: not scored
INVALID_STYLE = "border: 1px solid #dc2626; border-radius: 3px; background: #fef2f2;"


def refusal_text(error: InputError) -> str:
    """The refusal worded in the UI's language, naming the field as the table names it (the item is on screen)."""
    return describe(error, ui_language(), with_code=False)


def number_text(value: float) -> Any:
    """Spin box values back to JSON numbers: 2.0 → 2, 2.5 → 2.5."""
    return int(value) if float(value).is_integer() else float(Decimal(str(value)).normalize())


def wrapping_label(text: str) -> QLabel:
    """A field's label that wraps: a long one (an imported table's own words) must not widen the item panel past
    a small screen."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def wrapping_row(button: QAbstractButton, text: str) -> QHBoxLayout:
    """A check box or radio button whose text wraps (a button's own text never does); clicking the text clicks
    the button. The button keeps the text as its accessible name."""
    button.setAccessibleName(text)
    label = wrapping_label(text)
    label.setBuddy(button)
    label.mousePressEvent = lambda _event: button.click()  # type: ignore[method-assign]
    row = QHBoxLayout()
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return row


class RuleEditor(QWidget):
    """Base: a form of fields, a preview of the points, and a line for what is wrong."""

    edited = Signal(object)

    def __init__(self, rule: Rule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self._loading = False
        self._saved: Input = None  # the input last loaded or emitted: leaving a field unchanged saves nothing
        self.refusal: str = ""  # why the text shown is not saved; "" when what is shown is valid
        self.fields = QVBoxLayout()
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.preview = wrapping_label("")
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
        self._saved = inp
        self._validate(inp)

    def _validate(self, inp: Input) -> bool:
        for widget in self.findChildren(QWidget):
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.setStyleSheet("")
        self.refusal = ""
        if inp is None:
            judged = self.rule.type == "pass_fail"  # 合格 / 基本合格 / 不合格: judged, not scored
            self.preview.setText(self.tr("Not judged") if judged else self.tr("Not scored"))
            self.preview.show()
            self.problem.hide()
            return True
        try:
            result = self.rule.evaluate(inp)
        except InputError as error:
            self.refusal = self.word(error)
            self.problem.setText(self.refusal)
            self.problem.show()
            self.preview.setText("")
            self.preview.hide()  # no empty line between the fields and the reason
            refused = self.field_for(error.field)
            if refused is not None:
                refused.setProperty("invalid", True)
                refused.setStyleSheet(INVALID_STYLE)
            return False
        self.problem.hide()
        self.preview.show()
        state = "" if result.complete else self.tr(" (parts still open)")
        if result.level is not None and self.rule.max_points == 0:  # judged (合格 …), no points
            self.preview.setText(self.tr("→ judged %1").replace("%1", result.explanation) + state)
            return True
        self.preview.setText(self.tr("→ %1 points").replace("%1", display(result.points)) + state)
        return True

    def word(self, error: InputError) -> str:
        """What to say about a refused input; an editor whose fields differ from the input's words it itself."""
        return refusal_text(error)

    def typed(self) -> list[str]:
        """What is in the editor's text fields, as typed (to put back when the person returns to it)."""
        return [field.text() for field in self.findChildren(QLineEdit)]

    def retype(self, texts: list[str]) -> None:
        for field, text in zip(self.findChildren(QLineEdit), texts, strict=False):
            field.setText(text)

    def take_typing(self, field: QLineEdit) -> None:
        """A typed field: checked on every keystroke, saved when the typing is done (Enter, Tab, leaving it).

        Saving on every keystroke would store the "1" on the way to "12" — a number nobody meant."""
        field.textChanged.connect(self.typing)
        field.editingFinished.connect(self.changed)

    def unconfirmed(self) -> bool:
        """Whether the fields hold something typed but not saved (valid or not)."""
        return self.current_input() != self._saved

    def typing(self) -> None:
        if not self._loading:
            self._validate(self.current_input())

    def commit(self) -> None:
        """Save what is typed but not yet confirmed (the person moves on to another item)."""
        self.changed()

    def changed(self) -> None:
        """Fields call this when the person has made a change: saved when valid and not already saved."""
        if self._loading:
            return
        inp = self.current_input()
        if self._validate(inp) and inp != self._saved:
            self._saved = inp
            self.edited.emit(inp)
