"""Starting, quitting and starting again; the first start; a small screen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import (
    MAIN_TITLE,
    Display,
    assessment,
    cli,
    evidence,
    find_item,
    inputs,
    make_pdf,
    scores,
    step,
    wait_until,
)

pytestmark = pytest.mark.e2e


def everything(workspace: Path) -> dict[str, Any]:
    """The workspace as the CLI reads it: scores, inputs, evidence, the assessment's details."""
    return {
        "scores": scores(workspace),
        "inputs": inputs(workspace),
        "evidence": evidence(workspace),
        "assessment": assessment(workspace),
    }


def test_first_start_asks_for_the_unit(launch: Launcher, tmp_path: Path) -> None:
    folder = tmp_path / "new-workspace"
    folder.mkdir()  # an empty folder, as a person would choose one
    app = launch(folder)
    with step("the 单位信息 dialog comes up with the keyboard in 单位名称"):
        app.wait_window("单位信息", timeout=10)
    app.type("市测试局")
    app.key("Tab")  # 填报人
    app.type("张三")
    app.key("Return")
    with step("the main window names the unit"):
        main = app.wait_window(MAIN_TITLE)
        assert "市测试局" in main.title
    details = assessment(folder)
    assert details["unit"] == "市测试局"
    assert details["filled_by"] == "张三"
    assert "市测试局" in cli("workspace", "list", "--workspace", str(folder)).stdout
    app.assert_alive()


def test_quit_and_reopen_keeps_everything(launch: Launcher, workspace_dir: Path, tmp_path: Path) -> None:
    workspace = str(workspace_dir)
    cli("workspace", "set", "--workspace", workspace, "021", json.dumps({"numerator": 10, "denominator": 12}))
    pdf = make_pdf(tmp_path / "a.pdf")
    cli("evidence", "add", "--workspace", workspace, "--item", "002", "--requirement", "1", str(pdf))
    cli("workspace", "note", "--workspace", workspace, "002", "计划已印发")
    app = launch(workspace_dir)
    title = app.wait_main().title
    with step("an edit by keyboard before quitting"):
        find_item(app, "021")
        app.key("F2", "ctrl+a")
        app.type("6")
        app.key("F6")
        wait_until(lambda: inputs(workspace_dir)["021"]["numerator"] == 6, timeout=10, what="021 = 6/12 saved")
    before = everything(workspace_dir)
    with step("Ctrl+Q: the app exits 0"):
        app.key("ctrl+q")
        code = app.wait_exit(timeout=20)
        assert code == 0, f"egov-desk exited with {code} on Ctrl+Q\n{app.log_tail()}"
    assert everything(workspace_dir) == before
    with step("started again on the same workspace"):
        again = launch(workspace_dir)
        assert again.wait_main().title == title
    assert everything(workspace_dir) == before
    assert before["inputs"]["021"] == {"numerator": 6, "denominator": 12}
    assert [f["name"] for f in before["evidence"]] == ["a.pdf"]
    again.assert_alive()


def test_small_screen_fits_and_scores_by_keyboard(
    launch: Launcher, workspace_dir: Path, small_screen: Display, tmp_path: Path
) -> None:
    app = launch(workspace_dir, screen=small_screen)
    main = app.wait_main()
    x, y, width, height = app.geometry(main)
    assert x >= 0
    assert y >= 0
    assert x + width <= small_screen.width, f"window {width}x{height}+{x}+{y} is wider than 1024"
    assert y + height <= small_screen.height, f"window {width}x{height}+{x}+{y} is taller than 768"
    shot = app.screenshot(tmp_path / "main-window-1024x768.png")
    assert shot.stat().st_size > 10_000
    with step("021 by keyboard: Ctrl+F, 021, F6, End, F2, 7, Tab, 9, Tab"):
        find_item(app, "021")
        app.key("F2", "ctrl+a")
        app.type("7")
        app.key("Tab", "ctrl+a")
        app.type("9")
        app.key("Tab")
        wait_until(
            lambda: inputs(workspace_dir).get("021") == {"numerator": 7, "denominator": 9},
            timeout=10,
            what="021 = 7/9 saved",
        )
    app.assert_alive()
