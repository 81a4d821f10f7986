"""Shared set-up: offscreen Qt, a throw-away home for settings and the default workspace, fresh workspaces."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything creates a QApplication or asks platformdirs: never touch the real user's data or settings.
_HOME = Path(tempfile.mkdtemp(prefix="egov-desk-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")

from egov_desk.core.workspace import Workspace  # noqa: E402 - after the environment above

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed"  # copies of ../shared/seed; tests/core/test_template_2019.py checks they match
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A new workspace with the built-in 2019 system and an empty self-assessment."""
    ws = Workspace.open(tmp_path / "workspace")
    yield ws
    ws.close()
