"""The editor of an item with a veto: the rule's own fields and a check box 触发一票否决, saved like any input and
undone like any score; a deduction by class has a count per class; an outside score to scale takes its own
full marks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoStack

from egov_desk.core.changes import Changes
from egov_desk.core.indicators import Veto
from egov_desk.core.rules import parse_rule
from egov_desk.core.workspace import Workspace
from egov_desk.ui.editors import editor_for
from egov_desk.ui.editors.class_counts import ClassCountEditor
from egov_desk.ui.editors.fields import CountEditor, ManualEditor
from egov_desk.ui.editors.veto import VetoEditor
from egov_desk.ui.undo import SetInput, push
from tests.core.test_veto_bonus import system_data

VETO = Veto("发生重大安全事故的，一票否决", "zero")


def veto_editor(qtbot: Any) -> VetoEditor:
    editor = editor_for(parse_rule({"type": "deduct", "start": 40, "per": 1}), veto=VETO)
    qtbot.addWidget(editor)
    assert isinstance(editor, VetoEditor)
    assert isinstance(editor.inner, CountEditor)
    return editor


def test_ticking_the_veto_saves_it_beside_the_rules_own_input(qtbot: Any) -> None:
    editor = veto_editor(qtbot)
    editor.show_input({"count": 2})
    saved: list[Any] = []
    editor.edited.connect(saved.append)
    editor.check.click()
    editor.check.click()
    assert saved == [{"count": 2, "vetoed": True}, {"count": 2}]  # unticked: the input as it was
    assert editor.check.toolTip().startswith(VETO.text)  # then what ticking does


def test_the_veto_alone_is_an_input_and_unticking_it_leaves_nothing(qtbot: Any) -> None:
    editor = veto_editor(qtbot)
    editor.show_input(None)
    saved: list[Any] = []
    editor.edited.connect(saved.append)
    editor.check.click()
    assert saved == [{"vetoed": True}]
    assert not editor.refusal
    editor.show_input({"vetoed": True})
    assert editor.check.isChecked()
    assert editor.inner.current_input() is None


def test_typing_the_count_keeps_the_ticked_veto(qtbot: Any) -> None:
    editor = veto_editor(qtbot)
    editor.show_input({"vetoed": True})
    saved: list[Any] = []
    editor.edited.connect(saved.append)
    editor.inner.spin.setText("3")
    editor.inner.spin.editingFinished.emit()
    assert saved == [{"count": 3, "vetoed": True}]


def test_the_veto_check_box_is_saved_and_undone_like_any_score(qtbot: Any, tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        system = workspace.add_system(system_data("zero"), "test:veto").system_id
        assessment = workspace.create_assessment(system, "本单位", 2024).assessment_id
        workspace.set_input(assessment, "2", {"count": 2})
        item = workspace.system(system).item("2")
        editor = editor_for(item.scoring, veto=item.veto)
        qtbot.addWidget(editor)
        editor.show_input({"count": 2})
        stack = QUndoStack()
        shown: list[Changes] = []

        def apply(changes: Changes) -> None:
            shown.append(changes)
            for change in changes.scores:
                editor.show_input(change.input)

        def save(inp: Any) -> None:
            before = workspace.inputs(assessment).get("2")
            push(stack, SetInput(workspace, assessment, "2", before, inp, apply, pytest_fail))

        editor.edited.connect(save)
        editor.check.click()
        assert workspace.inputs(assessment)["2"] == {"count": 2, "vetoed": True}
        assert workspace.scores(assessment).total == 0
        stack.undo()
        assert workspace.inputs(assessment)["2"] == {"count": 2}
        assert not editor.check.isChecked()
        assert workspace.scores(assessment).veto == ""
        stack.redo()
        assert editor.check.isChecked()
        assert workspace.scores(assessment).veto == "zero"


def pytest_fail(error: Exception) -> None:
    raise AssertionError(f"the write was refused: {error}")


def test_a_deduction_by_class_takes_a_count_per_class(qtbot: Any) -> None:
    rule = parse_rule(
        {"type": "deduct", "start": 3, "classes": [{"label": "A类", "per": 1}, {"label": "B类", "per": 0.5}]}
    )
    editor = editor_for(rule)
    qtbot.addWidget(editor)
    assert isinstance(editor, ClassCountEditor)
    editor.show_input({"counts": [1, 2]})
    assert [field.text() for field in editor.counts] == ["1", "2"]
    saved: list[Any] = []
    editor.edited.connect(saved.append)
    editor.counts[1].setText("1")
    editor.counts[1].editingFinished.emit()
    assert saved == [{"counts": [1, 1]}]
    assert "1.50" in editor.preview.text()
    editor.counts[0].setText("1.5")
    editor.counts[0].editingFinished.emit()
    assert editor.refusal  # not a whole number: refused at its field, nothing saved
    assert saved == [{"counts": [1, 1]}]


def test_an_outside_score_to_scale_takes_its_own_full_marks(qtbot: Any) -> None:
    editor = editor_for(parse_rule({"type": "external", "max": 20, "scale": 100}))
    qtbot.addWidget(editor)
    assert isinstance(editor, ManualEditor)
    editor.show_input({"score": 87})
    assert not editor.refusal
    assert "17.40" in editor.preview.text()
