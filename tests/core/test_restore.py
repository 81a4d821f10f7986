"""Restoring a backup: the backup put back and the state before kept, damage and missing files recovered, a held
workspace refused."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from egov_desk.core.backups import BackupError, create_backup, list_backups, restore_backup
from egov_desk.core.workspace import Workspace
from tests.core.test_backups import count_inputs, database, made
from tests.core.test_evidence import PDF, make, sha


def test_restore_names_the_evidence_files_the_vault_no_longer_has(workspace: Workspace, tmp_path: Path) -> None:
    kept, lost = PDF + b"kept", PDF + b"lost"
    workspace.evidence.attach(1, "002", [make(tmp_path / "in", "计划.pdf", kept)])
    workspace.evidence.attach(1, "028", [make(tmp_path / "in", "排名通报.pdf", lost)])
    backup = create_backup(database(workspace), "manual")
    workspace.close()
    (workspace.folder / "vault" / sha(lost)[:2] / sha(lost)).unlink()

    report = restore_backup(workspace.folder, backup.path)

    [missing] = report.missing
    assert missing.sha256 == sha(lost)
    assert missing.names == ("排名通报.pdf",)
    assert missing.items == ("028",)


def test_a_damaged_database_is_moved_aside_and_the_backup_copied_in(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(database(workspace), "manual")
    workspace.close()
    database(workspace).write_bytes(b"junk" * 4096)

    report = restore_backup(workspace.folder, backup.name)

    assert report.safety is None
    assert report.damaged is not None
    assert report.damaged.read_bytes() == b"junk" * 4096
    assert report.damaged.parent == workspace.folder / "backups" / "damaged"
    assert [b.name for b in made(workspace.folder)] == [backup.name]  # the damaged file is not a backup
    assert not list(workspace.folder.glob(".*restoring"))
    with Workspace.open(workspace.folder, create=False) as reopened:
        assert reopened.inputs(1) == {"005": {"yes": True}}


def test_a_missing_database_is_restored_from_a_backup(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(database(workspace), "manual")
    workspace.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database(workspace)}{suffix}").unlink(missing_ok=True)

    report = restore_backup(workspace.folder, backup.name)

    assert report.safety is None
    assert report.damaged is None
    assert count_inputs(database(workspace)) == 1


def test_restoring_something_that_is_not_a_backup_changes_nothing(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    workspace.close()
    before = database(workspace).read_bytes()
    (workspace.folder / "backups").mkdir()
    fake = workspace.folder / "backups" / "workspace-manual-20191205-101010-000000.sqlite"
    fake.write_bytes(b"not a database at all" * 50)
    with closing(sqlite3.connect(workspace.folder / "backups" / "other.sqlite")) as other:
        other.execute("CREATE TABLE t (x)")

    for name, kind in ((fake.name, "not_a_backup"), ("other.sqlite", "not_a_backup"), ("nope.sqlite", "not_found")):
        with pytest.raises(BackupError) as refused:
            restore_backup(workspace.folder, name)
        assert refused.value.kind == kind
        assert name in refused.value.describe("zh_CN")
    assert database(workspace).read_bytes() == before
    assert [p.name for p in (workspace.folder / "backups").iterdir()] != []
    assert not any(b.reason == "before-restore" for b in list_backups(workspace.folder))


def test_a_backup_from_a_newer_version_is_refused(workspace: Workspace) -> None:
    backup = create_backup(database(workspace), "manual")
    with closing(sqlite3.connect(backup.path)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    workspace.close()
    with pytest.raises(BackupError) as refused:
        restore_backup(workspace.folder, backup.name)
    assert refused.value.kind == "newer"
    assert "9999" in refused.value.describe("zh_CN")


def test_an_old_style_backup_flagged_for_wal_is_read_and_restored_without_litter(workspace: Workspace) -> None:
    """Earlier releases copied the database as it was, WAL flag and all; reading such a copy read-only would
    leave -wal and -shm files beside it."""
    workspace.set_input(1, "005", {"yes": True})
    expected = workspace.scores(1).total
    folder = workspace.folder / "backups"
    folder.mkdir()
    old = folder / "workspace-before-upgrade-from-0002-20191205-101010-000000.sqlite"
    with closing(sqlite3.connect(database(workspace))) as source, closing(sqlite3.connect(old)) as copy:
        source.backup(copy)
    assert old.read_bytes()[18:20] == b"\x02\x02"  # flagged for WAL
    workspace.close()

    [listed] = [b for b in list_backups(workspace.folder) if b.path == old]
    restore_backup(workspace.folder, old.name)

    assert listed.total == expected
    assert not [p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]


def test_a_restore_is_refused_while_a_window_holds_the_workspace(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(database(workspace), "manual")
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    workspace.close()
    with Workspace.open(workspace.folder, create=False, hold=True) as held:
        assert not held.read_only
        with pytest.raises(BackupError) as refused:
            restore_backup(workspace.folder, backup.name)
        assert refused.value.kind == "in_use"
        assert "请先关闭该窗口再恢复" in refused.value.describe("zh_CN")
        assert f"进程 {os.getpid()}" in refused.value.describe("zh_CN")
        assert len(held.inputs(1)) == 2  # nothing changed
    assert restore_backup(workspace.folder, backup.name).safety is not None  # free again: restored


# --- network shares and read-only media: nothing is written there ----------------------------------------


def test_a_restore_keeps_the_lock_it_is_given(workspace: Workspace) -> None:
    """A window restoring its own workspace passes its lock: held all through, still held afterwards."""
    from egov_desk.core.lock import holder_of

    workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(database(workspace), "manual")
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    workspace.close()
    with Workspace.open(workspace.folder, create=False, hold=True) as held:
        lock, held.access.lock = held.access.lock, None  # the window keeps it past closing
    assert lock is not None
    try:
        report = restore_backup(workspace.folder, backup.name, lock=lock)
        assert report.safety is not None
        holder = holder_of(workspace.folder)
        assert holder is not None
        assert holder.pid == os.getpid()  # still ours: no other window could have taken it
    finally:
        lock.release()
    with Workspace.open(workspace.folder, create=False) as reopened:
        assert reopened.inputs(1) == {"005": {"yes": True}}


def test_a_second_damage_is_recovered_from_the_latest_sound_backup(tmp_path: Path) -> None:
    """Restoring over an emptied database keeps no 'before-restore' copy of the empty file, so the next
    'latest' is still a real workspace."""
    from egov_desk.core.backups import latest_backup, restore_backup

    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_input(workspace.default_assessment().id, "004", {"score": 2})
    create_backup(folder / "workspace.sqlite", "manual")
    for _ in range(2):  # damaged, restored, damaged again
        for name in ("workspace.sqlite-wal", "workspace.sqlite-shm"):
            (folder / name).unlink(missing_ok=True)
        (folder / "workspace.sqlite").write_bytes(b"")
        latest = latest_backup(folder)
        assert latest is not None
        assert latest.reason in ("manual", "open")  # never the copy of the empty file
        restore_backup(folder, latest.path)
        with Workspace.open(folder) as workspace:
            assert workspace.inputs(workspace.default_assessment().id)["004"] == {"score": 2}


def test_restore_puts_the_backup_back_and_keeps_the_current_state_as_a_backup(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    good = create_backup(database(workspace), "manual")
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    workspace.close()

    report = restore_backup(workspace.folder, good.name)

    assert report.safety is not None
    assert report.safety.reason == "before-restore"
    assert count_inputs(report.safety.path) == 2
    assert report.missing == []
    with Workspace.open(workspace.folder, create=False) as reopened:
        assert reopened.inputs(1) == {"005": {"yes": True}}
    with closing(sqlite3.connect(database(workspace))) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
