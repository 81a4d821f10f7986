"""Review of items: submitted, returned with a comment, approved — by whom the roles allow, only where it makes
sense, all or nothing, recorded; a changed item that was submitted or approved goes back to 填报中."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core import review
from egov_desk.core.person import NotPermitted, Person
from egov_desk.core.review_states import APPROVED, FILLING, NOT_STARTED, RETURNED, SUBMITTED
from egov_desk.core.workspace import Workspace

LEADER = Person("王局长", "leader")
REVIEWER = Person("李审核", "reviewer")


def filler_of(department: str) -> Person:
    return Person("赵填报", "filler", department)


def status(workspace: Workspace, assessment: int, code: str) -> str:
    return review.item_reviews(workspace, assessment)[code].status


@pytest.fixture
def assessment(demo: Workspace) -> int:
    return demo.default_assessment().id


def test_every_item_has_a_status_told_from_what_was_entered(demo: Workspace, assessment: int) -> None:
    reviews = review.item_reviews(demo, assessment)
    system = demo.system(demo.assessment(assessment).system_id)
    assert list(reviews) == [item.code for item in system.items()]
    entered = set(demo.inputs(assessment)) | set(demo.notes(assessment))
    entered |= {code for f in demo.evidence.files(assessment) for _link, code, _r in f.links}
    for code, item in reviews.items():
        assert item.status == (FILLING if code in entered else NOT_STARTED), code
        assert (item.by, item.at, item.comment) == ("", None, "")
    assert reviews["001"].label() == "填报中"
    assert reviews["001"].label(chinese=False) == "being filled in"


def test_submit_return_approve_and_who_did_it_when(demo: Workspace, assessment: int) -> None:
    demo.set_person(filler_of("政策法规科"))  # 001 is led by 政策法规科
    change = review.submit(demo, assessment, ["001"])
    assert (change.what, change.codes, change.before) == ("review", ("001",), {"001": ("", "")})
    assert status(demo, assessment, "001") == SUBMITTED
    demo.set_person(REVIEWER)
    review.return_items(demo, assessment, ["001"], "  缺少培训签到表  ")
    returned = review.item_reviews(demo, assessment)["001"]
    assert (returned.status, returned.comment, returned.by) == (RETURNED, "缺少培训签到表", "李审核")
    assert returned.at is not None
    demo.set_person(filler_of("政策法规科"))
    review.submit(demo, assessment, ["001"])  # submitted again after the rework
    demo.set_person(REVIEWER)
    review.approve(demo, assessment, ["001"])
    assert status(demo, assessment, "001") == APPROVED
    rows = [(e.action, e.before, e.after, e.name, e.role) for e in demo.audit(assessment, "001")[-4:]]
    assert rows == [
        ("submit", {"status": ""}, {"status": SUBMITTED, "comment": ""}, "赵填报", "filler"),
        ("return", {"status": SUBMITTED}, {"status": RETURNED, "comment": "缺少培训签到表"}, "李审核", "reviewer"),
        ("submit", {"status": RETURNED}, {"status": SUBMITTED, "comment": ""}, "赵填报", "filler"),
        ("approve", {"status": SUBMITTED}, {"status": APPROVED, "comment": ""}, "李审核", "reviewer"),
    ]


@pytest.mark.parametrize(
    ("setup", "action", "words"),
    [
        ([], "submit_empty", "尚未填写任何内容"),
        (["submit"], "submit", "已经提交"),
        ([], "return", "只有已提交或已审核的指标才能退回"),
        (["submit", "return"], "return", "已经退回"),
        ([], "approve", "尚未提交"),
        (["submit", "approve"], "approve", "已经审核通过"),
    ],
)
def test_a_transition_that_makes_no_sense_is_refused_naming_the_item_and_its_status(
    demo: Workspace, assessment: int, setup: list[str], action: str, words: str
) -> None:
    demo.set_person(LEADER)
    steps = {
        "submit": lambda: review.submit(demo, assessment, ["001"]),
        "return": lambda: review.return_items(demo, assessment, ["001"], "补充"),
        "approve": lambda: review.approve(demo, assessment, ["001"]),
        "submit_empty": lambda: review.submit(demo, assessment, [empty_item(demo, assessment)]),
    }
    for step in setup:
        steps[step]()
    count = len(demo.audit())
    with pytest.raises(review.ReviewRefused) as refused:
        steps[action]()
    code = refused.value.values["code"]
    assert refused.value.chinese.startswith(f"{code} 目前为“")
    assert words in refused.value.chinese
    assert "nothing was changed" in refused.value.english
    assert len(demo.audit()) == count


def empty_item(workspace: Workspace, assessment: int) -> str:
    return next(code for code, r in review.item_reviews(workspace, assessment).items() if r.status == NOT_STARTED)


def test_a_call_is_all_or_nothing(demo: Workspace, assessment: int) -> None:
    demo.set_person(LEADER)
    before = review.item_reviews(demo, assessment)
    with pytest.raises(review.ReviewRefused):
        review.submit(demo, assessment, ["001", "002", empty_item(demo, assessment)])
    assert review.item_reviews(demo, assessment) == before


def test_a_return_needs_a_comment(demo: Workspace, assessment: int) -> None:
    demo.set_person(LEADER)
    review.submit(demo, assessment, ["001"])
    with pytest.raises(review.ReviewRefused) as refused:
        review.return_items(demo, assessment, ["001"], "   ")
    assert refused.value.kind == "no_comment"
    assert status(demo, assessment, "001") == SUBMITTED


def test_undo_puts_the_statuses_back_and_redo_again(demo: Workspace, assessment: int) -> None:
    demo.set_person(LEADER)
    review.submit(demo, assessment, ["001", "002"])
    returned = review.return_items(demo, assessment, ["001", "002"], "重做")
    undone = review.restore_statuses(demo, assessment, returned.before)
    assert {code: status(demo, assessment, code) for code in ("001", "002")} == {"001": SUBMITTED, "002": SUBMITTED}
    assert demo.audit(assessment)[-1].after == {"status": SUBMITTED, "comment": "", "undo": True}
    review.restore_statuses(demo, assessment, undone.before)  # redo
    redone = review.item_reviews(demo, assessment)["002"]
    assert (redone.status, redone.comment) == (RETURNED, "重做")


def test_changing_a_submitted_or_approved_item_sets_it_back_to_filling_in(
    demo: Workspace, assessment: int, tmp_path: Path
) -> None:
    demo.set_person(LEADER)
    review.submit(demo, assessment, ["001", "002", "003"])
    review.approve(demo, assessment, ["002"])
    demo.set_note(assessment, "001", "改了说明")
    path = tmp_path / "补充.txt"
    path.write_text("补充材料", encoding="utf-8")
    demo.evidence.attach(assessment, "002", [path])
    requirement = demo.evidence.by_item(assessment)["003"].requirements[0].id
    demo.evidence.set_checked(assessment, requirement, True)
    assert [status(demo, assessment, code) for code in ("001", "002", "003")] == [FILLING] * 3
    resets = [(e.item_code, e.before) for e in demo.audit(assessment) if e.action == "review_reset"]
    assert resets == [("001", {"status": SUBMITTED}), ("002", {"status": APPROVED}), ("003", {"status": SUBMITTED})]


def test_a_returned_item_stays_returned_while_it_is_reworked(demo: Workspace, assessment: int) -> None:
    demo.set_person(LEADER)
    review.submit(demo, assessment, ["001"])
    review.return_items(demo, assessment, ["001"], "补充说明")
    demo.set_note(assessment, "001", "已补充")
    assert review.item_reviews(demo, assessment)["001"].comment == "补充说明"
    assert status(demo, assessment, "001") == RETURNED


def test_a_filler_submits_and_edits_only_their_departments_items(demo: Workspace, assessment: int) -> None:
    demo.set_person(filler_of("计财科"))  # 001 is led by 政策法规科, 办公室 and 信息中心 cooperate
    count = len(demo.audit())
    with pytest.raises(NotPermitted) as refused:
        review.submit(demo, assessment, ["001"])
    assert "“政策法规科”牵头" in refused.value.chinese
    assert "计财科" in refused.value.chinese
    for write in (
        lambda: demo.set_note(assessment, "001", "不是我的"),
        lambda: demo.set_input(assessment, "001", {"parts": [{"count": 1}, {"count": 1}]}),
    ):
        with pytest.raises(NotPermitted) as edit:
            write()
        assert edit.value.kind == "not_their_item"
    assert len(demo.audit()) == count
    demo.set_note(assessment, "004", "计财科自己的指标")  # 004 is led by 计财科
    demo.set_person(filler_of("办公室"))  # a cooperating department may submit it
    review.submit(demo, assessment, ["001"])


def test_who_may_do_what(demo: Workspace, assessment: int) -> None:
    demo.set_person(filler_of("政策法规科"))
    review.submit(demo, assessment, ["001"])
    with pytest.raises(NotPermitted) as filler:
        review.approve(demo, assessment, ["001"])
    assert "审核人或负责人" in filler.value.chinese
    demo.set_person(REVIEWER)
    with pytest.raises(NotPermitted):
        review.submit(demo, assessment, ["002"])
    demo.set_person(Person("", "reviewer"))
    with pytest.raises(NotPermitted) as nameless:
        review.approve(demo, assessment, ["001"])
    assert nameless.value.kind == "no_person"
    demo.set_person(Person("某人"))
    with pytest.raises(NotPermitted) as no_role:
        review.approve(demo, assessment, ["001"])
    assert no_role.value.chinese == "请先在“审核 → 我的身份”中选择角色并填写姓名"
    demo.set_person(Person("钱填报", "filler"))
    with pytest.raises(NotPermitted) as no_department:
        review.submit(demo, assessment, ["001"])
    assert no_department.value.kind == "no_department"
    assert status(demo, assessment, "001") == SUBMITTED


def test_without_a_role_data_is_entered_as_before(demo: Workspace, assessment: int) -> None:
    demo.set_note(assessment, "001", "没有选择身份也能填写")
    assert demo.notes(assessment)["001"] == "没有选择身份也能填写"
