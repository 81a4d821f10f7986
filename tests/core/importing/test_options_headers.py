"""The person's options for a table: the header row(s) they name, roles and row kinds passed through."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.importers.findings import all_items
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.headers import RoleGuess, guess_role
from egov_desk.core.importers.options import ImportOptions
from egov_desk.core.importers.pipeline import import_table
from tests.core.importing.files import write_xlsx

# A small key table above the real one: its row is found as the header unless the person says otherwise.
KEY_ABOVE = [
    ["指标", "分值"],
    ["合计", "100"],
    [],
    ["一级指标", "二级指标", "分值", "评分细则"],
    ["政务服务（10）", "一网通办", "6", "全部网上可办得6分，每少一项扣1分"],
    ["政务服务（10）", "好差评", "4", "差评整改率100%得4分，每低5%扣1分"],
]


def test_a_header_row_the_person_names_is_read_instead_of_the_one_found(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "表.xlsx", KEY_ABOVE)
    result = import_table(path, ImportOptions(header_rows=(3,)))
    assert result.layout.header_rows == [3]
    assert [c.role for c in result.layout.columns] == ["level", "level", "points", "rule"]
    assert [i["points"] for i in all_items(result.data["tree"])] == [6, 4]
    assert result.options.header_rows == (3,)


def test_a_header_row_outside_the_table_is_refused_naming_the_flag(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "表.xlsx", KEY_ABOVE)
    with pytest.raises(ImportRefused) as refused:
        import_table(path, ImportOptions(header_rows=(40,)))
    assert refused.value.kind == "bad_header_row"
    assert "--header-row" in str(refused.value)
    assert "--header-row" in refused.value.chinese


def test_a_two_row_header_under_a_merged_title_imports(tmp_path: Path) -> None:
    rows = [
        ["2024年度数字政府建设考核细则", "", "", "", "", ""],
        ["指标", "", "分值", "评分细则", "任务分解", ""],
        ["一级指标", "二级指标", "", "", "牵头科室", "配合科室"],
        ["基础设施（10）", "政务云", "6", "上云率100%得6分，每低10%扣1分", "信息中心", "办公室"],
        ["基础设施（10）", "政务网络", "4", "网络全覆盖得4分，每缺一处扣1分", "信息中心", ""],
    ]
    merges = [(0, 0, 0, 5), (1, 0, 1, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 1, 5), (3, 0, 4, 0)]
    result = import_table(write_xlsx(tmp_path / "两行表头.xlsx", rows, merges))
    assert result.layout.header_rows == [1, 2]
    assert [c.role for c in result.layout.columns] == ["level", "level", "points", "rule", "lead", "cooperating"]
    assert result.data["title"] == "2024年度数字政府建设考核细则"
    (root,) = result.data["tree"]
    assert (root["name"], root["points"]) == ("基础设施", 10)
    items = all_items(result.data["tree"])
    assert [(i["points"], i["lead"], i["cooperating"]) for i in items] == [
        (6, "信息中心", ["办公室"]),
        (4, "信息中心", []),
    ]


def test_roles_given_the_old_way_are_folded_into_the_options(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "表.xlsx", KEY_ABOVE[3:])
    by_keyword = import_table(path, roles={3: "extra"})
    by_position = import_table(path, {3: "extra"})
    assert by_keyword.options.roles == by_position.options.roles == {3: "extra"}
    assert by_keyword.layout.columns[3].role == "extra"


def test_row_kinds_reach_the_tree_and_the_rows_read_come_back(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "表.xlsx", KEY_ABOVE[3:])
    result = import_table(path, ImportOptions(row_kinds={2: "ignore"}))
    assert result.options.row_kinds == {2: "ignore"}
    assert isinstance(result.row_kinds, dict)


def test_a_header_of_just_the_criteria_word_is_the_rule_column_and_standard_points_stay_points() -> None:

    assert guess_role("标准") == RoleGuess("rule")
    assert guess_role("标准分") == RoleGuess("points")
