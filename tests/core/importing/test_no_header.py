"""A table without a header row: its columns are told from their content, with a finding saying how to correct."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from egov_desk.core.importers.findings import all_items
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.options import ImportOptions
from egov_desk.core.importers.pipeline import import_table
from tests.core.importing.files import write_xlsx

ROWS = [
    ["2024年度政务公开考核表", "", "", "", "", "", ""],
    ["1", "政务公开（20）", "主动公开", "8", "按目录主动公开得8分，每缺一类扣1分", "公开目录截图", "办公室"],
    ["2", "政务公开（20）", "依申请公开", "6", "按期答复率100%得6分，每超期一件扣1分", "答复台账", "法规科"],
    ["3", "政务公开（20）", "政策解读", "6", "重要政策全部解读得6分，每缺一件扣2分", "解读文章链接", "办公室"],
    ["4", "数据共享（10）", "目录编制", "5", "目录完整准确得5分，发现一处错误扣0.5分", "目录清单", "信息中心"],
    ["5", "数据共享（10）", "共享交换", "5", "按需求完成交换得5分，每拖延一次扣1分", "交换记录", "信息中心"],
]
MERGES = [(0, 0, 0, 6), (1, 1, 3, 1), (4, 1, 5, 1)]


def items_by_code(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in all_items(data["tree"])}


def test_a_table_without_a_header_imports_with_its_columns_inferred(tmp_path: Path) -> None:
    result = import_table(write_xlsx(tmp_path / "无表头.xlsx", ROWS, MERGES))
    roles = [c.role for c in result.layout.columns]
    assert roles == ["code", "level", "name", "points", "rule", "evidence", "lead"]
    assert result.layout.inferred
    assert result.data["title"] == "2024年度政务公开考核表"
    assert result.data["year"] == 2024
    assert [(n["name"], n["points"]) for n in result.data["tree"]] == [("政务公开", 20), ("数据共享", 10)]
    items = items_by_code(result.data)
    assert list(items) == ["1", "2", "3", "4", "5"]
    assert items["2"]["name"] == "依申请公开"
    assert items["2"]["points"] == 6
    assert items["2"]["lead"] == "法规科"
    assert items["4"]["evidence"] == "目录清单"
    warned = [f for f in result.findings if "按内容推断" in f.message]
    assert [f.severity for f in warned] == ["warning"]
    assert "--header-row" in warned[0].message
    assert "--role" in warned[0].message


def test_no_header_said_by_the_person_infers_even_where_a_row_looks_like_one(tmp_path: Path) -> None:
    rows = [ROWS[0], ["编号", "指标", "", "分值", "", "", ""], *ROWS[1:]]
    found = import_table(write_xlsx(tmp_path / "a.xlsx", rows, [(0, 0, 0, 6)]))
    assert not found.layout.inferred
    assert found.layout.header_rows == [1]
    inferred = import_table(write_xlsx(tmp_path / "b.xlsx", ROWS, MERGES), ImportOptions(header_rows=()))
    assert inferred.layout.inferred
    assert len(items_by_code(inferred.data)) == 5


def test_the_persons_roles_win_over_the_inferred_ones(tmp_path: Path) -> None:
    result = import_table(write_xlsx(tmp_path / "无表头.xlsx", ROWS, MERGES), roles={5: "extra"})
    assert result.layout.columns[5].role == "extra"
    assert not result.layout.columns[5].guessed
    assert items_by_code(result.data)["1"]["evidence"] == ""


def test_a_table_whose_content_names_no_rule_either_is_refused_with_the_way_on(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "名单.xlsx", [["张三", "办公室"], ["李四", "法规科"], ["王五", "信息中心"]])
    with pytest.raises(ImportRefused) as refused:
        import_table(path)
    assert refused.value.kind == "no_header"
    assert "--header-row" in str(refused.value)
    assert "--header-row" in refused.value.chinese
    assert "--role" in refused.value.chinese
