"""What needs evidence on disk works on a server that keeps its evidence in its database: the evidence package
(ZIP), a department's work package and the department's workspace made from it — the bytes as they were added."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.evidence.database_vault import DatabaseVault
from egov_desk.core.exports.package import export_package
from egov_desk.core.packages.department import open_package
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.workspace import Workspace
from egov_desk.core.workspace_copy import copy_workspace
from tests.postgres import server

pytestmark = pytest.mark.postgres


@pytest.fixture
def on_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    if not server.configured():
        pytest.skip(server.skip_reason())
    monkeypatch.delenv("EGOV_VAULT", raising=False)
    monkeypatch.setenv("EGOV_EVIDENCE_CACHE", str(tmp_path / "cache"))
    create_demo_workspace(tmp_path / "demo").close()
    url = server.empty_database()
    copy_workspace(str(tmp_path / "demo"), url)
    workspace = Workspace.connect(url)
    yield workspace
    workspace.close()
    server.drop(url)


def _hashes(folder: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("vault/??/*")}


def test_the_evidence_package_holds_the_database_s_bytes(on_server: Workspace, tmp_path: Path) -> None:
    assert isinstance(on_server.evidence.vault, DatabaseVault)
    report = export_package(on_server, on_server.default_assessment().id, tmp_path / "材料.zip")
    assert report.faults == []
    with zipfile.ZipFile(tmp_path / "材料.zip") as package:
        packed = {hashlib.sha256(package.read(n)).hexdigest() for n in package.namelist() if not n.endswith(".xlsx")}
    assert _hashes(tmp_path / "demo") <= packed  # besides the index and the checksums


def test_a_department_s_package_carries_the_database_s_bytes(on_server: Workspace, tmp_path: Path) -> None:
    assessment = on_server.default_assessment().id
    export_department_package(on_server, assessment, "信息中心", tmp_path / "信息中心.egovpkg")
    open_package(tmp_path / "信息中心.egovpkg", tmp_path / "department")
    assert _hashes(tmp_path / "department")
    assert _hashes(tmp_path / "department") <= _hashes(tmp_path / "demo")
