"""The change selected in the review, its two values side by side: the department's and the office's, each with
who changed it and when, why they conflict, and the two choices (采用科室的 Alt+D / 保留本处的 Alt+O)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from egov_desk.ui.return_review.words import (
    CONFLICT,
    COOPERATING,
    DEPARTMENT,
    OFFICE,
    SAME,
    Said,
    conflict_reason,
    person,
    what,
    when,
)

VALUE_HEIGHT = 64  # about three lines: a note longer than that scrolls


def _value_box(parent: QWidget) -> tuple[QGroupBox, QPlainTextEdit, QLabel]:
    box = QGroupBox(parent)
    value = QPlainTextEdit(box)
    value.setReadOnly(True)
    value.setFixedHeight(VALUE_HEIGHT)
    who = QLabel(box)
    who.setWordWrap(True)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 4)
    layout.addWidget(value)
    layout.addWidget(who)
    return box, value, who


class SideBySide(QWidget):
    """Shows one change (``show_change``); ``chosen`` carries the person's choice for a conflict."""

    chosen = Signal(str)  # DEPARTMENT or OFFICE

    def __init__(self, department: str, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.department, self.chinese = department, chinese
        self.change: Any = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b91c1c;")
        self.department_box, self.department_value, self.department_who = _value_box(self)
        self.office_box, self.office_value, self.office_who = _value_box(self)
        self.department_box.setTitle(self.tr("The department's (%1)").replace("%1", department))
        self.office_box.setTitle(self.tr("The office's, now"))
        self.take_department = QPushButton(self.tr("Take the &department's"), self)
        self.keep_office = QPushButton(self.tr("Keep the &office's"), self)
        self.choices = QButtonGroup(self)
        for button, choice in ((self.take_department, DEPARTMENT), (self.keep_office, OFFICE)):
            button.setCheckable(True)
            button.setAutoDefault(False)  # Enter in the table chooses nothing
            self.choices.addButton(button)
            button.clicked.connect(lambda _checked=False, c=choice: self.chosen.emit(c))
        values = QHBoxLayout()
        values.addWidget(self.department_box, 1)
        values.addWidget(self.office_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_department)
        buttons.addWidget(self.keep_office)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addLayout(values)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_change(None, None)

    def show_change(self, change: Any, choice: str | None, said: Said | None = None) -> None:
        """``change`` (a ReturnChange, or None: nothing selected), the choice made for it so far, and its words
        (else its own)."""
        self.change = change
        conflict = change is not None and change.state == CONFLICT
        for button in (self.take_department, self.keep_office):
            button.setEnabled(conflict)
        self.choices.setExclusive(False)  # unchecking both needs a non-exclusive group for a moment
        self.take_department.setChecked(conflict and choice == DEPARTMENT)
        self.keep_office.setChecked(conflict and choice == OFFICE)
        self.choices.setExclusive(True)
        if change is None:
            self.heading.setText(self.tr("Choose a change above to see its two values side by side."))
            self.reason.clear()
            for widget in (self.department_value, self.office_value):
                widget.clear()
            self.department_who.clear()
            self.office_who.clear()
            return
        said = said or change.said(self.chinese)
        _, department_value, office_value = said
        heading = f"{change.code} {change.item_title}"
        self.heading.setText(f"<b>{html.escape(heading)}</b> · {html.escape(what(change, said))}")
        self.department_value.setPlainText(department_value)
        self.office_value.setPlainText(office_value)
        self.department_who.setText(
            self.tr("Changed by %1 on %2").replace("%1", person(change.by, self.chinese)).replace("%2", when(change.at))
        )
        self.office_who.setText(self._office_who(change))
        if conflict:
            self.reason.setText(conflict_reason(change, self.department))
        elif change.state == SAME:
            self.reason.setText(self.tr("The office holds this already: nothing to apply."))
        else:
            self.reason.setText(self.tr("No conflict: applied unless you untick it (Space)."))
        self.reason.setStyleSheet("color: #b91c1c;" if conflict else "color: palette(text);")

    def _office_who(self, change: Any) -> str:
        if change.state == SAME:
            return ""
        if change.conflict == COOPERATING:
            return self.tr("%1 leads this item").replace("%1", change.office_by or "")
        if change.office_by and change.office_at:
            return self.tr("Changed by %1 on %2").replace("%1", change.office_by).replace("%2", when(change.office_at))
        if change.office_by:
            return self.tr("Changed by %1").replace("%1", change.office_by)
        return self.tr("Unchanged since the package was made")
