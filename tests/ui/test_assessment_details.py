"""The unit is asked on first start, used in the window at once, changed later, and undoable."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.assessment_details import AssessmentDetailsDialog
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.shell import Shell


def open_dialog(window: MainWindow, qtbot) -> AssessmentDetailsDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.details_dialog is not None and window.details_dialog.isVisible())
    dialog = window.details_dialog
    assert isinstance(dialog, AssessmentDetailsDialog)
    return dialog


def test_the_first_start_asks_for_the_unit_and_shows_it(shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = shell.window
    assert window is not None
    dialog = open_dialog(window, qtbot)
    assert dialog.windowTitle() == "单位信息"
    assert QApplication.focusWidget() in (dialog.unit, None)  # offscreen focus can be None
    dialog.unit.setText("市教育局")
    dialog.filled_by.setText("王五")
    dialog.accept()
    assert window.workspace.unit_given()
    assert window.assessment.unit == "市教育局"
    assert window.windowTitle().startswith("市教育局 2019 自评")
    assert "王五" in window.gauge.subtitle
    assert window.assessment_combo.currentText() == "2019 市教育局 自评"


def test_an_empty_unit_is_refused_in_the_dialog(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.edit_details(first_start=True)
    dialog = open_dialog(window, qtbot)
    dialog.unit.setText("   ")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text() == "请输入单位名称。"
    assert not window.workspace.unit_given()


def test_a_workspace_whose_unit_is_given_does_not_ask_again(qtbot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    workspace = Workspace.open(tmp_path / "ws", unit="市教育局")
    shell = Shell(qapp, workspace)
    window = shell.show()
    qapp.processEvents()
    assert window.details_dialog is None
    window.close()
    workspace.close()


def test_the_details_change_later_and_undo_puts_them_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.menu_actions.details_action.trigger()
    dialog = open_dialog(window, qtbot)
    assert dialog.windowTitle() == "考评信息"
    dialog.unit.setText("市教育局")
    dialog.year.setText("2020")
    dialog.title.setText("年终自评")
    dialog.export_day.setChecked(False)
    dialog.date.setDate(date(2020, 12, 25))
    dialog.accept()
    info = window.workspace.assessment(window.assessment.id)
    assert (info.unit, info.year, info.title, info.report_date) == ("市教育局", 2020, "年终自评", date(2020, 12, 25))
    assert window.windowTitle().startswith("市教育局 2020 年终自评")
    window.menu_actions.undo_action.trigger()
    info = window.workspace.assessment(window.assessment.id)
    assert (info.unit, info.year, info.title, info.report_date) == ("本单位", 2019, "自评", None)
    assert window.windowTitle().startswith("本单位 2019 自评")


def test_a_typed_year_that_is_no_year_is_refused_naming_the_field(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.edit_details()
    dialog = open_dialog(window, qtbot)
    dialog.unit.setText("市教育局")
    dialog.year.setText("20201")
    dialog.accept()
    assert dialog.isVisible()
    assert "年度" in dialog.problem.text()
    assert window.workspace.assessment(window.assessment.id).year == 2019


def test_the_first_start_offers_the_units_server_instead(shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton
    from shiboken6 import isValid

    from egov_desk.ui.server import opening

    window = shell.window
    assert window is not None
    dialog = open_dialog(window, qtbot)
    asked: list[str] = []

    def answer_the_connect_dialog() -> None:
        shown = opening.shown_dialogs[-1] if opening.shown_dialogs else None
        if shown is None or not shown.isVisible():
            QTimer.singleShot(20, answer_the_connect_dialog)
            return
        asked.append(shown.windowTitle())
        shown.reject()  # the person decides against it after all

    QTimer.singleShot(20, answer_the_connect_dialog)
    button = dialog.findChild(QPushButton, "useServer")
    assert button is not None
    assert "服务器" in button.text()
    button.click()

    assert asked == ["连接服务器"]
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert not window.workspace.unit_given()  # nothing was written for the folder; it asks again next time
