"""The yearly cycle by keyboard on the real window: who I am, submit, approve, 定稿 — and a final assessment refusing
a typed score — checked afterwards in the workspace through the command line."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import cli, cli_json, find_item, inputs, step, wait_until

pytestmark = pytest.mark.e2e

SETTLE = 1.0


def actions(workspace: Path, code: str) -> list[tuple[str, str]]:
    """(action, name given) of the item's history, oldest first."""
    lines: list[dict[str, Any]] = cli_json("audit", "show", "--workspace", str(workspace), "--item", code, "--json")
    return [(line["action"], line["name"]) for line in lines]


def stage(workspace: Path) -> dict[str, Any]:
    shown: dict[str, Any] = cli_json("assessment", "show", "--workspace", str(workspace), "--json")
    return shown


def test_submit_approve_and_finalize_by_keyboard_then_a_typed_score_is_refused(
    launch: Launcher, workspace_dir: Path
) -> None:
    cli("workspace", "set", "--workspace", str(workspace_dir), "005", json.dumps({"yes": True}))
    app = launch(workspace_dir)
    app.wait_main()
    find_item(app, "005")
    with step("Ctrl+Shift+S with no identity chosen: 我的身份 is asked first"):
        app.key("ctrl+shift+s")
        app.wait_window("我的身份")
    with step("王五, Tab, End (负责人), Enter: the item is submitted in that name"):
        app.type("王五")
        app.key("Tab", "End", "Return")
        wait_until(lambda: ("submit", "王五") in actions(workspace_dir, "005"), timeout=10, what="005 submitted")
    with step("Ctrl+Shift+P: approved"):
        app.wait_main()
        app.key("ctrl+shift+p")
        wait_until(lambda: ("approve", "王五") in actions(workspace_dir, "005"), timeout=10, what="005 approved")
    with step("审核 → 进入审核阶段 (Alt+R, V): 定稿 is for an assessment under review"):
        app.key("alt+r")
        app.key("v")
        wait_until(lambda: stage(workspace_dir)["stage"] == "review", timeout=10, what="the review stage")
    with step("审核 → 定稿… (Alt+R, F): with items not yet approved, Enter is 取消 — nothing is signed"):
        app.key("alt+r")
        app.key("f")
        app.wait_window("定稿")
        app.key("Return")
        time.sleep(SETTLE)
        assert stage(workspace_dir)["stage"] == "review"
    with step("again, and Alt+F on the question (定稿(F)): the assessment is final with its snapshot"):
        app.wait_main()
        app.key("alt+r")
        app.key("f")
        app.wait_window("定稿")
        app.key("alt+f")
        wait_until(lambda: stage(workspace_dir)["stage"] == "final", timeout=10, what="the assessment final")
        snapshot = stage(workspace_dir)["snapshot"]
        assert len(snapshot or "") == 64
    with step("the snapshot is shown; Enter closes it"):
        app.wait_window("定稿")
        app.key("Return")
        app.wait_main()
    with step("021, F2: the window says why the score cannot be changed; Enter, then typing saves nothing"):
        find_item(app, "021")
        app.key("F2")
        app.wait_window("不能操作")
        app.key("Return")
        app.wait_main()
        app.type("3")
        app.key("Tab")
        time.sleep(SETTLE)
        app.assert_alive("typing into a final assessment")
        assert "021" not in inputs(workspace_dir)
    refused = cli(
        "workspace",
        "set",
        "--workspace",
        str(workspace_dir),
        "021",
        json.dumps({"numerator": 3, "denominator": 9}),
        check=False,
    )
    assert refused.returncode == 2
    assert "定稿" in refused.stderr or "final" in refused.stderr
    app.assert_alive()
