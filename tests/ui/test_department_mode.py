"""A department opens its work package in the real window (文件 → 打开工作包…, or a double-click) and fills it in
under 科室填报: the package shown first, the workspace made once (the same package opens it again), refusals in
one line naming the file; then the banner, only its items editable, the office's actions not offered."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleOptionViewItem

from egov_desk.core.deadlines import set_deadline
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.packages.department import department_mode
from egov_desk.core.packages.format import MANIFEST
from egov_desk.core.packages.reading import read_package
from egov_desk.core.packages.returning import make_return
from egov_desk.core.person import Person
from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.person import remember_person
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.packages.open_package import PackageOpening, default_place, open_at_start
from egov_desk.ui.packages.open_summary import OpenSummary
from egov_desk.ui.packages.wiring import OPEN_KEYS
from egov_desk.ui.review_menu import FINALIZE
from egov_desk.ui.shell import Shell


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_demo_workspace(tmp_path / "office")
    set_deadline(workspace, workspace.default_assessment().id, date(2019, 12, 20))
    yield workspace
    workspace.close()


def window_over(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.runner.synchronous = True
    return window


@pytest.fixture
def shell(office_shell: Shell) -> Shell:
    return office_shell


def default_place_name(package: Path) -> str:
    return default_place(read_package(package)).name


def opening_of(shell: Shell) -> PackageOpening:
    assert shell.window is not None
    opening = shell.window.packages.opening
    opening.runner.synchronous = True
    return opening


def test_the_package_is_shown_then_its_workspace_made_and_opened(shell: Shell, package: Path, documents: Path) -> None:
    window = shell.window
    assert window is not None
    assert window.packages.open_action.shortcut().toString() == OPEN_KEYS
    opening = opening_of(shell)
    opening.open(package)
    summary = opening.summary
    assert summary is not None
    assert summary.isVisible()
    facts = summary.facts
    assert (facts["department"], facts["number"], facts["deadline"]) == ("办公室", "1", "2019-12-20")
    assert facts["year"] == str(window.assessment.year)
    assert summary.place() == documents / default_place_name(package)
    summary.name.setText("李四")  # the clerk's name, asked before the workspace is made
    summary.accept()
    made = summary.place()
    assert shell.window is not window  # the department's workspace is open now
    assert shell.workspace.folder == made
    mode = department_mode(shell.workspace)
    assert mode is not None
    assert mode.department == "办公室"
    assert shell.window.packages.department is not None


def test_the_same_package_opens_its_workspace_again_instead_of_making_another(
    shell: Shell, package: Path, documents: Path
) -> None:
    opening_of(shell).open(package)
    first = opening_of(shell).summary
    assert first is not None
    first.name.setText("李四")  # the clerk's name, asked before the workspace is made
    first.accept()
    made = shell.workspace.folder
    assert made is not None
    opening = opening_of(shell)
    opening.open(package)
    again = opening.summary
    assert again is not None
    assert again.made == made
    said = again.findChild(QLabel, "openedBefore")
    assert said is not None
    assert str(made) in said.text()
    again.accept()
    assert shell.workspace.folder == made
    assert sorted(p.name for p in documents.iterdir()) == [made.name]


def test_a_tampered_package_is_refused_in_one_line_naming_the_file(shell: Shell, package: Path, tmp_path: Path) -> None:
    office_folder = shell.workspace.folder
    tampered = tmp_path / "tampered.egovpkg"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == MANIFEST:
                manifest = json.loads(data)
                manifest["department"] = "信息中心"
                data = json.dumps(manifest).encode()
            target.writestr(name, data)
    opening = opening_of(shell)
    opening.open(tampered)
    assert opening.summary is None
    assert opening.message is not None
    assert str(tampered) in opening.message.text()
    assert "\n" not in opening.message.text()
    assert shell.workspace.folder == office_folder  # still the office's


def test_a_return_goes_to_the_offices_import_and_is_refused_in_a_departments_window(
    qtbot, shell: Shell, department: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    back = tmp_path / "return.egovpkg"
    make_return(department, back)
    opening = opening_of(shell)
    opening.open(back)
    assert opening.message is None
    importing = shell.window.return_import  # type: ignore[union-attr]
    assert importing.last_plan is not None
    assert importing.last_plan.path == back

    window = window_over(qtbot, department)
    opening = window.packages.opening
    opening.open(back)
    assert opening.message is not None
    assert str(back) in opening.message.text()
    assert "\n" not in opening.message.text()


def test_a_return_double_clicked_at_the_office_is_imported_once_the_window_is_up(
    qtbot, office: Workspace, department: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    back = tmp_path / "return.egovpkg"
    make_return(department, back)
    assert open_at_start(back) is None
    window = window_over(qtbot, office)
    qtbot.waitUntil(lambda: window.return_import.last_plan is not None, timeout=10000)
    assert window.return_import.last_plan.path == back


def test_the_banner_says_whose_package_and_the_tree_shows_the_departments_items(qtbot, department: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, department)
    desk = window.packages.department
    assert desk is not None
    banner = desk.banner
    assert banner.isVisible()
    text = banner.label.text()
    assert "办公室" in text
    assert "2019-12-20" in text
    assert banner.make_return.isVisible()
    mode = department_mode(department)
    assert mode is not None
    qtbot.waitUntil(lambda: set(window.visible_codes()) == set(mode.codes))  # 本科室项目, on at first
    banner.own_only.setChecked(False)
    shown = window.visible_codes()
    assert set(shown) > set(mode.codes)
    outside = next(code for code in shown if code not in mode.codes)
    index = window.proxy.mapFromSource(window.model.index_of_item(outside, 0))
    style = QStyleOptionViewItem()
    desk.delegate.initStyleOption(style, index)
    grey = style.palette.color(QPalette.ColorRole.Text)
    assert grey == style.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def test_an_item_outside_the_department_is_read_only_saying_why(qtbot, department: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, department)
    desk = window.packages.department
    assert desk is not None
    mode = department_mode(department)
    assert mode is not None
    qtbot.waitUntil(lambda: window.department_combo.currentData() == "办公室")
    desk.banner.own_only.setChecked(False)
    outside = next(code for code in window.visible_codes() if code not in mode.codes)
    window.select_item(outside)
    assert window.panel.read_only
    note = window.panel.review_bar.note.text()
    assert outside in note
    assert "办公室" in note
    own = next(iter(mode.codes))
    window.select_item(own)
    assert not window.panel.read_only


def test_the_offices_actions_are_not_offered_saying_why(qtbot, department: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, department)
    actions = window.menu_actions
    qtbot.waitUntil(lambda: not actions.new_assessment_action.isEnabled())
    for action in (actions.new_assessment_action, actions.import_action, window.packages.export_action):
        assert not action.isEnabled()
        assert "办公室" in action.statusTip()
    window.review.menu.menu.aboutToShow.emit()
    assert not window.review.menu.actions[FINALIZE].isEnabled()
    assert window.packages.return_action.isEnabled()


def test_an_ordinary_workspace_has_no_banner_and_no_return(qtbot, office: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, office)
    assert window.packages.department is None
    assert not window.packages.return_action.isEnabled()
    assert window.packages.export_action.isEnabled()


def test_a_double_click_shows_the_package_and_makes_its_workspace_before_any_window(
    package: Path, documents: Path
) -> None:
    def accept_when_asked() -> None:
        asked = [w for w in QApplication.topLevelWidgets() if isinstance(w, OpenSummary) and w.isVisible()]
        if asked:
            asked[0].name.setText("李四")  # the clerk's name, asked before the workspace is made
            asked[0].accept()
        else:
            QTimer.singleShot(50, accept_when_asked)

    QTimer.singleShot(50, accept_when_asked)
    made = open_at_start(package)
    assert made == documents / default_place_name(package)
    with Workspace.open(made, create=False) as workspace:
        mode = department_mode(workspace)
        assert mode is not None
        assert mode.department == "办公室"


def test_whoever_was_remembered_works_here_as_the_departments_filler(qtbot, department: Workspace) -> None:  # type: ignore[no-untyped-def]
    remember_person(department.store.actor, Person("张三", "leader"))  # chosen at the office on this PC
    window = window_over(qtbot, department)
    person = department.person
    assert (person.name, person.role, person.department) == ("张三", "filler", "办公室")
    assert window.packages.department is not None


def test_a_new_workspace_can_still_be_made_beside_the_one_made_before(
    shell: Shell, package: Path, documents: Path
) -> None:
    opening_of(shell).open(package)
    first = opening_of(shell).summary
    assert first is not None
    first.name.setText("李四")  # the clerk's name, asked before the workspace is made
    first.accept()
    made = shell.workspace.folder
    assert made is not None
    opening = opening_of(shell)
    opening.open(package)
    again = opening.summary
    assert again is not None
    assert not again.make_new()
    again.again.setChecked(True)
    assert again.make_new()
    assert again.place() == made.with_name(f"{made.name} (2)")
    again.accept()
    assert shell.workspace.folder == made.with_name(f"{made.name} (2)")
