"""File → 新建考评… from last year's assessment: the matching dialog lists the classes, a person's choice changes the
result, 创建 makes the assessment and the window switches to it; its undo takes it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from egov_desk.core.item_matching import DROPPED, MOVED, NEW
from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.carry_over import CarryOverDialog
from egov_desk.ui.dialogs.new_assessment import NewAssessmentDialog
from egov_desk.ui.main_window import MainWindow
from tests.core.test_carry_over import last_year


def matching(window: MainWindow, workspace: Workspace) -> tuple[NewAssessmentDialog, CarryOverDialog]:
    window.runner.synchronous = True
    dialog = NewAssessmentDialog(workspace, window)
    dialog.source.setCurrentIndex(dialog.source.findData(1))
    dialog.accept()
    assert dialog.matching is not None
    return dialog, dialog.matching


def test_the_dialog_lists_the_classes_and_filters_by_them(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    system = last_year(workspace, tmp_path)["system"]
    dialog, carry = matching(window, workspace)
    assert dialog.system.currentData() == system  # the newest system
    assert dialog.year.value() == 2020
    counts = carry.counts.text()
    assert carry.kind_word(MOVED) + " 2" in counts
    assert carry.kind_word(NEW) + " 1" in counts
    assert carry.kind_word(DROPPED) + " 1" in counts
    carry.filter.setCurrentIndex(carry.filter.findData(MOVED))
    assert carry.visible_kinds() == [MOVED, MOVED]
    carry.filter.setCurrentIndex(carry.filter.findData(DROPPED))
    assert carry.visible_kinds() == [DROPPED]


def test_a_choice_of_last_years_item_changes_the_result(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    last_year(workspace, tmp_path)
    _dialog, carry = matching(window, workspace)
    choice = carry.choice("037")
    assert choice is not None
    assert choice.currentData() is None
    choice.setCurrentIndex(choice.findData("010"))  # the person says 037 continues last year's 010
    assert carry.plan.matching.counts()[DROPPED] == 0
    assert carry.plan.matching.counts()[NEW] == 0
    carry.tick_all()  # every row was ticked: now none is
    assert carry.evidence_codes() == set()
    carry.tick_all()
    assert "036" in carry.evidence_codes()
    assert "037" in carry.evidence_codes()


def test_creating_switches_the_window_and_undo_takes_it_back(
    window: MainWindow, workspace: Workspace, tmp_path: Path, qtbot: QtBot
) -> None:
    last_year(workspace, tmp_path)
    window.runner.synchronous = True
    made: list[int] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewAssessmentDialog)
        dialog.source.setCurrentIndex(dialog.source.findData(1))
        dialog.accept()
        assert dialog.matching is not None
        dialog.matching.create_carried()
        made.append(dialog.created or 0)

    QTimer.singleShot(0, answer)
    window.menus.new_assessment()
    assert made
    assert made[0]
    qtbot.waitUntil(lambda: window.assessment.id == made[0])
    assert window.assessment.year == 2020
    assert workspace.notes(made[0])["036"] == "制度已印发"
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.assessment.id == 1)
    assert [a.id for a in workspace.assessments()] == [1]
    assert "会议纪要" not in [r.text for r in workspace.system(2).item("002").requirements]


def test_last_years_file_is_marked_until_confirmed_by_key(
    window: MainWindow, workspace: Workspace, tmp_path: Path, qtbot: QtBot
) -> None:
    last_year(workspace, tmp_path)
    dialog, carry = matching(window, workspace)
    carry.create_carried()
    assert dialog.created is not None
    window.switch_to_assessment(dialog.created)
    window.select_item("036")
    panel = window.panel.evidence
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    general = next(row for row in rows if row is not None and row.childCount())
    file_row = general.child(0)
    assert file_row is not None
    assert panel.tr("last year's") in file_row.text(1)
    panel.tree.setCurrentItem(file_row)
    panel.confirm_action.trigger()
    assert not any(f.carried for f in workspace.evidence.files(dialog.created, "036"))
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    general = next(row for row in rows if row is not None and row.childCount())
    assert panel.tr("last year's") not in general.child(0).text(1)  # type: ignore[union-attr]
    window.undo_stack.undo()
    assert all(f.carried for f in workspace.evidence.files(dialog.created, "036"))


def test_the_matching_shows_the_title_the_assessment_will_get(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    system = last_year(workspace, tmp_path)["system"]
    unit = workspace.assessment(1).unit
    workspace.create_assessment(system, unit, 2020, "自评")  # what importing the 2020 table made
    _dialog, carry = matching(window, workspace)
    assert carry.title.startswith("自评（")  # told apart from the one already there, before anything is made
    carry.create_carried()
    assert workspace.assessment(carry.carried.assessment_id).title == carry.title
