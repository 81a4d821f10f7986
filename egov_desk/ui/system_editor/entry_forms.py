"""The form for the selected level or item: each field, when the person has finished typing it, asks for one draft
edit (``field_edited`` with the key and the JSON value); a number that cannot be read is marked red at its field
with the reason, as typed, and nothing is asked."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from egov_desk.core.points import compact, json_number, to_points
from egov_desk.ui.editors.base import INVALID_STYLE
from egov_desk.ui.editors.number_field import read_typed
from egov_desk.ui.system_editor.refusals import Refusal

DEPARTMENT_SEPARATORS = ("，", ",", "、", "；", ";")


def plain(label: str) -> str:
    """A label without its access key ("分值(&P)", "&Points" → "分值", "Points"): how messages name the field."""
    return re.sub(r"\(&\w\)", "", label).replace("&", "")


class TextBox(QPlainTextEdit):
    """Several lines of text, finished when the person leaves the box."""

    finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finished.emit()


def departments(text: str) -> list[str]:
    for separator in DEPARTMENT_SEPARATORS:
        text = text.replace(separator, " ")
    return text.split()


def shown_number(value: Any) -> str:
    try:
        return compact(to_points(value))
    except ValueError:
        return "" if value is None else str(value)


class EntryForm(QWidget):
    """Fields of a level or an item; ``field_edited(key, value)`` asks for one edit (value None: remove the key)."""

    field_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.entry: dict[str, Any] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.refusals: dict[QWidget, str] = {}  # each field holding a refused text, with why
        self.code_taken: Callable[[str], bool] = lambda _code: False  # the dialog says which codes other items have

    def line(self, key: str, label: str, *, number: bool = False, optional: bool = True) -> QLineEdit:
        field = QLineEdit(self)
        field.setAccessibleName(plain(label))
        field.editingFinished.connect(lambda: self._line_finished(key, field, label, number, optional))
        self.form.addRow(label, field)
        self.lines[key] = field
        return field

    def _line_finished(self, key: str, field: QLineEdit, label: str, number: bool, optional: bool) -> None:
        text = field.text()
        if not number:
            value: Any = text.strip() if text.strip() or not optional else None
            if key in ("code", "name"):
                value = text.strip()
            if key == "code" and value != str(self.entry.get("code", "")).strip():
                if not value:
                    return self.refuse(
                        field, QCoreApplication.translate("SystemEditor", "%1: an item needs a code; type one.")
                    )
                if self.code_taken(value):
                    reason = QCoreApplication.translate(
                        "SystemEditor", "%1: “%2” is already another item's code; type a code no other item has."
                    )
                    return self.refuse(field, reason.replace("%2", text))
        else:
            typed = read_typed(text)
            if typed is None and optional:
                value = None
            elif typed is None or isinstance(typed, str) or typed < 0:
                reason = QCoreApplication.translate(
                    "SystemEditor", "%1: “%2” is not a number of 0 or more; type a number such as 4 or 0.5."
                )
                return self.refuse(field, reason.replace("%2", text))
            else:
                value = json_number(Decimal(str(typed)))
        field.setStyleSheet("")
        self.refusals.pop(field, None)
        left = self.refusal()
        if left is not None:  # another field still holds a refused text: say its reason, not this one's
            self.problem.setText(left.reason)
        self.problem.setVisible(left is not None)
        empty = value in (None, "") and self.entry.get(key) in (None, "")  # an empty field left empty: no edit
        if self.entry.get(key) != value and not empty:
            self.field_edited.emit(key, value)

    def refuse(self, field: QLineEdit, reason: str) -> None:
        """Keep the typed text, mark the field and say why (``%1`` in the reason: the field's name)."""
        text = reason.replace("%1", field.accessibleName())
        field.setStyleSheet(INVALID_STYLE)
        self.refusals[field] = text
        self.problem.setText(text)
        self.problem.show()

    def refusal(self) -> Refusal | None:
        for field, reason in self.refusals.items():
            return Refusal(field, reason)
        return None

    def discard_refused(self) -> None:
        """Show the entry's own values again in the fields that held a refused text."""
        self.show_entry(self.entry)

    def show_entry(self, entry: dict[str, Any]) -> None:
        self.entry = entry
        self.refusals = {}
        self.problem.hide()
        for key, field in self.lines.items():
            field.setStyleSheet("")
            value = entry.get(key)
            field.setText(shown_number(value) if isinstance(value, int | float) else str(value or ""))


class LevelForm(EntryForm):
    """A level: its name, points, and — for tables that have them — a bonus or deduction section with its cap,
    or a weight and the scale its parts add up to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = self.line("name", QCoreApplication.translate("SystemEditor", "&Name"), optional=False)
        self.points = self.line("points", QCoreApplication.translate("SystemEditor", "&Points"), number=True)
        self.section = QComboBox(self)
        self.section.setAccessibleName(QCoreApplication.translate("SystemEditor", "Section"))
        for text, value in (
            (QCoreApplication.translate("SystemEditor", "Part of the total"), ""),
            (QCoreApplication.translate("SystemEditor", "Bonus (加分项)"), "bonus"),
            (QCoreApplication.translate("SystemEditor", "Deduction"), "deduction"),
        ):
            self.section.addItem(text, value)
        self.section.activated.connect(lambda _i: self._section_chosen())
        self.form.addRow(QCoreApplication.translate("SystemEditor", "&Section"), self.section)
        self.line("cap", QCoreApplication.translate("SystemEditor", "Section at &most"), number=True)
        self.line("weight", QCoreApplication.translate("SystemEditor", "&Weight"), number=True)
        self.line("scale", QCoreApplication.translate("SystemEditor", "Parts add up to (s&cale)"), number=True)
        self.form.addRow(self.problem)

    def _section_chosen(self) -> None:
        value = self.section.currentData() or None
        if value != self.entry.get("section"):
            self.field_edited.emit("section", value)

    def show_entry(self, entry: dict[str, Any]) -> None:
        super().show_entry(entry)
        self.section.setCurrentIndex(max(0, self.section.findData(entry.get("section") or "")))


class ItemForm(EntryForm):
    """An item: code, name, points, the rule as printed, the evidence one requirement a line, the lead and
    cooperating departments, and whether the rule is a veto (一票否决)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = self.line("code", QCoreApplication.translate("SystemEditor", "&Code"), optional=False)
        self.name = self.line("name", QCoreApplication.translate("SystemEditor", "&Name (optional)"))
        self.points = self.line(
            "points", QCoreApplication.translate("SystemEditor", "&Points"), number=True, optional=False
        )
        self.rule_text = self._box("rule", QCoreApplication.translate("SystemEditor", "&Rule as printed"), 110)
        self.evidence = self._box("evidence", QCoreApplication.translate("SystemEditor", "E&vidence, one a line"), 110)
        self.lead = self.line("lead", QCoreApplication.translate("SystemEditor", "&Lead department"))
        self.cooperating = QLineEdit(self)
        self.cooperating.setAccessibleName(QCoreApplication.translate("SystemEditor", "Cooperating departments"))
        self.cooperating.setPlaceholderText(QCoreApplication.translate("SystemEditor", "separated by 、 or commas"))
        self.cooperating.editingFinished.connect(self._cooperating_finished)
        self.form.addRow(QCoreApplication.translate("SystemEditor", "C&ooperating departments"), self.cooperating)
        self.veto = QCheckBox(QCoreApplication.translate("SystemEditor", "One-vote ve&to (一票否决)"), self)
        self.veto.toggled.connect(self._veto_toggled)
        self.form.addRow("", self.veto)
        self.form.addRow(self.problem)

    def _box(self, key: str, label: str, height: int) -> TextBox:
        box = TextBox(self)
        box.setAccessibleName(plain(label))
        box.setTabChangesFocus(True)
        box.setFixedHeight(height)
        box.finished.connect(lambda: self._box_finished(key, box))
        self.form.addRow(label, box)
        return box

    def _box_finished(self, key: str, box: TextBox) -> None:
        text = box.toPlainText()
        if key == "evidence":
            text = "\n".join(line for line in text.splitlines() if line.strip())
        if text != (self.entry.get(key) or ""):
            self.field_edited.emit(key, text)

    def _cooperating_finished(self) -> None:
        names = departments(self.cooperating.text())
        if names != list(self.entry.get("cooperating") or []):
            self.field_edited.emit("cooperating", names)

    def _veto_toggled(self, on: bool) -> None:
        if on == bool(self.entry.get("veto")):
            return
        rule = str(self.entry.get("rule") or "")
        self.field_edited.emit("veto", {"text": rule, "effect": "zero"} if on else None)

    def show_entry(self, entry: dict[str, Any]) -> None:
        super().show_entry(entry)
        self.rule_text.setPlainText(str(entry.get("rule") or ""))
        self.evidence.setPlainText(str(entry.get("evidence") or ""))
        self.cooperating.setText("、".join(entry.get("cooperating") or []))
        self.veto.blockSignals(True)
        self.veto.setChecked(bool(entry.get("veto")))
        self.veto.blockSignals(False)
