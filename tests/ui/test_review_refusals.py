"""What a new user met in the yearly cycle, on the real window: an old identity's verdict staying on the item, writes
refused without words (or after a file dialog), 定稿 signed by Enter with unreviewed items, the keyboard leaving the
tree after a review action, the evidence menu out of the keyboard's reach, and a long part label widening the
item panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from egov_desk.core.review_states import FILLER, LEADER
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.panels.checklist_tree import FileRole
from egov_desk.ui.write_refusals import ADD_EVIDENCE, CHANGE_SCORE, READ_SCORES, why_not
from tests.core.test_carry_over import last_year
from tests.ui.test_carry_over_dialog import matching
from tests.ui.test_review_window import act, be, confirm, score_004, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def no_dialog_left_open() -> None:
    """A dialog an earlier test left open (the first start's 考评信息, say) would hold the keyboard and the
    shortcuts: these tests press keys."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


@pytest.fixture
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Qt's file dialogs, recorded instead of opened (a refusal must come before any of them)."""
    opened: list[str] = []

    def names(*_args: Any, **_kwargs: Any) -> tuple[list[str], str]:
        opened.append("files")
        return [], ""

    def name(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        opened.append("file")
        return "", ""

    def folder(*_args: Any, **_kwargs: Any) -> str:
        opened.append("folder")
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", names)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    return opened


def said_now(window: MainWindow) -> str:
    """The refusal the window shows now (a warning over it), closed after reading."""
    box = window.last_message
    assert box is not None
    assert box.isVisible(), "nothing was said"
    assert box.icon() == QMessageBox.Icon.Warning
    text = box.text()
    box.close()
    return text


def final(window: MainWindow) -> None:
    be(window, "王五", LEADER)
    act(window, "to_review")
    act(window, "finalize")
    confirm(window)
    assert window.last_message is not None
    window.last_message.close()


def press(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the window system delivers it: to the widget with the keyboard, shortcuts and the Menu key's
    context menu included."""
    handle = window.windowHandle()
    assert handle is not None
    if not window.isActiveWindow():  # a window of an earlier test may still be the active one: shortcuts go there
        window.raise_()
        window.activateWindow()
        QTest.qWaitForWindowActive(handle, 1000)
    assert window.isActiveWindow(), "the test's window could not be made the active one"
    QTest.keyClick(handle, key, modifiers)


# --- 1. an identity change shows the current item again ------------------------------------------------------


def test_choosing_another_identity_shows_the_item_selected_for_it_at_once(window: MainWindow) -> None:
    be(window, "张三", FILLER, "信息中心")
    assert window.select_item("011")  # 装备科 leads it
    panel = window.panel
    assert panel.editor is not None
    assert not panel.editor.isEnabled()
    assert "装备科" in panel.review_bar.note.text()
    be(window, "王五", LEADER)
    assert panel.item is not None
    assert panel.item.code == "011"  # not selected again
    assert panel.editor is not None
    assert panel.editor.isEnabled()
    assert not panel.note.isReadOnly()
    assert not panel.review_bar.note.isVisibleTo(window)


# --- 2. refusals in words, before any dialog ---------------------------------------------------------------


def test_in_a_final_assessment_adding_evidence_and_reading_scores_say_why_before_a_file_dialog(
    window: MainWindow, file_dialogs: list[str]
) -> None:
    final(window)
    assert window.select_item("004")
    window.menu_actions.add_evidence_action.trigger()  # Ctrl+Shift+A
    assert said_now(window) == why_not(window.context, ADD_EVIDENCE, window.current_item())
    assert window.context.assessment.stage == "final"
    window.panel.evidence.add_folder_requested.emit(None)
    assert said_now(window) == why_not(window.context, ADD_EVIDENCE, window.current_item())
    window.menu_actions.read_scores_action.trigger()  # 从自评得分表读入得分
    assert said_now(window) == why_not(window.context, READ_SCORES, None)
    assert file_dialogs == []
    backups = window.workspace.folder / "backups" if window.workspace.folder else None
    assert backups is None or not any(backups.glob("*score-import*"))  # nothing made for a refused read


def test_a_filler_adding_evidence_to_another_departments_item_is_told_whose_it_is(
    window: MainWindow, file_dialogs: list[str], tmp_path: Path
) -> None:
    be(window, "张三", FILLER, "信息中心")
    assert window.select_item("011")
    press(window, Qt.Key.Key_A, CTRL_SHIFT)
    text = said_now(window)
    assert "011" in text
    assert "装备科" in text
    assert "信息中心" in text
    assert file_dialogs == []
    scan = tmp_path / "测评报告.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    tree = window.panel.evidence.tree
    assert tree.acceptDrops()  # a drop is taken, to be refused in words
    tree.files_dropped.emit([scan], None)
    assert "装备科" in said_now(window)
    assert window.workspace.evidence.files(window.assessment.id, "011") == []


def test_f2_into_a_grey_editor_says_why_it_is_grey(window: MainWindow) -> None:
    be(window, "张三", FILLER, "信息中心")
    assert window.select_item("011")
    window.menu_actions.edit_score_action.trigger()  # F2
    assert said_now(window) == why_not(window.context, CHANGE_SCORE, window.current_item())
    assert window.select_item("005")  # 信息中心's own: F2 goes into the editor, nothing said
    window.last_message = None
    window.menu_actions.edit_score_action.trigger()
    assert window.last_message is None


# --- 3. 定稿 with unreviewed items is not signed by Enter --------------------------------------------------------


def test_finalizing_with_unreviewed_items_defaults_to_cancel(window: MainWindow) -> None:
    score_004(window)
    be(window, "王五", LEADER)
    act(window, "to_review")
    act(window, "finalize")
    box = window.last_message
    assert box is not None
    assert box.isVisible()
    sign = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton() is cancel
    assert box.escapeButton() is cancel
    assert "&" in sign.text()  # 定稿 by its access key (or a click)
    QTest.keyClick(box, Qt.Key.Key_Return)  # Enter: the default
    assert window.workspace.assessment(window.assessment.id).stage == "review"


# --- 4. the keyboard goes back where it was ------------------------------------------------------------------


def test_after_a_review_action_up_and_down_go_on_through_the_tree(window: MainWindow, qtbot: QtBot) -> None:
    score_004(window)
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    press(window, Qt.Key.Key_S, CTRL_SHIFT)  # submit; 我的身份 is asked first
    be(window, "王五", LEADER)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    assert window.panel.review_bar.chip.text() == "已提交"
    press(window, Qt.Key.Key_R, CTRL_SHIFT)  # return, with a comment asked
    type_text(window, "请补充材料")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    press(window, Qt.Key.Key_P, CTRL_SHIFT)  # approve
    qtbot.wait(20)
    assert window.panel.review_bar.chip.text() == "已审核"
    assert QApplication.focusWidget() is window.tree
    before = window.tree.currentIndex()
    press(window, Qt.Key.Key_Down)
    assert window.tree.currentIndex() != before
    assert window.tree.currentIndex().row() == before.row() + 1 or window.tree.currentIndex().parent() != before


# --- 5. evidence by keyboard ---------------------------------------------------------------------------------


def _menu_shown_by(qtbot: QtBot, send: Any) -> list[str]:
    """What the context menu ``send`` opened offered."""
    seen: list[list[str]] = []

    def look(tries: int = 50) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if tries:
                QTimer.singleShot(20, lambda: look(tries - 1))
            return
        seen.append([a.text() for a in menu.actions() if a.text()])
        menu.close()

    QTimer.singleShot(20, look)
    send()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    return seen[0]


@pytest.mark.qt_log_ignore("This plugin does not support (grabbing|raise)")  # offscreen: a popup menu
def test_the_evidence_menu_opens_by_keyboard_at_the_current_row(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.watch_timer.stop()  # the attach below is this window's own: not re-read as a change made elsewhere
    scan = tmp_path / "备案.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scan\n")
    assessment = window.assessment.id
    window.apply(window.workspace.evidence.attach(assessment, "004", [scan]).changes)
    assert window.select_item("004")
    tree = window.panel.evidence.tree
    general = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert general is not None
    row = general.child(0)
    assert row is not None
    assert row.data(0, FileRole) is not None
    window.panel.ensureWidgetVisible(tree)
    tree.setCurrentItem(row)
    tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    asked_at: list[QPoint] = []
    tree.menu_requested.connect(asked_at.append)
    for send in (
        lambda: press(window, Qt.Key.Key_Menu),
        lambda: press(window, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        lambda: QApplication.sendEvent(
            tree, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), tree.mapToGlobal(QPoint(0, 0)))
        ),
    ):
        asked_at.clear()
        offered = _menu_shown_by(qtbot, send)
        assert len(asked_at) == 1  # one menu, not two
        assert tree.visualItemRect(row).contains(asked_at[0])  # placed at the current row
        assert "预览" in offered


def test_confirm_with_no_file_selected_takes_the_items_carried_files(
    window: MainWindow, workspace: Workspace, tmp_path: Path, qtbot: QtBot
) -> None:
    last_year(workspace, tmp_path)
    dialog, carry = matching(window, workspace)
    carry.create_carried()
    assert dialog.created is not None
    created = dialog.created
    window.switch_to_assessment(created)
    panel = window.panel.evidence
    window.select_item("036")  # one file carried
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))  # a requirement, not a file
    assert panel.selected_file() is None
    window.activateWindow()
    window.tree.setFocus()  # going through the items in the tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    press(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert not any(f.carried for f in workspace.evidence.files(created, "036"))

    window.select_item("002")  # two files carried: asked once, both confirmed as one step
    assert sum(f.carried for f in workspace.evidence.files(created, "002")) == 2
    panel.tree.setCurrentItem(None)
    steps = window.undo_stack.count()
    panel.confirm_action.trigger()
    assert "002" in confirm(window)
    assert not any(f.carried for f in workspace.evidence.files(created, "002"))
    assert window.undo_stack.count() == steps + 1
    window.undo_stack.undo()
    assert sum(f.carried for f in workspace.evidence.files(created, "002")) == 2


# --- 6. a long part label wraps -------------------------------------------------------------------------------

LONG = (
    "2020年参加全市网上政务服务、信息系统应用、基础设施网络和安全等有关业务培训的次数（含线上线下、市级省级各类培训）"
)


def _with_long_labels(workspace: Workspace) -> int:
    data = template_data("builtin:2019")
    data["year"] = 2020
    data["title"] = data["title"].replace("2019", "2020")
    for node in data["tree"]:
        for level in node.get("children", []):
            for leaf in level.get("children", []):
                for item in leaf.get("items", []):
                    if item["code"] == "003":
                        item["scoring"] = {
                            "type": "sum",
                            "parts": [{"type": "per_unit", "per": 1, "cap": 2, "unit": LONG, "label": LONG}],
                        }
    changes = workspace.import_system(data, "import:2020-long", "2020.xlsx", "市教育局", 2020)
    return changes.assessments_added[-1]


@pytest.mark.parametrize("width", [1024, 1366])
def test_a_long_part_label_wraps_and_the_panel_never_scrolls_sideways(
    window: MainWindow, workspace: Workspace, qtbot: QtBot, width: int
) -> None:
    window.switch_to_assessment(_with_long_labels(workspace))
    window.resize(width, 768)
    assert window.select_item("003")
    panel = window.panel
    assert panel.editor is not None
    assert panel.widget().minimumSizeHint().width() <= panel.viewport().width()  # the label wraps instead
    qtbot.wait(100)  # laid out
    assert not panel.horizontalScrollBar().isVisible()
    assert panel.widget().width() <= panel.viewport().width()
