"""The second start of the real app: the window as it was left is painted first (ui/first_screen), and what is
typed at once lands in the real window that takes its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import MAIN_TITLE, find_item, inputs, step, wait_until

pytestmark = pytest.mark.e2e


def test_the_next_start_shows_the_window_as_left_and_keeps_what_is_typed_at_once(
    launch: Launcher, workspace_dir: Path
) -> None:
    app = launch(workspace_dir)
    app.wait_main()
    with step("021 chosen from the keyboard, then Ctrl+Q"):
        find_item(app, "021")
        app.key("ctrl+q")
        assert app.wait_exit(timeout=20) == 0
    with step("started again: F2, 8, Tab, 9, Tab typed as soon as a window is there"):
        again = launch(workspace_dir)
        again.wait_window(MAIN_TITLE, timeout=30)
        again.key("F2", "ctrl+a")
        again.type("8")
        again.key("Tab", "ctrl+a")
        again.type("9")
        again.key("Tab")
        wait_until(
            lambda: inputs(workspace_dir).get("021") == {"numerator": 8, "denominator": 9},
            timeout=20,
            what="021 typed at once saved as 8/9",
        )
    logs = "".join(path.read_text(errors="replace") for path in sorted((again.home / "state").rglob("*.log")))
    assert "first screen: painted from the snapshot" in logs
    again.assert_alive()
