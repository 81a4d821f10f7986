"""Fixtures of the core tests: the demo workspace (partly scored, with evidence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.workspace import Workspace


@pytest.fixture
def demo(tmp_path: Path) -> Workspace:
    workspace = create_demo_workspace(tmp_path / "demo")
    yield workspace
    workspace.close()
