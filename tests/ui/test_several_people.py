"""Two people on one server workspace: what one writes shows in the other's window within a second — the item's
score in the tree, the levels above it and the gauge — pushed by the server's NOTIFY, not waiting for the window's
timer; a stale write in the window is refused naming who changed it, and the window then shows what is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from egov_desk.core.person import Person
from egov_desk.core.server_watch import ServerWatch
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import SCORE
from egov_desk.ui.several_people import KEEP, OVERWRITE, ServerPush
from tests.ui.helpers import choose

pytestmark = pytest.mark.postgres


@pytest.fixture
def on_server(server_url: str, tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.connect(server_url, vault=tmp_path / "vault")
    yield workspace
    workspace.close()


@pytest.fixture
def colleague(server_url: str, tmp_path: Path) -> Iterator[Workspace]:
    """Another client on the same server database: 李四, 审核人."""
    workspace = Workspace.connect(server_url, vault=tmp_path / "vault-2")
    workspace.set_person(Person("李四", "reviewer"))
    yield workspace
    workspace.close()


def open_window(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def score_shown(window: MainWindow, code: str) -> str:
    return str(window.model.data(window.model.index_of_item(code, SCORE), Qt.ItemDataRole.DisplayRole))


def test_a_write_through_another_client_repaints_the_tree_and_gauge_at_once(  # type: ignore[no-untyped-def]
    qtbot, on_server: Workspace, colleague: Workspace
) -> None:
    window = open_window(qtbot, on_server)
    assert window.findChild(ServerPush) is not None
    window.watch_timer.stop()  # the push alone: no timer tick to wait for
    assessment = window.assessment.id
    assert score_shown(window, "021") == "—"
    colleague.set_input(assessment, "021", {"numerator": 7, "denominator": 9})
    qtbot.waitUntil(lambda: score_shown(window, "021") == "2.33", timeout=5000)  # a deadline, not a speed
    assert window.gauge.total_text == "2.33 / 100"
    assert window.inputs["021"] == {"numerator": 7, "denominator": 9}


def test_two_windows_on_one_server_each_see_the_others_writes(  # type: ignore[no-untyped-def]
    qtbot, on_server: Workspace, colleague: Workspace
) -> None:
    first, second = open_window(qtbot, on_server), open_window(qtbot, colleague)
    assessment = first.assessment.id
    second.edit_input("004", {"score": 3})
    qtbot.waitUntil(lambda: score_shown(first, "004") == "3.00", timeout=5000)
    assert first.gauge.total_text == "3.00 / 100"
    first.edit_note("004", "甲写的说明")
    qtbot.waitUntil(lambda: second.notes.get("004") == "甲写的说明", timeout=5000)
    assert colleague.notes(assessment)["004"] == "甲写的说明"


def test_a_stale_score_in_the_window_is_refused_naming_who_changed_it_and_theirs_shown(  # type: ignore[no-untyped-def]
    qtbot, on_server: Workspace, colleague: Workspace
) -> None:
    window = open_window(qtbot, on_server)
    watch = window.data_watch
    assert isinstance(watch, ServerWatch)
    watch.on_change = None  # heard, but not yet shown: the write below is against what the window showed
    window.watch_timer.stop()
    assessment = window.assessment.id
    colleague.set_input(assessment, "004", {"score": 3})
    qtbot.waitUntil(watch.waiting, timeout=5000)
    window.select_item("004")
    window.edit_input("004", {"score": 1})
    assert score_shown(window, "004") == "3.00"  # theirs, at once, in the tree and the gauge
    assert window.gauge.total_text == "3.00 / 100"
    said = choose(window, qtbot, KEEP)
    assert said.startswith("004 的得分已被 李四（审核人） 于 ")
    assert "修改为 3 分，您的修改未保存" in said
    assert "1" in said.rsplit("\n", 1)[-1]  # the person's own value, said
    assert colleague.inputs(assessment)["004"] == {"score": 3}
    assert window.undo_stack.count() == 0


def test_my_value_can_overwrite_theirs_as_an_undoable_edit(  # type: ignore[no-untyped-def]
    qtbot, on_server: Workspace, colleague: Workspace
) -> None:
    window = open_window(qtbot, on_server)
    watch = window.data_watch
    assert isinstance(watch, ServerWatch)
    watch.on_change = None
    window.watch_timer.stop()
    assessment = window.assessment.id
    colleague.set_note(assessment, "004", "乙的说明")
    window.edit_note("004", "甲的说明")
    assert window.notes["004"] == "乙的说明"
    choose(window, qtbot, OVERWRITE)
    qtbot.waitUntil(lambda: colleague.notes(assessment).get("004") == "甲的说明", timeout=5000)
    assert window.notes["004"] == "甲的说明"
    window.undo_stack.undo()  # back to theirs, not to nothing
    assert colleague.notes(assessment)["004"] == "乙的说明"
