"""A Word table continued in a second table whose first rows have blank level cells keeps those rows."""

from __future__ import annotations

from pathlib import Path

from egov_desk.core.importers.findings import grouped
from egov_desk.core.importers.pipeline import import_table
from tests.core.importing.files import write_docx
from tests.core.importing.rows_tree import build, shape

HEADER = ["一级指标", "二级指标", "编号", "分值", "评分细则"]


def test_rows_with_blank_level_cells_at_the_top_of_the_next_table_continue_its_levels(tmp_path: Path) -> None:
    first = [HEADER] + [["基础设施", "机房", f"{n:03d}", "2", f"第{n}项达到要求得2分"] for n in range(1, 4)]
    second = [["", "", f"{n:03d}", "2", f"第{n}项达到要求得2分"] for n in range(4, 7)]
    second += [["", "网络", "007", "2", "网络畅通得2分"], ["应用服务", "网站", "008", "4", "网站正常运行得4分"]]
    merges_first = [(1, 0, 3, 0), (1, 1, 3, 1)]  # the levels merged down, as Word tables are
    merges_second = [(0, 0, 3, 0), (0, 1, 2, 1)]  # and again in the continued table, blank
    path = write_docx(
        tmp_path / "continued.docx", [(first, merges_first), (second, merges_second)], title="2024年电子政务考评指标"
    )
    built = build(path)
    assert shape(built.roots) == [
        ("基础设施", [("机房", [], ["001", "002", "003", "004", "005", "006"]), ("网络", [], ["007"])], []),
        ("应用服务", [("网站", [], ["008"])], []),
    ]
    continued = [f.message for f in grouped(built.findings) if "接续上一个表格" in f.message]
    assert continued == ["4 行的指标列为空，接续上一个表格的指标：表2 第1–4行"]
    result = import_table(path)
    assert not result.errors
    assert result.data["total_points"] == 18
