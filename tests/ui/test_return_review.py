"""The office's review of a department's return, in the real window, over a real round trip: the office exports
信息中心's package, the department opens it, fills in and returns it; the office changed one of the same fields
meanwhile — a conflict, chosen side by side, applied, seen in the tree, and taken back with Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_desk.core.packages.department import open_package
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.packages.returning import make_return
from egov_desk.core.person import Person
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.return_review.model import CONFLICTS, STATE, TO_APPLY, WHAT, ChangeRole
from egov_desk.ui.return_review.window import ReturnReview
from tests.ui.helpers import shown_window

DEPARTMENT = "信息中心"
DEPARTMENT_NOTE = "第二项尚未完成，预计下月完成"
OFFICE_NOTE = "办公室补充：计划已报送"


@pytest.fixture
def office(demo: Workspace) -> Workspace:
    return demo


@pytest.fixture
def window(qtbot, office: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    main_window = shown_window(qtbot, office)
    main_window.runner.synchronous = True  # planning and applying inline: no waiting in the tests
    return main_window


def department_return(office: Workspace, folder: Path, *, office_edits: bool = True) -> Path:
    """信息中心's round trip: its package exported, opened on "its PC", 002's input and note and 021's note
    changed there by 张三, the return written. Meanwhile 李四 at the office wrote 002's note too."""
    assessment = office.default_assessment().id
    package = folder / "信息中心-第1个.egovpkg"
    export_department_package(office, assessment, DEPARTMENT, package)
    opened = open_package(package, folder / "department")
    department = Workspace.open(opened.path)
    try:
        department.set_person(Person("张三", "filler", DEPARTMENT))
        department.set_input(opened.assessment, "002", {"checked": [0]})
        department.set_note(opened.assessment, "002", DEPARTMENT_NOTE)
        department.set_note(opened.assessment, "021", "数据来自 2019 年统计年报")
        returned = make_return(department, folder / "信息中心-回执.egovpkg").path
    finally:
        department.close()
    if office_edits:
        office.set_person(Person("李四", "reviewer"))
        office.set_note(assessment, "002", OFFICE_NOTE)
    return returned


def review_of(window: MainWindow, path: Path) -> ReturnReview:
    window.return_import.start([path])
    review = window.return_import.review
    assert review is not None, window.return_import.last_refusal
    return review


def states(review: ReturnReview) -> dict[str, str]:
    return {change.key: change.state for change in review.model.changes}


def test_a_conflict_is_shown_side_by_side_chosen_applied_and_taken_back(
    window: MainWindow, office: Workspace, tmp_path: Path
) -> None:
    assessment = office.default_assessment().id
    before_input = office.inputs(assessment)["002"]
    before_021 = office.notes(assessment).get("021", "")
    before_points = window.model.sheet.items["002"].points
    review = review_of(window, department_return(office, tmp_path))

    assert states(review) == {"002/input": "apply", "002/note": "conflict", "021/note": "apply"}
    assert "信息中心" in review.header.text()
    assert "张三" in review.header.text()
    assert not review.apply_button.isEnabled()  # nothing applies before every conflict has a choice
    assert "1" in review.remaining.text()
    assert office.notes(assessment)["002"] == OFFICE_NOTE  # reviewing wrote nothing

    # The conflict is selected first, its two values side by side with who changed each
    side = review.side
    assert side.change.key == "002/note"
    assert side.department_value.toPlainText() == DEPARTMENT_NOTE
    assert side.office_value.toPlainText() == OFFICE_NOTE
    assert "张三" in side.department_who.text()
    assert "李四" in side.office_who.text()
    assert "李四" in side.reason.text()

    side.take_department.click()  # 采用科室的 (Alt+D)
    assert review.model.choices == {"002/note": "department"}
    assert review.apply_button.isEnabled()

    review.apply_button.click()  # 应用 (Alt+A)

    assert window.return_import.review is None
    assert office.notes(assessment)["002"] == DEPARTMENT_NOTE
    assert office.inputs(assessment)["002"] == {"checked": [0]}
    assert office.notes(assessment)["021"] == "数据来自 2019 年统计年报"
    assert window.notes["021"] == "数据来自 2019 年统计年报"  # the window shows what was applied at once
    assert window.model.sheet.items["002"].points == office.scores(assessment).items["002"].points != before_points
    assert "信息中心" in window.statusBar().currentMessage()

    window.undo_stack.undo()  # Ctrl+Z: the whole return taken back
    assert office.notes(assessment)["002"] == OFFICE_NOTE
    assert office.inputs(assessment)["002"] == before_input
    assert office.notes(assessment).get("021", "") == before_021
    assert window.notes.get("021", "") == before_021
    assert window.model.sheet.items["002"].points == before_points
    assert "撤销「信息中心」的回执" in window.statusBar().currentMessage()  # said where the person looks

    window.undo_stack.redo()
    assert office.notes(assessment)["002"] == DEPARTMENT_NOTE
    assert "重新应用「信息中心」的回执" in window.statusBar().currentMessage()


def test_keeping_the_offices_value_and_leaving_a_change_out(
    window: MainWindow, office: Workspace, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assessment = office.default_assessment().id
    before_input = office.inputs(assessment)["002"]
    review = review_of(window, department_return(office, tmp_path))

    review.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    qtbot.keyClick(review.table, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # 保留本处的
    qtbot.waitUntil(lambda: review.model.choices == {"002/note": "office"})  # a button's access key clicks it soon
    assert review.select_change("002/input")
    qtbot.keyClick(review.table, Qt.Key.Key_Space)  # this change is left out
    row = review.proxy.mapToSource(review.table.currentIndex()).row()
    assert review.model.index(row, WHAT).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert review.model.take() == {"002/note": "office", "002/input": "office"}

    review.apply_button.click()

    assert office.notes(assessment)["002"] == OFFICE_NOTE
    assert office.inputs(assessment)["002"] == before_input
    assert office.notes(assessment)["021"] == "数据来自 2019 年统计年报"


def test_the_filters_show_the_conflicts_or_what_applies_without_question(
    window: MainWindow, office: Workspace, tmp_path: Path
) -> None:
    review = review_of(window, department_return(office, tmp_path))

    review.show_only(CONFLICTS)
    assert [review.proxy.index(r, 0).data(ChangeRole).key for r in range(review.proxy.rowCount())] == ["002/note"]
    assert review.proxy.index(0, 0).data() == "002"  # the item's code on the first row it shows
    review.show_only(TO_APPLY)
    shown = [review.proxy.index(r, 0).data(ChangeRole).key for r in range(review.proxy.rowCount())]
    assert shown == ["002/input", "021/note"]
    assert review.proxy.index(0, STATE).data() != review.proxy.index(0, WHAT).data()


def test_the_same_return_again_is_all_the_same_and_applies_nothing(
    window: MainWindow, office: Workspace, tmp_path: Path
) -> None:
    returned = department_return(office, tmp_path, office_edits=False)
    review = review_of(window, returned)
    assert set(states(review).values()) == {"apply"}
    review.apply_button.click()
    steps = window.undo_stack.count()

    again = review_of(window, returned)

    assert set(states(again).values()) == {"same"}
    assert not again.apply_button.isEnabled()
    assert again.model.applied() == []
    assert window.undo_stack.count() == steps


def refused(window: MainWindow, office: Workspace, path: Path) -> str:
    """The one line a refused return shows; nothing changed, no review opened."""
    assessment = office.default_assessment().id
    notes, steps = office.notes(assessment), window.undo_stack.count()
    window.return_import.start([path])
    refusal = window.return_import.last_refusal
    assert window.return_import.review is None
    assert str(path) in refusal
    assert "\n" not in refusal
    assert window.last_message is not None
    assert window.last_message.text() == refusal
    assert (office.notes(assessment), window.undo_stack.count()) == (notes, steps)
    return refusal


def test_a_department_package_given_as_a_return_is_refused_in_one_line(
    window: MainWindow, office: Workspace, tmp_path: Path
) -> None:
    package = tmp_path / "信息中心-第1个.egovpkg"
    export_department_package(office, office.default_assessment().id, DEPARTMENT, package)
    assert "回执" in refused(window, office, package)


def test_a_stale_or_truncated_return_is_refused_in_one_line(
    window: MainWindow, office: Workspace, tmp_path: Path
) -> None:
    returned = department_return(office, tmp_path, office_edits=False)
    truncated = tmp_path / "cut.egovpkg"
    truncated.write_bytes(returned.read_bytes()[:-200])
    refused(window, office, truncated)
    export_department_package(office, office.default_assessment().id, DEPARTMENT, tmp_path / "second.egovpkg")
    assert "第 2 个" in refused(window, office, returned)  # the department has a newer package now


def test_the_menu_offers_the_import_with_its_own_keys(window: MainWindow) -> None:
    action = window.return_import.action
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    assert action.isEnabled()


def test_a_return_opened_as_a_package_goes_to_the_review(window: MainWindow, office: Workspace, tmp_path: Path) -> None:
    """文件 → 打开工作包… (or a double-click) on a return, at the office: its review, not a refusal."""
    returned = department_return(office, tmp_path)

    window.packages.opening.open(returned)

    review = window.return_import.review
    assert review is not None
    assert review.plan.path == returned


def test_returns_given_while_one_is_reviewed_follow_it(window: MainWindow, office: Workspace, tmp_path: Path) -> None:
    first = department_return(office, tmp_path, office_edits=False)
    package = tmp_path / "办公室-第1个.egovpkg"
    export_department_package(office, office.default_assessment().id, "办公室", package)
    review = review_of(window, first)

    window.return_import.start([package])  # the second waits for the first
    assert window.return_import.review is review
    review.reject()

    assert str(package) in window.return_import.last_refusal  # checked after the first: a package, not a return


def test_closing_after_choosing_asks_first_and_applies_nothing(
    window: MainWindow, office: Workspace, tmp_path: Path
) -> None:
    assessment = office.default_assessment().id
    review = review_of(window, department_return(office, tmp_path))
    review.side.take_department.click()

    review.reject()  # Esc: the choice made is not dropped without a word
    question = review.question
    assert question is not None
    assert review.isVisible()
    question.button(question.StandardButton.Cancel).click()
    assert review.isVisible()
    assert review.model.choices == {"002/note": "department"}

    review.reject()
    review.question.button(review.question.StandardButton.Discard).click()

    assert window.return_import.review is None
    assert office.notes(assessment)["002"] == OFFICE_NOTE


def test_a_department_workspace_imports_no_return(qtbot, office: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "信息中心-第1个.egovpkg"
    export_department_package(office, office.default_assessment().id, DEPARTMENT, package)
    department = Workspace.open(open_package(package, tmp_path / "department").path)
    window = MainWindow(department)
    qtbot.addWidget(window)
    try:
        action = window.return_import.action
        assert not action.isEnabled()
        assert action.statusTip()  # says why: the office's to do
    finally:
        window.close()
        department.close()
