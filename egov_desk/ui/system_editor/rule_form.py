"""An item's rule as a form: the rule type chosen from the registry, then the fields that type takes — numbers,
texts, tables of options, conditions, bands or tiers, and for a sum of parts one such form per part.

The form holds the rule's definition (the ``scoring`` JSON) and emits ``edited`` with the whole definition when
the person has changed a field and what is typed can be read; a number that cannot be read is marked red at its
field with the reason and nothing is emitted (the typed text stays as typed).
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.rules import REGISTRY, RuleError, parse_rule
from egov_desk.core.system_draft import starter_rule
from egov_desk.ui.editors.base import INVALID_STYLE
from egov_desk.ui.system_editor.refusals import Refusal
from egov_desk.ui.system_editor.rule_fields import FLAG, OPTIONAL, Definition, plain_fields, read, shown, table_fields


class RuleForm(QWidget):
    """The rule type and its fields; ``edited`` carries the whole definition after each readable change."""

    edited = Signal(object)

    def __init__(self, definition: Definition, points: Decimal, parent: QWidget | None = None, *, part: bool = False):
        super().__init__(parent)
        self.definition: Definition = copy.deepcopy(definition) or {"type": "manual"}
        self.points = points
        self.part = part
        self.fields: dict[str, QWidget] = {}
        self.tables: dict[str, QTableWidget] = {}
        self.part_forms: list[RuleForm] = []
        self.refusals: dict[QWidget, str] = {}  # each field holding a refused text, with why
        self.problem = QLabel()
        self.problem.setObjectName("ruleProblem")
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.type_combo = QComboBox()
        for key, kind in REGISTRY.items():
            self.type_combo.addItem(kind.name, key)
        self.type_combo.setAccessibleName(QCoreApplication.translate("RuleForm", "Rule type"))
        self.type_combo.activated.connect(self._type_chosen)
        self.label_field = QLineEdit()
        self.label_field.setAccessibleName(QCoreApplication.translate("RuleForm", "Name of the part"))
        self.label_field.editingFinished.connect(self._label_typed)
        top = QFormLayout()
        top.addRow(QCoreApplication.translate("RuleForm", "Rule type"), self.type_combo)
        if part:
            top.addRow(QCoreApplication.translate("RuleForm", "Name of the part"), self.label_field)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addWidget(self.problem)
        self._build()

    # --- building the fields of the chosen type -----------------------------------------------------

    def _build(self) -> None:
        for child in self.body.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            child.hide()  # deleted by Qt once back in the event loop: a button may be the one being clicked
            child.deleteLater()
        self.fields, self.tables, self.part_forms, self.refusals = {}, {}, [], {}
        kind = str(self.definition.get("type", "manual"))
        self.type_combo.setCurrentIndex(self.type_combo.findData(kind))
        self.label_field.setText(str(self.definition.get("label", "")))
        form_box = QWidget(self.body)
        form = QFormLayout(form_box)
        form.setContentsMargins(0, 0, 0, 0)
        for key, value_kind, label in plain_fields(kind):
            form.addRow(label, self._field(key, value_kind, label))
        self.body_layout.addWidget(form_box)
        for key, title, columns in table_fields(kind):
            self.body_layout.addWidget(self._table(key, title, columns))
        if kind == "sum":
            self._parts()

    def _field(self, key: str, kind: str, label: str) -> QWidget:
        if kind == FLAG:
            box = QCheckBox()
            box.setAccessibleName(label)
            box.setChecked(bool(self.definition.get(key)))
            box.toggled.connect(lambda on, k=key: self._set(k, True if on else None))
            self.fields[key] = box
            return box
        field = QLineEdit(shown(self.definition.get(key)))
        field.setAccessibleName(label)
        field.editingFinished.connect(lambda k=key, f=field, v=kind, n=label: self._typed(k, f, v, n))
        self.fields[key] = field
        return field

    def _table(self, key: str, title: str, columns: list[tuple[str, str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        table = QTableWidget(0, len(columns), box)
        table.setAccessibleName(title)
        table.setHorizontalHeaderLabels([header for _key, _kind, header in columns])
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(110)
        for row, entry in enumerate(self.definition.get(key) or []):
            table.insertRow(row)
            for column, (field, _kind, _header) in enumerate(columns):
                value = entry if not field else entry.get(field) if isinstance(entry, dict) else None
                table.setItem(row, column, QTableWidgetItem(shown(value)))
        table.cellChanged.connect(lambda _row, _column: self._table_edited(key, table, columns))
        add, remove = (
            QPushButton(QCoreApplication.translate("RuleForm", "Add a row"), box),
            QPushButton(QCoreApplication.translate("RuleForm", "Remove the row"), box),
        )
        add.clicked.connect(lambda: self._add_row(table, columns))
        remove.clicked.connect(lambda: self._remove_row(key, table, columns))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        layout.addLayout(buttons)
        self.tables[key] = table
        return box

    def _parts(self) -> None:
        parts = self.definition.setdefault("parts", [])
        for number, part in enumerate(parts):
            box = QGroupBox(QCoreApplication.translate("RuleForm", "Part %1").replace("%1", str(number + 1)), self.body)
            inner = QVBoxLayout(box)
            form = RuleForm(part, _highest(part, self.points), box, part=True)
            form.edited.connect(lambda definition, n=number: self._part_edited(n, definition))
            inner.addWidget(form)
            remove = QPushButton(QCoreApplication.translate("RuleForm", "Remove this part"), box)
            remove.clicked.connect(lambda _checked=False, n=number: self._remove_part(n))
            inner.addWidget(remove)
            self.part_forms.append(form)
            self.body_layout.addWidget(box)
        self.add_part_button = QPushButton(QCoreApplication.translate("RuleForm", "Add a part"), self.body)
        self.add_part_button.clicked.connect(self.add_part)
        self.body_layout.addWidget(self.add_part_button)

    # --- what the person does ------------------------------------------------------------------------

    def _emit(self) -> None:
        self.problem.hide()
        self.edited.emit(copy.deepcopy(self.definition))

    def _refuse(self, widget: QWidget, text: str) -> None:
        widget.setStyleSheet(INVALID_STYLE)
        self.refusals[widget] = text
        self.problem.setText(text)
        self.problem.show()

    def _accepted(self, widget: QWidget) -> None:
        widget.setStyleSheet("")
        self.refusals.pop(widget, None)

    def refusal(self) -> Refusal | None:
        """The first field (here or in a part) that holds a refused text, with why."""
        for widget, reason in self.refusals.items():
            return Refusal(widget, reason)
        for part in self.part_forms:
            found = part.refusal()
            if found is not None:
                return found
        return None

    def _type_chosen(self, _index: int) -> None:
        kind = self.type_combo.currentData()
        if kind == self.definition.get("type"):
            return
        self.definition = starter_rule(kind, self.points, str(self.definition.get("label", "")))
        self._build()
        self._emit()

    def choose_type(self, kind: str) -> None:
        """Choose a rule type as the person would in the list."""
        self.type_combo.setCurrentIndex(self.type_combo.findData(kind))
        self._type_chosen(self.type_combo.currentIndex())

    def _label_typed(self) -> None:
        self._set("label", self.label_field.text().strip() or None)

    def _set(self, key: str, value: Any) -> None:
        if value is None:
            if key not in self.definition:
                return
            self.definition.pop(key)
        elif self.definition.get(key) == value:
            return
        else:
            self.definition[key] = value
        self._emit()

    def _typed(self, key: str, field: QLineEdit, kind: str, label: str) -> None:
        readable, value = read(kind, field.text())
        if not readable:
            text = QCoreApplication.translate(
                "RuleForm", "%1: “%2” is not a number of 0 or more; type a number such as 2 or 0.5."
            )
            self._refuse(field, text.replace("%1", label).replace("%2", field.text()))
            return
        self._accepted(field)
        self._set(key, value)

    def set_field(self, key: str, text: str) -> None:
        """Type ``text`` into a field and finish it (tests)."""
        field = self.fields[key]
        assert isinstance(field, QLineEdit)
        field.setText(text)
        field.editingFinished.emit()

    def _rows(self, table: QTableWidget, columns: list[tuple[str, str, str]]) -> tuple[list[Any], str]:
        """The rows as the definition holds them, and the first cell that cannot be read (its text) or ""."""
        rows: list[Any] = []
        unreadable = ""
        for row in range(table.rowCount()):
            entry: dict[str, Any] = {}
            for column, (field, kind, header) in enumerate(columns):
                cell = table.item(row, column)
                text = cell.text() if cell is not None else ""
                readable, value = read(kind, text)
                if cell is not None:
                    cell.setBackground(QBrush() if readable else QBrush(QColor("#fef2f2")))
                if not readable and not unreadable:
                    where = QCoreApplication.translate("RuleForm", "%1, row %2, %3: “%4”")
                    unreadable = (
                        where.replace("%1", table.accessibleName())
                        .replace("%2", str(row + 1))
                        .replace("%3", header)
                        .replace("%4", text)
                    )
                if value is not None or kind != OPTIONAL:  # an optional cell left empty is left out
                    entry[field] = value
            rows.append(entry.get("", entry))
        return rows, unreadable

    def _table_edited(self, key: str, table: QTableWidget, columns: list[tuple[str, str, str]]) -> None:
        table.blockSignals(True)
        try:
            rows, unreadable = self._rows(table, columns)
        finally:
            table.blockSignals(False)
        if unreadable:
            reason = QCoreApplication.translate(
                "RuleForm", "%1 is not a number of 0 or more; type a number such as 2 or 0.5."
            )
            self._refuse(table, reason.replace("%1", unreadable))
            return
        self._accepted(table)
        self._set(key, rows or None)

    def _add_row(self, table: QTableWidget, columns: list[tuple[str, str, str]]) -> None:
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        for column in range(len(columns)):
            table.setItem(row, column, QTableWidgetItem(""))
        table.blockSignals(False)
        table.setCurrentCell(row, 0)
        first = table.item(row, 0)
        if first is not None:
            table.editItem(first)

    def _remove_row(self, key: str, table: QTableWidget, columns: list[tuple[str, str, str]]) -> None:
        row = table.currentRow() if table.currentRow() >= 0 else table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)
            self._table_edited(key, table, columns)

    def fill_table(self, key: str, rows: list[list[str]]) -> None:
        """Type these rows into a table, replacing what it holds (tests)."""
        table = self.tables[key]
        table.blockSignals(True)
        table.setRowCount(0)
        for number, texts in enumerate(rows):
            table.insertRow(number)
            for column, text in enumerate(texts):
                table.setItem(number, column, QTableWidgetItem(text))
        table.blockSignals(False)
        table.cellChanged.emit(0, 0)

    def _part_edited(self, number: int, definition: Definition) -> None:
        self.definition["parts"][number] = definition
        self._emit()

    def add_part(self) -> None:
        self.definition.setdefault("parts", []).append(starter_rule("manual", self.points))
        self._build()
        self._emit()

    def _remove_part(self, number: int) -> None:
        if len(self.definition.get("parts", [])) > 1:  # a sum keeps at least one part
            del self.definition["parts"][number]
            self._build()
            self._emit()


def _highest(definition: Definition, points: Decimal) -> Decimal:
    """What a part gives at most, for its own starters; the item's points while the part cannot be read."""
    try:
        return parse_rule(definition, "part", points).max_points
    except (RuleError, TypeError, ValueError):
        return points
