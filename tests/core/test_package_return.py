"""A department's return: what it changed since its package came, net, with who changed it and when, and only
the evidence bytes the package did not bring — for each department of the demo workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from egov_desk.core.packages.department import department_mode, open_package
from egov_desk.core.packages.export import EvidenceNotPacked, export_department_package
from egov_desk.core.packages.reading import read_package
from egov_desk.core.packages.returning import NotADepartmentWorkspace, make_return
from egov_desk.core.person import Person
from egov_desk.core.review import submit
from egov_desk.core.workspace import Workspace

DEMO_DEPARTMENTS = ["政策法规科", "办公室", "信息中心", "计财科", "装备科", "诚信办", "基教科", "人事科", "师资科"]


def opened(office: Workspace, department: str, folder: Path) -> Workspace:
    package = folder / "package.egovpkg"
    export_department_package(office, office.default_assessment().id, department, package)
    open_package(package, folder / "dept")
    workspace = Workspace.open(folder / "dept", create=False)
    workspace.set_person(Person("王五", "filler", department))
    return workspace


def returned(workspace: Workspace, out: Path) -> dict[str, list[dict[str, Any]]]:
    make_return(workspace, out)
    package = read_package(out)
    assert package.manifest.kind == "return"
    return {item["code"]: item["changes"] for item in package.payload["items"]}


@pytest.mark.parametrize("department", DEMO_DEPARTMENTS)
def test_a_return_holds_exactly_what_the_department_changed(demo: Workspace, tmp_path: Path, department: str) -> None:
    office_id = demo.default_assessment().id
    workspace = opened(demo, department, tmp_path)
    mode = department_mode(workspace)
    assert mode is not None
    here = workspace.default_assessment().id
    lead = [code for code, role in mode.codes.items() if role == "lead"] or list(mode.codes)  # 基教科 only cooperates
    code = lead[0]
    evidence = workspace.evidence.by_item(here)
    expected: dict[str, set[str]] = {code: {"note", "status"}}

    workspace.set_note(here, code, "本科室已补充说明")
    with_input = [c for c in lead if mode.base[c]["input"] is not None]
    if with_input:
        workspace.set_input(here, with_input[0], None)
        expected.setdefault(with_input[0], set()).add("input")
    requirements = [r for r in evidence[code].requirements if r.supplied_by is None]
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 a new scan of " + department.encode())
    if requirements:
        first = requirements[0]
        if first.status != "checked":
            workspace.evidence.set_checked(here, first.id, True)
            expected[code].add("requirement")
        workspace.evidence.attach(here, code, [scan], requirement_id=first.id)
        expected[code] |= {"evidence"}
    else:
        workspace.evidence.attach(here, code, [scan])
        expected[code].add("evidence")
    removed = None
    for other in lead:
        links = [(f, r) for r in evidence[other].requirements for f in r.files] + [
            (f, None) for f in evidence[other].general
        ]
        if links:
            file, _requirement = links[0]
            removed = next(link_id for link_id, linked, _r in file.links if linked == other)
            workspace.evidence.unlink(removed)
            expected.setdefault(other, set()).update({"evidence", "requirement"} if _requirement else {"evidence"})
            break
    submit(workspace, here, [code])

    changes = returned(workspace, tmp_path / "back.egovpkg")
    assert set(changes) == set(expected)
    for changed, fields in changes.items():
        said = {change["field"] for change in fields}
        assert said - {"requirement"} == expected[changed] - {"requirement"}
        for change in fields:
            assert change["by"] == {"login": workspace.actor, "name": "王五", "role": "filler"}
            assert change["at"]
    mine = {change["field"]: change for change in changes[code]}
    assert mine["note"]["value"] == "本科室已补充说明"
    assert (mine["status"]["base"], mine["status"]["value"]) == (mode.base[code]["status"], "submitted")
    added = [c for c in changes[code] if c["field"] == "evidence" and c["action"] == "add"]
    assert [c["file"]["name"] for c in added] == ["扫描件.pdf"]
    office_files = {file["id"] for base in mode.base.values() for file in base["files"]}
    gone = [c for item in changes.values() for c in item if c["field"] == "evidence" and c["action"] == "remove"]
    assert len(gone) == (removed is not None)
    assert all(c["file"]["id"] in office_files for c in gone)
    package = read_package(tmp_path / "back.egovpkg")
    assert package.manifest.evidence == [added[0]["file"]["sha256"]]  # only the new bytes travel
    answers = package.payload["answers"]
    assert answers["workspace"] == demo.setting("workspace_id")
    assert (answers["department"], answers["sequence"], answers["assessment"]) == (department, 1, office_id)
    assert package.manifest.assessment.id == office_id
    assert answers["made_at"] == mode.made_at == read_package(tmp_path / "package.egovpkg").manifest.made_at
    workspace.close()


def test_an_edit_undone_before_returning_is_not_in_the_return(demo: Workspace, tmp_path: Path) -> None:
    workspace = opened(demo, "办公室", tmp_path)
    here = workspace.default_assessment().id
    note = workspace.notes(here).get("003", "")
    workspace.set_note(here, "003", "改了又改回")
    workspace.set_note(here, "003", note)
    workspace.set_note(here, "019", "这条留下")
    changes = returned(workspace, tmp_path / "back.egovpkg")
    assert set(changes) == {"019"}
    workspace.close()


def test_a_return_with_no_changes_is_still_a_return(demo: Workspace, tmp_path: Path) -> None:
    workspace = opened(demo, "办公室", tmp_path)
    written = make_return(workspace, tmp_path / "back.egovpkg")
    assert (written.items, written.changes, written.files) == (0, 0, 0)
    assert read_package(tmp_path / "back.egovpkg").payload["items"] == []
    workspace.close()


def test_an_ordinary_workspace_makes_no_return(demo: Workspace, tmp_path: Path) -> None:
    with pytest.raises(NotADepartmentWorkspace) as refused:
        make_return(demo, tmp_path / "back.egovpkg")
    assert "这不是科室填报工作区" in refused.value.chinese
    assert not (tmp_path / "back.egovpkg").exists()


def test_a_new_file_gone_from_the_vault_refuses_the_return_leaving_nothing(demo: Workspace, tmp_path: Path) -> None:
    workspace = opened(demo, "办公室", tmp_path)
    here = workspace.default_assessment().id
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    added = workspace.evidence.attach(here, "003", [scan]).added[0]
    workspace.evidence.path_of(added).unlink()
    with pytest.raises(EvidenceNotPacked) as refused:
        make_return(workspace, tmp_path / "back.egovpkg")
    assert "扫描件.pdf" in refused.value.chinese
    assert list(tmp_path.glob("back*")) == []
    workspace.close()


def test_the_office_takes_back_what_the_department_returned(demo: Workspace, tmp_path: Path) -> None:
    from egov_desk.core.packages.importing import apply_return, plan_return

    office_id = demo.default_assessment().id
    workspace = opened(demo, "办公室", tmp_path)
    here = workspace.default_assessment().id
    workspace.set_note(here, "003", "本科室的说明")
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 the department's scan")
    workspace.evidence.attach(here, "019", [scan])
    make_return(workspace, tmp_path / "back.egovpkg")
    workspace.close()

    plan = plan_return(demo, tmp_path / "back.egovpkg")
    assert {change.key for change in plan.to_apply} >= {"003/note"}
    assert not plan.conflicts
    apply_return(demo, plan, {})
    assert demo.notes(office_id)["003"] == "本科室的说明"
    assert "扫描件.pdf" in [file.name for file in demo.evidence.by_item(office_id)["019"].files()]
    again = plan_return(demo, tmp_path / "back.egovpkg")
    assert not again.to_apply  # the same return twice: everything the same
