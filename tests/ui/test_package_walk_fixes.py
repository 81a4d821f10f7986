"""What a new person's walk through the work packages found, fixed: the window's title says 科室填报, the clerk's
name is asked before the department's workspace is made, texts never call the office 办公室 (a department's name),
a one-line refusal reads as a line, and the export dialog says which packages each department was sent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.history import history
from egov_desk.core.packages.department import department_mode, open_package
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.person import Person
from egov_desk.core.workspace import Workspace, current_user
from egov_desk.ui.dialogs.person import remember_person, remembered_person
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.packages.message_width import widen
from egov_desk.ui.packages.open_package import PackageOpening
from egov_desk.ui.shell import Shell

DEPARTMENT = "办公室"


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_demo_workspace(tmp_path / "office")
    yield workspace
    workspace.close()


@pytest.fixture
def shell(office_shell: Shell) -> Shell:
    return office_shell


def opening_of(shell: Shell) -> PackageOpening:
    assert shell.window is not None
    opening = shell.window.packages.opening
    opening.runner.synchronous = True
    return opening


def window_over(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.runner.synchronous = True
    return window


def test_the_window_title_says_department_filling_in_and_whose(qtbot, department: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, department)
    title = window.windowTitle()
    mark, _, rest = title.partition(" — ")
    assert mark.endswith(" · 办公室")  # 科室填报 · 办公室 (the English source until the .qm is made again)
    assert "egov-desk" in rest
    window.setWindowTitle("另一个标题")  # the window naming its assessment again keeps the mark, once
    assert window.windowTitle() == f"{mark} — 另一个标题"


def test_an_ordinary_workspace_title_has_no_department_mark(qtbot, office: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, office)
    assert "科室填报" not in window.windowTitle()


def test_the_clerks_name_is_asked_before_the_workspace_is_made_and_names_its_history(
    shell: Shell, package: Path, documents: Path
) -> None:
    opening = opening_of(shell)
    opening.open(package)
    summary = opening.summary
    assert summary is not None
    assert summary.clerk() == ""
    summary.accept()  # no name: not made, the name asked for
    assert summary.isVisible()
    assert summary.name_needed.isVisible()
    assert not summary.place().exists()
    summary.name.setText("  张三 ")
    summary.accept()
    department = shell.workspace
    assert department.folder == summary.place()
    person = department.person
    assert (person.name, person.role, person.department) == ("张三", "filler", DEPARTMENT)
    assert remembered_person(current_user()).name == "张三"
    mode = department_mode(department)
    assert mode is not None
    assert mode.data["made_by"]["name"] == "张三"  # who opened it
    code = sorted(mode.codes)[0]
    department.set_note(mode.assessment, code, "已参加两次")
    rows = history(department, mode.assessment, code)
    assert rows
    assert {(row.name, row.role) for row in rows} == {("张三", "filler")}


def test_reopening_the_department_workspace_keeps_the_remembered_name(
    shell: Shell, package: Path, documents: Path
) -> None:
    remember_person(current_user(), Person("王五", "leader"))
    opening = opening_of(shell)
    opening.open(package)
    first = opening.summary
    assert first is not None
    assert first.clerk() == "王五"  # prefilled
    first.accept()
    opening = opening_of(shell)
    opening.open(package)
    again = opening.summary
    assert again is not None
    assert again.made is not None
    assert again.clerk() == "王五"
    again.accept()
    assert shell.workspace.person.name == "王五"
    assert remembered_person(current_user()).role == "leader"  # the office's role on this PC is kept


def test_texts_name_who_sent_the_package_never_the_office(qtbot, office: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office.set_person(Person("张三", "leader"))
    package = tmp_path / "张三发出.egovpkg"
    export_department_package(office, office.default_assessment().id, DEPARTMENT, package)
    open_package(package, tmp_path / "dept", name="李四")
    with Workspace.open(tmp_path / "dept", create=False) as department:
        window = window_over(qtbot, department)
        step = window.packages.returning
        step.choose_path = lambda suggested: tmp_path / suggested.name
        step.start()
        question = step.question
        assert question is not None
        assert "张三" in question.text()  # nothing changed: the return tells 张三 only that
        question.button(QMessageBox.StandardButton.Yes).click()
        said = step.said
        assert said is not None
        last = said.text().split("\n\n")[-1]
        assert "张三" in last
        assert "办公室" not in last
        assert "office" not in last
        desk = window.packages.department
        assert desk is not None
        assert "张三" in desk.office_only()
        window.close()


def test_without_a_senders_name_the_coordinating_side_is_said(qtbot, department: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, department)
    desk = window.packages.department
    assert desk is not None
    said = desk.office_only()
    assert "office" not in said.lower()
    assert "办公室的工作" not in said
    assert said.count("办公室") <= 1  # the department's own name only


def test_a_one_line_refusal_reads_as_one_line_not_a_character_wrapped_onto_the_next(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "/tmp/pkgwalk/损坏.egovpkg：工作包不完整（可能没有复制完），请重新获取"
    box = widen(QMessageBox(QMessageBox.Icon.Warning, "科室工作包", text))
    qtbot.addWidget(box)
    box.show()
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    qtbot.waitUntil(lambda: label.width() > 0)
    assert label.width() >= label.fontMetrics().horizontalAdvance(text)  # one line
    assert label.height() < 2 * label.fontMetrics().lineSpacing()


def test_a_long_refusal_wraps_into_full_lines_within_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "工作包不完整（可能没有复制完），请重新获取。" * 6
    box = widen(QMessageBox(QMessageBox.Icon.Warning, "科室工作包", text))
    qtbot.addWidget(box)
    box.show()
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    screen = box.screen().availableGeometry().width()
    assert label.minimumWidth() <= max(360, int(screen * 0.6))
    assert label.minimumWidth() >= min(360, label.fontMetrics().horizontalAdvance(text))


def test_the_export_dialog_says_which_packages_each_department_was_sent(
    qtbot,
    office: Workspace,
    package: Path,  # type: ignore[no-untyped-def]
) -> None:
    export_department_package(office, office.default_assessment().id, DEPARTMENT, package.with_name("第2个.egovpkg"))
    window = window_over(qtbot, office)
    dialog = window.packages.exports.ask()
    assert dialog.isVisible()
    lines = {
        entry.text(0): entry
        for entry in (dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount()))
        if entry is not None
    }
    today = date.today().isoformat()
    sent = lines[DEPARTMENT]
    assert "2" in sent.text(4)
    assert today in sent.text(4)
    assert sent.toolTip(4).count(today) == 2  # 第 1 个 and 第 2 个, each with its day
    other = next(entry for name, entry in lines.items() if name != DEPARTMENT)
    assert today not in other.text(4)
    dialog.reject()
