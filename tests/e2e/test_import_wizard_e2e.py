"""File → 导入指标表… by keyboard on the real process: a workbook whose first sheet is a data-entry form, the indicator
sheet chosen by itself, two tier rows the reading took for items marked 档次 on the rows page, finished; the CLI then
lists the new system with its three items and an assessment on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.core.importing.table_kinds import workbook_with_entry_form_first
from tests.e2e.desktop import MAIN_TITLE, App, cli, cli_json, step
from tests.e2e.screen import key_moment, wait_still

pytestmark = pytest.mark.e2e

WIZARD = "导入指标表"


TIERS_ON_SECOND_SHEET = [
    ["一级指标", "二级指标", "编号", "分值", "评分细则", "牵头科室"],
    ["基础建设", "网站建设", "001", "5", "网站正常运行得5分，按可访问率计分：", "信息中心"],
    ["", "", "", "4", "可访问率不低于95%", ""],
    ["", "", "", "2", "可访问率低于95%", ""],
    ["", "安全保障", "002", "5", "未发生安全事件得5分", "信息中心"],
    ["信息公开", "主动公开", "003", "10", "按时公开得10分；每缺一项扣2分，扣完为止", "办公室"],
]


def workbook_with_tiers_on_second_sheet(folder: Path) -> Path:
    """A 填报信息 form first; on 考核指标, item 001 is followed by two tier rows that carry their points in the 分值
    column, so the automatic reading takes them for items of their own (five items instead of three)."""
    return workbook_with_entry_form_first(folder, TIERS_ON_SECOND_SHEET, ("A2:A5",))


def items_of(system: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(levels: list[dict[str, Any]]) -> None:
        for level in levels:
            walk(level.get("children") or [])
            found.extend(level.get("items") or [])

    walk(system["tree"])
    return found


def test_import_a_workbook_marking_two_tier_rows(app: App, workspace_dir: Path, tmp_path: Path) -> None:
    book = workbook_with_tiers_on_second_sheet(tmp_path)
    read_alone = json.loads(cli("import", "--json", str(book)).stdout)
    assert len(items_of(read_alone)) == 5, "the tier rows are read as items unless the person says otherwise"

    with step("Alt+F, I opens the wizard with the keyboard in the path field"):
        app.key("alt+f", "i")
        wizard = app.wait_window(WIZARD)
    with step("type the path, Tab: the workbook is read, its indicator sheet chosen by itself"):
        app.type(str(book))
        app.key("Tab")  # leaving the field reads the file; the keyboard is on 浏览… now, not in a text field
        wait_still(app, wizard)
        key_moment(app, tmp_path, "import-1-file-page")
    with step("Alt+N: the rows page, the keyboard in the rows"):
        app.key("alt+n")
        wait_still(app, wizard)
    with step("rows 3 and 4 (Down, Down, Shift+Down) marked 档次 with Ctrl+4"):
        app.key("Down", "Down", "shift+Down")  # the first Down lands on row 2: row 1 is current when the grid opens
        app.key("ctrl+4")
        wait_still(app, wizard)
        key_moment(app, tmp_path, "import-2-rows-tiers")
    with step("row 6 (003) ignored with Ctrl+5, taken back with Ctrl+Z"):
        app.key("Down", "Down", "Down")  # from row 3, the first of the rows marked
        app.key("ctrl+5")
        wait_still(app, wizard)
        key_moment(app, tmp_path, "import-3-rows-ignored")
        app.key("ctrl+z")
        wait_still(app, wizard)
        key_moment(app, tmp_path, "import-4-rows-undone")
    with step("Alt+N through the columns and the review to the findings"):
        for page in ("columns", "review", "findings"):
            app.key("alt+n")
            wait_still(app, wizard)
            key_moment(app, tmp_path, f"import-5-{page}")
    with step("Enter on the findings page imports; the window shows the new assessment"):
        app.key("Return")
        app.wait_gone(WIZARD, timeout=20)
        main = app.wait_window(MAIN_TITLE)
        assert "考评工作簿" in main.title
        key_moment(app, tmp_path, "import-6-main-window")

    workspace = str(workspace_dir)
    systems = cli_json("system", "list", "--workspace", workspace)
    assert len(systems) == 2
    imported = systems[-1]
    assert imported["title"] == "考评工作簿"
    assert imported["assessments"] == 1
    stored = json.loads(
        cli("system", "export", "--workspace", workspace, "--system", str(imported["id"]), "--out", "-").stdout
    )
    items = items_of(stored)
    assert [item["code"] for item in items] == ["001", "002", "003"]
    assert "可访问率不低于95%" in items[0]["rule"]
    assert "可访问率低于95%" in items[0]["rule"]
    assert "考评工作簿" in cli("workspace", "list", "--workspace", workspace).stdout
    app.assert_alive()
