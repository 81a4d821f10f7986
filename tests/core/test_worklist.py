"""The unit's worklist: what is left to do, item by item, counted as the window's tree counts it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from egov_desk.core.db.models import EvidenceFile, ItemInput
from egov_desk.core.deadlines import set_deadline
from egov_desk.core.demo_files import png
from egov_desk.core.worklist import (
    CARRIED,
    DATE_OUTSIDE_YEAR,
    KIND_MISMATCH,
    KINDS,
    MISSING_EVIDENCE,
    OVERDUE,
    RETURNED_ITEM,
    UNCHECKED,
    UNSCORED,
    UnknownDepartment,
    worklist,
)
from egov_desk.core.workspace import Workspace


def tree_counts(workspace: Workspace, assessment: int, codes: set[str] | None = None) -> dict[str, int]:
    """What the tree shows: its unscored items, and per item needed − collected and collected − checked."""
    evidence = {
        code: counts for code, counts in workspace.evidence.counts(assessment).items() if codes is None or code in codes
    }
    unscored = [code for code in workspace.scores(assessment).unscored if codes is None or code in codes]
    return {
        UNSCORED: len(unscored),
        MISSING_EVIDENCE: sum(needed - collected for collected, _, needed in evidence.values()),
        UNCHECKED: sum(collected - checked for collected, checked, _ in evidence.values()),
    }


def test_the_demo_worklist_counts_what_the_tree_shows(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    counts = worklist(demo, assessment).counts()
    assert {kind: counts[kind] for kind in (UNSCORED, MISSING_EVIDENCE, UNCHECKED)} == tree_counts(demo, assessment)
    assert counts[UNSCORED] == 10
    assert counts[MISSING_EVIDENCE] > 0
    assert counts[UNCHECKED] > 0


def test_a_department_sees_the_items_it_leads_or_cooperates_on_counted_as_the_tree_does(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    system = demo.assessment(assessment).system_id
    items = demo.items_by_department(system, "计财科")
    codes = {item.code for item in (*items.lead, *items.cooperating)}
    work = worklist(demo, assessment, "计财科")
    assert set(work.codes()) <= codes
    counts = work.counts()
    assert {kind: counts[kind] for kind in (UNSCORED, MISSING_EVIDENCE, UNCHECKED)} == tree_counts(
        demo, assessment, codes
    )
    assert work.to_json()["department"] == "计财科"


def test_an_unknown_department_is_refused_naming_the_known_ones(demo: Workspace) -> None:
    with pytest.raises(UnknownDepartment) as refused:
        worklist(demo, demo.default_assessment().id, "宣传科")
    assert "宣传科" in refused.value.chinese
    assert "计财科" in refused.value.chinese


def test_an_item_partly_entered_is_unscored_with_its_parts_open(demo: Workspace) -> None:
    entry = next(e for e in worklist(demo, demo.default_assessment().id).of_kind(UNSCORED) if e.code == "019")
    assert entry.partial
    assert entry.label == "未评分"


def test_a_requirement_ticked_as_checked_leaves_the_worklist(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    assert "003" in [e.code for e in worklist(demo, assessment).of_kind(UNCHECKED)]
    requirement = demo.evidence.item_evidence(assessment, "003").requirements[0].id
    demo.evidence.set_checked(assessment, requirement, True)
    work = worklist(demo, assessment)
    assert "003" not in [e.code for e in work.of_kind(UNCHECKED)]
    assert work.counts()[UNCHECKED] == tree_counts(demo, assessment)[UNCHECKED]


def test_scoring_an_item_takes_it_off_the_unscored_list(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "018", {"score": 1})
    work = worklist(demo, assessment)
    assert "018" not in [e.code for e in work.of_kind(UNSCORED)]
    assert work.counts()[UNSCORED] == len(demo.scores(assessment).unscored)


def test_evidence_dated_in_another_year_is_listed_with_its_date(demo: Workspace) -> None:
    entries = worklist(demo, demo.default_assessment().id).of_kind(DATE_OUTSIDE_YEAR)
    assert [(e.code, e.subjects) for e in entries] == [("006", ("电子政务外网专线接入证明.pdf（2018-11-02）",))]


def test_a_file_whose_contents_are_not_its_extension_is_in_doubt(demo: Workspace, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    picture = tmp_path / "批复文件.pdf"
    picture.write_bytes(png(40, 30, (200, 200, 200)))
    demo.evidence.attach(assessment, "010", [picture], None, date(2019, 7, 1))
    entries = worklist(demo, assessment).of_kind(KIND_MISMATCH)
    assert [(e.code, e.subjects) for e in entries] == [("010", ("批复文件.pdf",))]


def test_a_fresh_2019_assessment_lists_every_item_unscored_and_every_unit_requirement_missing(
    tmp_path: Path,
) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        work = worklist(workspace, 1)
        system = workspace.system(workspace.assessment(1).system_id)
        assert work.counts()[UNSCORED] == len(system.items())
        assert {kind: work.counts()[kind] for kind in (UNSCORED, MISSING_EVIDENCE, UNCHECKED)} == tree_counts(
            workspace, 1
        )
        assert work.counts()[UNCHECKED] == work.counts()[DATE_OUTSIDE_YEAR] == work.counts()[KIND_MISMATCH] == 0


def test_the_json_names_every_kind_and_each_entry_in_the_systems_order(demo: Workspace) -> None:
    data = worklist(demo, demo.default_assessment().id).to_json()
    assert list(data["counts"]) == list(KINDS)
    codes = [entry["code"] for entry in data["entries"]]
    assert codes == sorted(codes)
    assert data["year"] == 2019
    assert data["items"] == len(set(codes))


def test_a_supplied_requirement_is_never_missing_but_its_files_still_wait_to_be_checked(
    demo: Workspace, tmp_path: Path
) -> None:
    assessment = demo.default_assessment().id
    work = worklist(demo, assessment)
    assert "007" not in [e.code for e in work.of_kind(MISSING_EVIDENCE)]
    letter = tmp_path / "市大数据资源局复函.png"
    letter.write_bytes(png(40, 30, (220, 220, 220)))
    supplied = demo.evidence.item_evidence(assessment, "007").requirements[0].id
    demo.evidence.attach(assessment, "007", [letter], supplied, date(2019, 10, 8))
    entries = worklist(demo, assessment).of_kind(UNCHECKED)
    assert ("007", ("市大数据资源局提供",)) in [(e.code, e.subjects) for e in entries]
    demo.evidence.set_checked(assessment, supplied, True)
    assert "007" not in [e.code for e in worklist(demo, assessment).of_kind(UNCHECKED)]


def test_an_item_past_its_deadline_and_not_approved_is_overdue_with_its_due_date(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    set_deadline(demo, assessment, date(2019, 10, 15), code="003")
    assert "003" not in [e.code for e in worklist(demo, assessment, today=date(2019, 10, 15)).of_kind(OVERDUE)]
    work = worklist(demo, assessment, today=date(2019, 10, 16))
    entry = next(e for e in work.of_kind(OVERDUE) if e.code == "003")
    assert entry.due == date(2019, 10, 15)
    assert entry.to_json()["due"] == "2019-10-15"
    assert work.counts()[OVERDUE] == 1
    set_review_status(demo, assessment, "003", "approved")
    assert worklist(demo, assessment, today=date(2019, 10, 16)).counts()[OVERDUE] == 0


def test_an_assessment_deadline_makes_every_item_not_approved_overdue(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    set_deadline(demo, assessment, date(2019, 12, 31))
    items = len(demo.system(demo.assessment(assessment).system_id).items())
    assert worklist(demo, assessment, today=date(2020, 1, 2)).counts()[OVERDUE] == items


def test_an_item_returned_for_rework_is_listed_with_the_reviewers_comment(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    set_review_status(demo, assessment, "005", "returned", "缺少盖章页")
    entries = worklist(demo, assessment).of_kind(RETURNED_ITEM)
    assert [(e.code, e.subjects, e.label) for e in entries] == [("005", ("缺少盖章页",), "已退回")]


def test_files_carried_from_last_year_wait_to_be_confirmed(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    with demo.store.write() as session:
        session.execute(
            update(EvidenceFile).where(EvidenceFile.original_name.like("电子政务外网%")).values(carried=True)
        )
        demo.store.commit(session, "carried")
    entries = worklist(demo, assessment).of_kind(CARRIED)
    assert [(e.code, e.subjects) for e in entries] == [("006", ("电子政务外网专线接入证明.pdf",))]
    assert worklist(demo, assessment).counts()[CARRIED] == 1


def set_review_status(workspace: Workspace, assessment: int, code: str, status: str, comment: str = "") -> None:
    """A reviewer's decision stored as the review writes it (the status and comment of the item's input row)."""
    with workspace.store.write() as session:
        _, item = workspace.store.item_row(session, assessment, code)
        row = session.get(ItemInput, (assessment, item.id))
        if row is None:
            row = ItemInput(assessment_id=assessment, item_id=item.id, input=None, note="")
            session.add(row)
        row.status, row.status_comment = status, comment
        workspace.store.commit(session, "review")
