"""One workspace, two egov-desk processes: the first writes, the second only reads and says so; the lock of a
killed window is taken over."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import MAIN_TITLE, cli_json, find_item, inputs, step, wait_until

pytestmark = pytest.mark.e2e

READ_ONLY = r"^\[只读\].*egov-desk"


def status(workspace: Path) -> dict:  # type: ignore[type-arg]
    return cli_json("workspace", "status", "--workspace", str(workspace))


def test_a_second_window_reads_and_the_first_writes(launch: Launcher, workspace_dir: Path, tmp_path: Path) -> None:
    first = launch(workspace_dir)
    main = first.wait_main()
    assert not main.title.startswith("[只读]")
    assert status(workspace_dir)["open_by"]["pid"] == first.pid
    with step("the second window opens read-only, saying so in its title"):
        second = launch(workspace_dir)
        second.wait_window(READ_ONLY, timeout=30)
        second.screenshot(tmp_path / "read-only-window.png")
    with step("typing a score in the read-only window saves nothing"):
        find_item(second, "004")
        second.key("F2", "ctrl+a")
        second.type("2")
        second.key("Tab")
        assert "004" not in inputs(workspace_dir)
    with step("the first window still writes"):
        first.display.run("xdotool", "windowactivate", "--sync", main.id, check=False)
        first.wait_window(MAIN_TITLE)
        find_item(first, "004")
        first.key("F2", "ctrl+a")
        first.type("2")
        first.key("Tab")
        wait_until(lambda: inputs(workspace_dir).get("004") == {"score": 2}, timeout=10, what="004 = 2 saved")
    second.assert_alive()
    first.assert_alive()


def test_the_lock_of_a_killed_window_is_taken_over(launch: Launcher, workspace_dir: Path) -> None:
    first = launch(workspace_dir)
    first.wait_main()
    os.kill(first.pid, signal.SIGKILL)  # the PC's power button, as far as the workspace can tell
    first.wait_exit()
    launch.apps.remove(first)  # killed on purpose: not a crash to report
    assert status(workspace_dir)["open_by"] is None
    again = launch(workspace_dir)
    title = again.wait_main().title
    assert not title.startswith("[只读]")
    assert status(workspace_dir)["open_by"]["pid"] == again.pid
    again.assert_alive()
