"""The comparison workbook shows scores to the cent and long names whole (wrapped, the row as tall as it needs)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from egov_desk.core.comparison import compare_assessments
from egov_desk.core.exports.comparison_xlsx import write_comparison_xlsx
from egov_desk.core.workspace import Workspace
from tests.core.test_comparison import two_years


def test_scores_show_two_decimals_and_long_names_wrap_in_rows_tall_enough(workspace: Workspace, tmp_path: Path) -> None:
    comparison = compare_assessments(workspace, 1, two_years(workspace))
    book = load_workbook(write_comparison_xlsx(comparison, tmp_path / "对比.xlsx"))
    items = book["逐项对比"]
    assert {items.cell(row=2, column=column).number_format for column in (5, 6, 7)} == {"0.00"}
    assert book["一级指标"].cell(row=2, column=4).number_format == "0.00"
    long_rows = [row for row in range(2, items.max_row + 1) if len(str(items.cell(row=row, column=2).value or "")) > 20]
    assert long_rows
    for row in long_rows:
        assert items.cell(row=row, column=2).alignment.wrap_text
        assert (items.row_dimensions[row].height or 0) >= 30
