"""The 5,000-row workbook import: ``import_table`` against openpyxl (read-only) reading the same cells.

The sheet is written like a large real table: 一级 labels merged over 100 rows, 二级 labels over 5, a code, points
and a rule text on every row. Run alone with ``python -m bench.import_xlsx`` (prints the two times and the ratio).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import openpyxl

ROWS = 5000  # the sheet's rows, header included: the most an import reads (xlsx.MAX_ROWS)
RULES = (
    "按要求完成得{p}分，每发现一处问题扣0.5分，扣完为止",
    "完成率100%得{p}分；90%-100%得{h}分；90%以下不得分",
    "建立制度得{p}分，未建立不得分",
    "每报送一篇信息得0.5分，最高{p}分",
)


def big_sheet(path: Path, rows: int = ROWS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "考核指标"
    sheet.append(["编号", "一级指标", "二级指标", "分值", "评分细则", "佐证材料", "牵头科室"])
    for n in range(1, rows):
        points = 1 + n % 4
        rule = RULES[n % len(RULES)].format(p=points, h=points / 2)
        first, second = (n - 1) // 100 + 1, (n - 1) // 5 + 1
        sheet.append([f"{n:04d}", f"一级指标{first}", f"二级指标{second}", points, rule, "工作台账", "办公室"])
    for top in range(2, rows + 1, 100):
        sheet.merge_cells(start_row=top, start_column=2, end_row=min(top + 99, rows), end_column=2)
    for top in range(2, rows + 1, 5):
        sheet.merge_cells(start_row=top, start_column=3, end_row=min(top + 4, rows), end_column=3)
    book.save(str(path))
    return path


def read_cells(path: Path) -> int:
    """The baseline: openpyxl in read-only mode, every cell's value read."""
    book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    count = 0
    for row in book.active.iter_rows(values_only=True):
        count += sum(1 for value in row if value is not None)
    book.close()
    return count


def measure(work: Path, runs: int = 5) -> tuple[float, float, int]:
    """(import_table seconds, openpyxl seconds, items imported): medians of ``runs`` runs each, in turn."""
    from egov_desk.core.importers.findings import all_items
    from egov_desk.core.importers.limits import Budget
    from egov_desk.core.importers.pipeline import import_table

    path = big_sheet(work / "5000-rows.xlsx")

    def ours() -> int:  # a budget without a deadline: the bench measures, the import's time limit is not the point
        return len(all_items(import_table(path, budget=Budget(file=path.name, seconds=3600)).data["tree"]))

    items = ours()
    read_cells(path)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, kept in ((ours, times[0]), (lambda: read_cells(path), times[1])):
            start = time.perf_counter()
            action()
            kept.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1]), items


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    with tempfile.TemporaryDirectory() as folder:
        ours_s, base_s, items = measure(Path(folder), int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    ratio = ours_s / base_s
    print(f"import_table {ours_s * 1000:.0f} ms ({items} items), openpyxl {base_s * 1000:.0f} ms: {ratio:.2f}×")
