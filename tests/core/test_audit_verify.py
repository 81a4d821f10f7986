"""Checking the change history: rows edited, deleted or inserted with sqlite3 on the file are found and named, and
so is every score, input, note, status or evidence link the tables hold that the history does not say."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from egov_desk.core.audit_verify import DELETED, EDITED, INSERTED, ChainReport, verify
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.workspace import Workspace
from tests.core.test_backups import downgrade
from tests.core.test_system_versions import edited_2019

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The demo workspace (scored, notes, evidence), closed: the tests change its file as someone with sqlite3."""
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def checked(folder: Path) -> ChainReport:
    with Workspace.open(folder) as workspace:
        return verify(workspace)


def sql(folder: Path, statement: str, *params: object) -> None:
    with closing(sqlite3.connect(folder / "workspace.sqlite")) as connection:
        connection.execute(statement, params)
        connection.commit()


def query(folder: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(folder / "workspace.sqlite")) as connection:
        return connection.execute(statement, params).fetchall()


def last_row(folder: Path) -> int:
    return int(query(folder, "SELECT max(id) FROM audit")[0][0])


def row_of(folder: Path, action: str, code: str) -> int:
    return int(query(folder, "SELECT max(id) FROM audit WHERE action = ? AND item_code = ?", action, code)[0][0])


def item_input(folder: Path, code: str, column: str, value: object) -> None:
    sql(
        folder,
        f"UPDATE item_inputs SET {column} = ? WHERE assessment_id = 1"
        " AND item_id = (SELECT id FROM items WHERE system_id = 1 AND code = ?)",
        value,
        code,
    )


# --- a clean workspace ---------------------------------------------------------------------------------


def test_the_demo_workspace_verifies_clean_naming_its_rows_and_head(folder: Path) -> None:
    report = checked(folder)
    assert report.clean, report.lines()
    assert report.rows == last_row(folder)
    assert report.head == query(folder, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")[0][0]
    assert f"共 {report.rows} 条" in report.lines()[0]
    assert report.head in report.lines()[0]


def test_a_new_workspace_starts_its_chain_with_an_empty_state(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        first = workspace.audit()[0]
        assert first.action == "chain_start"
        assert first.after == {"assessments": {}}
        assert verify(workspace).clean


def test_undo_evidence_work_and_a_version_move_verify_clean(folder: Path, tmp_path: Path) -> None:
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(PDF)
    with Workspace.open(folder) as workspace:
        before = workspace.inputs(1)["021"]
        workspace.set_input(1, "021", {"numerator": 9, "denominator": 9})
        workspace.set_input(1, "021", before)  # the undo
        workspace.set_note(1, "021", "")
        report = workspace.evidence.attach(1, "002", [scan])
        link = report.links[0]
        file_id = report.added[0].id
        other = workspace.evidence.link(file_id, "003")
        removed = workspace.evidence.unlink(link)
        workspace.evidence.restore(removed)  # the undo of removing it
        workspace.evidence.unlink(other.link_id)
        stored = workspace.store_system_version(1, edited_2019(workspace))
        workspace.move_assessment(1, stored.system_id)
        workspace.set_input(1, "036", {"yes": True})
        workspace.move_assessment(1, 1)
        result = verify(workspace)
    assert result.clean, result.lines()


def test_a_new_assessment_undone_keeps_its_rows_in_the_chain(folder: Path) -> None:
    with Workspace.open(folder) as workspace:
        created = workspace.create_assessment(1, "市教育局", 2020)
        workspace.remove_assessment(created.assessment_id)  # the undo of making it
        assert [e.action for e in workspace.audit(created.assessment_id)] == ["create_assessment", "remove_assessment"]
        again = workspace.create_assessment(1, "市教育局", 2020).assessment_id
        assert again != created.assessment_id  # never given again: the history of the removed one is not its
        report = verify(workspace)
    assert report.clean, report.lines()


def test_a_carry_over_its_undo_and_a_confirmation_verify_clean(folder: Path) -> None:
    from egov_desk.core.carry_over import carry_over, confirm_carried, plan_carry_over, undo_carry_over

    with Workspace.open(folder) as workspace:
        carried = carry_over(workspace, plan_carry_over(workspace, 1), evidence="all")
        assert verify(workspace).clean
        undo_carry_over(workspace, carried)
        assert verify(workspace).clean
        again = carry_over(workspace, plan_carry_over(workspace, 1), evidence="all")
        confirm_carried(workspace, workspace.evidence.files(again.assessment_id)[0].id)
        workspace.set_note(again.assessment_id, "021", "")
        report = verify(workspace)
    assert report.clean, report.lines()


def test_review_and_sign_off_verify_clean_and_a_stage_changed_on_the_file_is_named(folder: Path) -> None:
    from egov_desk.core.person import Person
    from egov_desk.core.review import approve, return_items, submit
    from egov_desk.core.sign_off import finalize, reopen

    with Workspace.open(folder) as workspace:
        workspace.set_person(Person("王负责", "leader"))
        submit(workspace, 1, ["021", "028"])
        return_items(workspace, 1, ["028"], "缺盖章页")
        approve(workspace, 1, ["021"])
        workspace.set_input(1, "021", {"numerator": 8, "denominator": 9})  # sets 021 back to 填报中
        submit(workspace, 1, ["021"])
        finalize(workspace, 1, force=True)
        assert verify(workspace).clean
        reopen(workspace, 1, "补充材料")
        finalize(workspace, 1, force=True)
        report = verify(workspace)
        assert report.clean, report.lines()
    sql(folder, "UPDATE assessments SET stage = 'review', snapshot_sha256 = NULL WHERE id = 1")
    found = {d.what: d for d in checked(folder).differences}
    assert set(found) == {"stage", "snapshot"}
    assert found["stage"].text == "2019 自评 的阶段在数据库中为 审核，按记录应为 定稿"


def test_a_workspace_upgraded_from_0004_keeps_its_state_in_the_first_row_and_verifies_clean(folder: Path) -> None:
    from egov_desk.core.db.engine import make_engine

    engine = make_engine(f"sqlite:///{folder / 'workspace.sqlite'}")
    downgrade(engine, "0004")
    engine.dispose()
    assert not query(folder, "SELECT id FROM audit WHERE action = 'chain_start'")
    with Workspace.open(folder) as workspace:
        start = workspace.audit()[-1]
        assert start.action == "chain_start"
        state = start.after["assessments"]["1"]
        assert state["inputs"]["021"] == {"numerator": 7, "denominator": 9}
        assert state["notes"]["028"] == "按省通报第7名。"
        assert len(state["links"]) == len(query(folder, "SELECT id FROM evidence_links"))
        workspace.set_input(1, "021", {"numerator": 8, "denominator": 9})
        report = verify(workspace)
    assert report.clean, report.lines()


# --- the chain ------------------------------------------------------------------------------------------


def test_an_audit_row_changed_with_sqlite3_is_named_as_edited(folder: Path) -> None:
    row = row_of(folder, "set_input", "021")
    sql(folder, "UPDATE audit SET after = ? WHERE id = ?", json.dumps({"numerator": 8, "denominator": 9}), row)
    report = checked(folder)
    first = report.first_break
    assert first is not None
    assert (first.id, first.kind) == (row, EDITED)
    assert f"第 {row} 条记录" in first.text
    assert "修改 021" in first.text
    assert "在记录之后被改动" in first.text
    # what the tables hold no longer fits what the edited row says either
    assert any(d.code == "021" and d.what == "input" for d in report.differences)


def test_an_audit_rows_hash_rewritten_is_named_once(folder: Path) -> None:
    row = row_of(folder, "set_note", "028")
    sql(folder, "UPDATE audit SET hash = ? WHERE id = ?", "0" * 64, row)
    breaks = checked(folder).breaks
    assert [(b.id, b.kind) for b in breaks] == [(row, EDITED)]


def test_an_audit_row_deleted_in_the_middle_is_named(folder: Path) -> None:
    row = row_of(folder, "set_note", "021")
    sql(folder, "DELETE FROM audit WHERE id = ?", row)
    report = checked(folder)
    first = report.first_break
    assert first is not None
    assert (first.id, first.kind) == (row, DELETED)
    assert f"第 {row} 条记录被删除" in first.text
    assert any(d.code == "021" and d.what == "note" for d in report.differences)


def test_the_last_audit_row_deleted_is_found_by_the_change_it_recorded(folder: Path) -> None:
    with Workspace.open(folder) as workspace:
        workspace.set_input(1, "021", {"numerator": 9, "denominator": 9})
    sql(folder, "DELETE FROM audit WHERE id = ?", last_row(folder))
    report = checked(folder)
    assert not report.clean
    texts = [d.text for d in report.differences]
    assert any("021 的得分在数据库中为 3，按记录应为 2.33" in t for t in texts), texts
    assert any(d.code == "021" and d.what == "input" for d in report.differences)


def test_a_forged_audit_row_is_named_as_inserted(folder: Path) -> None:
    forged = last_row(folder) + 1
    sql(
        folder,
        "INSERT INTO audit (id, at, actor, action, assessment_id, item_code, before, after)"
        " VALUES (?, '2026-11-29 10:02:00', 'zhang', 'set_input', 1, '021', NULL, '{\"score\": 3}')",
        forged,
    )
    report = checked(folder)
    first = report.first_break
    assert first is not None
    assert (first.id, first.kind) == (forged, INSERTED)
    assert "zhang" in first.text
    assert "插入" in first.text


# --- the state ------------------------------------------------------------------------------------------


def test_a_score_changed_on_the_file_is_named_with_both_values(folder: Path) -> None:
    item_input(folder, "021", "score", "3")
    report = checked(folder)
    assert not report.breaks
    assert [d.text for d in report.differences] == ["2019 自评 · 021 的得分在数据库中为 3，按记录应为 2.33"]


def test_an_input_a_note_and_a_status_changed_on_the_file_are_named(folder: Path) -> None:
    item_input(folder, "021", "input", json.dumps({"numerator": 9, "denominator": 9}))
    item_input(folder, "028", "note", "改过的说明")
    item_input(folder, "004", "status", "approved")
    found = {(d.code, d.what): d for d in checked(folder).differences}
    assert set(found) == {("021", "input"), ("028", "note"), ("004", "status")}
    assert (
        found[("021", "input")].text == "2019 自评 · 021 的挂接具体数据资源的目录数在数据库中为 9，按记录应为 7"
    )  # the table's words
    assert found[("028", "note")].text == (
        "2019 自评 · 028 的说明在数据库中为 “改过的说明”，按记录应为 “按省通报第7名。”"
    )
    assert "已审核" in found[("004", "status")].text
    assert "未提交" in found[("004", "status")].text


def test_an_evidence_link_deleted_or_inserted_on_the_file_is_named(folder: Path) -> None:
    link, file_id = query(folder, "SELECT l.id, l.file_id FROM evidence_links l ORDER BY l.id LIMIT 1")[0]
    sql(folder, "DELETE FROM evidence_links WHERE id = ?", link)
    item = query(folder, "SELECT id FROM items WHERE system_id = 1 AND code = '031'")[0][0]
    sql(
        folder,
        "INSERT INTO evidence_links (file_id, item_id, added_at) VALUES (?, ?, '2026-11-29 10:00:00')",
        file_id,
        item,
    )
    found = [d for d in checked(folder).differences if d.what == "link"]
    assert len(found) == 2
    gone = next(d for d in found if d.stored == "无此关联")
    added = next(d for d in found if d.stored == "有此关联")
    assert added.code == "031"
    assert "按记录应为 无此关联" in added.text
    assert gone.recorded == "有此关联"
    assert "佐证材料“" in gone.text


def test_the_report_says_itself_as_json(folder: Path) -> None:
    item_input(folder, "021", "score", "3")
    data = checked(folder).to_json()
    assert data["clean"] is False
    assert data["first_break"] is None
    assert data["differences"][0]["code"] == "021"
    assert data["differences"][0]["what"] == "score"


def test_an_assessment_inserted_on_the_file_is_named(folder: Path) -> None:
    sql(
        folder,
        "INSERT INTO assessments (id, system_id, unit, year, title, created_at, filled_by, stage, finalized_by)"
        " VALUES (7, 1, '市教育局', 2021, '自评', '2026-11-29 10:00:00', '', 'filling', '')",
    )
    [found] = checked(folder).differences
    assert (found.assessment_id, found.what) == (7, "assessment")
    assert found.text == "考评 7 在数据库中存在，修改记录中没有创建它的记录"


def test_an_assessment_deleted_on_the_file_is_named(folder: Path) -> None:
    sql(folder, "PRAGMA foreign_keys = ON")
    with closing(sqlite3.connect(folder / "workspace.sqlite")) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM evidence_files WHERE assessment_id = 1")
        connection.execute("DELETE FROM assessments WHERE id = 1")
        connection.commit()
    found = [d for d in checked(folder).differences if d.what == "assessment"]
    assert [d.text for d in found] == ["考评 1 按修改记录应当存在，数据库中却没有（不是在本程序中删除的）"]
