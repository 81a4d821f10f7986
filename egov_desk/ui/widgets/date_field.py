"""A date typed as a person writes it — 2020-06-30, 2020/6/30, 2020.6.30, 2020年6月30日, 20200630 — with a calendar
button beside it (Alt+Down opens it from the keyboard). What is typed is read as typed or refused in words that
name the field; it is never turned into another date (a QDateEdit keeps the old year when Ctrl+A and typing replace
only its section). Empty is "no date" where the field allows it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QDialog, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from egov_desk.core.dates import DateNotRead, read_date
from egov_desk.ui.editors.base import INVALID_STYLE


class DateField(QWidget):
    """``field_name`` names the field in refusals ("截止日期"); ``year`` gives the examples and the calendar's
    first month when the field is empty. ``hint`` is a label the caller places (under the field) for the refusal."""

    edited = Signal()

    def __init__(
        self,
        field_name: str,
        year: int,
        value: date | None = None,
        empty_allowed: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field_name, self.year, self.empty_allowed = field_name, year, empty_allowed
        self.line = QLineEdit(value.isoformat() if value else "")
        self.line.setObjectName("dateFieldText")
        example = self.tr("e.g. %1-06-30").replace("%1", str(year))
        self.line.setPlaceholderText(example + (self.tr("; empty: none") if empty_allowed else ""))
        self.line.textEdited.connect(lambda _text: self._edited())
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("dateFieldCalendar")
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick from a calendar (Alt+Down or F4)"))
        self.calendar_button.clicked.connect(self.open_calendar)
        self.line.installEventFilter(self)  # Alt+Down (or F4) opens the calendar, as a combo box's list
        self.calendar: QCalendarWidget | None = None
        self.hint = QLabel(self)  # hidden here until the caller places it
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b91c1c;")
        self.hint.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.calendar_button)
        self.setFocusProxy(self.line)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.line.text()

    def set_date(self, value: date | None) -> None:
        self.line.setText(value.isoformat() if value else "")
        self.check()

    def value(self) -> date | None:
        """The date typed, None when empty; raises :class:`DateNotRead` when the text is no date."""
        return read_date(self.line.text())

    def problem(self) -> str:
        """Why the text is refused, naming the field and how to write it; "" when it is a date (or empty, allowed)."""
        try:
            chosen = self.value()
        except DateNotRead:
            return (
                self.tr("%1: “%2” is not a date. Write it as %3-06-30, %3/6/30 or %3年6月30日.")
                .replace("%1", self.field_name)
                .replace("%2", self.line.text().strip())
                .replace("%3", str(self.year))
            )
        if chosen is None and not self.empty_allowed:
            return (
                self.tr("%1 is empty: write a date, e.g. %2-06-30.")
                .replace("%1", self.field_name)
                .replace("%2", str(self.year))
            )
        return ""

    def check(self) -> bool:
        """Mark the field and say why when it is refused; True when it holds a date (or is empty, allowed)."""
        problem = self.problem()
        self.line.setStyleSheet(INVALID_STYLE if problem else "")
        self.hint.setText(problem)
        was_shown = self.hint.isVisible()
        self.hint.setVisible(bool(problem))
        window = self.window()
        if was_shown != bool(problem) and isinstance(window, QDialog) and window.isVisible():
            window.adjustSize()  # room for the refusal's lines (a wrapped label does not ask for it)
        return not problem

    def _edited(self) -> None:
        self.check()
        self.edited.emit()

    def open_calendar(self) -> None:
        """A calendar under the field; the date picked (Enter or a click) is written into it as YYYY-MM-DD."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("dateFieldPopup")
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        try:
            shown = self.value() or date(self.year, 12, 31)
        except DateNotRead:
            shown = date(self.year, 12, 31)
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.line.setText(date(picked.year(), picked.month(), picked.day()).isoformat())
        self.line.setFocus()
        self._edited()
