"""Every kind of table issue 14 lists reads right with at most three corrections, and drops no row unsaid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from egov_desk.core.importers.findings import all_items
from egov_desk.core.importers.options import ImportOptions
from egov_desk.core.importers.pipeline import import_table, system_data
from egov_desk.core.indicators import system_from_interchange
from tests.core.importing.table_kinds import KINDS, Kind, kpi_sheet, two_tables_sheet

# The corrections a person makes in the wizard (or on the command line) for a right reading; none where the
# automatic reading is right already.
CORRECTIONS: dict[str, ImportOptions] = {}


def corrections(options: ImportOptions) -> int:
    return (
        (options.sheet is not None)
        + (options.header_rows is not None)
        + len(options.roles)
        + len(set(options.row_kinds.values()))
    )


def item_names(data: dict[str, Any]) -> list[str]:
    return [item.get("name") or item["rule"] for item in all_items(data["tree"])]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_each_kind_reads_right_with_at_most_three_corrections(kind: Kind, tmp_path: Path) -> None:
    options = CORRECTIONS.get(kind.name, ImportOptions())
    assert corrections(options) <= 3
    result = import_table(kind.build(tmp_path), options=options)
    assert len(all_items(result.data["tree"])) == kind.items, item_names(result.data)
    if kind.roots:
        assert [node["name"] for node in result.data["tree"]] == kind.roots
    types = {item["scoring"]["type"] for item in all_items(result.data["tree"])}
    assert (types == {"pass_fail"}) == kind.pass_fail, types
    assert not result.errors, [f.message for f in result.errors]
    system = system_from_interchange(system_data(result))
    assert len(system.items()) == kind.items


def test_a_sheet_of_two_titled_tables_is_named_after_its_file(tmp_path: Path) -> None:
    result = import_table(two_tables_sheet(tmp_path))
    assert result.data["title"] == "两张表"  # each table's own title names its top-level level


def test_a_flat_table_names_its_items_by_their_indicator(tmp_path: Path) -> None:
    result = import_table(kpi_sheet(tmp_path))
    [level] = result.data["tree"]
    assert level["name"] == "部门年度关键绩效指标(KPI)考核表"
    assert [(item["name"], item["points"]) for item in level["items"]] == [
        ("政务服务事项网上可办率", 30),
        ("数据共享目录编制完成率", 40),
        ("网络安全事件", 30),
    ]
    assert "3 个指标各只有一个评分项，已作为评分项的名称" in " ".join(f.message for f in result.findings)


def test_each_of_two_flat_tables_on_a_sheet_holds_its_named_items(tmp_path: Path) -> None:
    tree = import_table(two_tables_sheet(tmp_path)).data["tree"]
    assert [(node["name"], [item["name"] for item in node["items"]]) for node in tree] == [
        ("共性指标考核表", ["政务公开", "安全管理"]),
        ("个性指标考核表", ["重点项目推进", "信访办理"]),
    ]


def test_a_column_only_the_second_table_names_is_not_said_to_be_unrecognised(tmp_path: Path) -> None:
    messages = [finding.message for finding in import_table(two_tables_sheet(tmp_path)).findings]
    assert not [message for message in messages if "未识别的列" in message]


def test_the_second_tables_header_is_read_as_a_header(tmp_path: Path) -> None:
    result = import_table(two_tables_sheet(tmp_path))
    assert result.header_rows == (1, 6)  # grid rows: 第2行 and 第7行
