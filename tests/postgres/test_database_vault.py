"""Evidence kept in a server's database: chunked, hashed, stored once, read back, handed out as a verified local
copy; a file that changes while it is read is refused and nothing is written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from egov_desk.core.db.models import VaultBlob, VaultChunk
from egov_desk.core.evidence.database_vault import PIECE, DatabaseVault
from egov_desk.core.evidence.vault import VaultError
from egov_desk.core.evidence_place import check_evidence, choose, place
from egov_desk.core.workspace import Workspace

pytestmark = pytest.mark.postgres


@pytest.fixture
def in_database(server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("EGOV_EVIDENCE_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("EGOV_VAULT", raising=False)
    workspace = Workspace.connect(server_url)
    choose(workspace, place("database"))
    yield workspace
    workspace.close()


def _chunks(workspace: Workspace) -> tuple[int, int]:
    with workspace.store.read() as session:
        return session.scalar(select(func.count()).select_from(VaultBlob)), session.scalar(
            select(func.count()).select_from(VaultChunk)
        )


def test_a_file_is_stored_in_chunks_once_and_read_back_as_it_was(in_database: Workspace, tmp_path: Path) -> None:
    data = bytes(range(256)) * (PIECE // 256 * 2 + 100)  # two full chunks and a part
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + data)
    assessment = in_database.assessments()[0].id
    in_database.evidence.attach(assessment, "001", [scan])
    in_database.evidence.attach(assessment, "002", [scan])  # the same bytes again: stored once
    assert _chunks(in_database) == (1, 3)
    vault = in_database.evidence.vault
    assert isinstance(vault, DatabaseVault)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    with vault.open(sha) as reader:
        assert reader.read() == scan.read_bytes()
    copy = vault.path_of(sha)
    assert copy.read_bytes() == scan.read_bytes()
    assert copy.is_relative_to(tmp_path / "cache")
    assert in_database.evidence.verify().checked == 1


def test_a_damaged_cached_copy_is_never_handed_out(in_database: Workspace, tmp_path: Path) -> None:
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"the original bytes")
    in_database.evidence.attach(in_database.assessments()[0].id, "001", [scan])
    sha = hashlib.sha256(b"the original bytes").hexdigest()
    cached = in_database.evidence.vault.path_of(sha)
    cached.write_bytes(b"the original byteZ")
    assert in_database.evidence.vault.path_of(sha).read_bytes() == b"the original bytes"


def test_a_file_changing_while_read_is_refused_and_nothing_is_written(in_database: Workspace, tmp_path: Path) -> None:
    scan = tmp_path / "growing.bin"
    scan.write_bytes(b"a" * (PIECE * 2 + 10))
    calls: list[int] = []

    def meanwhile(done: int) -> None:  # the second reading has its first chunk: another program writes on
        calls.append(done)
        if done > scan.stat().st_size // 2 and len(calls) < 100 and not any(c < 0 for c in calls):
            with scan.open("r+b") as writer:
                writer.seek(PIECE + 5)
                writer.write(b"b")
            calls.append(-1)

    with pytest.raises(VaultError) as refused:
        in_database.evidence.vault.add(scan, meanwhile)
    assert refused.value.kind == "changed_while_read"
    assert "读取过程中文件发生了变化" in refused.value.describe("zh_CN")
    assert _chunks(in_database) == (0, 0)


def test_an_orphan_is_cleaned_from_the_database(in_database: Workspace, tmp_path: Path) -> None:
    scan = tmp_path / "orphan.txt"
    scan.write_bytes(b"nobody uses me")
    stored = in_database.evidence.vault.add(scan)
    assert in_database.evidence.verify(clean=True).orphans == [stored.sha256]
    assert _chunks(in_database) == (0, 0)


def test_check_says_the_evidence_is_in_the_database(in_database: Workspace) -> None:
    said = check_evidence(in_database)
    assert said.reachable
    assert said.lines()[0].startswith("佐证材料存放在：服务器数据库中")


def test_a_shared_folder_that_is_not_there_is_said_unreachable(server_url: str, tmp_path: Path) -> None:
    with Workspace.connect(server_url) as workspace:
        choose(workspace, place("folder", tmp_path / "not-mounted"))
        said = check_evidence(workspace)
    assert not said.reachable
    assert "not-mounted" in said.lines()[0]


def test_a_workspace_folder_keeps_its_evidence_in_its_vault(tmp_path: Path) -> None:
    from egov_desk.core.errors import WorkspaceError

    with Workspace.open(tmp_path / "w") as workspace, pytest.raises(WorkspaceError, match="vault"):
        choose(workspace, place("database"))


def test_two_clients_adding_the_same_bytes_at_once_store_them_once(
    in_database: Workspace, server_url: str, tmp_path: Path
) -> None:
    import threading

    scan = tmp_path / "same.bin"
    scan.write_bytes(b"x" * (PIECE * 3))
    other = Workspace.connect(server_url)
    try:
        vaults = [in_database.evidence.vault, other.evidence.vault]
        stored: list[str] = []
        threads = [threading.Thread(target=lambda v=v: stored.append(v.add(scan).sha256)) for v in vaults]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert len(stored) == 2
    assert len(set(stored)) == 1
    assert _chunks(in_database) == (1, 3)


def test_a_damaged_chunk_is_found_by_verify_and_repaired_by_adding_the_original(
    in_database: Workspace, tmp_path: Path
) -> None:
    from sqlalchemy import update

    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"the original bytes")
    in_database.evidence.attach(in_database.assessments()[0].id, "001", [scan])
    with in_database.engine.begin() as connection:
        connection.execute(update(VaultChunk).values(data=b"the original byteZ"))
    report = in_database.evidence.verify()
    assert [sha for sha, _names in report.corrupt] == [hashlib.sha256(b"the original bytes").hexdigest()]
    assert in_database.evidence.vault.add(scan).repaired
    assert in_database.evidence.verify().corrupt == []
