"""File → 编辑指标体系… by keyboard on the real process: item 021's points changed, Ctrl+S, the assessment moved onto
version 2, Ctrl+Z in the window moving it back; closing with an edit not saved asks first, and 放弃 keeps nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import (
    App,
    cli,
    cli_json,
    find_item,
    item_score,
    step,
    wait_until,
)
from tests.e2e.screen import count_windows, key_moment

pytestmark = pytest.mark.e2e

EDITOR = "编辑指标体系"  # the editor's title; its questions take the same title


def systems(workspace: Path) -> list[dict[str, Any]]:
    return cli_json("system", "list", "--workspace", str(workspace))


def open_editor_on_points(app: App, code: str) -> None:
    """Ctrl+F finds the item in the window; Alt+F, E opens the editor on it; Alt+P goes to its 分值."""
    find_item(app, code)
    app.key("alt+f", "e")
    app.wait_window(EDITOR)
    app.key("alt+p")


def test_change_points_save_move_and_undo_in_the_window(launch: Launcher, workspace_dir: Path, tmp_path: Path) -> None:
    cli("workspace", "set", "--workspace", str(workspace_dir), "021", json.dumps({"numerator": 10, "denominator": 12}))
    app = launch(workspace_dir)
    app.wait_main()
    assert item_score(workspace_dir, "021") == {"score": 2.5, "max": 3, "scored": True}

    with step("021's 分值 from 3 to 4 in the editor"):
        open_editor_on_points(app, "021")
        app.key("ctrl+a")
        app.type("4")
        app.key("Tab")  # leaving the field makes the edit
        key_moment(app, tmp_path, "editor-1-points-changed")
    with step("Ctrl+S saves version 2 and asks whether to move the assessment onto it"):
        app.key("ctrl+s")
        count_windows(app, EDITOR, 2)
        key_moment(app, tmp_path, "editor-2-move-question")
    with step("Alt+M: 迁移到新版本 (保留在旧版本 is the default); the editor closes"):
        app.key("alt+m")
        app.wait_gone(EDITOR)
        app.wait_main()
        key_moment(app, tmp_path, "editor-3-moved")
    old, new = systems(workspace_dir)
    assert (old["version"], old["assessments"]) == (1, 0)
    assert (new["version"], new["assessments"]) == (2, 1)
    assert new["key"] == f"{old['key']}#v2"
    moved = item_score(workspace_dir, "021")
    assert moved["max"] == 4
    assert moved["score"] == pytest.approx(10 / 12 * 4, abs=0.01)  # the input moved with it, scored on 4 points

    with step("Ctrl+Z in the window: the assessment is back on version 1"):
        app.key("ctrl+z")
        wait_until(
            lambda: [(s["version"], s["assessments"]) for s in systems(workspace_dir)] == [(1, 1)],
            timeout=15,
            what="only version 1, with the assessment, in `egov-desk-cli system list`",
        )
        key_moment(app, tmp_path, "editor-4-undone")
    assert item_score(workspace_dir, "021") == {"score": 2.5, "max": 3, "scored": True}

    with step("Ctrl+Y in the window: version 2 again, the assessment on it"):
        app.key("ctrl+y")
        wait_until(
            lambda: [(s["version"], s["assessments"]) for s in systems(workspace_dir)] == [(1, 0), (2, 1)],
            timeout=15,
            what="version 2 with the assessment again in `egov-desk-cli system list`",
        )
    assert item_score(workspace_dir, "021")["max"] == 4
    app.assert_alive()


def test_closing_with_an_edit_not_saved_asks_and_discards(app: App, workspace_dir: Path, tmp_path: Path) -> None:
    with step("021's 分值 typed as 5, Esc: the question 保存/放弃/取消 comes up"):
        open_editor_on_points(app, "021")
        app.key("ctrl+a")
        app.type("5")
        app.key("Escape")
        count_windows(app, EDITOR, 2)
        key_moment(app, tmp_path, "editor-5-unsaved-question")
    with step("Alt+D: 放弃; the editor closes without saving"):
        app.key("alt+d")
        app.wait_gone(EDITOR)
        app.wait_main()
    assert [(s["version"], s["assessments"]) for s in systems(workspace_dir)] == [(1, 1)]
    assert item_score(workspace_dir, "021")["max"] == 3
    app.assert_alive()
