"""文件 → 生成回执… in a department's window: what the return holds said first, saved where the person says, a
line telling them to send it to the office; a return with nothing changed is asked about before it is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.packages.department import department_mode, open_package
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.packages.format import RETURN
from egov_desk.core.packages.reading import read_package
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.packages.wiring import RETURN_KEYS


@pytest.fixture
def department(tmp_path: Path) -> Iterator[Workspace]:
    office = create_demo_workspace(tmp_path / "office")
    package = tmp_path / "办公室.egovpkg"
    export_department_package(office, office.default_assessment().id, "办公室", package)
    office.close()
    open_package(package, tmp_path / "dept")
    workspace = Workspace.open(tmp_path / "dept", create=False)
    yield workspace
    workspace.close()


@pytest.fixture
def window(qtbot, department: Workspace, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    main_window = MainWindow(department)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.runner.synchronous = True
    main_window.packages.returning.choose_path = lambda suggested: tmp_path / "out" / suggested.name
    (tmp_path / "out").mkdir()
    return main_window


def answer(box: QMessageBox | None, button: QMessageBox.StandardButton) -> None:
    assert box is not None
    assert box.isVisible()
    box.button(button).click()


def test_a_return_says_what_it_holds_then_is_saved_and_sent_to_the_office(
    window: MainWindow, department: Workspace, tmp_path: Path
) -> None:
    mode = department_mode(department)
    assert mode is not None
    code = sorted(mode.codes)[0]
    window.edit_note(code, "本科室已补充材料")
    action = window.packages.return_action
    assert action.shortcut().toString() == RETURN_KEYS
    assert action.isEnabled()
    action.trigger()
    step = window.packages.returning
    question = step.question
    assert question is not None
    assert code in question.text()
    assert "1" in question.text()
    answer(question, QMessageBox.StandardButton.Save)
    written = step.written
    assert written is not None
    assert written.path.parent == tmp_path / "out"
    assert written.path.name.endswith("-办公室-第1个-回执.egovpkg")
    assert (written.items, written.changes) == (1, 1)
    assert read_package(written.path).manifest.kind == RETURN
    said = step.said
    assert said is not None
    assert str(written.path) in said.text()
    assert said.isVisible()


def test_the_banner_button_makes_the_return_too(window: MainWindow) -> None:
    desk = window.packages.department
    assert desk is not None
    desk.banner.make_return.click()
    assert window.packages.returning.question is not None


def test_a_return_with_no_changes_is_asked_about_and_cancelling_writes_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    window.packages.return_action.trigger()
    step = window.packages.returning
    answer(step.question, QMessageBox.StandardButton.Cancel)
    assert step.written is None
    assert not list((tmp_path / "out").iterdir())

    window.packages.return_action.trigger()
    answer(step.question, QMessageBox.StandardButton.Yes)
    assert step.written is not None
    assert (step.written.items, step.written.changes) == (0, 0)
    assert step.written.path.exists()
