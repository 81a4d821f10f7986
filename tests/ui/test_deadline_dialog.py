"""设置截止日期… in the 待办 tab by keyboard alone: what the deadline is for is chosen in the dialog (the item, its
lead department or another one, the whole assessment), and the date typed is saved as typed or refused in words
naming the field — Ctrl+A then 2020-06-30 is 2020-06-30, never 2019-06-30."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from egov_desk.core.deadlines import deadlines
from egov_desk.core.worklist import UNSCORED
from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.deadline import DeadlineDialog, Target
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.panels.worklist_view import WorklistView


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    return demo_window


def worklist(window: MainWindow, qtbot) -> WorklistView:  # type: ignore[no-untyped-def]
    view = window.worklist
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: not view.reading and view.work is not None, timeout=10000)
    return view


def opened(view: WorklistView, qtbot, code: str | None) -> DeadlineDialog:  # type: ignore[no-untyped-def]
    if code is not None:
        view.tree.setCurrentIndex(view.model.index_of(UNSCORED, code))
    else:
        view.tree.setCurrentIndex(view.model.index(0, 0))  # a group heading: no item
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # 设置截止日期(&D)…
    qtbot.waitUntil(lambda: isinstance(view.last_dialog, DeadlineDialog) and view.last_dialog.isVisible())
    dialog = view.last_dialog
    assert isinstance(dialog, DeadlineDialog)
    return dialog


def type_date(qtbot, dialog: DeadlineDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    field = dialog.date.line
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # 年月日 come from the input method, not from key presses
        field.insert(text)


def test_ctrl_a_and_a_typed_date_is_saved_as_typed(window: MainWindow, demo: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = worklist(window, qtbot)
    dialog = opened(view, qtbot, "018")
    assert dialog.windowTitle() == dialog.tr("Set deadline")
    assert dialog.target.code == "018"
    type_date(qtbot, dialog, "2020-06-30")
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    assert deadlines(demo, window.assessment.id).items == {"018": date(2020, 6, 30)}


@pytest.mark.parametrize("typed", ["2020/6/30", "2020年6月30日"])
def test_the_ways_people_write_a_date(window: MainWindow, demo: Workspace, qtbot, typed: str) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(worklist(window, qtbot), qtbot, "018")
    type_date(qtbot, dialog, typed)
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    assert deadlines(demo, window.assessment.id).items == {"018": date(2020, 6, 30)}


def test_what_is_no_date_is_refused_naming_the_field(window: MainWindow, demo: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(worklist(window, qtbot), qtbot, "018")
    type_date(qtbot, dialog, "2020-06-31")
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.date.hint.isVisible()
    assert dialog.tr("Due by") in dialog.date.hint.text()
    assert "2020-06-31" in dialog.date.hint.text()
    assert deadlines(demo, window.assessment.id).items == {}
    dialog.reject()


def test_the_items_lead_department_chosen_in_the_dialog(window: MainWindow, demo: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(worklist(window, qtbot), qtbot, "018")
    lead = demo.system(window.assessment.system_id).item("018").lead
    dialog.what.setFocus()
    qtbot.keyClick(dialog.what, Qt.Key.Key_Down)  # the item first, its lead department next
    assert dialog.target.department == lead
    type_date(qtbot, dialog, "2019-09-30")
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    shown = deadlines(demo, window.assessment.id)
    assert shown.departments == {lead: date(2019, 9, 30)}
    assert shown.items == {}
    window.undo_stack.undo()
    assert deadlines(demo, window.assessment.id).departments == {}


def test_no_item_selected_the_whole_assessment_an_empty_field_no_deadline(  # type: ignore[no-untyped-def]
    window: MainWindow, demo: Workspace, qtbot
) -> None:
    dialog = opened(worklist(window, qtbot), qtbot, None)
    assert dialog.target.code is None
    assert dialog.target.department is None
    type_date(qtbot, dialog, "2019-11-30")
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    assert deadlines(demo, window.assessment.id).assessment == date(2019, 11, 30)
    window.worklist.set_deadline()  # again: the date set is shown
    dialog = window.worklist.last_dialog
    assert isinstance(dialog, DeadlineDialog)
    assert dialog.date.text() == "2019-11-30"
    type_date(qtbot, dialog, "")
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Return)
    assert deadlines(demo, window.assessment.id).assessment is None


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")  # offscreen: a popup grabs the keyboard
def test_the_calendar_opens_from_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DeadlineDialog([Target("整个考评")], 0, 2019)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.line.setFocus()
    qtbot.keyClick(dialog.date.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = dialog.date.calendar
    assert calendar is not None
    qtbot.waitUntil(calendar.isVisible)
    days = calendar.findChild(QTableView)  # the calendar's grid of days takes the keys
    assert days is not None
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert dialog.date.text() == "2020-01-01"  # the day after 12-31, shown first
