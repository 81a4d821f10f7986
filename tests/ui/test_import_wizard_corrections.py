"""The import wizard gives the person the last word: the sheet, the header row or none, a column's role, what rows
are — each correction reads the table again, the tree follows, Ctrl+Z takes it back, and the same reading is one
``egov-desk-cli import`` line. Every kind of table imports with at most three corrections."""

from __future__ import annotations

import shlex
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from egov_desk.cli import build_parser
from egov_desk.cli.importing import options_of
from egov_desk.core.importers.findings import all_items
from egov_desk.core.importers.table import ROLE_NAMES
from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.import_wizard import ImportWizard
from egov_desk.ui.main_window import MainWindow
from tests.core.importing.files import write_xlsx
from tests.core.importing.table_kinds import balance_formula_sheet, two_tables_sheet, workbook_with_entry_form_first

NO_HEADER = [
    ["基础建设（30分）", "网站建设", "10", "网站正常运行得10分，每发现一次无法访问扣1分"],
    ["", "安全保障", "20", "未发生安全事件得20分，发生一起扣5分"],
    ["信息公开（70分）", "主动公开", "70", "按时公开得70分；每缺一项扣2分，扣完为止"],
]
TIER_ROWS = [
    ["一级指标", "二级指标", "分值", "评分细则"],
    ["网站", "可用率", "50", "按可用率计分"],
    ["", "达到99%", "", "得50分"],
    ["", "达到90%", "", "得30分"],
    ["", "安全", "50", "未发生安全事件得50分"],
]


def open_wizard(window: MainWindow, path: Path) -> ImportWizard:
    window.runner.synchronous = True
    wizard = window.import_table()
    wizard.file_page.path.setText(str(path))
    wizard.file_page._typed()
    return wizard


def to_rows(wizard: ImportWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.rows_page


def items(wizard: ImportWizard) -> list[dict]:  # type: ignore[type-arg]
    assert wizard.read_result is not None
    return all_items(wizard.read_result.data["tree"])


def set_role(wizard: ImportWizard, column: int, role: str) -> None:
    """Click column ``column``'s title (counted from 1) and pick ``role`` in its menu."""
    menu = wizard.rows_page.role_menu(column - 1)
    [action] = [a for a in menu.actions() if a.text() == ROLE_NAMES[role]]
    action.trigger()


def import_it(wizard: ImportWizard, workspace: Workspace) -> list[str]:
    """Finish the wizard; the codes of the system it stored."""
    while wizard.currentPage() is not wizard.findings_page:
        wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.created_assessment is not None
    stored = [s for s in workspace.systems() if s.key.startswith("import:")][-1]
    return [item.code for item in workspace.system(stored.id).items()]


def same_reading_on_the_command_line(wizard: ImportWizard) -> None:
    """The command line shown parses to the wizard's own corrections."""
    words = shlex.split(wizard.rows_page.command.text())
    assert words[:3] == ["egov-desk-cli", "import", wizard.path.name]  # type: ignore[union-attr]
    assert options_of(build_parser().parse_args(words[1:])) == wizard.table.options


def test_a_workbooks_sheets_are_shown_and_another_one_is_read_when_picked(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    wizard = open_wizard(window, workbook_with_entry_form_first(tmp_path))
    sheets = wizard.file_page.sheets
    assert [sheets.item(r).data(Qt.ItemDataRole.UserRole) for r in range(sheets.count())] == ["填报信息", "考核指标"]
    assert sheets.currentItem().data(Qt.ItemDataRole.UserRole) == "考核指标"  # chosen by content, not place
    assert "填报表" in sheets.item(0).text()

    sheets.setCurrentRow(0)  # the data-entry form: no indicator table there
    assert wizard.read_result is None
    assert wizard.error
    assert wizard.file_page.isComplete()  # its rows are shown for the person to say what they are
    to_rows(wizard)
    assert wizard.rows_page.grid.item(0, 1).text() == "填报单位"
    assert wizard.error in wizard.rows_page.status.text()
    assert not wizard.rows_page.isComplete()

    wizard.back()
    sheets.setCurrentRow(1)
    assert wizard.table.corrections == 1
    assert len(items(wizard)) == 3
    to_rows(wizard)
    same_reading_on_the_command_line(wizard)
    assert import_it(wizard, workspace) == ["001", "002", "003"]


def test_a_table_without_a_header_is_read_as_the_person_names_its_columns(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    wizard = open_wizard(window, write_xlsx(tmp_path / "无表头.xlsx", NO_HEADER))
    to_rows(wizard)
    assert wizard.table.corrections == 0
    assert wizard.rows_page.grid.item(0, 0).text() != wizard.rows_page.grid.kind_names()["header"]

    for column, role in ((1, "level"), (2, "name"), (3, "points")):
        set_role(wizard, column, role)
    assert wizard.table.corrections == 3
    tree = wizard.rows_page.tree
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())] == ["基础建设", "信息公开"]
    assert [item["points"] for item in items(wizard)] == [10, 20, 70]
    assert wizard.rows_page.grid.horizontalHeaderItem(3).font().bold()  # the person's role, in bold
    assert wizard.rows_page.command.text().endswith("--role 1=level --role 2=name --role 3=points")
    same_reading_on_the_command_line(wizard)
    assert len(import_it(wizard, workspace)) == 3


def test_the_header_row_is_marked_among_the_rows(window: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    wizard = open_wizard(window, balance_formula_sheet(tmp_path))
    to_rows(wizard)
    page = wizard.rows_page
    page.grid.select_rows(1)  # the sheet's row 2: 指标 | 标准 | 学校填写 | 是否达标
    page.header_action.trigger()
    assert wizard.table.options.header_rows == (1,)
    assert page.grid.item(1, 0).text() == page.grid.kind_names()["header"]
    set_role(wizard, 2, "rule")  # 标准 holds the rule
    assert wizard.table.corrections == 2
    assert len(items(wizard)) == 3
    assert {item["scoring"]["type"] for item in items(wizard)} == {"pass_fail"}
    assert "--header-row 2 --role 2=rule" in page.command.text()
    same_reading_on_the_command_line(wizard)
    assert len(import_it(wizard, workspace)) == 3


def test_no_header_is_said_with_one_button_and_taken_back_with_ctrl_z(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(window, balance_formula_sheet(tmp_path))
    to_rows(wizard)
    page = wizard.rows_page
    page.no_header_action.trigger()
    assert wizard.table.options.header_rows == ()
    assert "--header-row none" in page.command.text()

    wizard.windowHandle().requestActivate()
    qtbot.waitUntil(wizard.isActiveWindow)
    page.grid.setFocus()
    QTest.keySequence(wizard, QKeySequence("Ctrl+Z"))
    assert wizard.table.options.header_rows is None
    assert wizard.table.corrections == 0
    assert not page.undo_action.isEnabled()


def test_tier_rows_marked_as_tiers_join_the_rule_of_the_item_above(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    wizard = open_wizard(window, write_xlsx(tmp_path / "分档.xlsx", TIER_ROWS))
    to_rows(wizard)
    assert len(items(wizard)) == 4  # 达到99% and 达到90% read as items of their own
    before = items(wizard)[0]["rule"]

    page = wizard.rows_page
    page.grid.select_rows(2, 3)  # Shift-selecting the sheet's rows 3–4
    page.kind_actions["tier"].trigger()
    assert len(items(wizard)) == 2
    rule = items(wizard)[0]["rule"]
    assert len(rule) > len(before)
    assert "得30分" in rule
    shown = page.tree.findItems("001", Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly, 0)
    assert [entry.toolTip(1) for entry in shown] == [rule]  # the tree beside the rows follows
    tier = page.grid.kind_names()["tier"]
    assert [page.grid.item(r, 0).text() for r in (2, 3)] == [tier, tier]
    assert page.grid.item(2, 0).font().bold()
    assert page.grid.selected_rows() == [2, 3]  # the rows stay selected for the next correction
    assert page.command.text().endswith("--rows 3-4=tier")
    assert wizard.table.corrections == 1
    same_reading_on_the_command_line(wizard)
    assert len(import_it(wizard, workspace)) == 2


def test_two_tables_on_one_sheet_read_as_two_top_level_levels(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    wizard = open_wizard(window, two_tables_sheet(tmp_path))
    to_rows(wizard)
    tree = wizard.rows_page.tree
    assert [tree.topLevelItem(i).text(1) for i in range(2)] == ["共性指标考核表", "个性指标考核表"]
    assert wizard.table.corrections == 0
    assert len(import_it(wizard, workspace)) == 4


def test_reset_goes_back_to_the_automatic_reading_and_is_undone_too(window: MainWindow, tmp_path: Path) -> None:
    wizard = open_wizard(window, write_xlsx(tmp_path / "分档.xlsx", TIER_ROWS))
    to_rows(wizard)
    page = wizard.rows_page
    page.grid.select_rows(2, 3)
    page.kind_actions["ignore"].trigger()
    page.grid.select_rows(4)
    page.kind_actions["item"].trigger()
    assert wizard.table.corrections == 2
    assert page.command.text().endswith("--rows 3-4=ignore --rows 5=item")

    page.reset_action.trigger()
    assert wizard.table.corrections == 0
    assert not page.reset_action.isEnabled()
    wizard.undo_action.trigger()
    assert wizard.table.corrections == 2

    page.grid.select_rows(2, 3)
    page.kind_actions[None].trigger()  # back to what the import reads them as
    assert wizard.table.corrections == 1


def test_the_command_line_is_copied(window: MainWindow, tmp_path: Path) -> None:
    wizard = open_wizard(window, balance_formula_sheet(tmp_path))
    to_rows(wizard)
    wizard.rows_page.no_header_action.trigger()
    wizard.rows_page.copy_command()
    assert QGuiApplication.clipboard().text() == wizard.rows_page.command.text()


def test_closing_the_wizard_after_corrections_asks_first(window: MainWindow, tmp_path: Path) -> None:
    wizard = open_wizard(window, workbook_with_entry_form_first(tmp_path))
    wizard.file_page.pick_sheet("填报信息")
    wizard.reject()
    question = wizard.last_message
    assert question is not None
    assert wizard.isVisible()
    assert "更正" in question.text()
    assert "--sheet '填报信息'" in question.text()
    stay = question.defaultButton()
    assert stay is not None
    stay.click()
    assert wizard.isVisible()
    wizard.reject()
    again = wizard.last_message
    assert again is not None
    next(button for button in again.buttons() if button is not again.defaultButton()).click()
    assert not wizard.isVisible()
