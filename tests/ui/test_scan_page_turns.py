"""A scanned page's label says its turn as the person made it: a left turn is ↺90°, not ↻270°."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from egov_desk.core.scanning.types import ScannedPage
from egov_desk.ui.scanning.pages import PageStrip, said_turn


def test_a_turn_is_said_the_short_way_round() -> None:
    assert said_turn(0) == ""
    assert said_turn(90) == "↻90°"
    assert said_turn(180) == "180°"
    assert said_turn(270) == "↺90°"
    assert said_turn(-90) == "↺90°"


def test_a_page_turned_left_is_labelled_with_a_left_turn(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    strip = PageStrip()
    image = QImage(20, 30, QImage.Format.Format_RGB32)
    strip.add_page(ScannedPage(tmp_path / "1.png", 200, 20, 30, number=1), image, image)
    page = strip.tr("Page %1").replace("%1", "1")
    strip.turn(-90)
    assert strip.item(0).text() == f"{page} ↺90°"
    strip.turn(90)
    assert strip.item(0).text() == page
    strip.turn(90)
    assert strip.item(0).text() == f"{page} ↻90°"
