"""Who may change what on a server, refused BY THE DATABASE (migration 0008's row security, the grants of `server
people add`): a 填报人 of 办公室 changes 办公室's items; another department's item is refused by the server itself —
through the core with its own check skipped, and by raw SQL on the filler's own connection; the history takes
rows from a client but never loses or changes one; a 审核人 approves any item; only the leader makes it final."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from egov_desk.core.audit_verify import verify
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.evidence_place import place
from egov_desk.core.evidence_server import keep_evidence
from egov_desk.core.person import NotPermitted, Person
from egov_desk.core.review import approve, item_reviews, submit
from egov_desk.core.server_people import add_person, people, remove_person
from egov_desk.core.sign_off import finalize, set_stage
from egov_desk.core.workspace import Workspace

pytestmark = pytest.mark.postgres
_numbers = itertools.count(1)


def as_login(url: str, login: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{login}@{host}"))


def raw(url: str) -> psycopg.Connection:  # type: ignore[type-arg]
    """A plain connection as that login, bypassing egov-desk altogether."""
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)


@pytest.fixture
def logins(server_url: str) -> Iterator[dict[str, str]]:
    """A 填报人 of 办公室, a 审核人 and the 负责人 of the workspace (logins unique to this test process)."""
    tag = f"{os.getpid()}_{next(_numbers)}"
    made = {
        "filler": add_person(server_url, f"clerk_{tag}", "filler", "办公室", "王五", "pw-filler").login,
        "reviewer": add_person(server_url, f"checker_{tag}", "reviewer", "", "李四", "pw-reviewer").login,
        "leader": add_person(server_url, f"head_{tag}", "leader", "", "赵局", "pw-leader").login,
    }
    yield made
    for login in made.values():
        assert remove_person(server_url, login).login_dropped  # nothing of it left on the server


def item_id(url: str, code: str) -> int:
    with raw(url) as connection:
        row = connection.execute("SELECT id FROM items WHERE code = %s", (code,)).fetchone()
    assert row is not None
    return int(row[0])


def test_the_person_on_a_server_is_the_logins_row_whatever_is_typed(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    with Workspace.connect(as_login(server_url, logins["filler"]), vault=tmp_path / "vault") as filler:
        assert filler.person == Person("王五", "filler", "办公室")
        filler.set_person(Person("局长", "leader"))  # 我的身份 typed: the server's row stays
        assert filler.person == Person("王五", "filler", "办公室")
    with Workspace.connect(server_url, vault=tmp_path / "vault") as owner:  # the owner: what they give
        owner.set_person(Person("管理员", "leader"))
        assert owner.person == Person("管理员", "leader")
    assert [(p.login, p.role, p.department) for p in people(server_url)] == sorted(
        [
            (logins["filler"], "filler", "办公室"),
            (logins["reviewer"], "reviewer", ""),
            (logins["leader"], "leader", ""),
        ],
        key=lambda row: (row[1], row[2], row[0]),
    )


def test_a_filler_writes_their_departments_items_and_the_database_refuses_anothers(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    filler_url = as_login(server_url, logins["filler"])
    with Workspace.connect(server_url, vault=tmp_path / "vault") as owner:
        assessment = owner.default_assessment().id
        owner.set_note(assessment, "002", "信息中心的说明")  # a row of 信息中心's item exists
    with Workspace.connect(filler_url, vault=tmp_path / "vault") as filler:
        filler.set_input(assessment, "003", {"count": 2})  # 办公室 leads 003
        filler.set_note(assessment, "003", "两次培训")
        filler.set_note(assessment, "001", "配合")  # 办公室 cooperates on 001
        with pytest.raises(NotPermitted) as core:  # the core's own check comes first
            filler.set_note(assessment, "002", "改别人的")
        assert "002" in core.value.chinese
        assert "办公室" in core.value.chinese
        filler.store.person = Person("王五", "reviewer")  # a client that skipped the core's check
        with pytest.raises(WorkspaceError) as server:
            filler.set_note(assessment, "002", "改别人的")
        assert server.value.kind == "not_allowed"
        assert "002" in server.value.chinese
        assert "信息中心" in server.value.chinese
        assert "办公室" in server.value.chinese
        assert "服务器拒绝" in server.value.chinese
        with pytest.raises(WorkspaceError) as inserted:  # no row yet: an INSERT, refused too
            filler.set_note(assessment, "004", "计财科的")
        assert "004" in inserted.value.english
        assert "计财科" in inserted.value.english
    with Workspace.connect(server_url, vault=tmp_path / "vault") as owner:
        assert owner.notes(assessment)["002"] == "信息中心的说明"
        assert owner.notes(assessment)["003"] == "两次培训"
        assert not owner.notes(assessment).get("004")


def test_raw_sql_on_the_fillers_own_connection_is_refused_for_another_departments_item(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    with Workspace.connect(server_url, vault=tmp_path / "vault") as owner:
        assessment = owner.default_assessment().id
        owner.set_note(assessment, "002", "信息中心的说明")
        owner.set_note(assessment, "003", "办公室的说明")
    theirs, ours = item_id(server_url, "002"), item_id(server_url, "003")
    with raw(as_login(server_url, logins["filler"])) as filler:
        updated = filler.execute("UPDATE item_inputs SET note = 'x' WHERE item_id = %s", (ours,))
        assert updated.rowcount == 1
        filler.execute("UPDATE item_inputs SET status = 'submitted' WHERE item_id = %s", (ours,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="approved"):  # not even their own item
            filler.execute("UPDATE item_inputs SET status = 'approved' WHERE item_id = %s", (ours,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            filler.execute("UPDATE item_inputs SET note = 'x' WHERE item_id = %s", (theirs,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            filler.execute(
                "INSERT INTO item_inputs (assessment_id, item_id, scored, note, updated_at, updated_by, status, "
                "status_comment) VALUES (%s, %s, false, 'x', now(), 'x', '', '')",
                (assessment, item_id(server_url, "004")),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="remove"):
            filler.execute("DELETE FROM item_inputs WHERE item_id = %s", (theirs,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            filler.execute("UPDATE assessments SET stage = 'final'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            filler.execute("UPDATE items SET lead_id = NULL")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no DDL
            filler.execute("CREATE TABLE mine (x int)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            filler.execute("ALTER TABLE item_inputs DISABLE ROW LEVEL SECURITY")
    with raw(server_url) as admin:
        assert admin.execute("SELECT note FROM item_inputs WHERE item_id = %s", (theirs,)).fetchone() == (
            "信息中心的说明",
        )


@pytest.mark.parametrize("role", ["filler", "reviewer", "leader"])
def test_no_client_role_rewrites_or_removes_a_history_row(
    server_url: str, logins: dict[str, str], tmp_path: Path, role: str
) -> None:
    with Workspace.connect(server_url, vault=tmp_path / "vault") as owner:
        owner.set_note(owner.default_assessment().id, "003", "一条记录")
    with raw(as_login(server_url, logins[role])) as client:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="audit"):
            client.execute("UPDATE audit SET name = '别人'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="audit"):
            client.execute("DELETE FROM audit")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="audit"):
            client.execute("TRUNCATE audit")
    with Workspace.connect(as_login(server_url, logins[role]), vault=tmp_path / "vault") as client:
        assert verify(client).clean  # a client reads the whole chain, as it was written


def test_a_reviewer_approves_any_item_and_only_the_leader_makes_it_final(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    with Workspace.connect(server_url, vault=tmp_path / "vault") as owner:
        assessment = owner.default_assessment().id
        owner.set_person(Person("管理员", "leader"))
        for code in ("002", "003", "004"):
            owner.set_note(assessment, code, "已填")
        submit(owner, assessment, ["002", "003", "004"])
    with Workspace.connect(as_login(server_url, logins["reviewer"]), vault=tmp_path / "vault") as reviewer:
        approve(reviewer, assessment, ["002", "003", "004"])  # three departments' items
        assert reviewer.person == Person("李四", "reviewer")
    with raw(as_login(server_url, logins["reviewer"])) as reviewer_sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            reviewer_sql.execute("UPDATE assessments SET stage = 'final'")
        reviewer_sql.execute("UPDATE assessments SET stage = 'review'")  # 填报 ↔ 审核 is a reviewer's
    with Workspace.connect(as_login(server_url, logins["reviewer"]), vault=tmp_path / "vault") as reviewer:
        set_stage(reviewer, assessment, "filling")  # 填报 ↔ 审核 through the core too
        reviewer.store.person = Person("李四", "leader")  # the core's check skipped: the server still says no
        with pytest.raises(WorkspaceError) as final:
            finalize(reviewer, assessment, force=True)
        assert "只有负责人" in final.value.chinese
        assert "李四（审核人）" in final.value.chinese
        assert reviewer.assessment(assessment).stage == "filling"
    with Workspace.connect(as_login(server_url, logins["leader"]), vault=tmp_path / "vault") as leader:
        finalize(leader, assessment, force=True)
        assert leader.assessment(assessment).stage == "final"


def requirement_of(url: str, code: str) -> int:
    with raw(url) as connection:
        row = connection.execute(
            "SELECT r.id FROM evidence_requirements r JOIN items i ON i.id = r.item_id WHERE i.code = %s "
            "ORDER BY r.position LIMIT 1",
            (code,),
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_a_filler_attaches_and_ticks_on_their_items_only(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    scan = tmp_path / "in" / "培训通知.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4\n% a scan\n")
    with Workspace.connect(server_url, vault=tmp_path / "vault") as owner:
        assessment = owner.default_assessment().id
        theirs = owner.evidence.attach(assessment, "002", [scan]).links[0]
    with Workspace.connect(as_login(server_url, logins["filler"]), vault=tmp_path / "vault") as filler:
        filler.evidence.attach(assessment, "003", [scan])  # the same bytes, linked to 办公室's item
        filler.evidence.set_checked(assessment, requirement_of(server_url, "003"), True)
        filler.store.person = Person("王五", "leader")  # the core's check skipped: the server still says no
        with pytest.raises(WorkspaceError) as ticked:
            filler.evidence.set_checked(assessment, requirement_of(server_url, "002"), True)
        with pytest.raises(WorkspaceError) as unlinked:  # a removal refused aloud, not a DELETE finding nothing
            filler.evidence.unlink(theirs)
        assert "002" in unlinked.value.chinese
        assert "办公室" in unlinked.value.chinese
        assert "002" in ticked.value.chinese
        assert "办公室" in ticked.value.chinese
    with raw(as_login(server_url, logins["filler"])) as filler_sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            filler_sql.execute(
                "INSERT INTO requirement_checks (assessment_id, requirement_id, checked_by, checked_at) "
                "VALUES (%s, %s, 'x', now())",
                (assessment, requirement_of(server_url, "002")),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            filler_sql.execute("UPDATE evidence_links SET requirement_id = NULL WHERE id = %s", (theirs,))
        linked_to_theirs = filler_sql.execute("SELECT file_id FROM evidence_links WHERE id = %s", (theirs,))
        file_id = linked_to_theirs.fetchone()[0]  # type: ignore[index]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            filler_sql.execute("UPDATE evidence_files SET original_name = 'x.pdf' WHERE id = %s", (file_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="remove"):
            filler_sql.execute("DELETE FROM evidence_files WHERE id = %s", (file_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="remove"):
            filler_sql.execute("DELETE FROM evidence_links WHERE id = %s", (theirs,))
    with raw(server_url) as admin:
        linked = admin.execute(
            "SELECT i.code, l.requirement_id IS NOT NULL FROM evidence_links l JOIN items i ON i.id = l.item_id "
            "ORDER BY l.id"
        ).fetchall()
        ticked_codes = admin.execute(
            "SELECT i.code FROM requirement_checks c JOIN evidence_requirements r ON r.id = c.requirement_id "
            "JOIN items i ON i.id = r.item_id"
        ).fetchall()
    assert linked == [("002", False), ("003", False)]
    assert ticked_codes == [("003",)]


def test_a_filler_stores_evidence_in_the_servers_database_and_a_later_table_is_readable(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    keep_evidence(server_url, place("database"))
    scan = tmp_path / "会议纪要.pdf"
    scan.write_bytes(b"%PDF-1.4\n% minutes\n" * 100)
    with Workspace.connect(as_login(server_url, logins["filler"])) as filler:
        assessment = filler.default_assessment().id
        report = filler.evidence.attach(assessment, "019", [scan])
        assert report.added
        assert not report.failed
    with raw(server_url) as admin:  # a table a later upgrade adds, made by the owner
        admin.execute("CREATE TABLE later_table (x int)")
        admin.execute("INSERT INTO later_table VALUES (1)")
        assert admin.execute("SELECT count(*) FROM vault_blobs").fetchone() == (1,)
    with raw(as_login(server_url, logins["reviewer"])) as reviewer:
        assert reviewer.execute("SELECT x FROM later_table").fetchone() == (1,)


def test_every_login_may_switch_the_assessment_shown_and_only_the_leader_changes_other_settings(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    with Workspace.connect(as_login(server_url, logins["filler"]), vault=tmp_path / "vault") as filler:
        filler.set_setting("current_assessment", filler.default_assessment().id)
        with pytest.raises(WorkspaceError) as refused:
            filler.set_setting("vault", "/tmp/elsewhere")
        assert "工作区设置" in refused.value.chinese
        assert "王五（办公室 填报人）" in refused.value.chinese
    with Workspace.connect(as_login(server_url, logins["leader"]), vault=tmp_path / "vault") as leader:
        leader.set_setting("unit_note", "由负责人设置")
        assert leader.setting("unit_note") == "由负责人设置"


def test_a_filler_posing_as_a_reviewer_cannot_approve_their_own_item(
    server_url: str, logins: dict[str, str], tmp_path: Path
) -> None:
    with Workspace.connect(as_login(server_url, logins["filler"]), vault=tmp_path / "vault") as filler:
        assessment = filler.default_assessment().id
        filler.set_note(assessment, "003", "已填")
        submit(filler, assessment, ["003"])
        filler.store.person = Person("王五", "reviewer")  # the core's check skipped
        with pytest.raises(WorkspaceError) as refused:
            approve(filler, assessment, ["003"])
        assert "只允许审核人或负责人" in refused.value.chinese
        assert "003" in refused.value.chinese
        assert item_reviews(filler, assessment)["003"].status == "submitted"
