"""Backups of a real workspace: made consistently, listed with the app's total, rotated, restored safely."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from egov_desk.core import backups
from egov_desk.core.backups import BackupError, backup_if_due, create_backup, list_backups, restore_backup, rotate
from egov_desk.core.db.migrate import upgrade
from egov_desk.core.points import display
from egov_desk.core.workspace import Workspace
from tests.core.test_evidence import PDF, make, sha


def database(workspace: Workspace) -> Path:
    assert workspace.folder is not None
    return workspace.folder / "workspace.sqlite"


def count_inputs(path: Path) -> int:
    with closing(sqlite3.connect(path)) as db:
        return int(db.execute("SELECT count(*) FROM item_inputs WHERE input IS NOT NULL").fetchone()[0])


def made(folder: Path) -> list[backups.BackupInfo]:
    """The backups a test made (not the ones opening a workspace makes by itself)."""
    return [info for info in list_backups(folder) if info.reason != "open"]


def fake_backup(folder: Path, reason: str, when: datetime) -> Path:
    """A backup file as an earlier run would have left it (named by its time)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"workspace-{reason}-{when.strftime('%Y%m%d-%H%M%S-%f')}.sqlite"
    path.write_bytes(b"")
    return path


def test_a_backup_is_a_complete_copy_named_by_its_reason(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    info = create_backup(database(workspace), "manual")
    assert info.path.parent == workspace.folder / "backups"
    assert info.reason == "manual"
    assert info.name.startswith("workspace-manual-")
    assert info.size == info.path.stat().st_size > 0
    assert count_inputs(info.path) == 1
    with closing(sqlite3.connect(info.path)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # self-contained: no WAL beside it
    assert [p.name for p in info.path.parent.iterdir() if "-open-" not in p.name] == [info.name]  # nothing else


def test_the_list_shows_each_backups_total_as_the_app_computes_it(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    workspace.set_input(1, "028", {"rank": 3})
    first = workspace.scores(1).total
    create_backup(database(workspace), "manual")
    workspace.set_input(1, "028", None)
    second = workspace.scores(1).total
    create_backup(database(workspace), "before-import")

    newest, oldest = made(workspace.folder)
    assert (newest.reason, oldest.reason) == ("before-import", "manual")
    assert oldest.total == first
    assert newest.total == second
    assert first != second
    assert first is not None
    assert first % 1 != 0
    assert oldest.shown is not None
    assert oldest.shown.label == workspace.assessment(1).label
    assert list_backups(workspace.folder / "backups") == list_backups(workspace.folder)


def test_a_backup_that_cannot_be_read_has_an_unknown_total_never_a_wrong_one(workspace: Workspace) -> None:
    info = create_backup(database(workspace), "manual")
    info.path.write_bytes(b"this is not a database" * 100)
    [listed] = made(workspace.folder)
    assert listed.totals is None
    assert listed.total is None


def test_a_backup_from_an_older_schema_is_listed_with_its_total(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from egov_desk.core.db import migrate
    from egov_desk.core.db.engine import make_engine

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
        expected = workspace.scores(1).total
    path = tmp_path / "ws" / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.connect() as connection:  # the first release's schema: no evidence tables, no filled_by
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
    engine.dispose()
    create_backup(path, "manual")
    [listed] = made(tmp_path / "ws")
    assert listed.total == expected


def test_a_backup_made_while_another_connection_writes_is_consistent(workspace: Workspace) -> None:
    """A writer commits batches of 5 rows in one transaction each; every backup holds whole batches."""
    stop = threading.Event()

    def write_batches() -> None:
        with closing(sqlite3.connect(database(workspace), timeout=30)) as db:
            number = 0
            while not stop.is_set():
                with db:  # one transaction: 5 notes at once
                    for code in range(5):
                        db.execute(
                            "INSERT INTO settings (key, value) VALUES (?, ?)",
                            (f"batch-{number}-{code}", f'"{number}"'),
                        )
                number += 1

    writer = threading.Thread(target=write_batches)
    writer.start()
    made = []
    try:
        for _ in range(15):
            made.append(create_backup(database(workspace), "manual"))
    finally:
        stop.set()
        writer.join()
    assert not any(p.name.endswith(".part") for p in (workspace.folder / "backups").iterdir())
    sizes = set()
    for info in made:
        with closing(sqlite3.connect(info.path)) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            rows = copy.execute("SELECT count(*) FROM settings WHERE key LIKE 'batch-%'").fetchone()[0]
            assert rows % 5 == 0  # never half a transaction
            sizes.add(rows)
    assert len(sizes) > 1  # the writer really wrote between the backups


def test_a_failed_backup_leaves_nothing_behind(workspace: Workspace, tmp_path: Path) -> None:
    """The disk "fills" while the copy is written (a file size limit on the process): no partial file stays,
    and the error names the file."""
    for number in range(40):  # a database of some size
        workspace.set_note(1, "005", "说明" * 2000 + str(number))
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))\n"
        "from pathlib import Path\n"
        "from egov_desk.core.backups import BackupError, create_backup\n"
        "try:\n"
        "    create_backup(Path(sys.argv[1]), 'manual')\n"
        "except BackupError as exc:\n"
        "    print(exc.kind, exc.path.parent.name, exc.describe('zh_CN'))\n"
        "    raise SystemExit(3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(database(workspace))], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout.startswith("write_failed backups ")
    assert "备份未能写入" in done.stdout
    assert [p for p in (workspace.folder / "backups").iterdir() if "-open-" not in p.name] == []


def test_a_damaged_database_is_refused_with_its_name(tmp_path: Path) -> None:
    junk = tmp_path / "ws" / "workspace.sqlite"
    junk.parent.mkdir()
    junk.write_bytes(b"\x00junk" * 1000)
    with pytest.raises(BackupError) as refused:
        create_backup(junk, "manual")
    assert refused.value.kind == "unreadable"
    assert str(junk) in refused.value.describe("zh_CN")
    assert "已损坏" in refused.value.describe("zh_CN")
    assert not (tmp_path / "ws" / "backups").exists() or not any((tmp_path / "ws" / "backups").iterdir())


def test_rotation_keeps_manual_recent_before_and_the_newest_open_and_daily(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    now = datetime.now()
    opens = [fake_backup(folder, "open", now - timedelta(hours=h)) for h in range(1, 14)]
    dailies = [fake_backup(folder, "daily", now - timedelta(days=d)) for d in range(1, 18)]
    manual = fake_backup(folder, "manual", now - timedelta(days=400))
    recent_before = [fake_backup(folder, "before-import", now - timedelta(days=d)) for d in range(1, 21)]
    old_before = [fake_backup(folder, "before-upgrade-from-0001", now - timedelta(days=d)) for d in range(40, 45)]
    stranger = folder / "my-copy.sqlite"
    stranger.write_bytes(b"")

    removed = set(rotate(folder))

    assert removed == set(opens[10:]) | set(dailies[14:]) | set(old_before)
    assert manual.exists()
    assert stranger.exists()
    assert all(p.exists() for p in recent_before)


def test_old_before_backups_beyond_the_newest_ten_go_but_the_newest_ten_stay(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    now = datetime.now()
    old = [fake_backup(folder, "before-score-import", now - timedelta(days=60 + d)) for d in range(12)]
    rotate(folder)
    assert [p.exists() for p in old] == [True] * 10 + [False] * 2


def test_backup_if_due_makes_one_per_interval(workspace: Workspace) -> None:
    first = backup_if_due(database(workspace), "open", timedelta(0))
    assert first is not None
    assert first.reason == "open"
    assert backup_if_due(database(workspace), "open", timedelta(hours=1)) is None
    assert backup_if_due(database(workspace), "daily", timedelta(hours=24)) is not None  # another reason
    assert backup_if_due(database(workspace), "open", timedelta(0)) is not None
    assert backup_if_due(workspace.folder / "nothing.sqlite", "open", timedelta(0)) is None


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


def test_an_upgrade_backs_up_through_the_backups_module(tmp_path: Path) -> None:
    from egov_desk.core.db.engine import make_engine

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "005", {"yes": True})
    path = tmp_path / "ws" / "workspace.sqlite"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '0002'")
        db.execute("ALTER TABLE assessments DROP COLUMN report_date")
        db.execute("ALTER TABLE assessments DROP COLUMN filled_by")
    engine = make_engine(f"sqlite:///{path}")
    taken = upgrade(engine, path, tmp_path / "ws" / "backups")
    engine.dispose()
    assert taken is not None
    [listed] = made(tmp_path / "ws")
    assert listed.reason == "before-upgrade-from-0002"
    assert listed.path == taken
    assert listed.total is not None


def test_reasons_are_short_ascii_words(workspace: Workspace) -> None:
    for bad in ("", "Before Import", "../x", "中文", "a" * 41):
        with pytest.raises(ValueError, match="backup reason"):
            create_backup(database(workspace), bad)
    assert set(backups.REASONS) >= {"open", "daily", "manual", "before-restore"}
    assert made(workspace.folder) == []


# --- egov-desk-cli backup ---------------------------------------------------------------------------


def cli(*args: str, language: str = "C") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LC_ALL": language, "LANG": language}
    return subprocess.run(
        [sys.executable, "-m", "egov_desk.cli", *args], capture_output=True, text=True, timeout=120, env=environment
    )


def test_the_cli_creates_lists_and_restores_backups(workspace: Workspace, tmp_path: Path) -> None:
    folder = str(workspace.folder)
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    total = workspace.scores(1).total
    lost = PDF + b"lost"
    workspace.evidence.attach(1, "028", [make(tmp_path / "in", "排名通报.pdf", lost)])
    made = cli("backup", "create", "--workspace", folder)
    assert made.returncode == 0, made.stderr
    name = Path(made.stdout.strip()).name
    workspace.set_input(1, "005", {"yes": True})
    workspace.close()
    (workspace.folder / "vault" / sha(lost)[:2] / sha(lost)).unlink()

    listed = cli("backup", "list", "--workspace", folder, "--json")
    [backup] = [b for b in json.loads(listed.stdout)["backups"] if b["reason"] != "open"]
    assert backup["name"] == name
    assert backup["reason"] == "manual"
    assert backup["total"] == float(display(total))

    restored = cli("backup", "restore", "--latest", "--workspace", folder, language="zh_CN.UTF-8")
    assert restored.returncode == 0, restored.stderr  # restored, with a warning about the missing file
    assert f"已恢复：{name}" in restored.stdout
    assert f"缺少  {sha(lost)}  028  排名通报.pdf" in restored.stderr
    assert "警告" in restored.stderr
    with Workspace.open(workspace.folder, create=False) as reopened:
        assert reopened.inputs(1) == {"021": {"numerator": 7, "denominator": 9}}
    after = json.loads(cli("backup", "list", "--workspace", folder, "--json").stdout)["backups"]
    assert {"before-restore", "manual"} <= {b["reason"] for b in after}  # (and "open", once opening backs up)


def test_the_cli_refuses_an_unknown_backup_in_the_locales_language(workspace: Workspace) -> None:
    workspace.close()
    refused = cli("backup", "restore", "nope.sqlite", "--workspace", str(workspace.folder), language="zh_CN.UTF-8")
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("nope.sqlite：没有这个备份")
    none = cli("backup", "restore", "--latest", "--workspace", str(workspace.folder))
    assert none.returncode == 2
    assert "there is no backup yet" in none.stderr


# --- verify advises only backups that exist -------------------------------------------------------------


def test_verify_names_the_newest_backup_that_exists_and_how_to_restore_it(workspace: Workspace, tmp_path: Path) -> None:
    lost = PDF + b"lost"
    workspace.evidence.attach(1, "028", [make(tmp_path / "in", "排名通报.pdf", lost)])
    backup = create_backup(database(workspace), "manual")
    workspace.close()
    (workspace.folder / "vault" / sha(lost)[:2] / sha(lost)).unlink()

    checked = cli("verify", "--workspace", str(workspace.folder), language="zh_CN.UTF-8")

    assert checked.returncode == 1
    newest = list_backups(workspace.folder)[0]  # the manual one (or one the verify's own open made)
    assert newest.name == backup.name or newest.reason == "open"
    assert f"最新的数据库备份：{newest.name}（{newest.created:%Y-%m-%d %H:%M}）" in checked.stdout
    assert f"egov-desk-cli backup restore --workspace {workspace.folder} " in checked.stdout
    assert "重新添加" in checked.stdout


def test_verify_says_there_is_no_backup_when_there_is_none(tmp_path: Path) -> None:
    from egov_desk.core.evidence.verify import repair_advice

    advice = repair_advice(tmp_path / "ws", "en")
    assert advice[-1].startswith("There is no database backup of this workspace yet")
    assert "restore" not in " ".join(advice)


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


def seeing_a_network_share(
    share: Path, command: list[str], language: str = "zh_CN.UTF-8"
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in a process that sees ``share`` as an SMB (cifs) mount: a private mount table bound over
    its own /proc/PID/mounts, in a mount namespace of its own (needs root and unshare)."""
    if os.name == "nt" or os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("faking a network mount needs root and unshare")
    mounts = share.parent / f"{share.name}.mounts"
    escaped = str(share).replace("\\", "\\134").replace(" ", "\\040")
    mounts.write_text(f"/dev/root / ext4 rw 0 0\n//server/office {escaped} cifs rw,vers=3.0 0 0\n", encoding="utf-8")
    environment = {**os.environ, "LC_ALL": language, "LANG": language}
    bind = 'mount --bind "$0" /proc/$$/mounts && exec "$@"'  # exec keeps the pid: /proc/self/mounts is the fake
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", bind, str(mounts), *command],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    if done.returncode != 0 and done.stderr.startswith(("mount:", "unshare:")):
        pytest.skip(f"cannot bind a mount table here: {done.stderr.strip()}")
    return done


def on_a_network_share(share: Path, *args: str, language: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess[str]:
    """The CLI, seeing ``share`` as an SMB mount."""
    return seeing_a_network_share(share, [sys.executable, "-m", "egov_desk.cli", *args], language)


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_backup_create_and_restore_are_refused_on_a_network_share(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(database(workspace), "manual")
    workspace.close()
    before = files_in(workspace.folder)
    folder = str(workspace.folder)

    created = on_a_network_share(workspace.folder, "backup", "create", "--workspace", folder)
    restored = on_a_network_share(workspace.folder, "backup", "restore", backup.name, "--workspace", folder)
    latest = on_a_network_share(workspace.folder, "backup", "restore", "--latest", "--workspace", folder, language="C")

    for done in (created, restored):
        assert done.returncode == 1, done.stderr
        assert "工作区在网络共享文件夹上（cifs）" in done.stderr
        assert "请把工作区文件夹复制到本机磁盘后打开副本" in done.stderr
        assert "未做任何更改" in done.stderr
    assert latest.returncode == 1
    assert "The workspace is on a network share (cifs)" in latest.stderr
    assert files_in(workspace.folder) == before  # no backup made, none rotated away, the database untouched


def test_importing_into_a_workspace_on_a_network_share_is_refused_before_any_backup(
    workspace: Workspace, tmp_path: Path
) -> None:
    from egov_desk.core.exports.score_sheet import write_score_sheet
    from tests.conftest import SEED

    sheet = tmp_path / "得分表.xlsx"
    write_score_sheet(workspace, 1, sheet)
    workspace.close()
    _type_a_score(sheet)
    before = files_in(workspace.folder)
    folder = str(workspace.folder)

    table = on_a_network_share(workspace.folder, "import", str(SEED / "2019-indicators.docx"), "--into", folder)
    scores = on_a_network_share(workspace.folder, "import-scores", str(sheet), "--workspace", folder)

    for done in (table, scores):
        assert done.returncode == 1, done.stderr
        assert "工作区在网络共享文件夹上（cifs）" in done.stderr
    assert files_in(workspace.folder) == before  # no before-import backup written into the share


def _type_a_score(sheet: Path) -> None:
    """Type 2 into the 自评得分 cell of item 004, as a department would."""
    import openpyxl

    book = openpyxl.load_workbook(sheet)
    page = book.active
    header = next(r for r in page.iter_rows() if any(c.value == "自评得分" for c in r))
    column = next(c.column for c in header if c.value == "自评得分")
    row = next(r[0].row for r in page.iter_rows() if any(c.value == "004" for c in r))
    page.cell(row, column, 2)
    book.save(sheet)


def test_a_backup_and_a_restore_are_refused_on_read_only_media(tmp_path: Path) -> None:
    from tests.core.media import make_read_only, tmpfs

    with tmpfs(tmp_path / "stick", "16m") as stick:
        with Workspace.open(stick / "ws") as workspace:
            workspace.set_input(1, "005", {"yes": True})
            backup = create_backup(database(workspace), "manual")
        make_read_only(stick)
        before = files_in(stick / "ws")
        with pytest.raises(BackupError) as refused_backup:
            create_backup(stick / "ws" / "workspace.sqlite", "manual")
        with pytest.raises(BackupError) as refused_restore:
            restore_backup(stick / "ws", backup.name)
        for refused in (refused_backup.value, refused_restore.value):
            assert refused.kind == "read_only"
            assert "不能写入（只读介质或没有写权限）" in refused.describe("zh_CN")
            assert "cannot be written (read-only media" in str(refused)
        assert files_in(stick / "ws") == before


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


def test_restore_without_a_name_is_explained_in_the_locales_language(workspace: Workspace) -> None:
    workspace.close()
    refused = cli("backup", "restore", "--workspace", str(workspace.folder), language="zh_CN.UTF-8")
    assert refused.returncode == 2
    assert "请给出一个备份的文件名" in refused.stderr
    assert "--latest" in refused.stderr


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
