"""A return's conflicts (the office or another department changed it since the package; a cooperating department's
input on a lead's item) and the returns the office refuses in one line, nothing written: another workspace's, one
answering an older or never-made package, a department package, a damaged one, one for a final assessment."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from egov_desk.core import review, sign_off
from egov_desk.core.final_lock import AssessmentFinal
from egov_desk.core.packages.format import MANIFEST, PAYLOAD, PackageRefused
from egov_desk.core.packages.importing import (
    APPLY,
    CHANGED_HERE,
    CONFLICT,
    COOPERATING,
    SAME,
    ReturnRefused,
    apply_return,
    plan_return,
)
from egov_desk.core.packages.reading import Package
from egov_desk.core.person import Person
from egov_desk.core.workspace import Workspace
from tests.core.package_returns import change, exported, write_return

LI = {"login": "li", "name": "李四", "role": "filler"}
NOTE = change("note", "", "科室的说明")
INPUT = change("input", {"checked": [0, 1]}, {"checked": [0]})


@pytest.fixture
def package(demo: Workspace, tmp_path: Path) -> Package:
    return exported(demo, "信息中心", tmp_path)


def refused(demo: Workspace, path: Path) -> PackageRefused:
    audit = len(demo.audit())
    with pytest.raises(PackageRefused) as caught:
        plan_return(demo, path)
    assert "\n" not in caught.value.english
    assert "\n" not in caught.value.chinese
    assert str(path) in caught.value.english
    assert len(demo.audit()) == audit
    return caught.value


def test_the_office_changing_the_same_input_since_the_package_is_a_conflict(
    demo: Workspace, package: Package, tmp_path: Path
) -> None:
    assessment = demo.default_assessment().id
    demo.set_person(Person("王局长", "leader"))
    demo.set_input(assessment, "002", {"checked": [1]})
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [INPUT, NOTE]})

    plan = plan_return(demo, path)

    conflict, note = plan.changes
    assert (conflict.state, conflict.conflict) == (CONFLICT, CHANGED_HERE)
    assert (conflict.base, conflict.department_value, conflict.office_value) == (
        {"checked": [0, 1]},
        {"checked": [0]},
        {"checked": [1]},
    )
    assert conflict.office_by == "王局长（负责人）"
    assert conflict.office_at
    assert note.state == APPLY
    with pytest.raises(ReturnRefused) as undecided:
        apply_return(demo, plan, {})
    assert undecided.value.kind == "undecided"
    assert "002/input" in undecided.value.chinese

    apply_return(demo, plan, {"002/input": "office"})
    assert demo.inputs(assessment)["002"] == {"checked": [1]}
    assert demo.notes(assessment)["002"] == "科室的说明"
    apply_return(demo, plan_return(demo, path), {"002/input": "department"})
    assert demo.inputs(assessment)["002"] == {"checked": [0]}
    assert {c.state for c in plan_return(demo, path).changes} == {SAME}


def test_the_office_changing_a_note_or_a_tick_since_is_a_conflict(
    demo: Workspace, package: Package, tmp_path: Path
) -> None:
    assessment = demo.default_assessment().id
    demo.set_note(assessment, "002", "办公室写的说明")
    requirement = demo.evidence.by_item(assessment)["002"].requirements[0]
    demo.evidence.set_checked(assessment, requirement.id, True)
    tick = change("requirement", "collected", "checked", position=0, text=requirement.text)
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [NOTE, tick]})

    note, ticked = plan_return(demo, path).changes

    assert (note.state, note.conflict, note.office_value) == (CONFLICT, CHANGED_HERE, "办公室写的说明")
    assert note.office_by == demo.actor
    assert ticked.state == SAME  # ticked here too: nothing to take
    assert note.said(True) == ("002 说明", "科室的说明", "办公室写的说明")


def test_another_departments_return_applied_first_is_a_conflict_naming_its_person(
    demo: Workspace, package: Package, tmp_path: Path
) -> None:
    cooperating = exported(demo, "政策法规科", tmp_path)
    first = write_return(package, tmp_path / "first.egovpkg", {"002": [NOTE]})
    second = write_return(
        cooperating, tmp_path / "second.egovpkg", {"002": [change("note", "", "政策法规科的说明")]}, made_by=LI
    )
    apply_return(demo, plan_return(demo, first), {})

    (note,) = plan_return(demo, second).changes

    assert (note.state, note.conflict) == (CONFLICT, CHANGED_HERE)
    assert note.office_by == "张三（信息中心·填报人）"
    assert note.office_value == "科室的说明"


def test_a_cooperating_departments_input_on_a_lead_item_is_a_conflict(demo: Workspace, tmp_path: Path) -> None:
    cooperating = exported(demo, "政策法规科", tmp_path)
    path = write_return(cooperating, tmp_path / "r.egovpkg", {"002": [INPUT]}, made_by=LI)

    (taken,) = plan_return(demo, path).changes

    assert (taken.role, taken.state, taken.conflict, taken.office_by) == (
        "cooperating",
        CONFLICT,
        COOPERATING,
        "信息中心",
    )
    apply_return(demo, plan_return(demo, path), {"002/input": "department"})
    assert demo.inputs(demo.default_assessment().id)["002"] == {"checked": [0]}


def test_a_return_of_another_workspace_is_refused(demo: Workspace, package: Package, tmp_path: Path) -> None:
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [NOTE]}, workspace="0f0f0f0f-another-office")

    assert refused(demo, path).kind == "foreign"


def test_a_return_answering_an_older_package_is_stale(demo: Workspace, package: Package, tmp_path: Path) -> None:
    exported(demo, "信息中心", tmp_path, "second.egovpkg")
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [NOTE]})

    refusal = refused(demo, path)

    assert refusal.kind == "stale"
    assert "该科室已有第 2 个工作包，此回执答复的是第 1 个" in refusal.chinese


def test_a_return_answering_a_package_never_made_is_refused(demo: Workspace, package: Package, tmp_path: Path) -> None:
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [NOTE]}, sequence=7)

    refusal = refused(demo, path)

    assert refusal.kind == "stale"
    assert "只为该科室制作过 1 个" in refusal.chinese


def test_a_department_package_is_not_a_return(demo: Workspace, package: Package) -> None:
    assert refused(demo, package.path).kind == "not_a_return"


def test_a_tampered_or_truncated_return_is_refused(demo: Workspace, package: Package, tmp_path: Path) -> None:
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [NOTE]})
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    tampered = tmp_path / "tampered.egovpkg"
    with zipfile.ZipFile(tampered, "w") as archive:
        archive.writestr(PAYLOAD, contents[PAYLOAD].replace("科室的说明".encode(), "伪造的说明".encode()))
        archive.writestr(MANIFEST, contents[MANIFEST])
    truncated = tmp_path / "truncated.egovpkg"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    assert refused(demo, tampered).kind == "tampered_member"
    assert refused(demo, truncated).kind == "truncated"


def test_a_return_to_a_final_assessment_is_refused(demo: Workspace, package: Package, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [NOTE]})
    plan = plan_return(demo, path)
    demo.set_person(Person("王局长", "leader"))
    review.submit(demo, assessment, ["001"])
    review.approve(demo, assessment, ["001"])
    sign_off.finalize(demo, assessment, force=True)

    assert refused(demo, path).kind == "assessment_final"
    with pytest.raises(AssessmentFinal):
        apply_return(demo, plan, {})  # planned before: the core refuses it all the same
    assert demo.notes(assessment).get("002", "") == ""


def test_a_change_of_the_wrong_type_is_refused(demo: Workspace, package: Package, tmp_path: Path) -> None:
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [change("note", "", {"not": "text"})]})

    assert refused(demo, path).kind == "malformed_payload"
