"""A workbook's sheet is chosen by its content: a data-entry form first loses to the indicator table."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.options import ImportOptions
from egov_desk.core.importers.pipeline import import_table, read_grid

FORM = [
    ["2024年度绩效考评自评表填报信息"],
    ["填报单位", "某某区数据局"],
    ["联系人", "张三"],
    ["联系电话", "13800000000"],
    ["填报日期", "2024-01-05"],
]
TABLE = [
    ["一级指标", "二级指标", "分值", "评分细则"],
    ["政务服务（10）", "一网通办", "6", "事项全部网上可办得6分，每少一项扣1分"],
    ["政务服务（10）", "好差评", "4", "差评整改率100%得4分，每低5%扣1分"],
]
SMALL = [
    ["一级指标", "分值", "评分细则"],
    ["安全", "5", "未发生安全事件得5分，发生一起扣2分"],
]


def workbook(path: Path, sheets: list[tuple[str, list[list[str]]]], hidden: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(str(path))
    return path


def test_a_data_entry_form_first_loses_to_the_sheet_with_the_indicator_table(tmp_path: Path) -> None:
    path = workbook(tmp_path / "自评.xlsx", [("填报信息", FORM), ("考核指标", TABLE)])
    result = import_table(path)
    assert result.grid.labels[0].startswith("考核指标")
    assert [(s.name, s.chosen) for s in result.sheets] == [("填报信息", False), ("考核指标", True)]
    form = result.sheets[0]
    assert "填报表" in form.why
    assert form.score < result.sheets[1].score
    assert any("--sheet" in f.message for f in result.findings)


def test_the_person_picks_another_sheet_by_name(tmp_path: Path) -> None:
    path = workbook(tmp_path / "两表.xlsx", [("考核指标", TABLE), ("附表", SMALL)])
    result = import_table(path, ImportOptions(sheet="附表"))
    assert result.grid.labels[1] == "附表 第2行"
    assert [s.name for s in result.sheets if s.chosen] == ["附表"]
    assert result.options.sheet == "附表"
    assert "按指定读取" in result.sheets[1].why


def test_an_unknown_sheet_is_refused_naming_the_sheets_there_are(tmp_path: Path) -> None:
    path = workbook(tmp_path / "两表.xlsx", [("填报信息", FORM), ("考核指标", TABLE)])
    with pytest.raises(ImportRefused) as refused:
        import_table(path, ImportOptions(sheet="指标"))
    assert refused.value.kind == "unknown_sheet"
    assert "填报信息, 考核指标" in str(refused.value)
    assert "--sheet" in str(refused.value)
    assert "填报信息、考核指标" in refused.value.chinese
    assert "“指标”" in refused.value.chinese


def test_a_hidden_sheet_is_never_chosen_unless_named(tmp_path: Path) -> None:
    path = workbook(tmp_path / "隐藏.xlsx", [("附表", SMALL), ("旧指标", TABLE)], hidden=("旧指标",))
    sheets = read_grid(path).sheets
    assert [(s.name, s.chosen, s.hidden) for s in sheets] == [("附表", True, False), ("旧指标", False, True)]
    assert "隐藏" in sheets[1].why
    assert read_grid(path, sheet="旧指标").labels[0] == "旧指标 第1行"


def test_a_word_document_has_no_sheet_to_pick(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "表.docx"
    docx.Document().save(str(path))
    with pytest.raises(ImportRefused) as refused:
        read_grid(path, sheet="Sheet1")
    assert refused.value.kind == "no_sheets"
