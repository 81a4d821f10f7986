"""Where a table's items end: repeated headers, legends, signatures and a second table on the same sheet."""

from __future__ import annotations

from pathlib import Path

from egov_desk.core.importers.findings import grouped
from egov_desk.core.importers.pipeline import import_table
from tests.core.importing.files import write_xlsx
from tests.core.importing.rows_tree import build, item_list, messages, shape


def test_a_header_repeated_before_each_block_is_skipped_also_when_worded_differently(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "二级指标", "分值", "评分细则"],
        ["发展环境", "统筹协调", "5", "有计划得5分"],
        ["指标", "指标内容", "分数", "评分标准"],
        ["基础设施", "网络", "5", "畅通得5分"],
        ["一级指标", "二级指标", "分值", "评分细则"],
        ["应用服务", "网站", "5", "运行正常得5分"],
    ]
    built = build(write_xlsx(tmp_path / "repeated.xlsx", rows))
    assert [level.name for level in built.roots] == ["发展环境", "基础设施", "应用服务"]
    assert [built.row_kinds[row] for row in (2, 4)] == ["ignore", "ignore"]
    assert "2 个重复的表头行，已跳过：指标 第3、5行" in [f.message for f in grouped(built.findings)]


def test_legend_and_signature_rows_are_not_items(tmp_path: Path) -> None:
    rows = [
        ["一级指标", "二级指标", "分值", "评分细则"],
        ["发展环境", "统筹协调", "5", "有计划得5分"],
        ["", "项目管理", "5", "每个项目1分，最高5分"],
        ["标识说明：★为学校填写项"],
        ["★为必填项"],
        ["填表人：", "", "审核人：", ""],
        ["单位（盖章）", "", "日期：", ""],
    ]
    built = build(write_xlsx(tmp_path / "footer.xlsx", rows))
    assert len(item_list(built.roots)) == 2
    assert all(built.row_kinds[row] == "ignore" for row in (3, 4, 5, 6))
    found = [f.message for f in grouped(built.findings)]
    assert "2 行标识或填写说明，不作为评分项：指标 第4–5行" in found
    assert "2 行签字或落款，不作为评分项：指标 第6–7行" in found


def two_tables(tmp_path: Path, first_title: str) -> Path:
    rows = [
        [first_title],
        ["序号", "指标", "分值", "评分标准"],
        ["1", "政务公开", "10", "按时公开得10分"],
        ["2", "安全管理", "10", "未发生安全事件得10分"],
        [""],
        ["个性指标考核表"],
        ["评分标准", "序号", "考核内容", "分值"],  # its own header, the columns in another order
        ["按期完成得20分", "1", "重点项目推进", "20"],
        ["办结率100%得10分", "2", "信访办理", "10"],
    ]
    return write_xlsx(tmp_path / "two.xlsx", rows, [(0, 0, 0, 3), (5, 0, 5, 3)])


def test_a_second_table_on_the_sheet_is_read_by_its_own_header_under_its_title(tmp_path: Path) -> None:
    built = build(two_tables(tmp_path, "共性指标考核表"))
    assert shape(built.roots) == [
        ("共性指标考核表", [("政务公开", [], ["1"]), ("安全管理", [], ["2"])], []),
        ("个性指标考核表", [("重点项目推进", [], ["2-1"]), ("信访办理", [], ["2-2"])], []),
    ]
    later = item_list(built.roots[1:])
    assert [(item["rule"], item["points"]) for item in later] == [("按期完成得20分", 20), ("办结率100%得10分", 10)]
    assert [str(level.points) for level in built.roots] == ["20", "30"]
    assert {row: built.row_kinds[row] for row in (4, 5, 6, 7, 8)} == {
        4: "ignore",
        5: "section",
        6: "ignore",
        7: "item",
        8: "item",
    }
    found = messages(built)
    assert any(m.startswith("第2个表“个性指标考核表”（标题与表头：指标 第6–7行）按其自己的表头读取") for m in found)
    assert "第2个表“个性指标考核表”的编号从头开始，与前面的表重复，已在 2 项的编号前加“2-”：指标 第8–9行" in found


def test_the_first_table_without_a_title_stays_at_the_top(tmp_path: Path) -> None:
    path = two_tables(tmp_path, "")
    built = build(path)
    assert [level.name for level in built.roots] == ["政务公开", "安全管理", "个性指标考核表"]
    result = import_table(path)
    assert not result.errors
    codes = [item["code"] for item in item_list(built.roots)]
    assert codes == ["1", "2", "2-1", "2-2"]
