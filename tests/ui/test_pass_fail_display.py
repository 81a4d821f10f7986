"""A table without points in the window: the tree says each item's judgement (不合格 in red) and a level's worst,
the item panel says 评定：合格, the gauge counts the judgements instead of 0.00 / 0 and so does each level's bar,
and the departments tab shows judgements, not 0.00 / 0."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from egov_desk.core.rules import parse_rule
from egov_desk.core.workspace import Workspace
from egov_desk.ui.editors import editor_for
from egov_desk.ui.editors.fields import ChoiceEditor
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import FAILED, MAX, PASSED, SCORE
from tests.core.test_exports_pass_fail import JUDGED, judged_system_data


def judged_window(qtbot: Any, workspace: Workspace, inputs: dict[str, Any]) -> MainWindow:
    changes = workspace.import_system(judged_system_data(), "t:督导", "督导评估自评表.xlsx", "测试学校", 2024)
    assessment = changes.assessments_added[0]
    workspace.set_setting("current_assessment", assessment)
    for code, inp in inputs.items():
        workspace.set_input(assessment, code, inp)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    return window


def score_cell(window: MainWindow, code: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return window.model.data(window.model.index_of_item(code, SCORE), role)


def level_cell(window: MainWindow, row: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return window.model.data(window.model.index(row, SCORE), role)


def test_the_tree_shows_each_judgement_and_a_levels_worst(qtbot: Any, workspace: Workspace) -> None:
    window = judged_window(qtbot, workspace, JUDGED | {"005": {"level": 2}})
    assert score_cell(window, "001") == "合格"
    assert score_cell(window, "002") == "基本合格"
    assert score_cell(window, "005") == "不合格"
    assert score_cell(window, "006") == "—"
    assert score_cell(window, "005", Qt.ItemDataRole.ForegroundRole).color() == FAILED
    assert score_cell(window, "001", Qt.ItemDataRole.ForegroundRole).color() == PASSED
    assert window.model.data(window.model.index_of_item("001", MAX)) == ""  # no points: no 0
    assert level_cell(window, 0) == "基本合格"  # A1: 合格, 基本合格, 合格
    assert level_cell(window, 1) == "不合格"
    assert level_cell(window, 1, Qt.ItemDataRole.ForegroundRole).color() == FAILED
    assert "不合格 1" in level_cell(window, 1, Qt.ItemDataRole.ToolTipRole)


def test_the_gauge_counts_the_judgements_and_follows_each_one(qtbot: Any, workspace: Workspace) -> None:
    window = judged_window(qtbot, workspace, JUDGED)
    gauge = window.gauge
    assert gauge.total_text.startswith("合格 3 · 基本合格 1 · 不合格 0 · ")
    assert gauge.total_text.endswith(" 2")  # 未评定 2
    assert "0.00" not in gauge.total_text
    assert gauge.judgement_text(gauge.bar_judgements[0]) == "合格 2 · 基本合格 1 · 不合格 0"
    window.select_item("006")
    editor = window.panel.editor
    assert isinstance(editor, ChoiceEditor)
    editor.group.button(2).click()  # 不合格, chosen as a person chooses it
    qtbot.waitUntil(lambda: score_cell(window, "006") == "不合格")
    assert gauge.total_text.startswith("合格 3 · 基本合格 1 · 不合格 1 · ")
    assert gauge.bar_judgements[1].count("不合格") == 1
    assert level_cell(window, 1) == "不合格"


def test_the_item_panel_says_the_judgement(qtbot: Any, workspace: Workspace) -> None:
    window = judged_window(qtbot, workspace, JUDGED)
    window.select_item("002")
    result = window.panel.result.text()
    assert "基本合格" in result
    assert "0.00" not in result
    assert "/ 0" not in result
    assert "合格 / 基本合格 / 不合格" in window.panel.facts.text()  # how it is judged, not 分值 0
    window.select_item("006")
    assert "0.00" not in window.panel.result.text()
    window.tree.setCurrentIndex(window.proxy.mapFromSource(window.model.index(0, 0)))
    assert "0.00" not in window.panel.facts.text()
    assert "基本合格" in window.panel.facts.text()  # the worst judgement under A1


def test_the_departments_show_judgements_not_zero_sums(qtbot: Any, workspace: Workspace) -> None:
    window = judged_window(qtbot, workspace, JUDGED)
    departments = window.departments.model_
    shown = [
        departments.item(row).child(child, 2).text()
        for row in range(departments.rowCount())
        for child in range(departments.item(row).rowCount())
    ]
    assert "合格" in shown
    assert "基本合格" in shown
    assert not any("0.00" in text for text in shown)


def test_the_editors_preview_says_the_judgement_not_points(qtbot: Any) -> None:
    editor = editor_for(parse_rule({"type": "pass_fail", "levels": ["合格", "基本合格", "不合格"]}))
    qtbot.addWidget(editor)
    editor.show_input({"level": 1})
    assert editor.preview.text() == "→ 评定：基本合格"


def test_an_unjudged_items_editor_says_not_judged(qtbot: Any) -> None:
    editor = editor_for(parse_rule({"type": "pass_fail", "levels": ["合格", "不合格"]}))
    qtbot.addWidget(editor)
    editor.show_input(None)
    assert editor.preview.text() == "未评定"
