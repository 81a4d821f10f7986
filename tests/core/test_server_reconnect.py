"""A server restarted (or a network drop) between two reads of a workspace: the next read goes on a new connection
instead of failing on a pooled one the server has closed — the window would otherwise stop with an unexpected error
when the server's watch, back by itself, says something changed."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from egov_desk.core.server_login import address_of
from egov_desk.core.workspace import Workspace

pytestmark = pytest.mark.postgres


def test_a_read_after_the_servers_connections_were_cut_goes_on(server_url: str, tmp_path: Path) -> None:
    workspace = Workspace.connect(server_url, vault=tmp_path / "vault")
    try:
        assessment = workspace.default_assessment().id
        assert workspace.inputs(assessment) == {}
        with psycopg.connect(server_url, autocommit=True) as admin:  # as an administrator restarting the server
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (address_of(server_url).database,),
            )
        assert workspace.inputs(assessment) == {}
    finally:
        workspace.close()
