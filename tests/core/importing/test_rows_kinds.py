"""What the person says a row is wins over the reading, and every row below the header is reported as read."""

from __future__ import annotations

from pathlib import Path

from egov_desk.core.importers.findings import grouped
from tests.core.importing.files import write_xlsx
from tests.core.importing.rows_tree import build, item_list, messages, shape

HEADER = ["一级指标", "二级指标", "分值", "评分细则"]


def test_the_persons_row_kinds_win_over_the_reading(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "kinds.xlsx",
        [
            HEADER,
            ["基础设施（10分）", "", "", "总体要求"],  # 1 read as an item; the person: a level
            ["", "机房", "4", "机房达标得4分"],  # 2 item
            ["", "", "", "优秀得4分"],  # 3 read as a tier; the person: an item of its own
            ["", "网络", "6", "网络畅通得6分"],  # 4 the person: ignore
            ["全市统一要求", "", "", ""],  # 5 the person: a section above the level columns
            ["应用服务", "网站", "6", "网站正常运行得6分"],  # 6 item
            ["", "", "", "按要求更新栏目"],  # 7 the person: a tier of the item above
        ],
    )
    built = build(path, {1: "level", 3: "item", 4: "ignore", 5: "section", 7: "tier"})
    assert shape(built.roots) == [
        ("基础设施", [("机房", [], ["", ""])], []),
        ("全市统一要求", [("应用服务", [("网站", [], [""])], [])], []),
    ]
    assert str(built.roots[0].points) == "10"
    rules = [item["rule"] for item in item_list(built.roots)]
    assert rules == ["机房达标得4分", "优秀得4分", "网站正常运行得6分\n按要求更新栏目"]
    assert built.row_kinds == {
        1: "level",
        2: "item",
        3: "item",
        4: "ignore",
        5: "section",
        6: "item",
        7: "tier",
    }
    assert "已按指定忽略此行" in messages(built)


def test_every_row_below_the_header_is_reported_with_what_it_was_read_as(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "reported.xlsx",
        [
            HEADER,
            ["发展环境", "统筹协调", "5", "有年度计划的，得5分"],
            ["", "", "", ""],
            ["", "项目管理", "5", "每个项目1分，最高5分"],
            ["合计", "", "10", ""],
        ],
    )
    built = build(path)
    assert built.row_kinds == {1: "item", 2: "ignore", 3: "item", 4: "ignore"}


def test_rows_the_person_ignores_are_listed_in_one_finding(tmp_path: Path) -> None:
    rows = [HEADER] + [["发展环境", f"第{n}项", "1", f"完成得1分（{n}）"] for n in range(1, 7)]
    built = build(write_xlsx(tmp_path / "ignored.xlsx", rows), {3: "ignore", 4: "ignore", 5: "ignore"})
    assert len(item_list(built.roots)) == 3
    ignored = [f for f in grouped(built.findings) if "按指定忽略" in f.message]
    assert [f.message for f in ignored] == ["3 行已按指定忽略：指标 第4–6行"]
