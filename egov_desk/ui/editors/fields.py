"""Editors of single values: a score, a choice, a count or rank, a ratio."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.points import compact, display
from egov_desk.core.rules import Deduct, External, InputError, Manual, PerUnit, Rank, Ratio, Rule
from egov_desk.ui.editors.base import Input, RuleEditor, number_text, wrapping_label, wrapping_row
from egov_desk.ui.editors.number_field import NumberField

SHORT_CHOICE = 24  # characters a radio button shows on one line; a longer choice wraps beside it


class ManualEditor(RuleEditor):
    """manual / external: the points typed as a number, up to the maximum; empty means "not scored"."""

    def __init__(self, rule: Manual, parent: QWidget | None = None) -> None:
        super().__init__(rule, parent)
        scale = rule.scale if isinstance(rule, External) else None  # an outside score out of its own full marks
        top = scale if scale is not None else rule.max
        step = rule.step or (Decimal("0.1") if top < 2 else Decimal("0.5"))
        self.spin = NumberField(step, Decimal(0), top)
        self.spin.setPlaceholderText(self.tr("Not scored"))
        self.take_typing(self.spin)
        row = QHBoxLayout()
        row.addWidget(self.spin)
        if scale is not None:
            said = self.tr("of %1, scaled to %2 pts").replace("%1", compact(scale)).replace("%2", compact(rule.max))
        else:
            said = self.tr("of %1 pts").replace("%1", compact(rule.max))
        row.addWidget(wrapping_label(said), 1)
        self.fields.addLayout(row)
        if rule.source:
            source = wrapping_label(self.tr("(result from %1)").replace("%1", rule.source))
            self.fields.addWidget(source)

    def current_input(self) -> Input:
        value = self.spin.value()
        return None if value is None else {"score": value}

    def _load(self, inp: Input) -> None:
        self.spin.setValue(inp.get("score") if inp else None)

    def field_for(self, field: str) -> QWidget | None:
        return self.spin

    def focus_first(self) -> None:
        self.spin.setFocus()
        self.spin.selectAll()


class ChoiceEditor(RuleEditor):
    """yes_no (a two-way switch), options and pass_fail: one choice among labelled buttons."""

    def __init__(
        self,
        rule: Rule,
        choices: list[str],
        key: str,
        values: list[Any],
        switch: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(rule, parent)
        self.key, self.values = key, values
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        box = QHBoxLayout() if switch else QVBoxLayout()
        box.setSpacing(0 if switch else 4)
        for number, text in enumerate(choices):
            button: QAbstractButton
            if switch:
                button = QPushButton(text)
                button.setCheckable(True)
                button.setObjectName("switchSide")
            elif len(text) > SHORT_CHOICE:
                button = QRadioButton()
                box.addLayout(wrapping_row(button, text))
            else:
                button = QRadioButton(text)
            self.group.addButton(button, number)
            if button.text():
                box.addWidget(button)
        if switch:
            box.addStretch(1)
            self.setStyleSheet(
                "QPushButton#switchSide { padding: 5px 18px; border: 1px solid #94a3b8; background: #f8fafc; }"
                "QPushButton#switchSide:checked { background: #1f4e8c; color: white; border-color: #1f4e8c; }"
            )
        self.group.idClicked.connect(lambda _id: self.changed())
        clear = QPushButton(self.tr("Clear"))
        clear.setFlat(True)
        clear.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addLayout(box)
        row.addWidget(clear, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        self.fields.addLayout(row)

    def clear(self) -> None:
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.changed()

    def current_input(self) -> Input:
        chosen = self.group.checkedId()
        return None if chosen < 0 else {self.key: self.values[chosen]}

    def _load(self, inp: Input) -> None:
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        if inp is not None and inp.get(self.key) in self.values:
            self.group.button(self.values.index(inp[self.key])).setChecked(True)

    def focus_first(self) -> None:
        button = self.group.checkedButton() or self.group.button(0)
        button.setFocus()


class CountEditor(RuleEditor):
    """per_unit / deduct / rank: a whole number, with what it earns shown beside it."""

    def __init__(self, rule: PerUnit | Deduct | Rank, parent: QWidget | None = None) -> None:
        super().__init__(rule, parent)
        self.key = "rank" if isinstance(rule, Rank) else "count"
        is_rank = isinstance(rule, Rank)
        high = Decimal(rule.of) if isinstance(rule, Rank) and rule.of else None
        self.spin = NumberField(Decimal(1), Decimal(1 if is_rank else 0), high)
        self.spin.setPlaceholderText(self.tr("Not scored"))
        self.take_typing(self.spin)
        if isinstance(rule, PerUnit):
            what = rule.unit or self.tr("Count")
            hint = self.tr("%1 pts each, at most %2").replace("%1", compact(rule.per)).replace("%2", compact(rule.cap))
        elif isinstance(rule, Deduct):
            what = rule.unit or self.tr("Deductions found")
            hint = (
                self.tr("from %1, minus %2 each, not below %3")
                .replace("%1", compact(rule.start))
                .replace("%2", compact(rule.per))
                .replace("%3", compact(rule.floor))
            )
        else:
            what = self.tr("Rank")
            bands = "; ".join(f"{b.first}–{b.last}: {compact(b.points)}" for b in rule.bands)
            hint = bands + "; " + self.tr("others %1").replace("%1", compact(rule.otherwise))
            if rule.of:
                hint += " " + self.tr("(of %1)").replace("%1", str(rule.of))
            overlaps = rule.overlaps()
            if overlaps:
                hint += " " + self.tr("— ranks %1 fall in two bands").replace("%1", ", ".join(map(str, overlaps)))
        grid = QGridLayout()
        grid.addWidget(wrapping_label(what), 0, 0)
        grid.addWidget(self.spin, 0, 1, Qt.AlignmentFlag.AlignLeft)
        note = wrapping_label(hint)
        note.setStyleSheet("color: #475569;")
        grid.addWidget(note, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.fields.addLayout(grid)

    def current_input(self) -> Input:
        value = self.spin.value()
        return None if value is None else {self.key: value}

    def _load(self, inp: Input) -> None:
        self.spin.setValue(inp.get(self.key) if inp else None)

    def field_for(self, field: str) -> QWidget | None:
        return self.spin

    def focus_first(self) -> None:
        self.spin.setFocus()
        self.spin.selectAll()


class RatioEditor(RuleEditor):
    """ratio: numerator and denominator (the ratio shown), or a rate in percent."""

    def __init__(self, rule: Ratio, parent: QWidget | None = None) -> None:
        super().__init__(rule, parent)
        self.by_rate = rule.rate
        grid = QGridLayout()
        left = Qt.AlignmentFlag.AlignLeft
        if self.by_rate:
            self.rate = NumberField(Decimal(1), Decimal(0), Decimal(100))
            self.rate.setPlaceholderText(self.tr("Not scored"))
            self.take_typing(self.rate)
            grid.addWidget(wrapping_label(self.tr("Rate (%)")), 0, 0)
            grid.addWidget(self.rate, 0, 1, left)
        else:
            self.numerator = NumberField(Decimal(1), Decimal(0))
            self.denominator = NumberField(Decimal(1), Decimal(0))
            for field in (self.numerator, self.denominator):
                field.setPlaceholderText("—")
                self.take_typing(field)
            numerator = wrapping_label(rule.numerator or self.tr("Done"))
            denominator = wrapping_label(rule.denominator or self.tr("Total"))
            grid.addWidget(numerator, 0, 0)
            grid.addWidget(self.numerator, 0, 1, left)
            grid.addWidget(denominator, 1, 0)
            grid.addWidget(self.denominator, 1, 1, left)
        self.ratio = QLabel()
        self.ratio.setStyleSheet("color: #475569;")
        self.ratio.hide()
        grid.addWidget(self.ratio, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.fields.addLayout(grid)

    def current_input(self) -> Input:
        if self.by_rate:
            typed = self.rate.value()
            if typed is None:
                return None
            if isinstance(typed, str):
                return {"rate": typed}  # refused by the rule as not a number, at this field
            return {"rate": number_text(float(Decimal(str(typed)) / 100))}
        a, b = self.numerator.value(), self.denominator.value()
        if a is None and b is None:
            self.ratio.setText("")
            self.ratio.hide()
            return None
        numbers = all(isinstance(v, int | float) for v in (a, b))
        shown = numbers and b and 0 <= a <= b
        self.ratio.setText(
            f"{compact(Decimal(str(a)))}/{compact(Decimal(str(b)))} = "
            f"{display(Decimal(str(a)) * 100 / Decimal(str(b)))}%"
            if shown
            else ""
        )
        self.ratio.setVisible(bool(shown))
        return {"numerator": a, "denominator": b}

    def _load(self, inp: Input) -> None:
        if self.by_rate:
            rate = inp.get("rate") if inp else None
            self.rate.setValue(None if rate is None else Decimal(str(rate)) * 100)
            return
        self.numerator.setValue(inp.get("numerator") if inp else None)
        self.denominator.setValue(inp.get("denominator") if inp else None)
        self.current_input()  # refresh the ratio line

    def word(self, error: InputError) -> str:
        if error.kind == "rate_above_one":  # the field takes percent, the rule a fraction
            return self.tr("The rate cannot be above 100%.")
        return super().word(error)

    def field_for(self, field: str) -> QWidget | None:
        return {
            "rate": getattr(self, "rate", None),
            "numerator": getattr(self, "numerator", None),
            "denominator": getattr(self, "denominator", None),
        }.get(field)

    def focus_first(self) -> None:
        widget = self.rate if self.by_rate else self.numerator
        widget.setFocus()
        widget.selectAll()
