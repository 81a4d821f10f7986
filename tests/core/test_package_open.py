"""Opening a department's work package (科室填报): a new workspace holding the department's items as the office
had them, and a guard in the core that refuses every write outside them."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from egov_desk.core.deadlines import set_deadline
from egov_desk.core.errors import Refused
from egov_desk.core.packages.department import department_mode, open_package
from egov_desk.core.packages.department_guard import NotThisDepartment
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.packages.format import MANIFEST, PAYLOAD, PackageRefused, canonical, content_hash
from egov_desk.core.review import item_reviews, submit
from egov_desk.core.workspace import Workspace


def exported(office: Workspace, department: str, folder: Path) -> Path:
    out = folder / f"{department}.egovpkg"
    export_department_package(office, office.default_assessment().id, department, out)
    return out


@pytest.fixture
def opened(demo: Workspace, tmp_path: Path) -> Workspace:
    package = exported(demo, "办公室", tmp_path)
    open_package(package, tmp_path / "办公室")
    workspace = Workspace.open(tmp_path / "办公室", create=False)
    yield workspace
    workspace.close()


@pytest.mark.parametrize("department", ["信息中心", "办公室", "计财科"])
def test_opening_a_package_makes_a_workspace_holding_what_the_office_had(
    demo: Workspace, tmp_path: Path, department: str
) -> None:
    office = demo.default_assessment()
    set_deadline(demo, office.id, date(2019, 12, 20))
    set_deadline(demo, office.id, date(2019, 12, 15), department=department)
    package = exported(demo, department, tmp_path)
    opened = open_package(package, tmp_path / "dept")

    assert (opened.department, opened.sequence, opened.deadline) == (department, 1, "2019-12-15")
    mine = demo.items_by_department(office.system_id, department)
    assert (opened.lead, opened.cooperating) == (len(mine.lead), len(mine.cooperating))
    with Workspace.open(tmp_path / "dept", create=False) as workspace:
        mode = department_mode(workspace)
        assert mode is not None
        assert (mode.department, mode.sequence, mode.office_assessment) == (department, 1, office.id)
        assert mode.workspace == demo.setting("workspace_id")
        assert mode.data["package_made_by"]["login"] == demo.actor
        assert (workspace.person.role, workspace.person.department) == ("filler", department)
        here = workspace.default_assessment()
        assert (here.unit, here.year, here.title, here.stage) == (office.unit, office.year, office.title, office.stage)
        assert here.deadline == date(2019, 12, 20)
        codes = set(mode.codes)
        assert codes == {i.code for i in mine.lead} | {i.code for i in mine.cooperating}
        assert workspace.inputs(here.id) == {c: v for c, v in demo.inputs(office.id).items() if c in codes}
        assert workspace.notes(here.id) == {c: v for c, v in demo.notes(office.id).items() if c in codes}
        reviews, office_reviews = item_reviews(workspace, here.id), item_reviews(demo, office.id)
        assert {c: reviews[c].status for c in codes} == {c: office_reviews[c].status for c in codes}
        theirs, ours = demo.evidence.by_item(office.id), workspace.evidence.by_item(here.id)
        for code in codes:
            assert workspace.scores(here.id).items[code].points == demo.scores(office.id).items[code].points
            assert [(r.position, r.text, r.status) for r in ours[code].requirements] == [
                (r.position, r.text, r.status) for r in theirs[code].requirements
            ]
            for mine_file, office_file in zip(ours[code].files(), theirs[code].files(), strict=True):
                assert (mine_file.name, mine_file.sha256, mine_file.evidence_date, mine_file.carried) == (
                    office_file.name,
                    office_file.sha256,
                    office_file.evidence_date,
                    office_file.carried,
                )
                assert (
                    workspace.evidence.path_of(mine_file).read_bytes()
                    == demo.evidence.path_of(office_file).read_bytes()
                )


def test_a_return_package_is_not_opened(demo: Workspace, tmp_path: Path) -> None:
    package = exported(demo, "办公室", tmp_path)
    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = {k: v for k, v in json.loads(members[MANIFEST]).items() if k != "content_sha256"}
    manifest["kind"] = "return"
    members[MANIFEST] = canonical(manifest | {"content_sha256": content_hash(manifest)})
    answer = tmp_path / "back.egovpkg"
    with zipfile.ZipFile(answer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(PackageRefused) as refused:
        open_package(answer, tmp_path / "again")
    assert refused.value.kind == "not_a_department_package"
    assert "\n" not in refused.value.english
    assert "回执包" in refused.value.chinese
    assert not (tmp_path / "again").exists()


def test_a_folder_holding_anything_is_refused_and_left_as_it_was(demo: Workspace, tmp_path: Path) -> None:
    package = exported(demo, "办公室", tmp_path)
    into = tmp_path / "busy"
    into.mkdir()
    (into / "mine.txt").write_text("keep me")
    with pytest.raises(PackageRefused) as refused:
        open_package(package, into)
    assert refused.value.kind == "not_empty"
    assert [p.name for p in into.iterdir()] == ["mine.txt"]
    open_package(package, tmp_path / "empty")  # an empty folder is fine
    (tmp_path / "empty2").mkdir()
    open_package(package, tmp_path / "empty2")


def test_the_core_refuses_another_departments_item_naming_it_and_its_lead(opened: Workspace) -> None:
    assessment = opened.default_assessment().id
    with pytest.raises(NotThisDepartment) as refused:
        opened.set_note(assessment, "002", "not ours")
    assert "本工作区是「办公室」的科室填报工作区，只能修改本科室的项目；002 由「" in refused.value.chinese
    assert "002 is led by" in refused.value.english
    assert "002" not in opened.notes(assessment)
    opened.set_note(assessment, "003", "ours")  # led by 办公室
    opened.set_note(assessment, "021", "we cooperate")  # a cooperating item may still be written
    assert opened.notes(assessment)["003"] == "ours"


def test_the_system_and_the_assessment_are_the_offices(opened: Workspace) -> None:
    assessment = opened.default_assessment()
    with pytest.raises(NotThisDepartment):
        opened.update_assessment(assessment.id, unit="别的单位")
    with pytest.raises(NotThisDepartment):
        opened.create_assessment(assessment.system_id, "别的单位", 2020)
    with pytest.raises(NotThisDepartment):
        opened.evidence.add_requirement(assessment.id, "003", "新的材料要求")
    assert opened.default_assessment().unit == assessment.unit


def test_the_department_submits_its_own_items_as_their_filler(opened: Workspace) -> None:
    from egov_desk.core.person import Person

    assessment = opened.default_assessment().id
    opened.set_person(Person("王五", "filler", "办公室"))
    submit(opened, assessment, ["003"])
    with pytest.raises(Refused, match="002"):  # nothing entered there: refused before the guard is asked
        submit(opened, assessment, ["002"])


def test_a_package_whose_payload_names_an_item_its_system_lacks_is_refused_and_nothing_made(
    demo: Workspace, tmp_path: Path
) -> None:
    package = exported(demo, "办公室", tmp_path)
    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    payload = json.loads(members[PAYLOAD])
    payload["items"][0]["code"] = "999"
    members[PAYLOAD] = canonical(payload)
    manifest = {k: v for k, v in json.loads(members[MANIFEST]).items() if k != "content_sha256"}
    manifest["members"][PAYLOAD] = {
        "sha256": hashlib.sha256(members[PAYLOAD]).hexdigest(),
        "size": len(members[PAYLOAD]),
    }
    members[MANIFEST] = canonical(manifest | {"content_sha256": content_hash(manifest)})
    forged = tmp_path / "forged.egovpkg"
    with zipfile.ZipFile(forged, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(PackageRefused) as refused:
        open_package(forged, tmp_path / "dept")
    assert refused.value.kind == "malformed_payload"
    assert not (tmp_path / "dept").exists()


def test_a_person_remembered_at_the_office_as_its_leader_is_the_departments_filler_here(opened: Workspace) -> None:
    from egov_desk.core.person import Person

    opened.set_person(Person("李四", "leader", "信息中心"))
    assert opened.person == Person("李四", "filler", "办公室")


def test_opening_is_heard_to_the_last_byte_and_a_cancel_leaves_the_folder_as_it_was(
    demo: Workspace, tmp_path: Path
) -> None:
    from egov_desk.core.errors import Cancelled
    from egov_desk.core.packages.meter import Meter

    package = exported(demo, "信息中心", tmp_path)
    heard: list[tuple[int, int]] = []
    open_package(package, tmp_path / "heard", Meter(lambda done, total: heard.append((done, total))))
    assert heard[-1][0] == heard[-1][1] > 0
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 3  # partway: after the package was read through, while its evidence is copied

    (tmp_path / "cancelled").mkdir()
    with pytest.raises(Cancelled):
        open_package(package, tmp_path / "cancelled", Meter(cancelled=cancelled))
    assert list((tmp_path / "cancelled").iterdir()) == []


@pytest.mark.parametrize("damage", ["changed", "cut"])
def test_a_scan_changed_or_damaged_inside_the_package_is_refused_as_it_is_copied_and_nothing_is_left(
    demo: Workspace, tmp_path: Path, damage: str
) -> None:
    """Opening hashes each scan once, as it copies it: one whose bytes differ from the manifest's is refused in one
    line, and the folder is left as it was."""
    package = exported(demo, "信息中心", tmp_path)
    with zipfile.ZipFile(package) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    scan = next(name for name in members if name.startswith("evidence/"))
    size = len(members[scan])
    members[scan] = (b"X" * size) if damage == "changed" else members[scan]
    rebuilt = tmp_path / "rebuilt.egovpkg"
    with zipfile.ZipFile(rebuilt, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED)
    if damage == "cut":  # flip a byte inside the stored scan: the ZIP's CRC no longer matches
        raw = bytearray(rebuilt.read_bytes())
        at = raw.find(members[scan][:32]) + 16
        raw[at] ^= 0xFF
        rebuilt.write_bytes(bytes(raw))
    (tmp_path / "into").mkdir()
    with pytest.raises(Refused) as refused:
        open_package(rebuilt, tmp_path / "into")
    assert refused.value.kind in ("tampered_member", "damaged_member")
    assert list((tmp_path / "into").iterdir()) == []
