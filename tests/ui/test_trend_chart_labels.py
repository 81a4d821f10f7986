"""The trend chart with four assessments: its x labels are the years (with a short title only where a year has
several), never overlapping; a partly scored year shows its points and how many items are left, not a drop."""

from __future__ import annotations

import itertools
from decimal import Decimal

from egov_desk.core.trend import LevelTrend, TrendPoint
from egov_desk.ui.widgets.trend_chart import TrendChart


def four_years() -> list[LevelTrend]:
    points = (
        TrendPoint(1, 2019, "", Decimal("12.5"), Decimal(14)),
        TrendPoint(2, 2020, "自评", Decimal(3), Decimal(14), unscored=9),
        TrendPoint(3, 2020, "自评（2020年电子政务工作绩效年终考评指标体系）", None, Decimal(14)),
        TrendPoint(4, 2021, "", None, Decimal(14)),
    )
    return [LevelTrend("发展环境", points), LevelTrend("基础设施", points)]


def test_the_years_labels_do_not_overlap(qtbot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(480, 200)
    chart.show_trends(four_years())
    chart.grab()
    assert chart.painted == 2
    for cell in chart.year_labels:
        texts = [text for _box, text in cell]
        assert texts[0] == "2019"
        assert texts[3] == "2021"
        assert all(text.startswith("2020") for text in texts[1:3])
        for (box_a, _a), (box_b, _b) in itertools.pairwise(cell):
            assert box_a.right() <= box_b.left()


def test_a_partly_scored_year_says_how_many_items_are_left(qtbot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    partial = four_years()[0].points[1]
    assert partial.partial
    assert chart.value_text(partial) == "3.00 · " + chart.tr("%1 unscored").replace("%1", "9")
    assert chart.value_text(four_years()[0].points[0]) == "12.50/14"
    chart.show_trends(four_years())
    assert "9" in chart.toolTip()
