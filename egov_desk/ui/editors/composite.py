"""Editors of several values (checklists, sums of parts), and the factory that picks an editor for a rule."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from egov_desk.core.indicators import Veto
from egov_desk.core.points import compact
from egov_desk.core.rules import Checklist, Deduct, Manual, Options, PassFail, PerUnit, Rank, Ratio, Rule, Sum, YesNo
from egov_desk.ui.editors.base import Input, RuleEditor, wrapping_label, wrapping_row
from egov_desk.ui.editors.class_counts import ClassCountEditor
from egov_desk.ui.editors.fields import ChoiceEditor, CountEditor, ManualEditor, RatioEditor
from egov_desk.ui.editors.veto import VetoEditor


class ChecklistEditor(RuleEditor):
    """checklist: a box per condition (with its points, or the tiers below)."""

    def __init__(self, rule: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(rule, parent)
        self.boxes: list[QCheckBox] = []
        for condition in rule.items:
            text = condition.label if rule.tiers else f"{condition.label}（{compact(condition.points)}）"
            box = QCheckBox()
            box.toggled.connect(lambda _on: self._toggled())
            self.boxes.append(box)
            self.fields.addLayout(wrapping_row(box, text))
        notes = []
        if rule.tiers:
            notes.append(
                "；".join(
                    self.tr("%1 or more: %2 pts").replace("%1", str(t.min)).replace("%2", compact(t.points))
                    for t in rule.tiers
                )
            )
        if rule.cap is not None:
            notes.append(self.tr("at most %1 pts").replace("%1", compact(rule.cap)))
        if notes:
            hint = wrapping_label("；".join(notes))
            hint.setStyleSheet("color: #475569;")
            self.fields.addWidget(hint)
        self.touched = False

    def _toggled(self) -> None:
        # Only a tick the person makes turns "nothing ticked" into a score of none ticked; moving past the item
        # (which commits the editor) must not.
        if not self._loading:
            self.touched = True
        self.changed()

    def current_input(self) -> Input:
        checked = [n for n, box in enumerate(self.boxes) if box.isChecked()]
        return {"checked": checked} if checked or self.touched else None

    def _load(self, inp: Input) -> None:
        self.touched = inp is not None
        chosen = set(inp.get("checked", [])) if inp else set()
        for number, box in enumerate(self.boxes):
            box.setChecked(number in chosen)

    def focus_first(self) -> None:
        if self.boxes:
            self.boxes[0].setFocus()


class SumEditor(RuleEditor):
    """sum: one sub-editor per part; untouched parts stay open (null)."""

    def __init__(self, rule: Sum, parent: QWidget | None = None) -> None:
        super().__init__(rule, parent)
        self.parts: list[RuleEditor] = []
        for number, part in enumerate(rule.parts):
            box = QGroupBox()  # a group box's title never wraps: the part's label is a wrapping label in it
            inner = QVBoxLayout(box)
            title = wrapping_label(part.label or self.tr("Part %1").replace("%1", str(number + 1)))
            title.setObjectName("partLabel")
            title.setStyleSheet("font-weight: bold;")
            inner.addWidget(title)
            editor = editor_for(part)
            editor.edited.connect(lambda _inp: self.changed())
            inner.addWidget(editor)
            self.parts.append(editor)
            self.fields.addWidget(box)
        if rule.cap is not None:
            self.fields.addWidget(QLabel(self.tr("at most %1 pts").replace("%1", compact(rule.cap))))

    def current_input(self) -> Input:
        parts = [editor.current_input() for editor in self.parts]
        return None if all(p is None for p in parts) else {"parts": parts}

    def _load(self, inp: Input) -> None:
        parts = inp.get("parts", []) if inp else []
        for number, editor in enumerate(self.parts):
            editor.show_input(parts[number] if number < len(parts) else None)

    def field_for(self, field: str) -> QWidget | None:
        if field.startswith("parts["):
            number = int(field[6 : field.index("]")])
            if number < len(self.parts):
                return self.parts[number].field_for(field.split(".", 1)[-1])
        return None

    def focus_first(self) -> None:
        if self.parts:
            self.parts[0].focus_first()


def editor_for(rule: Rule, parent: QWidget | None = None, veto: Veto | None = None) -> RuleEditor:
    """The editor that fits ``rule``; an item with a veto (一票否决) gets its check box beside it."""
    if veto is not None:
        return VetoEditor(editor_for(rule), veto, parent)
    if isinstance(rule, Deduct) and rule.classes:
        return ClassCountEditor(rule, parent)
    if isinstance(rule, Manual):  # and External
        return ManualEditor(rule, parent)
    if isinstance(rule, YesNo):
        labels = [
            QCoreApplication.translate("RuleEditor", "Yes (%1 pts)").replace("%1", compact(rule.points)),
            QCoreApplication.translate("RuleEditor", "No (0 pts)"),
        ]
        return ChoiceEditor(rule, labels, "yes", [True, False], True, parent)
    if isinstance(rule, Options):
        pattern = QCoreApplication.translate("RuleEditor", "%1 (%2 pts)")
        labels = [pattern.replace("%1", o.label).replace("%2", compact(o.points)) for o in rule.options]
        return ChoiceEditor(rule, labels, "option", list(range(len(rule.options))), False, parent)
    if isinstance(rule, PassFail):
        return ChoiceEditor(rule, list(rule.levels), "level", list(range(len(rule.levels))), False, parent)
    if isinstance(rule, PerUnit | Deduct | Rank):
        return CountEditor(rule, parent)
    if isinstance(rule, Ratio):
        return RatioEditor(rule, parent)
    if isinstance(rule, Checklist):
        return ChecklistEditor(rule, parent)
    if isinstance(rule, Sum):
        return SumEditor(rule, parent)
    raise TypeError(f"no editor for rule type {rule.type}")
