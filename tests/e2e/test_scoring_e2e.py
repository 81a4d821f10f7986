"""Scoring by keyboard on the real window, checked afterwards in the workspace: find, edit, refuse, undo, redo."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import App, cli, find_item, inputs, item_score, scores, step, wait_until

pytestmark = pytest.mark.e2e

RATIO = "021"  # 得分=挂接具体数据资源的目录数/部门目录总数*3分: numerator and denominator
SETTLE = 1.0  # seconds to let a refused edit (not) reach the workspace before checking that nothing was saved


def saved(workspace: Path, code: str, expected: dict[str, int]) -> None:
    wait_until(lambda: inputs(workspace).get(code) == expected, timeout=10, what=f"{code} saved as {expected}")


def test_ratio_item_refuses_a_numerator_above_the_denominator_then_saves_the_fix(app: App, workspace_dir: Path) -> None:
    with step("Ctrl+F 021 Enter: the item is selected"):
        find_item(app, RATIO)
    with step("F2: the keyboard is in the numerator"):
        app.key("F2")
    with step("10, Tab, 9: refused"):
        app.key("ctrl+a")
        app.type("10")
        app.key("Tab", "ctrl+a")
        app.type("9")
        app.key("Tab")  # leave the field as a person would: an editor that commits on leaving must refuse too
        time.sleep(SETTLE)
        app.assert_alive("a refused ratio")
        assert RATIO not in inputs(workspace_dir)
        assert item_score(workspace_dir, RATIO) == {"score": 0, "max": 3, "scored": False}
    with step("Shift+Tab back to the denominator, 12: saved"):
        app.key("shift+Tab", "ctrl+a")
        app.type("12")
        app.key("Tab")
        saved(workspace_dir, RATIO, {"numerator": 10, "denominator": 12})
        assert item_score(workspace_dir, RATIO) == {"score": 2.5, "max": 3, "scored": True}
    app.assert_alive()


def test_enter_in_the_search_box_selects_the_first_match(app: App, workspace_dir: Path) -> None:
    """Ctrl+F, 021, Enter, F2 edits 021 — not 001, which was selected before the search hid it."""
    app.key("ctrl+f")
    app.type(RATIO)
    app.key("Return")
    app.key("F2", "ctrl+a")
    app.type("3")
    app.key("Tab", "ctrl+a")
    app.type("9")
    app.key("Tab")
    saved(workspace_dir, RATIO, {"numerator": 3, "denominator": 9})
    assert "001" not in inputs(workspace_dir)


def test_moving_through_the_tree_changes_nothing(app: App, workspace_dir: Path) -> None:
    """Passing over 002 (a checklist of two boxes) with the arrow keys once saved {'checked': []}: scored 0."""
    app.key("F6")
    for _ in range(8):  # 发展环境 › … › 001, …, 002, … 003
        app.key("Down")
    time.sleep(SETTLE)
    assert inputs(workspace_dir) == {}
    assert scores(workspace_dir)["unscored"] == 35


def test_undo_and_redo_by_keyboard(launch: Launcher, workspace_dir: Path) -> None:
    before, after = {"numerator": 10, "denominator": 12}, {"numerator": 6, "denominator": 12}
    cli("workspace", "set", "--workspace", str(workspace_dir), RATIO, json.dumps(before))
    app = launch(workspace_dir)  # after the CLI's write: the running app does not see later outside changes
    app.wait_main()
    find_item(app, RATIO)
    app.key("F2", "ctrl+a")
    app.type("6")
    app.key("F6")  # back to the tree: Ctrl+Z in the score field is the field's own text undo
    saved(workspace_dir, RATIO, after)
    with step("Ctrl+Z"):
        app.key("ctrl+z")
        saved(workspace_dir, RATIO, before)
    with step("Ctrl+Y"):
        app.key("ctrl+y")
        saved(workspace_dir, RATIO, after)
    with step("Ctrl+Z again"):
        app.key("ctrl+z")
        saved(workspace_dir, RATIO, before)
    with step("Ctrl+Shift+Z"):
        app.key("ctrl+shift+z")
        saved(workspace_dir, RATIO, after)
    assert item_score(workspace_dir, RATIO)["score"] == 1.5
    app.assert_alive()
