"""A score refused as stale says the other person's score as the window shows it: two places, not thirty."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.errors import ChangedSince
from egov_desk.core.messages import say
from egov_desk.core.workspace import Workspace


def test_their_fractional_score_is_said_rounded_to_two_places(tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    Workspace.open(folder).close()  # a new workspace with the built-in system
    with Workspace.open(folder) as window, Workspace.open(folder) as elsewhere:
        assessment = window.default_assessment().id
        elsewhere.set_input(assessment, "021", {"numerator": 7, "denominator": 9})  # 7/9 × 3 = 2.333…
        with pytest.raises(ChangedSince) as refused:
            window.set_input(assessment, "021", {"numerator": 5, "denominator": 9}, expected=None)
        assert "修改为 2.33 分" in say(refused.value)
        assert "to 2.33 points" in say(refused.value, "en")
