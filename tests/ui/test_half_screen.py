"""Two people's windows side by side on one 1366-px screen (683 px each): the item panel is as wide as what it shows
needs — the tree gives way — so no score field, button or note is cut off at its right edge (the panel never
scrolls sideways)."""

from __future__ import annotations

import pytest

from egov_desk.ui.main_window import MainWindow


@pytest.mark.parametrize("code", ["001", "015", "021"])
def test_at_half_a_1366_screen_the_item_panel_shows_all_it_holds(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, code: str
) -> None:
    window.showNormal()
    window.resize(683, 740)
    window.select_item(code)
    qtbot.waitUntil(lambda: window.width() == 683)
    panel = window.panel
    content = panel.widget()
    assert content is not None
    qtbot.waitUntil(lambda: panel.viewport().width() >= content.minimumSizeHint().width())
    assert window.splitter.sizes()[0] >= 300  # the tree keeps a useful width
