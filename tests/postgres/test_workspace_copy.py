"""`workspace copy`: a workspace moved to a server and back, everything kept — every row with its ids, the audit
chain as it is, the evidence bytes — proved by every assessment's snapshot hash; a copy that cannot stand leaves
its destination empty."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from egov_desk.core.audit_verify import verify
from egov_desk.core.db.engine import make_engine
from egov_desk.core.db.models import AuditEntry
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.evidence.database_vault import DatabaseVault
from egov_desk.core.packages.identity import workspace_id
from egov_desk.core.server import engine_url
from egov_desk.core.snapshot import snapshot_hash
from egov_desk.core.workspace import Workspace
from egov_desk.core.workspace_copy import CopyFailed, copy_workspace
from tests.postgres import server


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    with create_demo_workspace(folder) as workspace:
        first = workspace.default_assessment().id
        workspace.set_note(first, "001", "备注")
        extra = workspace.create_assessment(workspace.systems()[0].id, "某某局", 2020)
        workspace.remove_assessment(extra.assessment_id)  # its id is never given again, on the copy either
    return folder


@pytest.fixture
def empty_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    if not server.configured():
        pytest.skip(server.skip_reason())
    monkeypatch.delenv("EGOV_VAULT", raising=False)
    monkeypatch.setenv("EGOV_EVIDENCE_CACHE", str(tmp_path / "cache"))
    url = server.empty_database()
    yield url
    server.drop(url)


def _state(workspace: Workspace) -> tuple[str, dict[int, str], list[str], dict[str, bytes]]:
    with workspace.store.read() as session:
        chain = [row.hash for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    files = {}
    for assessment in workspace.assessments():
        for file in workspace.evidence.files(assessment.id):
            files[file.sha256] = workspace.evidence.path_of(file).read_bytes()
    snapshots = {a.id: snapshot_hash(workspace, a.id) for a in workspace.assessments()}
    return workspace_id(workspace), snapshots, chain, files


@pytest.mark.postgres
def test_the_demo_goes_to_a_server_and_back_to_a_new_folder_the_same(
    demo: Path, empty_url: str, tmp_path: Path
) -> None:
    lines: list[str] = []
    copied = copy_workspace(str(demo), empty_url, lambda en, _zh: lines.append(en))
    assert copied.files == 9
    assert lines[-1] == "checking the copy"
    back = tmp_path / "back"
    copy_workspace(empty_url, str(back))
    with (
        Workspace.open(demo, create=False) as original,
        Workspace.connect(empty_url) as on_server,
        Workspace.open(back, create=False) as returned,
    ):
        assert _state(original) == _state(on_server) == _state(returned)
        assert verify(on_server).clean
        assert verify(returned).clean
        assert isinstance(on_server.evidence.vault, DatabaseVault)
        made = returned.create_assessment(returned.systems()[0].id, "某某局", 2021)
        assert made.assessment_id == 3  # not 2: the removed assessment's id stays used
    for sha, data in _state(Workspace.open(back, create=False))[3].items():
        assert hashlib.sha256(data).hexdigest() == sha


@pytest.mark.postgres
def test_a_damaged_evidence_file_leaves_the_server_database_empty(demo: Path, empty_url: str) -> None:
    stored = next((demo / "vault").glob("??/*"))
    stored.write_bytes(b"damaged")
    with pytest.raises(CopyFailed, match="damaged") as failed:
        copy_workspace(str(demo), empty_url)
    assert "已损坏" in failed.value.chinese
    engine = make_engine(engine_url(empty_url))
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_server_database_that_is_not_empty_is_refused(demo: Path, empty_url: str, tmp_path: Path) -> None:
    copy_workspace(str(demo), empty_url)
    with pytest.raises(WorkspaceError, match="not empty"):
        copy_workspace(str(demo), empty_url)
    with Workspace.connect(empty_url) as on_server:
        assert verify(on_server).clean


def test_a_folder_copied_to_a_new_folder_is_the_same(demo: Path, tmp_path: Path) -> None:
    copy_workspace(str(demo), str(tmp_path / "copy"))
    with Workspace.open(demo, create=False) as original, Workspace.open(tmp_path / "copy", create=False) as copy:
        assert _state(original) == _state(copy)


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "used"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(WorkspaceError, match="not empty"):
        copy_workspace(str(demo), str(target))
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_a_failed_copy_into_an_empty_folder_leaves_it_empty(demo: Path, tmp_path: Path) -> None:
    next((demo / "vault").glob("??/*")).unlink()
    target = tmp_path / "empty"
    target.mkdir()
    with pytest.raises(CopyFailed, match="missing"):
        copy_workspace(str(demo), str(target))
    assert list(target.iterdir()) == []


@pytest.mark.postgres
def test_a_server_copy_may_keep_its_evidence_on_a_shared_folder(demo: Path, empty_url: str, tmp_path: Path) -> None:
    from egov_desk.core.evidence_place import place

    share = tmp_path / "share"
    share.mkdir()
    copy_workspace(str(demo), empty_url, place=place("folder", share))
    assert {p.name for p in share.glob("??/*")} == {p.name for p in (demo / "vault").glob("??/*")}
    with Workspace.connect(empty_url) as on_server:
        assert verify(on_server).clean
