"""A deduction by class (A、B、C类分别扣1、0.5、0.2分): one count per class, what each costs shown beside it, and
a class's own cap (最多扣2分) when it has one."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from egov_desk.core.points import compact
from egov_desk.core.rules import Deduct
from egov_desk.ui.editors.base import Input, RuleEditor, wrapping_label
from egov_desk.ui.editors.number_field import NumberField


class ClassCountEditor(RuleEditor):
    """deduct with classes: a whole number per class; all empty means "not scored"."""

    def __init__(self, rule: Deduct, parent: QWidget | None = None) -> None:
        super().__init__(rule, parent)
        grid = QGridLayout()
        self.counts: list[NumberField] = []
        for row, kind in enumerate(rule.classes):
            field = NumberField(Decimal(1), Decimal(0))
            field.setPlaceholderText(self.tr("Not scored"))
            self.take_typing(field)
            self.counts.append(field)
            grid.addWidget(wrapping_label(kind.label), row, 0)
            grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignLeft)
            cost = self.tr("minus %1 each").replace("%1", compact(kind.per))
            if kind.max is not None:  # 每推迟一个月扣0.5分，最高扣2分: the class takes off no more than this
                cost += self.tr(" (at most %1 off)").replace("%1", compact(kind.max))
            grid.addWidget(wrapping_label(cost), row, 2)
        grid.setColumnStretch(2, 1)
        self.fields.addLayout(grid)
        note = wrapping_label(
            self.tr("from %1, not below %2").replace("%1", compact(rule.start)).replace("%2", compact(rule.floor))
        )
        note.setStyleSheet("color: #475569;")
        self.fields.addWidget(note)

    def current_input(self) -> Input:
        values = [field.value() for field in self.counts]
        if all(value is None for value in values):
            return None
        return {"counts": [0 if value is None else value for value in values]}

    def _load(self, inp: Input) -> None:
        counts = inp.get("counts") if inp else None
        for number, field in enumerate(self.counts):
            given = counts[number] if isinstance(counts, list) and number < len(counts) else None
            field.setValue(given)

    def field_for(self, field: str) -> QWidget | None:
        if field.startswith("counts[") and "]" in field:
            number = int(field[7 : field.index("]")])
            if number < len(self.counts):
                return self.counts[number]
        return self.counts[0] if self.counts else None

    def focus_first(self) -> None:
        if self.counts:
            self.counts[0].setFocus()
            self.counts[0].selectAll()
