"""Fixtures of the core tests: the demo workspace (partly scored, with evidence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.workspace import Workspace


@pytest.fixture
def demo(tmp_path: Path, request: pytest.FixtureRequest) -> Workspace:
    from tests.postgres.plugin import new_demo  # on a server too: tests/postgres

    workspace = new_demo(tmp_path / "demo", request)
    yield workspace
    workspace.close()
