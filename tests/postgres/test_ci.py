"""CI runs the server tests: without a server configured they would all skip in silence, and CI would pass."""

from __future__ import annotations

import os

import pytest

from tests.postgres import server


def test_ci_has_a_postgresql_server_for_the_tests() -> None:
    if os.environ.get("CI", "").lower() not in ("true", "1"):
        pytest.skip("not in CI (CI=true): the server tests may skip here")
    assert server.configured(), (
        f"CI must run the workspace tests on PostgreSQL too (.ci/run starts one): {server.skip_reason()}"
    )
