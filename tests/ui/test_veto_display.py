"""A triggered veto (一票否决) is shown whole: the gauge names the item without a bracket that reads like a count
and its tooltip gives the veto's words and effect; the item panel says in red what it does to the total; the tree
marks the item 否决 in red with the veto's words; the check box says what ticking it does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from egov_desk.core.workspace import Workspace
from egov_desk.ui.editors.veto import VetoEditor
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import FAILED, SCORE
from tests.core.test_veto_bonus import BASE, system_data

VETO_WORDS = "发生重大安全事故的，一票否决"


def veto_window(qtbot: Any, workspace: Workspace, effect: str, inputs: dict[str, Any]) -> MainWindow:
    changes = workspace.import_system(system_data(effect), "t:veto", "否决.xlsx", "测试单位", 2024)
    assessment = changes.assessments_added[0]
    workspace.set_setting("current_assessment", assessment)
    for code, inp in inputs.items():
        workspace.set_input(assessment, code, inp)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_gauge_names_the_vetoed_item_and_says_the_veto_in_its_tooltip(qtbot: Any, workspace: Workspace) -> None:
    window = veto_window(qtbot, workspace, "zero", BASE | {"2": {"count": 2, "vetoed": True}})
    gauge = window.gauge
    assert gauge.total_text == "0.00 / 100"
    assert gauge.veto_text.endswith("2")
    assert "（2）" not in gauge.veto_text  # "(2)" read as a count
    assert VETO_WORDS in gauge.toolTip()
    assert "0" in gauge.toolTip().splitlines()[-1]  # the effect: the total counts as 0


def test_the_item_panel_says_in_red_what_the_veto_does(qtbot: Any, workspace: Workspace) -> None:
    window = veto_window(qtbot, workspace, "zero", BASE | {"2": {"count": 2, "vetoed": True}})
    window.select_item("2")
    said = window.panel.veto_said
    assert not said.isHidden()
    assert "0" in said.text()
    assert "#b91c1c" in said.styleSheet()
    assert said.toolTip() == VETO_WORDS
    window.select_item("1")
    assert said.isHidden()


def test_a_fail_veto_says_the_assessment_is_marked_failed(qtbot: Any, workspace: Workspace) -> None:
    window = veto_window(qtbot, workspace, "fail", BASE | {"2": {"vetoed": True}})
    window.select_item("2")
    assert not window.panel.veto_said.isHidden()
    assert "0" not in window.panel.veto_said.text()  # not "the total counts as 0": it is kept
    assert window.gauge.total_text == "50.50 / 100"
    assert VETO_WORDS in window.gauge.toolTip()
    assert " 0" not in window.gauge.toolTip().splitlines()[-1]


def test_the_tree_marks_the_vetoed_item_in_red_with_the_vetos_words(qtbot: Any, workspace: Workspace) -> None:
    window = veto_window(qtbot, workspace, "zero", BASE)
    model = window.model
    cell = model.index_of_item("2", SCORE)
    assert model.data(cell) == "38.00"
    window.select_item("2")
    editor = window.panel.editor
    assert isinstance(editor, VetoEditor)
    editor.check.click()  # ticked as a person ticks it
    qtbot.waitUntil(lambda: model.data(cell) != "38.00")
    assert model.data(cell) in ("否决", "Vetoed")
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole).color() == FAILED
    assert VETO_WORDS in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert not window.panel.veto_said.isHidden()  # the panel follows the tick at once


def test_the_veto_check_box_says_what_ticking_it_does(qtbot: Any, workspace: Workspace) -> None:
    window = veto_window(qtbot, workspace, "zero", BASE)
    window.select_item("2")
    editor = window.panel.editor
    assert isinstance(editor, VetoEditor)
    tip = editor.check.toolTip()
    assert tip.startswith(VETO_WORDS)
    assert len(tip.splitlines()) == 3  # the veto's words, its effect, how to take it back
    assert "Ctrl+Z" in tip
