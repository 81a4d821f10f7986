"""The change history in words: who, when, which item, and what changed — inputs with the rule's field names and
the score before and after, notes and evidence in a short phrase."""

from __future__ import annotations

from pathlib import Path

from egov_desk.core.db.models import AuditEntry
from egov_desk.core.demo_files import png
from egov_desk.core.history import history, said
from egov_desk.core.person import Person
from egov_desk.core.workspace import Workspace


def test_an_input_set_twice_is_said_with_the_rules_field_names_and_the_score(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "021", {"numerator": 7, "denominator": 9})
    demo.set_input(assessment, "021", {"numerator": 7, "denominator": 10})
    lines = history(demo, assessment, "021")
    last = lines[-1]
    assert last.code == "021"
    assert last.who == demo.actor
    assert last.what == "部门目录总数 9 → 10，得分 2.33 → 2.10"
    assert last.what_en == "denominator 9 → 10, score 2.33 → 2.10"
    assert "021 部门目录总数 9 → 10，得分 2.33 → 2.10" in last.text()
    assert lines[-2].when <= last.when


def test_a_count_is_named_as_the_items_rule_names_it(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "003", {"count": 1})
    demo.set_input(assessment, "003", {"count": 2})
    assert history(demo, assessment, "003")[-1].what.startswith("参加业务培训（次） 1 → 2")


def test_a_part_of_a_sum_named_by_its_count_is_named_once(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "001", {"parts": [{"count": 1}, {"count": 0}]})
    demo.set_input(assessment, "001", {"parts": [{"count": 2}, {"count": 0}]})
    assert history(demo, assessment, "001")[-1].what.startswith("参加调研、座谈、会议（项） 1 → 2")


def test_clearing_an_input_says_the_fields_went_empty(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "021", {"numerator": 3, "denominator": 4})
    demo.set_input(assessment, "021", None)
    assert (
        history(demo, assessment, "021")[-1].what
        == "挂接具体数据资源的目录数 3 → 空，部门目录总数 4 → 空，得分 2.25 → 空"
    )


def test_a_note_is_said_old_to_new(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_note(assessment, "021", "待财政局确认")
    line = history(demo, assessment, "021")[-1]
    assert line.action == "set_note"
    assert line.what.startswith("说明")
    assert line.what.endswith("→ “待财政局确认”")


def test_attaching_and_unlinking_a_file_are_in_the_items_history(demo: Workspace, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    file = tmp_path / "目录清单.png"
    file.write_bytes(png(8, 8, (200, 200, 200)))
    report = demo.evidence.attach(assessment, "021", [file])
    demo.evidence.unlink(report.links[0])
    said = [line.what for line in history(demo, assessment, "021")][-2:]
    assert said == ["添加佐证材料“目录清单.png”", "取消关联佐证材料“目录清单.png”"]


def test_each_line_is_plain_json(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "021", {"numerator": 1, "denominator": 2})
    data = history(demo, assessment, "021")[-1].to_json()
    assert set(data) == {"when", "who", "name", "role", "code", "action", "what", "what_en", "hash"}
    assert data["action"] == "set_input"
    assert data["code"] == "021"
    assert data["what"].endswith("得分 1.50") or data["what"].endswith("→ 1.50")


def test_a_typed_score_is_said_once_and_the_time_carries_its_zone(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "004", {"score": 1.5})
    line = history(demo, assessment, "004")[-1]
    assert line.what == "得分 2.5 → 1.5"
    assert line.to_json()["when"].endswith("+00:00")


def test_the_name_and_role_given_are_shown_beside_the_login(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_person(Person("张三", "leader"))
    demo.set_input(assessment, "021", {"numerator": 8, "denominator": 9})
    line = history(demo, assessment, "021")[-1]
    assert (line.who, line.name, line.role) == (demo.actor, "张三", "leader")
    assert f"  张三（负责人）/{demo.actor}  021 " in line.text()
    assert f"张三 (leader)/{demo.actor}" in line.text(chinese=False)


def entry(action: str, before: object = None, after: object = None, code: str | None = "021") -> AuditEntry:
    from datetime import datetime

    return AuditEntry(
        id=1,
        at=datetime(2026, 11, 29, 2, 2),
        actor="zhang",
        action=action,
        assessment_id=1,
        item_code=code,
        before=before,
        after=after,
        name="",
        role="",
    )


def test_review_and_sign_off_are_said_in_words() -> None:
    assert said(entry("submit", {"status": ""}, {"status": "submitted", "comment": ""})).what == "提交审核"
    returned = said(entry("return", {"status": "submitted"}, {"status": "returned", "comment": "缺盖章页"}))
    assert (returned.what, returned.what_en) == ("退回修改：缺盖章页", "returned for rework: 缺盖章页")
    assert said(entry("approve", {"status": "submitted"}, {"status": "approved", "comment": ""})).what == "审核通过"
    reset = said(entry("review_reset", {"status": "approved"}, {"status": ""}))
    assert reset.what == "内容被修改，审核状态“已审核”撤回为填报中"
    stage = said(entry("stage", {"stage": "filling"}, {"stage": "review"}, None))
    assert stage.what == "考评阶段 填报 → 审核"
    final = said(entry("finalize", {"stage": "review"}, {"stage": "final", "snapshot": "ab" * 32}, None))
    assert final.what == f"定稿，快照 SHA-256 {'ab' * 8}…"
    reopen = said(entry("reopen", {"stage": "final", "snapshot": "ab" * 32}, {"stage": "review", "reason": "补材料"}))
    assert reopen.what == "重新打开定稿（原因：补材料）"


def test_deadlines_and_the_carry_over_are_said_in_words() -> None:
    assert said(entry("deadline", None, {"deadline": "2026-12-20", "department": None})).what == (
        "截止日期定为 2026-12-20"
    )
    assert said(entry("deadline", None, {"deadline": "2026-12-20", "department": "办公室"}, None)).what == (
        "办公室 的截止日期定为 2026-12-20"
    )
    carried = entry("create_assessment", None, {"unit": "市教育局", "year": 2020, "title": "自评", "from": 1}, None)
    assert said(carried).what == "由考评 1 结转新建考评 2020 市教育局"
    link = entry("link", None, {"file": "计划.pdf", "sha256": "0" * 64, "requirement": 7, "carried": True})
    assert said(link, None, {7: "年度工作计划"}).what == "关联佐证材料“计划.pdf”（材料要求“年度工作计划”）（去年材料）"
    assert said(entry("confirm_carried", None, {"file": "计划.pdf"})).what == "确认去年材料“计划.pdf”"
    assert said(entry("set_lead", None, "信息中心")).what == "牵头科室 无 → 信息中心"
    assert said(entry("chain_start", None, {"assessments": {}}, None)).what.startswith("修改记录链起点")


def test_a_departments_return_taken_in_is_said_in_words() -> None:
    taken = said(
        entry("import_return", None, {"department": "办公室", "sequence": 2, "file": "r.egovpkg", "changes": 3})
    )
    assert (taken.what, taken.what_en) == (
        "导入「办公室」第 2 个工作包的回执（3 处修改）",
        "imported 办公室's return of package 2 (3 change(s))",
    )
