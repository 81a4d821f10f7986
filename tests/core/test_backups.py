"""Backups of a real workspace: made consistently, listed with the app's total, rotated (restoring: test_restore.py;
the command line: test_backups_cli.py)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from egov_desk.core import backups
from egov_desk.core.backups import BackupError, backup_if_due, create_backup, list_backups, rotate
from egov_desk.core.db.migrate import upgrade
from egov_desk.core.workspace import Workspace


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


def downgrade(engine: Engine, revision: str) -> None:
    """Back to an older release's schema, as migrations run: foreign keys off."""
    from alembic import command
    from alembic.config import Config

    from egov_desk.core.db.migrations import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, revision)


def test_an_upgrade_backs_up_through_the_backups_module(tmp_path: Path) -> None:
    from egov_desk.core.db.engine import make_engine

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "005", {"yes": True})
    path = tmp_path / "ws" / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    downgrade(engine, "0002")
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
