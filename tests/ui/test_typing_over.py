"""Someone else saves the score or note a person is typing over: what the person types stays in the field, and
saving it is refused naming who changed it — never written silently over what the other person just stored (the
window's copy of the stored value moved on, but the person began from the old one and never saw theirs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTreeWidgetItemIterator

from egov_desk.core.person import Person
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.several_people import KEEP, OVERWRITE
from tests.ui.helpers import choose


@pytest.fixture
def colleague(workspace: Workspace) -> Iterator[Workspace]:
    """李四 (审核人), another client on the same workspace."""
    other = Workspace.open(workspace.folder)
    other.set_person(Person("李四", "reviewer"))
    yield other
    other.close()


def score_field(window: MainWindow) -> QLineEdit:
    assert window.panel.editor is not None
    return window.panel.editor.findChildren(QLineEdit)[0]


def test_a_score_saved_elsewhere_while_typing_keeps_the_typing_and_refuses_its_save(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, colleague: Workspace
) -> None:
    assessment = window.assessment.id
    window.select_item("004")
    field = score_field(window)
    field.setFocus()
    qtbot.keyClicks(field, "1")
    colleague.set_input(assessment, "004", {"score": 3})
    window.check_for_changes()
    assert field.text() == "1"  # what the person types stays
    assert window.inputs["004"] == {"score": 3}  # theirs is shown in the tree and the gauge
    assert "004 已在别处被修改" in window.statusBar().currentMessage()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "3"  # theirs in the field at once; mine is said in the question
    assert window.statusBar().currentMessage() == ""  # no longer "what you are typing is kept"
    said = choose(window, qtbot, KEEP)
    assert said.startswith("004 的得分已被 李四（审核人） 于 ")
    assert colleague.inputs(assessment)["004"] == {"score": 3}
    assert field.text() == "3"
    assert window.undo_stack.count() == 0


def test_a_note_saved_elsewhere_while_typing_is_not_replaced_and_mine_can_overwrite(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, colleague: Workspace
) -> None:
    assessment = window.assessment.id
    window.select_item("004")
    note = window.panel.note
    note.setFocus()
    note.insertPlainText("甲的说明")  # typed: saved a moment after typing stops
    colleague.set_note(assessment, "004", "乙的说明")
    window.check_for_changes()
    assert note.toPlainText() == "甲的说明"
    assert window.notes["004"] == "乙的说明"
    note.flush()
    assert note.toPlainText() == "乙的说明"  # theirs in the note at once; mine is said in the question
    said = choose(window, qtbot, OVERWRITE)
    assert "李四（审核人）" in said
    qtbot.waitUntil(lambda: colleague.notes(assessment).get("004") == "甲的说明", timeout=5000)
    window.undo_stack.undo()  # back to theirs, not to nothing
    assert colleague.notes(assessment)["004"] == "乙的说明"


def test_a_change_heard_while_not_typing_is_shown_in_the_field_and_saves_against_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, colleague: Workspace
) -> None:
    assessment = window.assessment.id
    window.select_item("004")
    colleague.set_input(assessment, "004", {"score": 3})
    window.check_for_changes()
    field = score_field(window)
    assert field.text() == "3"
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert colleague.inputs(assessment)["004"] == {"score": 2}
    assert window.typed_from == {}


def test_my_value_offered_again_is_said_in_points_as_the_window_shows_them(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, colleague: Workspace
) -> None:
    assessment = window.assessment.id
    window.select_item("021")
    colleague.set_input(assessment, "021", {"numerator": 6, "denominator": 9})
    window.edit_input("021", {"numerator": 5, "denominator": 9})  # 5/9 × 3 = 1.666…
    said = choose(window, qtbot, KEEP)
    assert said.endswith("您的值：1.67 分")


def test_a_file_added_elsewhere_shows_in_the_items_evidence_though_its_counts_stay(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, colleague: Workspace, tmp_path: Path
) -> None:
    assessment = window.assessment.id
    window.select_item("021")
    scan = tmp_path / "scan-021.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    colleague.evidence.attach(assessment, "021", [scan])  # 本项其他材料: no requirement's count moves
    window.check_for_changes()
    assert "scan-021.pdf" in evidence_shown(window)


def evidence_shown(window: MainWindow) -> list[str]:
    rows = QTreeWidgetItemIterator(window.panel.evidence.tree)
    names = []
    while rows.value() is not None:
        names.append(rows.value().text(0))
        rows += 1
    return names
