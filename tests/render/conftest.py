"""The binder tests' demo workspace (its painting needs pytest-qt's application, shared by all)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.workspace import Workspace


@pytest.fixture
def demo(qapp: object, tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_demo_workspace(tmp_path / "demo")
    yield workspace
    workspace.close()
