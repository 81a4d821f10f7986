"""The gauge says 否决 in red with the item's code when a veto is triggered, and 基础分 + 加分 − 扣分 when the
system has bonus or deduction sections."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from egov_desk.core.indicators import system_from_interchange
from egov_desk.core.scoring import score_system
from egov_desk.ui.widgets.gauge import VETO, ScoreGauge
from tests.core.test_veto_bonus import BASE, system_data


def gauge(qtbot: Any) -> ScoreGauge:
    shown = ScoreGauge()
    qtbot.addWidget(shown)
    shown.resize(900, 118)
    return shown


def has_colour(shown: ScoreGauge, colour: QColor) -> bool:
    image = shown.grab().toImage()
    return any(
        image.pixelColor(x, y) == colour for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )


def test_a_triggered_veto_is_shown_in_red_with_the_items_code(qtbot: Any) -> None:
    shown = gauge(qtbot)
    system = system_from_interchange(system_data("zero"))
    shown.set_sheet(score_system(system, BASE))
    assert shown.veto_text == ""
    assert not has_colour(shown, VETO)
    shown.set_sheet(score_system(system, BASE | {"2": {"count": 2, "vetoed": True}}))
    assert "2" in shown.veto_text
    assert shown.total_text == "0.00 / 100"
    assert has_colour(shown, VETO)


def test_a_fail_veto_keeps_the_total_and_still_says_it(qtbot: Any) -> None:
    shown = gauge(qtbot)
    shown.set_sheet(score_system(system_from_interchange(system_data("fail")), BASE | {"2": {"vetoed": True}}))
    assert shown.total_text == "50.50 / 100"
    assert shown.veto_text
    assert has_colour(shown, VETO)


def test_the_bonus_and_deduction_are_shown_beside_the_base(qtbot: Any) -> None:
    shown = gauge(qtbot)
    sheet = score_system(system_from_interchange(system_data()), BASE | {"B2": {"yes": True}, "D1": {"count": 1}})
    shown.set_sheet(sheet)
    assert shown.total_text == "91.00 / 100"
    for figure in ("88.50", "3.00", "0.50"):
        assert figure in shown.breakdown_text
    plain = system_from_interchange(system_data() | {"tree": system_data()["tree"][:1]})
    shown.set_sheet(score_system(plain, BASE))
    assert shown.breakdown_text == ""
