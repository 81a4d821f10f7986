"""Migrations run at open: from an empty file, with a backup before an upgrade, never on a newer schema."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from egov_desk.core.db import migrate
from egov_desk.core.db.engine import make_engine
from egov_desk.core.db.migrations import HEAD
from egov_desk.core.db.models import Base
from egov_desk.core.workspace import Workspace

FULL_TEXT = "evidence_texts_fts"  # SQLite's FTS5 index of the evidence text: no model of its own


def _not_full_text(name: str | None, kind: str, _parent: object) -> bool:
    return not (kind == "table" and (name or "").startswith(FULL_TEXT))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_head_constant_is_alembics_head() -> None:
    assert ScriptDirectory(str(migrate.MIGRATIONS)).get_current_head() == HEAD


def test_an_empty_file_is_migrated_to_the_models_schema(tmp_path: Path) -> None:
    database = tmp_path / "empty.sqlite"
    database.touch()
    engine = make_engine(f"sqlite:///{database}")
    assert migrate.upgrade(engine, database, tmp_path / "backups") is None  # nothing to back up
    with closing(sqlite3.connect(database)) as db:
        named = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        tables = {name for name in named if not name.startswith(FULL_TEXT)}
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert tables == set(Base.metadata.tables) | {"alembic_version", "sqlite_sequence"}  # AUTOINCREMENT's counter
    assert FULL_TEXT in named  # the evidence text's FTS5 index (0009), a virtual table and its shadow tables
    engine.dispose()


def test_the_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    database = tmp_path / "db.sqlite"
    engine = make_engine(f"sqlite:///{database}")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": _not_full_text})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "005", {"yes": True})
    database = tmp_path / "ws" / "workspace.sqlite"
    with closing(sqlite3.connect(database)) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        db.commit()
    before = digest(database)
    with pytest.raises(migrate.NewerDatabaseError, match=r"newer version of egov-desk.*9999"):
        Workspace.open(tmp_path / "ws")
    assert digest(database) == before
    assert not (tmp_path / "ws" / "backups").exists()


def test_a_database_that_is_not_a_workspace_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    with closing(sqlite3.connect(folder / "workspace.sqlite")) as db:
        db.execute("CREATE TABLE photos (id INTEGER)")
        db.commit()
    with pytest.raises(migrate.NotAWorkspaceError):
        Workspace.open(folder)


def test_an_upgrade_backs_the_database_up_first(tmp_path: Path) -> None:
    """A further revision (made here, as a future release would ship it) upgrades a current workspace.

    It rebuilds the assessments table the way SQLite batch migrations do, which must not cascade-delete
    the inputs that point at it."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_add_column.py").write_text(
        f'from alembic import op\nimport sqlalchemy as sa\n\nrevision = "0099"\ndown_revision = "{HEAD}"\n'
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
        '    with op.batch_alter_table("assessments", recreate="always") as batch:\n'
        '        batch.add_column(sa.Column("reviewer", sa.Text(), nullable=True))\n',
        encoding="utf-8",
    )
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "005", {"yes": True})
    database = tmp_path / "ws" / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{database}")
    backup = migrate.upgrade(engine, database, tmp_path / "ws" / "backups", head="0099", scripts=scripts)
    engine.dispose()

    assert backup is not None
    assert backup.parent == tmp_path / "ws" / "backups"
    assert f"before-upgrade-from-{HEAD}" in backup.name
    with closing(sqlite3.connect(backup)) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert old.execute("SELECT count(*) FROM item_inputs").fetchone() == (1,)
    with closing(sqlite3.connect(database)) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone() == ("0099",)
        columns = [row[1] for row in new.execute("PRAGMA table_info(assessments)")]
        assert "reviewer" in columns
        assert new.execute("SELECT count(*) FROM item_inputs").fetchone() == (1,)
        assert new.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_workspace_from_the_first_release_upgrades_keeping_its_scores(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    database = tmp_path / "ws" / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{database}")
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.connect() as connection:  # back to the first release's schema, as migrations run: FK off
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
    engine.dispose()
    with closing(sqlite3.connect(database)) as old:
        assert old.execute("SELECT count(*) FROM item_inputs").fetchone() == (1,)
    with Workspace.open(tmp_path / "ws") as workspace:
        assert workspace.backup is not None
        assert "before-upgrade-from-0001" in workspace.backup.name
        assert workspace.inputs(1) == {"021": {"numerator": 7, "denominator": 9}}
        assert workspace.evidence.files(1) == []


def test_a_workspace_that_names_its_unit_is_not_asked_again_after_the_upgrade(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.update_assessment(1, unit="市教育局")
    database = tmp_path / "ws" / "workspace.sqlite"
    engine = make_engine(f"sqlite:///{database}")
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.connect() as connection:  # back to the schema before 0003, as an older release left it
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
            connection.exec_driver_sql("DELETE FROM settings WHERE key = 'unit_given'")
    engine.dispose()
    with Workspace.open(tmp_path / "ws") as workspace:
        assert workspace.unit_given()
        assert workspace.assessment(1).unit == "市教育局"
