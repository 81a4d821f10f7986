"""The department round trip by keyboard on the real process: the office's package double-clicked on a department's
PC, an item scored and noted there, the return saved; the office imports it, takes the department's side of a
conflict and takes it back with Ctrl+Z; a damaged package double-clicked on a new PC is refused and leaves nothing.
Checked afterwards through the command line, as the people would see it there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import (
    App,
    E2EFailure,
    cli,
    cli_json,
    find_item,
    init_workspace,
    inputs,
    save_as,
    step,
    wait_until,
)

pytestmark = pytest.mark.e2e

DEPARTMENT = "办公室"
CODE = "003"  # 参加业务培训（次）, led by 办公室: a count, 1 point each, at most 2
CLERK = "李明"  # the department's 填报人
NOTE = "已参加两次"
RETURN_NAME = "return-bangongshi.egovpkg"  # typed into a file dialog: xdotool may drop Chinese characters there


def office_with_package(tmp_path: Path) -> tuple[Path, Path]:
    """The office's workspace and the package it exported for 办公室, both through the CLI."""
    office = init_workspace(tmp_path / "office", unit="市教育局")
    package = tmp_path / "outbox" / f"{DEPARTMENT}.egovpkg"
    package.parent.mkdir()
    cli("package", "export", "--workspace", str(office), "--department", DEPARTMENT, "--out", str(package))
    return office, package


_READ = """
import json, sys
from egov_desk.core.packages.department import department_mode
from egov_desk.core.workspace import Workspace
ws = Workspace.open(sys.argv[1], create=False)
try:
    mode = department_mode(ws)
    print(json.dumps({"department": mode.department if mode else None, "notes": ws.notes(ws.default_assessment().id)}))
finally:
    ws.close()
"""


def read(workspace: Path) -> dict[str, Any]:
    """Whose department workspace it is (None: the office's) and its notes, read through the core API in a process
    of its own (the CLI prints neither)."""
    result = subprocess.run(
        [sys.executable, "-c", _READ, str(workspace)], capture_output=True, text=True, timeout=60, check=False
    )
    if result.returncode != 0:
        raise E2EFailure(f"reading {workspace} failed: {result.stderr.strip()}")
    read: dict[str, Any] = json.loads(result.stdout)
    return read


def made_workspaces(home: Path) -> list[Path]:
    """Workspace folders made under the home (the department's, under the documents or the home itself)."""
    return sorted(path.parent for path in home.rglob("workspace.sqlite"))


def history(workspace: Path, code: str) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = cli_json("audit", "show", "--workspace", str(workspace), "--item", code, "--json")
    return lines


def refusals(app: App) -> list[str]:
    """What the app told the person when it did not open a package, from its own log (one entry a line)."""
    said = []
    for path in sorted((app.home / "state").rglob("*.log")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            _, found, text = line.partition("work package not opened: ")
            if found:
                said.append(text)
    return said


def department_fills_in(launch: Launcher, package: Path, returned: Path) -> Path:
    """The 办公室 clerk: the package double-clicked on a PC with no workspace, its workspace made with Enter, who
    they are said, 003 scored 2 and noted, the return saved under a typed path. The department workspace made."""
    app = launch(None, args=[str(package)])  # a double-click: no --workspace
    with step("egov-desk 办公室.egovpkg: the package's summary asks the clerk's name; Enter makes the workspace"):
        app.wait_window("打开科室工作包")
        app.type(CLERK)  # 您的姓名 has the keyboard while it is empty
        app.key("Return")
        app.wait_main()
    folders = made_workspaces(launch.home)
    assert len(folders) == 1, folders
    department = folders[0]
    assert read(department)["department"] == DEPARTMENT  # 科室填报: the window's banner says so
    with step("Ctrl+F 003, F2, 2, Enter: scored"):
        find_item(app, CODE)
        app.key("F2", "ctrl+a")
        app.type("2")
        app.key("Return")
        wait_until(lambda: inputs(department).get(CODE) == {"count": 2}, timeout=10, what="003 saved as 2")
    with step("Alt+N: the note (备注), typed; F6 leaves it and it is saved"):
        app.key("alt+n")
        app.type(NOTE)
        app.key("F6")
        wait_until(lambda: read(department)["notes"].get(CODE) == NOTE, timeout=10, what="003's note saved")
    with step("Ctrl+Shift+G: what the return holds; Enter (保存回执…) asks where; the path typed"):
        app.key("ctrl+shift+g")
        app.wait_window("生成回执")
        app.key("Return")
        save_as(app, "保存回执", returned)
    with step("the return is said written; Enter; Ctrl+Q closes the window"):
        app.wait_window("生成回执")
        app.key("Return")
        app.wait_main()
        app.key("ctrl+q")
        assert app.wait_exit() == 0
    return department


def test_the_department_opens_its_package_scores_notes_and_saves_the_return(launch: Launcher, tmp_path: Path) -> None:
    _office, package = office_with_package(tmp_path)
    returned = tmp_path / "outbox" / RETURN_NAME
    department_fills_in(launch, package, returned)
    said = cli_json("package", "inspect", str(returned))
    assert (said["kind"], said["department"], said["sequence"]) == ("return", DEPARTMENT, 1)
    assert said["made_by"]["name"] == CLERK
    assert [item["code"] for item in said["items"]] == [CODE]


def test_the_office_takes_the_departments_side_of_a_conflict_then_takes_it_back(
    launch: Launcher, tmp_path: Path
) -> None:
    office, package = office_with_package(tmp_path)
    returned = tmp_path / "outbox" / RETURN_NAME
    department_fills_in(launch, package, returned)
    cli("workspace", "set", "--workspace", str(office), CODE, json.dumps({"count": 1}))  # the office's own change
    app = launch(office)
    app.wait_main()
    with step("文件 → 导入科室回执… (Alt+F, T): the file dialog; the return's path typed, Enter"):
        app.key("alt+f")
        app.key("t")
        app.wait_window("导入科室回执")
        app.key("ctrl+a")
        app.type(str(returned))
        app.key("Return")
    with step("the review: 1 conflict; Alt+C shows it alone and selects it; Alt+D takes the department's; Alt+A"):
        app.wait_window("「办公室」的回执")
        app.key("alt+c")
        app.key("alt+d")
        app.key("alt+a")
        app.wait_gone("「办公室」的回执")
        app.wait_main()
        wait_until(lambda: inputs(office).get(CODE) == {"count": 2}, timeout=10, what="the department's 2 applied")
    applied = {row["action"]: row for row in history(office, CODE)[-2:]}
    assert set(applied) == {"set_input", "set_note"}, applied
    for row in applied.values():  # the department's clerk, by name and department (办公室·填报人)
        assert row["name"] == CLERK, row
        assert DEPARTMENT in row["role"], row
    assert read(office)["notes"].get(CODE) == NOTE
    with step("Ctrl+Z in the window: the office's 1 again"):
        app.key("ctrl+z")
        wait_until(lambda: inputs(office).get(CODE) == {"count": 1}, timeout=10, what="the office's 1 back")
    app.assert_alive()


def test_a_damaged_package_on_a_new_pc_is_refused_in_one_line_and_makes_no_workspace(
    launch: Launcher, tmp_path: Path
) -> None:
    _office, package = office_with_package(tmp_path)
    damaged = tmp_path / "downloads" / "办公室-损坏.egovpkg"
    damaged.parent.mkdir()
    whole = package.read_bytes()
    damaged.write_bytes(whole[: len(whole) // 2])  # a download cut off halfway
    app = launch(None, args=[str(damaged)])
    with step("the refusal, before any window: one line naming the file"):
        app.wait_window("^科室工作包")
        said = wait_until(lambda: refusals(app), timeout=10, what="the refusal in the app's log")
        assert len(said) == 1, said
        assert said[0].startswith(f"{damaged}："), said  # the file first, then why, in Chinese
        assert "不完整" in said[0], said
        app.screenshot(launch.tmp_path / "refusal.png")
    with step("Enter: the process ends, exit 0, and no workspace was made behind the refusal"):
        app.key("Return")
        assert app.wait_exit() == 0
    assert made_workspaces(launch.home) == []
    assert not os.path.exists(launch.home / "data" / "egov-desk" / "workspace")
