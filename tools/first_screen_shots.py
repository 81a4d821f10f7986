"""Screenshots of the first screen beside the real window, on the X display given (a window manager running):

    Xvfb :64 -screen 0 1366x768x24 & DISPLAY=:64 openbox &
    DISPLAY=:64 python tools/first_screen_shots.py OUT

A demo-like workspace (021 scored, the unit named) is opened in the real window once and closed, which keeps its
snapshot; then the first screen is shown from that snapshot and held (the app would replace it within a moment),
and the real window is opened in its place. Saves OUT/first-screen-<width>.png and OUT/first-screen-window-<width>.png,
the whole screen each (ImageMagick's ``import -window root``)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def shoot(path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], check=True)


def main(out: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="egov-first-screen-"))
    for name in ("data", "config", "cache", "state"):
        os.environ[f"XDG_{name.upper()}_HOME"] = str(home / name)
    from PySide6.QtWidgets import QApplication

    from egov_desk.core.workspace import UNIT_GIVEN, Workspace
    from egov_desk.ui.app import create_app, small_screen
    from egov_desk.ui.first_screen.start import first_screen_for, show
    from egov_desk.ui.shell import Shell

    app = create_app(sys.argv[:1], "zh_CN")
    folder = home / "workspace"
    with Workspace.open(folder) as workspace:
        workspace.set_setting(UNIT_GIVEN, True)
        for code, inputs in (("021", {"numerator": 7, "denominator": 9}), ("001", {"parts": [{"count": 2}, None]})):
            workspace.set_input(1, code, inputs)
    shell = Shell(app, Workspace.open(folder))
    window = shell.show(maximised=small_screen(app))
    window.select_item("021")
    shell.close()

    width = app.primaryScreen().size().width()
    screen = first_screen_for(folder, "zh_CN")
    assert screen is not None, "no snapshot was kept at the close"
    show(screen, maximised=small_screen(app))
    settle(app)
    shoot(out / f"first-screen-{width}.png")
    again = Shell(app, Workspace.open(folder))
    again.show(maximised=small_screen(app), first_screen=screen)
    settle(app, 2.0)
    shoot(out / f"first-screen-window-{width}.png")
    again.close()
    QApplication.processEvents()


def settle(app: object, seconds: float = 1.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
