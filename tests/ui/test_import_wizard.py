"""File → Import indicator table…: the wizard end to end on the seed table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWizard

from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.import_wizard import ImportWizard
from egov_desk.ui.main_window import MainWindow
from tests.conftest import SEED
from tests.core.importing.files import write_xlsx


def open_wizard(window: MainWindow) -> ImportWizard:
    window.runner.synchronous = True
    return window.import_table()


def to_findings(wizard: ImportWizard) -> None:
    for _ in range(len(wizard.pageIds())):
        if wizard.currentPage() is wizard.findings_page:
            return
        wizard.next()
    assert wizard.currentPage() is wizard.findings_page


def test_importing_the_seed_table_creates_and_opens_a_new_assessment(
    window: MainWindow, workspace: Workspace, qtbot
) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(window)
    wizard.file_page.path.setText(str(SEED / "2019-indicators.docx"))
    wizard.file_page._typed()
    assert wizard.file_page.isComplete()
    assert "35" in wizard.file_page.status.text()

    wizard.next()
    assert wizard.currentPage() is wizard.rows_page
    assert wizard.rows_page.grid.item(0, 0).font().bold() is False  # nothing corrected: the reading as it is
    wizard.next()
    assert wizard.currentPage() is wizard.columns_page
    table = wizard.columns_page.table
    assert table.rowCount() == 9
    roles = [table.cellWidget(r, 2).currentData() for r in range(9)]
    assert roles == ["level", "level", "level", "points", "rule", "code", "evidence", "lead", "cooperating"]

    wizard.next()
    tree = wizard.review_page.tree
    assert tree.topLevelItemCount() == 5
    first_item = tree.topLevelItem(0).child(0).child(0).child(0)
    assert (first_item.text(0), first_item.text(2)) == ("001", "4")
    assert "每" in first_item.text(3)  # the proposed rule beside the text

    wizard.next()
    assert wizard.currentPage() is wizard.findings_page
    assert wizard.findings_page.list.count() > 0
    wizard.findings_page.unit.setText("市教育局")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.created_assessment is not None
    assert len(workspace.systems()) == 2
    assert window.assessment.id == wizard.created_assessment
    assert window.assessment.unit == "市教育局"
    assert window.model.rowCount() == 5


def test_changing_a_column_role_reads_the_table_again(window: MainWindow) -> None:
    wizard = open_wizard(window)
    wizard.read(SEED / "2019-indicators.xlsx")
    wizard.next()
    wizard.next()
    evidence: QComboBox = wizard.columns_page.table.cellWidget(6, 2)
    evidence.setCurrentIndex(evidence.findData("ignore"))
    assert wizard.roles == {6: "ignore"}
    items = [
        i for n in wizard.read_result.data["tree"] for c in n["children"] for g in c["children"] for i in g["items"]
    ]
    assert all(item["evidence"] == "" for item in items)


def test_a_broken_file_is_reported_on_the_first_page(window: MainWindow, tmp_path: Path) -> None:
    wizard = open_wizard(window)
    broken = tmp_path / "x.docx"
    broken.write_bytes(b"not a document")
    wizard.read(broken)
    assert not wizard.file_page.isComplete()
    assert "不是 Word 文档" in wizard.file_page.status.text()


def test_errors_must_be_accepted_before_importing(window: MainWindow, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "dup.xlsx",
        [
            ["一级指标", "分值", "评分细则", "编号"],
            ["A（100）", "50", "取考核结果", "1"],
            ["", "50", "取考核结果", "1"],
        ],
    )
    wizard = open_wizard(window)
    wizard.read(path)
    to_findings(wizard)
    page = wizard.findings_page
    assert not page.isComplete()
    page.accept_errors.setChecked(True)
    assert page.isComplete()
    wizard.accept()
    codes = [i.code for i in window.model._sheet.system.items()]
    assert codes == ["1", "1-2"]


def test_an_import_is_undone_with_ctrl_z_while_nothing_was_entered(
    window: MainWindow, workspace: Workspace, qtbot
) -> None:  # type: ignore[no-untyped-def]
    first = window.assessment.id
    wizard = open_wizard(window)
    wizard.file_page.path.setText(str(SEED / "2019-indicators.xlsx"))
    wizard.file_page._typed()
    to_findings(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    imported = wizard.created_assessment
    assert window.assessment.id == imported
    assert window.undo_stack.canUndo()

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.assessment.id == first)  # the window shows the assessment left
    assert [a.id for a in workspace.assessments()] == [first]
    assert len(workspace.systems()) == 1


def test_the_years_box_follows_a_table_that_names_its_year(window: MainWindow, tmp_path: Path) -> None:
    rows = [["一级指标", "分值", "评分细则", "编号"], ["A（100）", "100", "取考核结果", "1"]]
    for name, stated in (("2021年考评.xlsx", True), ("考评.xlsx", False)):
        wizard = open_wizard(window)
        wizard.file_page.path.setText(str(write_xlsx(tmp_path / name, rows)))
        wizard.file_page._typed()
        to_findings(wizard)
        assert wizard.findings_page.year.isEnabled() is not stated
        wizard.reject()


def test_a_table_without_a_year_is_proposed_the_year_of_the_assessment_shown(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    workspace.update_assessment(1, year=2024)
    rows = [["一级指标", "分值", "评分细则", "编号"], ["A（100）", "100", "取考核结果", "1"]]
    wizard = open_wizard(window)
    wizard.file_page.path.setText(str(write_xlsx(tmp_path / "考评.xlsx", rows)))
    wizard.file_page._typed()
    to_findings(wizard)
    assert wizard.findings_page.year.value() == 2024


def test_a_path_being_corrected_no_longer_shows_the_last_refusal(window: MainWindow, tmp_path: Path) -> None:
    wizard = open_wizard(window)
    page = wizard.file_page
    page.path.setText(str(tmp_path / "没有这个文件.xlsx"))
    page._typed()  # read at once: the window's runner is synchronous here
    assert "找不到该文件" in page.status.text()
    page.path.textEdited.emit(str(tmp_path / "没有这个文件"))
    assert page.status.text() == "按 Enter 读取该文件。"
