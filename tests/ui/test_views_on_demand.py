"""Views not on screen are built when first opened: the 科室 tab's rows when the tab is first shown (an edit before
that has nothing to repaint there, and the rows then show it), built again on showing after another assessment was
shown; the 修改记录 dock open at the last close is open again at the next start; switching assessments leaves one
handler of the tree's selection, not one more per switch."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL

from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from tests.ui.helpers import shown_window

DEPARTMENTS_TAB = 1


def department_row(window: MainWindow, name: str) -> tuple[str, str]:
    """(scored, evidence in) of a department as the 科室 tab shows them."""
    model = window.department_view.model_
    row = next(r for r in range(model.rowCount()) if model.item(r).text() == name)
    return model.item(row, 2).text(), model.item(row, 3).text()


def test_the_departments_rows_are_built_when_the_tab_is_first_shown(window: MainWindow, workspace: Workspace) -> None:
    assert window.department_view.model_.rowCount() == 0
    window.apply(workspace.set_input(window.assessment.id, "027", {"numerator": 1, "denominator": 2}).changes)
    assert window.department_view.model_.rowCount() == 0  # nothing built to repaint
    window.show_tab(DEPARTMENTS_TAB)
    assert department_row(window, "师资科")[0] == "1/4"


def test_an_edit_repaints_the_departments_once_built(window: MainWindow, workspace: Workspace) -> None:
    window.show_tab(DEPARTMENTS_TAB)
    assert department_row(window, "师资科")[0] == "0/4"
    window.apply(workspace.set_input(window.assessment.id, "027", {"numerator": 1, "denominator": 2}).changes)
    assert department_row(window, "师资科")[0] == "1/4"


def test_another_assessment_shown_while_the_tab_is_hidden_is_shown_there_when_it_opens(
    window: MainWindow, workspace: Workspace
) -> None:
    window.show_tab(DEPARTMENTS_TAB)
    first = window.assessment
    second = workspace.create_assessment(first.system_id, "第二单位", first.year).assessment_id
    workspace.set_input(second, "027", {"numerator": 1, "denominator": 2})
    window.show_tab(0)
    window.refresh_assessments()
    window.open_assessment(workspace.assessment(second))
    assert department_row(window, "师资科")[0] == "0/4"  # still the first assessment's: hidden, not rebuilt
    window.show_tab(DEPARTMENTS_TAB)
    assert department_row(window, "师资科")[0] == "1/4"


def test_the_window_offers_the_departments_view_with_its_rows(window: MainWindow) -> None:
    assert window.departments.codes_of("师资科") == ["023", "027", "028", "029"]


def test_the_history_dock_open_at_the_last_close_is_open_at_the_next_start(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    window.history.toggle.setChecked(True)
    qtbot.waitUntil(lambda: window.history.visible)
    window.close()
    again = shown_window(qtbot, workspace)
    qtbot.waitUntil(lambda: again.history.visible)
    assert again.history.toggle.isChecked()
    assert again.history.panel is not None
    again.history.toggle.setChecked(False)
    again.close()
    third = shown_window(qtbot, workspace)
    assert third.history.dock is None  # closed at the last close: built only when asked for


def test_switching_assessments_keeps_one_handler_of_the_selection(window: MainWindow, workspace: Workspace) -> None:
    first = window.assessment
    second = workspace.create_assessment(first.system_id, "第二单位", first.year).assessment_id
    selection = window.tree.selectionModel()
    current_changed = SIGNAL("currentChanged(QModelIndex,QModelIndex)")
    handlers = selection.receivers(current_changed)
    for shown in (second, first.id, second, first.id):
        window.open_assessment(workspace.assessment(shown))
    assert window.tree.selectionModel() is selection
    assert selection.receivers(current_changed) == handlers
