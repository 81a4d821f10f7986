"""Waiting for what the screen of the real egov-desk process shows, and keeping pictures of it (the import
wizard's and the system editor's keyboard stories)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.desktop import App, Window, wait_until

SHOTS = "EGOV_E2E_SHOTS"  # a folder to keep the screenshots of a test's key moments in (else the test's tmp_path)


def wait_still(app: App, window: Window, timeout: float = 20, interval: float = 0.3) -> None:
    """Wait until the window's pixels stop changing for two intervals running: a read off the UI thread has
    finished (its busy bar no longer moves) and the page shows its result. Call it with the keyboard outside
    text fields: a blinking text cursor never stands still."""
    seen: list[bytes] = []

    def still() -> bool:
        app.assert_alive(f"waiting for /{window.title}/ to settle")
        seen.append(app.display.window_pixels(window.id))
        return len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3]

    wait_until(still, timeout, interval, what=f"the window /{window.title}/ to stop changing")


def key_moment(app: App, tmp_path: Path, name: str) -> Path:
    """A screenshot of the whole screen at a moment worth looking at, as `name`.png in $EGOV_E2E_SHOTS (or the
    test's tmp_path/shots)."""
    folder = Path(os.environ.get(SHOTS) or tmp_path / "shots")
    return app.screenshot(folder / f"{name}.png")


def count_windows(app: App, pattern: str, count: int, timeout: float = 10) -> None:
    """Wait until exactly `count` windows of the app match `pattern` (a question box takes its window's title)."""
    wait_until(
        lambda: app.assert_alive(f"waiting for {count} windows /{pattern}/") or len(app.windows(pattern)) == count,
        timeout,
        what=f"{count} window(s) titled /{pattern}/ (open: {app.titles()!r})",
    )
