"""`egov-desk-cli import` with the person's corrections: --sheet, --header-row, --rows, --role, --show-rows,
--list-sheets; bad values refused in one line naming the flag, in English and in Chinese."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

CLI = Path(sys.executable).parent / "egov-desk-cli"
FORM = [["填报单位", "某某区数据局"], ["联系人", "张三"], ["联系电话", "13800000000"], ["填报日期", "2024-01-05"]]
TABLE = [
    ["2024年度数字政府考核表"],
    ["说明：本表由各科室填写"],
    ["一级指标", "二级指标", "分值", "评分细则", "编号"],
    ["政务服务（10）", "一网通办", "6", "事项全部网上可办得6分，每少一项扣1分", "001"],
    ["政务服务（10）", "好差评", "4", "差评整改率100%得4分，每低5%扣1分", "002"],
    ["数据共享（5）", "共享交换", "5", "按需求完成交换得5分，每拖延一次扣1分", "003"],
]
NO_HEADER = [list(row) for row in TABLE[3:]]


def run(*args: str, language: str = "en_US.UTF-8") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL=language, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def workbook(path: Path, sheets: list[tuple[str, list[list[str]]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(str(path))
    return path


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return workbook(tmp_path / "考核.xlsx", [("填报信息", FORM), ("指标", TABLE), ("无表头", NO_HEADER)])


def test_list_sheets_shows_each_sheet_and_the_one_read(book: Path) -> None:
    listed = run("import", str(book), "--list-sheets", "--json")
    assert listed.returncode == 0, listed.stderr
    sheets = json.loads(listed.stdout)["sheets"]
    assert [(s["name"], s["chosen"]) for s in sheets] == [("填报信息", False), ("指标", True), ("无表头", False)]
    text = run("import", str(book), "--list-sheets", language="zh_CN.UTF-8").stdout
    assert "* 指标" in text
    assert "填报表" in text


def test_a_sheet_picked_and_its_rows_shown_as_the_sheet_numbers_them(book: Path) -> None:
    done = run("import", str(book), "--sheet", "指标", "--show-rows", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    rows = {row["number"]: row for row in found["rows"]}
    assert rows[3]["kind"] == "header"
    assert rows[3]["where"] == "指标 第3行"
    assert rows[4]["texts"][:2] == ["政务服务（10）", "一网通办"]
    codes = [
        i["code"]
        for n in found["tree"]
        for i in n.get("items", []) + [j for c in n.get("children", []) for j in c.get("items", [])]
    ]
    assert codes == ["001", "002", "003"]


def test_no_header_and_a_header_row_given(book: Path) -> None:
    inferred = json.loads(run("import", str(book), "--sheet", "无表头", "--header-row", "none", "--json").stdout)
    assert any("按内容推断" in f["message"] for f in inferred["findings"])
    assert inferred["tree"][0]["name"] == "政务服务"
    given = run("import", str(book), "--sheet", "指标", "--header-row", "3", "--role", "5=code", "--json")
    assert given.returncode == 0, given.stderr
    assert json.loads(given.stdout)["title"] == "2024年度数字政府考核表"


def test_rows_marked_reach_the_import_and_it_goes_into_a_workspace(book: Path, tmp_path: Path) -> None:
    assert run("workspace", "init", "--workspace", str(tmp_path / "ws")).returncode == 0
    done = run(
        "import",
        str(book),
        "--sheet",
        "指标",
        "--header-row",
        "3",
        "--rows",
        "2=忽略",
        "--rows",
        "4-5=item",
        "--into",
        str(tmp_path / "ws"),
    )
    assert done.returncode == 0, done.stderr
    assert "added to" in done.stderr


@pytest.mark.parametrize(
    ("flag", "value", "english", "chinese"),
    [
        ("--header-row", "x", "--header-row x: expected a row number", "--header-row x：应为行号"),
        ("--header-row", "3,5", "must be adjacent", "须相邻"),
        ("--rows", "2-4=row", "--rows 2-4=row: expected A-B=KIND", "--rows 2-4=row：应为"),
        ("--rows", "5-2=item", "the first before the last", "起不大于止"),
        ("--role", "0=rule", "--role 0=rule: expected COLUMN=ROLE", "--role 0=rule：应为"),
        (
            "--sheet",
            "没有",
            "no sheet named '没有' (its sheets: 填报信息, 指标, 无表头)",
            "现有：填报信息、指标、无表头",
        ),
        ("--header-row", "99", "header row 99", "表头行 99"),
    ],
)
def test_bad_values_are_refused_in_one_line_naming_the_flag(
    book: Path, flag: str, value: str, english: str, chinese: str
) -> None:
    said = run("import", str(book), flag, value)
    assert said.returncode == 2
    assert english in said.stderr
    assert len(said.stderr.strip().splitlines()) == 1
    in_chinese = run("import", str(book), flag, value, language="zh_CN.UTF-8")
    assert chinese in in_chinese.stderr
