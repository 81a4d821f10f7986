"""The workspace behaves the same in a SQLite file and on a PostgreSQL server: each test runs on both when a test
server is configured (tests/postgres/plugin.py), on SQLite always."""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from egov_desk.core.audit_verify import verify
from egov_desk.core.db import engine as db_engine
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.server import check
from egov_desk.core.templates import DEFAULT_TEMPLATE, load_template
from egov_desk.core.watch import DataWatch
from egov_desk.core.workspace import Workspace


def second_client(workspace: Workspace) -> Workspace:
    """Another process's view of the same workspace: its own engine and connections."""
    if workspace.folder is not None:
        return Workspace.open(workspace.folder, create=False)
    return Workspace.connect(workspace.url, vault=workspace.evidence.vault.folder)


def on_server(workspace: Workspace) -> bool:
    return workspace.engine.dialect.name == "postgresql"


def test_the_audit_rows_outlive_their_assessment_on_both_backends(workspace: Workspace) -> None:
    # F1: migration 0005 dropped the audit table's key to assessments, whatever name the database gave it
    assert [key for key in inspect(workspace.engine).get_foreign_keys("audit")] == []


def test_two_clients_writing_at_once_lose_no_write_and_the_chain_holds(workspace: Workspace) -> None:
    # F2: every write takes the database's one write lock, so the audit rows' numbers never collide
    assessment = workspace.default_assessment().id
    other = second_client(workspace)
    failures: list[BaseException] = []

    def write_notes(client: Workspace, who: str) -> None:
        try:
            for number in range(25):
                client.set_note(assessment, "001" if who == "a" else "002", f"{who} {number}")
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=write_notes, args=(c, w)) for c, w in ((workspace, "a"), (other, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert failures == []
    notes = [e for e in workspace.audit(assessment) if e.action == "set_note"]
    assert len(notes) == 50
    assert workspace.notes(assessment) == {"001": "a 24", "002": "b 24"}
    report = verify(workspace)
    assert report.breaks == []
    assert report.differences == []


def test_the_audit_check_reads_notes_and_inputs_as_written(workspace: Workspace) -> None:
    # F3: a note is a JSON string; a server hands it over decoded, SQLite as text: both verify clean
    assessment = workspace.default_assessment().id
    workspace.set_note(assessment, "001", '"quoted" 说明 {not json}')
    workspace.set_input(assessment, "002", {"checked": [0]})
    report = verify(workspace)
    assert (report.breaks, report.differences) == ([], [])


def test_only_a_workspace_file_is_watched(workspace: Workspace) -> None:
    # F4: a server's database is no file here (its clients hear of changes from the server: core/server_watch.py)
    watch = workspace.watch()
    try:
        assert (type(watch) is DataWatch) != on_server(workspace)  # the file watch only on a file
    finally:
        if watch is not None:
            watch.close()


def test_long_names_from_a_table_are_kept_whole(workspace: Workspace) -> None:
    # F7: a server enforces VARCHAR limits SQLite never did; keys, department names and codes are TEXT (0006)
    data: dict[str, Any] = copy.deepcopy(load_template(DEFAULT_TEMPLATE).to_interchange())
    department = "信息化建设与网络安全管理办公室" * 8
    item = data["tree"][0]["children"][0]["children"][0]["items"][0]
    item["lead"] = department
    item["code"] = "A" * 60
    key = "import:" + "二〇二〇年度电子政务绩效考评指标" * 15 + ".docx:0123456789abcdef"
    stored = workspace.add_system(data, key=key, source="long.docx")
    system = workspace.system(stored.system_id)
    assert department in system.departments()
    assert system.item("A" * 60).code == "A" * 60
    assert next(s for s in workspace.systems() if s.id == stored.system_id).key == key


def test_a_server_that_does_not_answer_is_said_as_such(tmp_path: Path) -> None:
    # F5: not "workspace.sqlite is damaged": the server, where, and why
    url = "postgresql://egov@127.0.0.1:1/nothing"
    with pytest.raises(WorkspaceError) as refused:
        Workspace.connect(url, vault=tmp_path / "vault")
    assert refused.value.kind == "server_unreachable"
    assert "无法连接服务器 127.0.0.1:1：" in refused.value.chinese
    assert "cannot connect to the server 127.0.0.1:1: " in refused.value.english
    with pytest.raises(WorkspaceError) as constructed:
        Workspace("postgresql+psycopg://egov@127.0.0.1:1/nothing")
    assert constructed.value.kind == "server_unreachable"


@pytest.mark.postgres
def test_a_write_waiting_too_long_for_another_client_is_refused_as_busy(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # F6: the server's lock timeout (SQLSTATE 55P03) in words, nothing written
    import psycopg

    monkeypatch.setattr(db_engine, "WRITE_LOCK_WAIT", "200ms")
    with Workspace.connect(server_url, vault=tmp_path / "vault") as workspace:
        assessment = workspace.default_assessment().id
        holder = psycopg.connect(server_url, autocommit=True)
        try:
            holder.execute(f"SELECT pg_advisory_lock({db_engine.WRITE_LOCK_KEY})".encode())
            with pytest.raises(WorkspaceError) as refused:
                workspace.set_note(assessment, "001", "waits")
        finally:
            holder.close()
        assert refused.value.kind == "busy"
        assert "另一个人正在写入服务器上的工作区" in refused.value.chinese
        assert workspace.notes(assessment) == {}
        workspace.set_note(assessment, "001", "lands")  # the holder gone, the lock is free again
        assert workspace.notes(assessment) == {"001": "lands"}


@pytest.mark.parametrize(
    ("error", "kind", "chinese"),
    [
        ("LockNotAvailable", "busy", "另一个人正在写入服务器上的工作区"),
        ("ReadOnlySqlTransaction", "read_only", "只能查看，不能修改"),
        ("DiskFull", "disk_full", "服务器磁盘已满"),
        ("InsufficientPrivilege", "not_allowed", "服务器不允许您的登录账号做这项修改"),
        ("ConnectionFailure", "server_unreachable", "与服务器的连接断开了"),
        ("AdminShutdown", "server_unreachable", "与服务器的连接断开了"),
    ],
)
def test_a_servers_refusal_is_said_by_its_sqlstate(error: str, kind: str, chinese: str) -> None:
    # F6: by SQLSTATE, not by the words (which follow the server's language), in both languages
    errors = pytest.importorskip("psycopg.errors")
    from sqlalchemy.exc import OperationalError

    from egov_desk.core.opening import Access
    from egov_desk.core.write_refusals import write_refused

    cause = getattr(errors, error)("服务器的原话")
    refused = write_refused(OperationalError("UPDATE …", {}, cause), "the note of 001", "001 的说明", Access())
    assert refused.kind == kind
    assert refused.chinese.startswith("001 的说明没有保存：")
    assert chinese in refused.chinese
    assert refused.english.startswith("the note of 001 was not saved: ")


@pytest.mark.postgres
def test_a_login_the_server_lets_only_read_is_refused_in_words(server_url: str, tmp_path: Path) -> None:
    # F6 on a real server: grants (42501) and a database set read-only (25006)
    import psycopg

    database = server_url.rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(b"DROP ROLE IF EXISTS egov_reader")
        admin.execute(b"CREATE ROLE egov_reader LOGIN")
        admin.execute(b"GRANT SELECT ON ALL TABLES IN SCHEMA public TO egov_reader")
    reader_url = server_url.replace("://egov@", "://egov_reader@", 1)
    try:
        with Workspace.connect(reader_url, vault=tmp_path / "vault") as reader:
            assessment = reader.default_assessment().id
            with pytest.raises(WorkspaceError) as refused:
                reader.set_note(assessment, "001", "not mine to write")
            assert refused.value.kind == "not_allowed"
            assert "服务器不允许您的登录账号做这项修改" in refused.value.chinese
        checked = check(reader_url)  # what `server check` says of that login
        assert (checked.current, checked.can_write) == (True, False)
        assert "permission denied" in checked.reason
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f"ALTER DATABASE {database} SET default_transaction_read_only = on".encode())
    with Workspace.connect(server_url, vault=tmp_path / "vault") as workspace:
        with pytest.raises(WorkspaceError) as read_only:
            workspace.set_note(workspace.default_assessment().id, "001", "no")
        assert read_only.value.kind == "read_only"
        assert workspace.notes(workspace.default_assessment().id) == {}
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(b"SET default_transaction_read_only = off")
        admin.execute(b"DROP OWNED BY egov_reader")
        admin.execute(b"DROP ROLE egov_reader")


@pytest.mark.postgres
def test_the_upgrade_to_0006_lifts_the_limits_a_server_enforced() -> None:
    # F7 on a real server: at 0005 a long department name is refused; after the upgrade it is kept whole
    from sqlalchemy import text
    from sqlalchemy.exc import DataError

    from egov_desk.core.db import migrate
    from egov_desk.core.db.engine import make_engine
    from egov_desk.core.server import engine_url
    from tests.postgres import server

    if not server.configured():
        pytest.skip(server.skip_reason())
    url = server.empty_database()
    engine = make_engine(engine_url(url))
    long_name = "信息化建设与网络安全管理办公室" * 8
    insert = text("INSERT INTO departments (name) VALUES (:name)")
    try:
        migrate.upgrade(engine, head="0005")
        with pytest.raises(DataError), engine.begin() as connection:
            connection.execute(insert, {"name": long_name})
        migrate.upgrade(engine)
        with engine.begin() as connection:
            connection.execute(insert, {"name": long_name})
            assert connection.execute(text("SELECT name FROM departments")).scalar() == long_name
    finally:
        engine.dispose()
        server.drop(url)
