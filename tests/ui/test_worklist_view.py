"""The 待办 tab of the real window: its counts are the tree's, Enter on a line goes to the item, a department
filter, deadlines set from it (undoable), print preview and an .xlsx export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from egov_desk.core.deadlines import deadlines
from egov_desk.core.worklist import MISSING_EVIDENCE, OVERDUE, UNCHECKED, UNSCORED
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.worklist_model import ItemCodeRole
from egov_desk.ui.panels.worklist_view import WorklistView


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    return demo_window


def open_worklist(window: MainWindow, qtbot) -> WorklistView:  # type: ignore[no-untyped-def]
    view = window.worklist
    window.tabs.setCurrentWidget(view)
    assert view.built
    read(view, qtbot)
    return view


def read(view: WorklistView, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the worklist read off the UI thread to be shown."""
    qtbot.waitUntil(lambda: not view.reading and view.work is not None, timeout=10000)


def line_of(view: WorklistView, kind: str, code: str):  # type: ignore[no-untyped-def]
    index = view.model.index_of(kind, code)
    assert index.isValid(), f"{code} is not listed under {kind}"
    return index


def test_it_is_built_only_when_first_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not window.worklist.built
    open_worklist(window, qtbot)


def test_its_counts_are_what_the_tree_shows(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    counts = open_worklist(window, qtbot).model.counts()
    tree = window.evidence_counts.values()
    assert counts[UNSCORED] == len(window.model.sheet.unscored)
    assert counts[MISSING_EVIDENCE] == sum(needed - collected for collected, _checked, needed in tree)
    assert counts[UNCHECKED] == sum(collected - checked for collected, checked, _needed in tree)


def test_enter_on_a_line_selects_that_item_in_the_tree(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_worklist(window, qtbot)
    code = view.model.groups[0].entries[-1].code
    view.tree.setFocus()
    view.tree.setCurrentIndex(line_of(view, view.model.groups[0].kind, code))
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.tree
    item = window.current_item()
    assert item is not None
    assert item.code == code


def test_a_department_sees_only_the_items_it_leads_or_cooperates_on(  # type: ignore[no-untyped-def]
    window: MainWindow, demo: Workspace, qtbot
) -> None:
    view = open_worklist(window, qtbot)
    everything = view.model.counts()[UNSCORED]
    view.department.setCurrentIndex(view.department.findData("计财科"))
    read(view, qtbot)
    items = demo.items_by_department(window.assessment.system_id, "计财科")
    codes = {item.code for item in (*items.lead, *items.cooperating)}
    shown = {entry.code for group in view.model.groups for entry in group.entries}
    assert shown
    assert shown <= codes
    assert view.model.counts()[UNSCORED] < everything


def test_a_score_entered_takes_the_item_off_the_list_at_once(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_worklist(window, qtbot)
    before = view.model.counts()[UNSCORED]
    window.edit_input("018", {"score": 1})
    qtbot.waitUntil(lambda: view.model.counts()[UNSCORED] == before - 1)
    assert not view.model.index_of(UNSCORED, "018").isValid()


def test_a_deadline_set_for_the_selected_item_lists_it_overdue_and_undo_takes_it_back(  # type: ignore[no-untyped-def]
    window: MainWindow, demo: Workspace, qtbot
) -> None:
    view = open_worklist(window, qtbot)
    view.tree.setCurrentIndex(line_of(view, UNSCORED, "018"))
    view.set_deadline()
    dialog = view.last_dialog
    assert dialog.target.code == "018"
    dialog.date.set_date(date(2019, 10, 15))
    dialog.accept()
    assert deadlines(demo, window.assessment.id).items == {"018": date(2019, 10, 15)}
    qtbot.waitUntil(lambda: view.model.index_of(OVERDUE, "018").isValid())
    assert view.model.index_of(OVERDUE, "018").siblingAtColumn(3).data() == "2019-10-15"
    window.undo_stack.undo()
    assert deadlines(demo, window.assessment.id).items == {}
    qtbot.waitUntil(lambda: not view.model.index_of(OVERDUE, "018").isValid())


def test_the_worklist_exported_is_a_workbook_of_its_lines(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = open_worklist(window, qtbot)
    view.export(tmp_path / "待办.xlsx")
    qtbot.waitUntil(lambda: view.last_export is not None, timeout=10000)
    sheet = load_workbook(tmp_path / "待办.xlsx")["待办清单"]
    lines = sum(len(group.entries) for group in view.model.groups)
    assert sheet.max_row - 1 == lines
    shown = {
        view.model.index(row, 0, view.model.index(group, 0)).data(ItemCodeRole)
        for group in range(view.model.rowCount())
        for row in range(view.model.rowCount(view.model.index(group, 0)))
    }
    assert {row[2].value for row in sheet.iter_rows(min_row=2)} == shown


def test_the_print_preview_lays_out_pages(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from egov_desk.ui.html_preview import paint_html

    view = open_worklist(window, qtbot)
    dialog = view.print_preview()
    assert dialog is not None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "待办.pdf"))
    printer.setPageLayout(dialog.printer().pageLayout())
    assert paint_html(dialog.page_html, printer) >= 1
    assert "待办清单" in dialog.page_html
    dialog.close()


def test_a_filler_first_sees_their_own_departments_work(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.core.person import Person

    window.workspace.set_person(Person("张三", "filler", "计财科"))
    view = open_worklist(window, qtbot)
    assert view.chosen_department() == "计财科"
    view.department.setCurrentIndex(0)  # the person may still look at the whole unit
    read(view, qtbot)
    assert view.chosen_department() is None
