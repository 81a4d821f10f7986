"""A batch of files attached as one write (what ``evidence add`` does): the copies start before the workspace is
open, all rows are committed together with an audit row each, a refusal leaves the vault and the database as
they were, and a file that cannot be stored is named while the rest are attached."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from egov_desk.cli import main
from egov_desk.core.audit_verify import verify as verify_audit
from egov_desk.core.db.models import AuditEntry, EvidenceFile
from egov_desk.core.errors import ReadOnlyWorkspace, WorkspaceError
from egov_desk.core.evidence.staging import Staging
from egov_desk.core.evidence.vault import Vault, VaultError
from egov_desk.core.workspace import Workspace
from tests.core.test_evidence import JPEG, PDF, make, sha


def scans(folder: Path, count: int = 3) -> list[Path]:
    return [make(folder, f"扫描件{n}.pdf", PDF + bytes([n]) * 1000) for n in range(count)]


def vault_content(folder: Path) -> list[str]:
    vault = folder / "vault"
    return sorted(str(p.relative_to(vault)) for p in vault.rglob("*")) if vault.exists() else []


def commits_of(workspace: Workspace) -> list[int]:
    """Counts every COMMIT the workspace's engine sends from now on (one element each)."""
    from sqlalchemy import event

    commits: list[int] = []
    event.listen(workspace.engine, "commit", lambda _conn: commits.append(1))
    return commits


def test_every_file_is_attached_in_one_commit_with_an_audit_row_each(workspace: Workspace, tmp_path: Path) -> None:
    files = scans(tmp_path / "in")
    commits = commits_of(workspace)
    report = workspace.evidence.attach_at_once(1, "002", files)
    assert len(commits) == 1
    assert [f.name for f in report.added] == ["扫描件0.pdf", "扫描件1.pdf", "扫描件2.pdf"]
    assert [f.sha256 for f in report.added] == [sha(p.read_bytes()) for p in files]
    assert all(f.links and f.links[0][1] == "002" for f in report.added)
    assert len(report.links) == 3
    assert report.bytes == sum(p.stat().st_size for p in files)
    with workspace.store.read() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(3)).all()
    assert actions == ["attach"] * 3
    assert verify_audit(workspace).clean
    assert {f.name for f in workspace.evidence.files(1, "002")} == {p.name for p in files}


def test_unlinking_its_links_undoes_the_whole_batch(workspace: Workspace, tmp_path: Path) -> None:
    report = workspace.evidence.attach_at_once(1, "002", scans(tmp_path / "in"))
    for link in report.links:
        workspace.evidence.unlink(link)
    assert workspace.evidence.files(1, "002") == []


def test_files_given_twice_or_already_attached_are_attached_once(workspace: Workspace, tmp_path: Path) -> None:
    first, second = scans(tmp_path / "in", 2)
    workspace.evidence.attach(1, "002", [first])
    report = workspace.evidence.attach_at_once(1, "002", [first, second, second])
    assert len(report.links) == 1  # only the second file's link is new
    with workspace.store.read() as session:
        assert session.scalar(select(func.count()).select_from(EvidenceFile)) == 2


def test_a_file_that_cannot_be_read_is_named_and_the_rest_attached(workspace: Workspace, tmp_path: Path) -> None:
    good = make(tmp_path / "in", "照片.jpg", JPEG)
    report = workspace.evidence.attach_at_once(1, "002", [tmp_path / "不存在.pdf", good])
    assert [f.name for f in report.added] == ["照片.jpg"]
    assert [error.name for error in report.errors if isinstance(error, VaultError)] == ["不存在.pdf"]


def test_an_unknown_item_refuses_before_the_vault_changes(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    staging = Staging(Vault(folder / "vault"), scans(tmp_path / "in"))  # started before the workspace opens
    with Workspace.open(folder) as workspace, pytest.raises(WorkspaceError):
        workspace.evidence.attach_at_once(1, "999", staging.files, staging=staging)
    assert vault_content(folder) == []


def test_a_read_only_workspace_refuses_and_keeps_no_staged_copy(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    with Workspace.open(folder, hold=True), Workspace.open(folder, hold=True) as second:
        assert second.read_only
        staging = Staging(Vault(folder / "vault"), scans(tmp_path / "in"))
        with pytest.raises(ReadOnlyWorkspace):
            second.evidence.attach_at_once(1, "002", staging.files, staging=staging)
    assert not list((folder / "vault").rglob("*.part"))


def test_a_staged_copy_a_clean_removed_meanwhile_is_copied_again(workspace: Workspace, tmp_path: Path) -> None:
    staging = workspace.evidence.staging(scans(tmp_path / "in"))
    assert staging is not None
    outcomes = staging.outcomes()
    next(o for _p, o in outcomes if not isinstance(o, VaultError)).part.unlink()  # a clean of old .part files
    report = workspace.evidence.attach_at_once(1, "002", staging.files, staging=staging)
    assert len(report.added) == 3
    assert not report.errors
    assert workspace.evidence.verify().ok


def test_bytes_a_clean_removed_before_the_rows_are_copied_again(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = scans(tmp_path / "in")
    vault = workspace.evidence.vault
    assert isinstance(vault, Vault)
    settle, cleaned = vault.settle, set()

    def settle_then_clean(staged, sync_folder=True):  # type: ignore[no-untyped-def]
        stored = settle(staged, sync_folder)
        if stored.sha256 not in cleaned:  # a concurrent clean, between the rename and the rows' write lock
            cleaned.add(stored.sha256)
            vault.remove(stored.sha256)
        return stored

    monkeypatch.setattr(vault, "settle", settle_then_clean)
    report = workspace.evidence.attach_at_once(1, "002", files, staging=workspace.evidence.staging(files))
    assert len(report.added) == 3
    assert all(vault.has(f.sha256) for f in report.added)


def test_the_command_adds_every_file_and_a_refusal_leaves_the_vault_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    files = [str(p) for p in scans(tmp_path / "in")]
    assert main(["evidence", "add", "--workspace", str(folder), "--item", "999", *files]) == 1
    assert "999" in capsys.readouterr().err
    assert vault_content(folder) == []
    assert main(["evidence", "add", "--workspace", str(folder), "--item", "002", "--requirement", "9", *files]) == 2
    assert vault_content(folder) == []
    assert main(["evidence", "add", "--workspace", str(folder), "--item", "002", *files, str(tmp_path / "无.pdf")]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("扫描件") == 3
    assert "无.pdf" in captured.err
    assert not list((folder / "vault" / "tmp").glob("*.part"))


def test_a_folder_that_cannot_be_made_durable_records_nothing_and_takes_its_bytes_back(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from egov_desk.core.evidence import attach_at_once

    def failing(_folder: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(attach_at_once, "fsync_folder", failing)
    with pytest.raises(VaultError):
        workspace.evidence.attach_at_once(1, "002", scans(tmp_path / "in"))
    with workspace.store.read() as session:
        assert session.scalar(select(func.count()).select_from(EvidenceFile)) == 0
    stored = [p for p in (workspace.folder / "vault").rglob("*") if p.is_file() and p.parent.name != "tmp"]
    assert stored == []


def test_stagings_under_way_together_leave_the_switch_interval_as_it_was(tmp_path: Path) -> None:
    import sys

    before = sys.getswitchinterval()
    first = Staging(Vault(tmp_path / "vault"), scans(tmp_path / "a"))
    second = Staging(Vault(tmp_path / "vault"), scans(tmp_path / "b"))
    first.discard()
    second.discard()
    assert sys.getswitchinterval() == before
