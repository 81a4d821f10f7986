"""The office takes a department's return in: planned against what it holds, applied in one transaction under the
department's person, deduplicated by SHA-256, undone whole, and a second import finding everything the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core import review
from egov_desk.core.audit_verify import verify
from egov_desk.core.history import history
from egov_desk.core.packages.department import open_package
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.packages.format import PackageRefused
from egov_desk.core.packages.importing import APPLY, SAME, plan_return
from egov_desk.core.packages.reading import Package
from egov_desk.core.packages.return_applied import ReturnRefused, apply_return
from egov_desk.core.packages.return_undo import undo_return
from egov_desk.core.packages.returning import make_return
from egov_desk.core.person import Person
from egov_desk.core.review import item_reviews
from egov_desk.core.rules.inputs import InputError
from egov_desk.core.workspace import Workspace
from tests.core.package_returns import add_file, change, exported, remove_file, write_return

NEW_SCAN = b"%PDF-1.4 the department's new scan"


def file_of(package: Package, file_id: int) -> dict[str, object]:
    return next(f for f in package.files if f["id"] == file_id)


@pytest.fixture
def package(demo: Workspace, tmp_path: Path) -> Package:
    return exported(demo, "信息中心", tmp_path)


@pytest.fixture
def full_return(package: Package, tmp_path: Path) -> Path:
    """信息中心 changed 002's input, note, a tick, added a new scan and submitted it; took 006's file away."""
    return write_return(
        package,
        tmp_path / "return.egovpkg",
        {
            "002": [
                change("input", {"checked": [0, 1]}, {"checked": [0]}),
                change("note", "", "第二项尚未完成"),
                change("requirement", "collected", "checked", position=0, text="工作计划"),
                add_file(1, "完成情况.pdf", NEW_SCAN),
                change("status", "filling", "submitted", comment=""),
            ],
            "006": [remove_file(0, file_of(package, 5))],
        },
        {"完成情况.pdf": NEW_SCAN},
    )


def evidence_names(workspace: Workspace, code: str) -> list[tuple[int | None, str]]:
    held = workspace.evidence.by_item(workspace.default_assessment().id)[code]
    return [(r.position, f.name) for r in held.requirements for f in r.files] + [(None, f.name) for f in held.general]


def test_a_return_is_planned_applied_and_said_under_the_departments_person(demo: Workspace, full_return: Path) -> None:
    assessment = demo.default_assessment().id
    plan = plan_return(demo, full_return)
    assert [c.key for c in plan.changes][:3] == ["002/input", "002/note", "002/requirement/0"]
    assert {c.state for c in plan.changes} == {APPLY}
    assert (plan.department, plan.sequence, plan.made_by.name) == ("信息中心", 1, "张三")
    assert demo.inputs(assessment)["002"] == {"checked": [0, 1]}  # planning wrote nothing

    applied = apply_return(demo, plan, {})

    assert demo.inputs(assessment)["002"] == {"checked": [0]}
    assert demo.notes(assessment)["002"] == "第二项尚未完成"
    held = demo.evidence.by_item(assessment)["002"]
    assert [r.status for r in held.requirements] == ["checked", "collected"]
    assert (1, "完成情况.pdf") in evidence_names(demo, "002")
    assert evidence_names(demo, "006") == []
    assert item_reviews(demo, assessment)["002"].status == "submitted"
    assert set(applied.codes) == {"002", "006"}
    assert applied.changes.scores[0].code == "002"
    noted = [c.note for c in applied.changes.scores if c.code == "002" and c.note is not None]
    assert noted == ["第二项尚未完成"]  # said with the rest: the window repaints it at once
    lines = history(demo, assessment)
    start = next(n for n, line in enumerate(lines) if line.action == "import_return")
    assert lines[start].person() == lines[start].who  # the office's own person took it in
    taken = lines[start + 1 :]
    assert [line.action for line in taken] == ["set_input", "set_note", "attach", "unlink", "check", "submit"]
    assert {line.person() for line in taken} == {"张三（信息中心·填报人）/zhang"}
    assert verify(demo).clean, verify(demo).lines(False)


def test_importing_the_same_return_twice_finds_everything_the_same(demo: Workspace, full_return: Path) -> None:
    apply_return(demo, plan_return(demo, full_return), {})
    audit = len(demo.audit())

    again = plan_return(demo, full_return)

    assert {c.state for c in again.changes} == {SAME}
    assert apply_return(demo, again, {}).applied == ()
    assert len(demo.audit()) == audit


def test_undo_takes_the_whole_return_back(demo: Workspace, full_return: Path) -> None:
    assessment = demo.default_assessment().id
    before = (demo.inputs(assessment), demo.notes(assessment), evidence_names(demo, "002"), evidence_names(demo, "006"))
    statuses = [r.status for r in demo.evidence.by_item(assessment)["002"].requirements]
    applied = apply_return(demo, plan_return(demo, full_return), {})

    undone = undo_return(demo, applied)

    assert [c.note for c in undone.scores if c.code == "002" and c.note is not None] == [before[1].get("002", "")]
    after = (demo.inputs(assessment), demo.notes(assessment), evidence_names(demo, "002"), evidence_names(demo, "006"))
    assert after == before
    assert [r.status for r in demo.evidence.by_item(assessment)["002"].requirements] == statuses
    assert demo.scores(assessment).items["002"] == demo.scores_now(assessment).items["002"]
    assert {c.state for c in plan_return(demo, full_return).changes} == {APPLY}
    assert verify(demo).clean, verify(demo).lines(False)  # the chain replays to what the tables hold


def test_taking_a_return_in_is_heard_and_a_cancel_writes_no_row(demo: Workspace, full_return: Path) -> None:
    from egov_desk.core.errors import Cancelled
    from egov_desk.core.packages.meter import Meter

    heard: list[tuple[int, int]] = []
    plan = plan_return(demo, full_return, Meter(lambda done, total: heard.append((done, total))))
    assert heard[-1][0] == heard[-1][1] > 0
    audit = len(demo.audit())
    with pytest.raises(Cancelled):
        apply_return(demo, plan, {}, Meter(cancelled=lambda: True))
    assert len(demo.audit()) == audit
    assert {c.state for c in plan_return(demo, full_return).changes} == {APPLY}


def test_the_same_bytes_are_stored_once(demo: Workspace, package: Package, tmp_path: Path) -> None:
    """A new file under a new name whose bytes the office holds already (006's scan) and one the return carries
    twice: the vault keeps one copy of each."""
    known = file_of(package, 5)
    kept = demo.evidence.vault.path_of(str(known["sha256"])).read_bytes()
    blobs = len(demo.evidence.vault.blobs())
    path = write_return(
        package,
        tmp_path / "dedup.egovpkg",
        {
            "002": [add_file(1, "同一份扫描件.pdf", kept), add_file(1, "完成情况.pdf", NEW_SCAN)],
            "005": [add_file(None, "完成情况（副本）.pdf", NEW_SCAN)],
        },
        {"完成情况.pdf": NEW_SCAN},
    )

    apply_return(demo, plan_return(demo, path), {})

    assert len(demo.evidence.vault.blobs()) == blobs + 1
    assert (1, "同一份扫描件.pdf") in evidence_names(demo, "002")
    assert (None, "完成情况（副本）.pdf") in evidence_names(demo, "005")


def test_a_file_already_linked_there_is_the_same(demo: Workspace, package: Package, tmp_path: Path) -> None:
    known = file_of(package, 1)
    data = demo.evidence.vault.path_of(str(known["sha256"])).read_bytes()
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [add_file(0, str(known["name"]), data)]})

    assert [c.state for c in plan_return(demo, path).changes] == [SAME]


def test_an_input_its_rule_refuses_is_refused_naming_the_item(
    demo: Workspace, package: Package, tmp_path: Path
) -> None:
    path = write_return(
        package,
        tmp_path / "bad.egovpkg",
        {"002": [change("note", "", "写了说明"), change("input", {"checked": [0, 1]}, {"checked": "全部"})]},
    )
    audit = len(demo.audit())

    with pytest.raises(InputError) as refused:
        apply_return(demo, plan_return(demo, path), {})

    assert "002" in refused.value.english
    assert len(demo.audit()) == audit
    assert demo.notes(demo.default_assessment().id).get("002", "") == ""


def test_a_file_the_return_lacks_and_the_office_never_had_is_refused(
    demo: Workspace, package: Package, tmp_path: Path
) -> None:
    path = write_return(package, tmp_path / "r.egovpkg", {"002": [add_file(1, "丢失.pdf", b"never sent")]})

    with pytest.raises(ReturnRefused) as refused:
        apply_return(demo, plan_return(demo, path), {})

    assert refused.value.kind == "file_nowhere"
    assert "丢失.pdf" in refused.value.chinese


def department_of(office: Workspace, department: str, folder: Path) -> Workspace:
    """The department's own workspace, opened from its package."""
    package = folder / f"{department}.egovpkg"
    export_department_package(office, office.default_assessment().id, department, package)
    open_package(package, folder / department)
    workspace = Workspace.open(folder / department, create=False)
    workspace.set_person(Person("张三", "filler", department))
    return workspace


def test_a_real_return_round_trips_into_the_office(demo: Workspace, tmp_path: Path) -> None:
    """Opened, filled in, returned and imported: the office ends up holding what the department did, its new
    scan stored once, and a second import finds everything the same."""
    office = demo.default_assessment().id
    department = department_of(demo, "信息中心", tmp_path)
    local = department.default_assessment().id
    department.set_input(local, "002", {"checked": [0]})
    department.set_note(local, "002", "第二项尚未完成")
    held = department.evidence.by_item(local)["002"]
    department.evidence.set_checked(local, held.requirements[0].id, True)
    scan = tmp_path / "完成情况.pdf"
    scan.write_bytes(NEW_SCAN)
    department.evidence.attach(local, "002", [scan], held.requirements[1].id)
    review.submit(department, local, ["002"])
    make_return(department, tmp_path / "return.egovpkg")
    department.close()
    blobs = len(demo.evidence.vault.blobs())

    plan = plan_return(demo, tmp_path / "return.egovpkg")
    assert {c.state for c in plan.changes} == {APPLY}
    apply_return(demo, plan, {})

    assert demo.inputs(office)["002"] == {"checked": [0]}
    assert demo.notes(office)["002"] == "第二项尚未完成"
    assert [r.status for r in demo.evidence.by_item(office)["002"].requirements] == ["checked", "collected"]
    assert (1, "完成情况.pdf") in evidence_names(demo, "002")
    assert item_reviews(demo, office)["002"].status == "submitted"
    assert len(demo.evidence.vault.blobs()) == blobs + 1
    assert {c.state for c in plan_return(demo, tmp_path / "return.egovpkg").changes} == {SAME}


def test_a_real_return_of_an_older_package_is_stale(demo: Workspace, tmp_path: Path) -> None:
    department = department_of(demo, "信息中心", tmp_path)
    department.set_note(department.default_assessment().id, "002", "说明")
    make_return(department, tmp_path / "return.egovpkg")
    department.close()
    export_department_package(demo, demo.default_assessment().id, "信息中心", tmp_path / "again.egovpkg")

    with pytest.raises(PackageRefused) as refused:
        plan_return(demo, tmp_path / "return.egovpkg")

    assert refused.value.kind == "stale"
