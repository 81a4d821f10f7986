"""What a new person's walk through the work packages found, fixed: the window's title says 科室填报, the clerk's
name is asked before the department's workspace is made, texts never call the office 办公室 (a department's name),
a one-line refusal reads as a line, and the export dialog says which packages each department was sent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.packages.department import open_package
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow

DEPARTMENT = "办公室"


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_demo_workspace(tmp_path / "office")
    yield workspace
    workspace.close()


@pytest.fixture
def package(office: Workspace, tmp_path: Path) -> Path:
    out = tmp_path / "办公室.egovpkg"
    export_department_package(office, office.default_assessment().id, DEPARTMENT, out)
    return out


@pytest.fixture
def department(package: Path, tmp_path: Path) -> Iterator[Workspace]:
    open_package(package, tmp_path / "dept")
    workspace = Workspace.open(tmp_path / "dept", create=False)
    yield workspace
    workspace.close()


def window_over(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.runner.synchronous = True
    return window


def test_the_window_title_says_department_filling_in_and_whose(qtbot, department: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, department)
    title = window.windowTitle()
    mark, _, rest = title.partition(" — ")
    assert mark.endswith(" · 办公室")  # 科室填报 · 办公室 (the English source until the .qm is made again)
    assert "egov-desk" in rest
    window.setWindowTitle("另一个标题")  # the window naming its assessment again keeps the mark, once
    assert window.windowTitle() == f"{mark} — 另一个标题"


def test_an_ordinary_workspace_title_has_no_department_mark(qtbot, office: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, office)
    assert "科室填报" not in window.windowTitle()
