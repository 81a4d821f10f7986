"""视图 → 历年对比…: two years side by side in the real window, the items that lost points first, the trend chart
with a series per 一级指标, print preview and the workbook."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from egov_desk.core.workspace import Workspace
from egov_desk.ui.comparison_window import ComparisonWindow, item_change, level_change, open_comparison
from egov_desk.ui.main_window import MainWindow
from tests.core.test_comparison import two_years


def opened(window: MainWindow, workspace: Workspace, qtbot) -> tuple[ComparisonWindow, int]:  # type: ignore[no-untyped-def]
    later = two_years(workspace)
    window.refresh_assessments()
    window.switch_to_assessment(later)
    comparison = open_comparison(window.context)
    qtbot.addWidget(comparison)
    qtbot.waitExposed(comparison)
    return comparison, later


def ordered(deltas: list[Decimal | None]) -> bool:
    known = [delta for delta in deltas if delta is not None]
    return known == sorted(known) and deltas == known + [None] * (len(deltas) - len(known))


def test_it_compares_the_assessment_shown_with_the_year_before(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    comparison, later = opened(window, workspace, qtbot)
    assert comparison.chosen() == (1, later)
    assert "2019" in comparison.summary.text()


def test_the_items_and_levels_that_lost_points_come_first(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    comparison, _ = opened(window, workspace, qtbot)
    result = comparison.comparison
    assert result is not None
    deltas = {(row.code_b or row.code_a): item_change(row) for row in result.items}
    levels = {level.name: level_change(level) for level in result.levels}
    table = comparison.table
    shown_levels = [table.topLevelItem(n).text(1) for n in range(table.topLevelItemCount() - 1)]  # then 合计
    assert ordered([levels[name] for name in shown_levels])
    for n in range(len(shown_levels)):
        level = table.topLevelItem(n)
        codes = [level.child(c).text(0) for c in range(level.childCount())]
        assert ordered([deltas[code] for code in codes])
    first = table.topLevelItem(0)
    assert first.child(0).text(0) == "003"  # 2019's 2.00, 2020's not yet scored: listed, but nothing lost
    assert first.child(0).text(3) == "2.00 → —"
    assert first.child(0).text(4) == ""
    assert table.topLevelItem(table.topLevelItemCount() - 1).text(1) == comparison.tr("Total")


def test_an_item_scored_lower_comes_before_one_not_yet_scored(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    comparison, _ = opened(window, workspace, qtbot)
    workspace.set_input(1, "005", {"yes": True})  # 2020 judged it no
    comparison.compare()
    first = comparison.table.topLevelItem(0)
    assert first.child(0).text(0) == "005"
    assert first.child(0).text(4).startswith("-")
    assert comparison.comparison is not None
    assert [row.code for row in comparison.comparison.lost] == ["005"]


def test_only_changes_hides_the_items_that_stayed_the_same(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    comparison, _ = opened(window, workspace, qtbot)
    everything = len(comparison.item_codes())
    comparison.only_changed.setChecked(True)
    assert set(comparison.item_codes()) == {"003", "021", "005"}
    assert len(comparison.item_codes()) < everything


def test_the_trend_chart_paints_a_series_per_first_level(window: MainWindow, workspace: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    comparison, _ = opened(window, workspace, qtbot)
    chart = comparison.chart
    assert [level.name for level in chart.series] == [node.name for node in workspace.system(1).tree]
    assert all(len(level.points) == 2 for level in chart.series)
    chart.grab()
    assert chart.painted == len(chart.series)


def test_print_preview_and_the_workbook(window: MainWindow, workspace: Workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from egov_desk.ui.html_preview import paint_html

    comparison, _ = opened(window, workspace, qtbot)
    dialog = comparison.print_preview()
    assert dialog is not None
    assert "合计" in dialog.page_html
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "对比.pdf"))
    assert paint_html(dialog.page_html, printer) >= 1
    dialog.close()
    comparison.export(tmp_path / "对比.xlsx")
    qtbot.waitUntil(lambda: comparison.last_export is not None, timeout=10000)
    assert load_workbook(tmp_path / "对比.xlsx").sheetnames == ["逐项对比", "一级指标", "说明"]
