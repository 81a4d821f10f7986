"""The report's chart of the levels' scores: a picture for a table with points, none for a table of judgements."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage

from egov_desk.core.indicators import system_from_interchange
from egov_desk.core.scoring import score_system
from egov_desk.core.templates import load_template
from egov_desk.render.charts import level_bars_png
from tests.core.test_exports_pass_fail import judged_system_data


def test_a_table_with_points_gets_its_bars(qapp: Any) -> None:
    png = level_bars_png(score_system(load_template("builtin:2019"), {}))
    assert not QImage.fromData(png).isNull()


def test_a_table_of_judgements_gets_no_chart(qapp: Any) -> None:
    assert level_bars_png(score_system(system_from_interchange(judged_system_data()), {})) == b""
