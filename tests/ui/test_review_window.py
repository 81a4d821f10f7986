"""Review and sign-off in the real window: who I am, submit → return with a comment → approve, 定稿 locking every
editor (and the core's refusal said when a write is attempted anyway), reopening, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import func, select

from egov_desk.core.db.models import AuditEntry
from egov_desk.core.review_states import FILLER, LEADER, REVIEWER
from egov_desk.core.snapshot import snapshot_hash
from egov_desk.ui.dialogs.person import PersonDialog, remembered_person
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import CODE, ReviewRole
from egov_desk.ui.write_refusals import ADD_EVIDENCE, why_not


def act(window: MainWindow, key: str) -> None:
    action = window.review.menu.actions[key]
    assert action.isEnabled(), action.statusTip()
    action.trigger()


def be(window: MainWindow, name: str, role: str, department: str = "") -> None:
    """Answer 我的身份 (opened by the menu, or by a review action used without a role)."""
    if not isinstance(window.review.asking, PersonDialog) or not window.review.asking.isVisible():
        act(window, "identity")
    dialog = window.review.asking
    assert isinstance(dialog, PersonDialog)
    dialog.name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    if department:
        dialog.department.setCurrentIndex(dialog.department.findData(department))
    dialog.accept()


def type_text(window: MainWindow, text: str) -> None:
    dialog = window.review.asking
    assert isinstance(dialog, QInputDialog)
    assert dialog.isVisible()
    dialog.setTextValue(text)
    dialog.accept()


def confirm(window: MainWindow) -> str:
    box = window.last_message
    assert box is not None
    assert box.isVisible()
    said = box.text()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    return said


def status_in_tree(window: MainWindow, code: str) -> str:
    return window.model.data(window.model.index_of_item(code, CODE), ReviewRole)


def audit_rows(window: MainWindow) -> int:
    with window.workspace.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def score_004(window: MainWindow) -> None:
    assert window.select_item("004")
    window.edit_input("004", {"score": 2})


def test_a_review_action_without_a_role_asks_who_i_am_first_and_remembers_it(window: MainWindow) -> None:
    assert window.review.asking is None  # not at start-up
    score_004(window)
    act(window, "submit")
    assert isinstance(window.review.asking, PersonDialog)
    be(window, "张三", FILLER, "计财科")
    assert window.workspace.person.label() == "张三（计财科 填报人）"
    assert "张三（计财科 填报人）" in window.review.status_label.text()
    assert "填报" in window.review.status_label.text()
    assert remembered_person(window.workspace.store.actor).name == "张三"
    assert status_in_tree(window, "004") == "submitted"  # the submit went on once the person was known


def test_submit_return_with_a_comment_then_approve(window: MainWindow) -> None:
    score_004(window)
    be(window, "张三", FILLER, "计财科")
    act(window, "submit")
    bar = window.panel.review_bar
    assert bar.chip.text() == "已提交"
    assert not window.review.menu.actions["approve"].isEnabled()  # a filler does not approve
    be(window, "李四", REVIEWER)
    act(window, "return")
    type_text(window, "请补充2019年经费备案表")
    assert bar.chip.text() == "已退回"
    assert "请补充2019年经费备案表" in bar.detail.text()
    assert "李四" in bar.detail.text()
    assert status_in_tree(window, "004") == "returned"
    tip = window.model.data(window.model.index_of_item("004", CODE), Qt.ItemDataRole.ToolTipRole)
    assert "已退回" in tip
    assert "请补充2019年经费备案表" in tip
    assert window.model.data(window.model.index_of_item("004", CODE), Qt.ItemDataRole.DecorationRole) is not None
    act(window, "approve")
    assert bar.chip.text() == "已审核"
    assert status_in_tree(window, "004") == "approved"


def test_a_return_without_a_comment_asks_for_it_again(window: MainWindow) -> None:
    score_004(window)
    be(window, "王五", LEADER)
    act(window, "submit")
    act(window, "return")
    asked = window.review.asking
    assert isinstance(asked, QInputDialog)
    asked.setTextValue("  ")
    asked.accept()
    assert asked.isVisible()  # kept open with what was asked: the return is not dropped
    assert "请写明" in asked.labelText()
    assert status_in_tree(window, "004") == "submitted"
    asked.setTextValue("请补充签到表")
    asked.accept()
    assert status_in_tree(window, "004") == "returned"


def test_undo_of_a_submit_puts_the_status_back(window: MainWindow) -> None:
    score_004(window)
    be(window, "张三", FILLER, "计财科")
    act(window, "submit")
    assert window.panel.review_bar.chip.text() == "已提交"
    window.menu_actions.undo_action.trigger()
    assert status_in_tree(window, "004") == "filling"
    assert window.panel.review_bar.chip.text() == "填报中"
    window.menu_actions.redo_action.trigger()
    assert status_in_tree(window, "004") == "submitted"


def test_a_final_assessment_refuses_every_edit_until_it_is_reopened(
    window: MainWindow,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    workspace, assessment = window.workspace, window.assessment.id
    scan = tmp_path / "备案.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scan\n")
    requirement = workspace.evidence.item_evidence(assessment, "004").requirements[0].id
    window.apply(workspace.evidence.attach(assessment, "004", [scan], requirement).changes)
    score_004(window)
    be(window, "王五", LEADER)
    act(window, "to_review")
    act(window, "finalize")
    assert "004" in confirm(window)  # what is not approved yet is listed before signing
    frozen = snapshot_hash(workspace, assessment)
    assert frozen in window.last_message.text()  # the SHA-256, shown after
    assert window.review.banner.isVisible()
    assert frozen[:16] in window.review.banner.text()
    assert "定稿" in window.review.status_label.text()

    panel = window.panel
    assert window.select_item("004")
    assert panel.editor is not None
    assert not panel.editor.isEnabled()
    assert panel.note.isReadOnly()
    assert panel.evidence.read_only
    assert not panel.evidence.add_files.isEnabled()
    for key in ("submit", "return", "approve", "finalize"):
        assert not window.review.menu.actions[key].isEnabled()
    assert window.review.menu.actions["submit"].statusTip()  # says why

    rows, inputs, notes = audit_rows(window), workspace.inputs(assessment), workspace.notes(assessment)
    refusals: list[str] = []

    def refused() -> None:
        box = window.last_message
        qtbot.waitUntil(lambda: box is not None and box.isVisible() and "已定稿" in box.text())
        refusals.append(box.text())
        box.close()

    window.edit_input("004", {"score": 3})  # typing a score anyway
    refused()
    window.edit_note("004", "定稿后补一句")
    refused()
    window.runner.synchronous = True
    assert window.evidence_actions.attach([scan], requirement) is None  # dropping a file: refused at once
    said = window.last_message
    assert said is not None
    assert said.isVisible()
    assert said.text() == why_not(window.context, ADD_EVIDENCE, window.current_item())
    said.close()
    window.evidence_actions.set_checked(requirement, True)  # ticking
    qtbot.waitUntil(lambda: "已定稿" in window.evidence_actions.last_notice)
    assert all("负责人" in text for text in refusals)
    assert audit_rows(window) == rows
    assert workspace.inputs(assessment) == inputs
    assert workspace.notes(assessment) == notes
    assert window.undo_stack.count() == 3  # to review, scoring, finalize: the refused writes left nothing

    act(window, "reopen")
    type_text(window, "评审组要求补充材料")
    assert not window.review.banner.isVisible()
    assert panel.editor is not None
    assert panel.editor.isEnabled()
    assert not panel.note.isReadOnly()
    assert not panel.evidence.read_only
    window.edit_input("004", {"score": 3})
    assert workspace.inputs(assessment)["004"] == {"score": 3}


def test_undoing_the_sign_off_reopens_with_a_reason(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    be(window, "王五", LEADER)
    act(window, "to_review")
    act(window, "finalize")
    confirm(window)
    window.last_message.close()
    assert window.review.banner.isVisible()

    def answer_reason() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()]
        dialog = shown[0] if shown else None
        if dialog is None:
            QTimer.singleShot(20, answer_reason)
            return
        dialog.setTextValue("签错了")
        dialog.accept()

    QTimer.singleShot(20, answer_reason)
    window.menu_actions.undo_action.trigger()
    assert not window.review.banner.isVisible()
    assert window.workspace.assessment(window.assessment.id).stage == "review"


def test_changing_a_submitted_item_shows_it_being_filled_in_again(window: MainWindow) -> None:
    score_004(window)
    be(window, "张三", FILLER, "计财科")
    act(window, "submit")
    window.edit_input("004", {"score": 2.5})
    assert window.panel.review_bar.chip.text() == "填报中"
    assert status_in_tree(window, "004") == "filling"


def test_a_status_set_elsewhere_shows_within_a_second(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.core.person import Person
    from egov_desk.core.review import approve, submit
    from egov_desk.core.workspace import Workspace

    score_004(window)
    assert window.workspace.folder is not None
    with Workspace.open(window.workspace.folder) as elsewhere:  # the command line, say
        elsewhere.set_person(Person("赵六", LEADER))
        submit(elsewhere, window.assessment.id, ["004"])
        approve(elsewhere, window.assessment.id, ["004"])
    qtbot.waitUntil(lambda: status_in_tree(window, "004") == "approved", timeout=3000)
    assert window.panel.review_bar.chip.text() == "已审核"
    assert "赵六" in window.panel.review_bar.detail.text()


def test_a_filler_looks_at_another_departments_item_without_changing_it(window: MainWindow) -> None:
    be(window, "张三", FILLER, "计财科")
    assert window.select_item("005")  # 信息中心 leads it
    panel = window.panel
    assert panel.editor is not None
    assert not panel.editor.isEnabled()
    assert panel.note.isReadOnly()
    assert panel.review_bar.note.isVisibleTo(window)
    assert "信息中心" in panel.review_bar.note.text()
    assert not window.review.menu.actions["submit"].isEnabled()
    assert window.select_item("004")  # 计财科's own
    assert panel.editor is not None
    assert panel.editor.isEnabled()
    assert not panel.review_bar.note.isVisibleTo(window)


def test_a_reviewer_approves_every_submitted_item_at_once(window: MainWindow) -> None:
    score_004(window)
    assert window.select_item("021")
    window.edit_input("021", {"numerator": 7, "denominator": 9})
    be(window, "王五", LEADER)
    for code in ("004", "021"):
        assert window.select_item(code)
        act(window, "submit")
    be(window, "李四", REVIEWER)
    act(window, "approve_submitted")
    assert "004、021" in confirm(window)
    assert status_in_tree(window, "004") == "approved"
    assert status_in_tree(window, "021") == "approved"
    assert "已完成" in window.statusBar().currentMessage()  # said where a person looks after a menu action
    window.menu_actions.undo_action.trigger()  # one step
    assert status_in_tree(window, "004") == "submitted"
    assert status_in_tree(window, "021") == "submitted"


def test_a_filler_who_reviewed_for_a_while_gets_their_department_back(window: MainWindow) -> None:
    be(window, "张三", FILLER, "计财科")
    be(window, "张三", REVIEWER)
    act(window, "identity")
    dialog = window.review.asking
    assert isinstance(dialog, PersonDialog)
    dialog.role.setCurrentIndex(dialog.role.findData(FILLER))
    assert dialog.department.currentData() == "计财科"  # not the list's first department
    dialog.accept()
    assert window.workspace.person.department == "计财科"
