"""A department's work package (.egovpkg): what export writes, what reading gives back, and every package reading
refuses — each built by rewriting a real exported package with zipfile."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from egov_desk.core.deadlines import UnknownDepartment, set_deadline
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.errors import Cancelled
from egov_desk.core.packages import reading
from egov_desk.core.packages.export import EvidenceNotPacked, export_department_package
from egov_desk.core.packages.format import MANIFEST, PAYLOAD, PackageRefused, canonical, content_hash
from egov_desk.core.packages.identity import workspace_id
from egov_desk.core.packages.reading import read_package
from egov_desk.core.workspace import Workspace

Rewrite = Callable[[dict[str, bytes]], dict[str, bytes]]


def export(workspace: Workspace, department: str, out: Path) -> Path:
    export_department_package(workspace, workspace.default_assessment().id, department, out)
    return out


@pytest.fixture
def package(demo: Workspace, tmp_path: Path) -> Path:
    return export(demo, "办公室", tmp_path / "办公室.egovpkg")


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewritten(path: Path, change: Rewrite, name: str = "changed.egovpkg") -> Path:
    """The package's members, changed, written again as a fresh ZIP beside it."""
    target = path.with_name(name)
    with zipfile.ZipFile(target, "w") as archive:
        for member, data in change(members(path)).items():
            archive.writestr(member, data)
    return target


def manifest_of(contents: dict[str, bytes]) -> dict[str, object]:
    return dict(json.loads(contents[MANIFEST]))


def resigned(manifest: dict[str, object]) -> bytes:
    """The manifest with its content hash made right again (what a careful forger would do)."""
    return canonical(manifest | {"content_sha256": content_hash(manifest)})


def refusal_of(path: Path) -> PackageRefused:
    with pytest.raises(PackageRefused) as refused:
        read_package(path)
    assert "\n" not in refused.value.english
    assert "\n" not in refused.value.chinese
    assert str(path) in refused.value.english
    return refused.value


@pytest.mark.parametrize("department", ["信息中心", "办公室"])
def test_a_package_round_trips_everything_the_department_works_on(
    demo: Workspace, tmp_path: Path, department: str
) -> None:
    assessment = demo.default_assessment()
    set_deadline(demo, assessment.id, date(2019, 12, 20))
    set_deadline(demo, assessment.id, date(2019, 12, 15), department=department)
    written = export_department_package(demo, assessment.id, department, tmp_path / "out.egovpkg")
    package = read_package(tmp_path / "out.egovpkg")
    manifest = package.manifest

    assert (manifest.kind, manifest.version, manifest.department, manifest.sequence) == ("department", 1, department, 1)
    assert manifest.workspace == written.workspace == demo.setting("workspace_id")
    assert (manifest.assessment.id, manifest.assessment.year, manifest.assessment.unit) == (1, 2019, "市教育局")
    assert manifest.content_sha256 == written.content_sha256
    assert manifest.made_by.login == demo.actor
    assert package.payload["deadlines"] == {"assessment": "2019-12-20", "department": "2019-12-15"}

    mine = demo.items_by_department(assessment.system_id, department)
    roles = {item["code"]: item["role"] for item in package.items}
    assert roles == {i.code: "lead" for i in mine.lead} | {i.code: "cooperating" for i in mine.cooperating}
    assert (written.lead, written.cooperating) == (len(mine.lead), len(mine.cooperating))
    inputs, notes, sheet = demo.inputs(assessment.id), demo.notes(assessment.id), demo.scores(assessment.id)
    system = demo.system(assessment.system_id)
    evidence = demo.evidence.by_item(assessment.id)
    for entry in package.items:
        code = entry["code"]
        assert entry["input"] == inputs.get(code)
        assert entry["note"] == notes.get(code, "")
        score = sheet.items[code]
        assert entry["score"] == (f"{score.points:.2f}" if score.scored or score.partial else None)
        assert entry["rule"]["scoring"] == system.item(code).scoring.to_dict()
        assert entry["due"] == "2019-12-15" if system.item(code).lead == department else "2019-12-20"
        assert [(r["text"], r["status"]) for r in entry["requirements"]] == [
            (r.text, r.status) for r in evidence[code].requirements
        ]
    assert package.payload["system"]["interchange"] == demo.export_system_json(assessment.system_id)

    files = {f.id: f for code in roles for f in evidence[code].files()}
    assert {f["id"] for f in package.files} == set(files)
    for entry in package.files:
        stored = files[entry["id"]]
        assert (entry["name"], entry["date"], entry["sha256"]) == (
            stored.name,
            stored.evidence_date.isoformat() if stored.evidence_date else None,
            stored.sha256,
        )
        with package.evidence(entry["sha256"]) as stream:
            assert stream.read() == demo.evidence.path_of(stored).read_bytes()
    assert written.files == len(manifest.evidence) == len({f.sha256 for f in files.values()})
    with zipfile.ZipFile(tmp_path / "out.egovpkg") as archive:
        assert {i.compress_type for i in archive.infolist() if i.filename.startswith("evidence/")} <= {
            zipfile.ZIP_STORED
        }


def test_the_checked_requirement_and_the_note_travel(demo: Workspace, tmp_path: Path) -> None:
    package = read_package(export(demo, "信息中心", tmp_path / "p.egovpkg"))
    by_code = {item["code"]: item for item in package.items}
    assert by_code["005"]["requirements"][0]["status"] == "checked"
    assert by_code["021"]["note"].startswith("9个目录中7个")
    assert by_code["021"]["input"] == {"numerator": 7, "denominator": 9}


def test_the_same_bytes_under_two_items_are_stored_once(demo: Workspace, tmp_path: Path) -> None:
    scan, copy = tmp_path / "网络运行报告.pdf", tmp_path / "网络运行报告（副本）.pdf"
    for path in (scan, copy):
        path.write_bytes(b"%PDF-1.4 one scan serving two items\n%%EOF\n")
    assessment = demo.default_assessment().id
    demo.evidence.attach(assessment, "007", [scan])
    demo.evidence.attach(assessment, "031", [copy])
    package = read_package(export(demo, "信息中心", tmp_path / "p.egovpkg"))
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert sum(entry["sha256"] == sha for entry in package.files) == 2
    assert [name for name in members(package.path) if name.endswith(sha)] == [f"evidence/{sha}"]


def test_the_evidence_packed_is_heard_to_the_last_byte(demo: Workspace, tmp_path: Path) -> None:
    heard: list[tuple[int, int, int, int]] = []
    assessment = demo.default_assessment().id
    written = export_department_package(
        demo, assessment, "信息中心", tmp_path / "p.egovpkg", progress=lambda *values: heard.append(values)
    )
    assert heard[-1] == (written.files, written.files, written.bytes, written.bytes)
    assert [done for _, _, done, _ in heard] == sorted(done for _, _, done, _ in heard)


def test_a_cancelled_export_leaves_nothing_where_the_package_was_going(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "packages" / "p.egovpkg"
    with pytest.raises(Cancelled):
        export_department_package(demo, demo.default_assessment().id, "信息中心", out, cancelled=lambda: True)
    assert list(out.parent.iterdir()) == []


def test_each_package_of_a_department_has_the_next_number(demo: Workspace, tmp_path: Path) -> None:
    first = export(demo, "计财科", tmp_path / "1.egovpkg")
    second = export(demo, "计财科", tmp_path / "2.egovpkg")
    other = export(demo, "办公室", tmp_path / "3.egovpkg")
    assert [read_package(p).manifest.sequence for p in (first, second, other)] == [1, 2, 1]


def test_the_workspace_id_is_made_once_and_kept_across_opens(tmp_path: Path) -> None:
    workspace = create_demo_workspace(tmp_path / "a")
    made = workspace_id(workspace)
    assert made == workspace_id(workspace)
    workspace.close()
    with Workspace.open(tmp_path / "a") as reopened:
        assert workspace_id(reopened) == made
    with create_demo_workspace(tmp_path / "b") as another:
        assert workspace_id(another) != made


def test_an_unknown_department_is_refused_naming_the_known_ones(demo: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UnknownDepartment) as refused:
        export(demo, "宣传科", tmp_path / "p.egovpkg")
    assert "信息中心" in refused.value.chinese
    assert "宣传科" in refused.value.chinese
    assert not (tmp_path / "p.egovpkg").exists()


def test_a_damaged_stored_file_writes_no_package(demo: Workspace, tmp_path: Path) -> None:
    file = demo.evidence.files(demo.default_assessment().id, "003")[0]
    demo.evidence.path_of(file).write_bytes(b"not what was stored")
    with pytest.raises(EvidenceNotPacked) as failed:
        export(demo, "办公室", tmp_path / "p.egovpkg")
    assert file.name in failed.value.chinese
    assert list(tmp_path.glob("*p.egovpkg*")) == []


def test_reading_writes_nothing_to_disk(package: Path) -> None:
    before = sorted(package.parent.rglob("*"))
    read_package(package)
    assert sorted(package.parent.rglob("*")) == before


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.egovpkg"
    text.write_text("hello", encoding="utf-8")
    assert refusal_of(text).kind == "not_a_package"


def test_a_truncated_package_is_refused(package: Path) -> None:
    cut = package.with_name("cut.egovpkg")
    cut.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    refused = refusal_of(cut)
    assert refused.kind == "truncated"
    assert "不完整" in refused.chinese


def test_a_tampered_member_is_refused(package: Path) -> None:
    def swap(contents: dict[str, bytes]) -> dict[str, bytes]:
        name = next(n for n in contents if n.startswith("evidence/"))
        return contents | {name: b"a forged scan"}

    refused = refusal_of(rewritten(package, swap))
    assert refused.kind == "tampered_member"
    assert refused.values["member"].startswith("evidence/")


def test_an_edited_payload_is_refused(package: Path) -> None:
    def edit(contents: dict[str, bytes]) -> dict[str, bytes]:
        return contents | {PAYLOAD: contents[PAYLOAD].replace("办公室".encode(), "信息中心".encode())}

    assert refusal_of(rewritten(package, edit)).kind == "tampered_member"


def test_a_flipped_byte_is_refused_as_damaged(package: Path) -> None:
    data = bytearray(package.read_bytes())
    with zipfile.ZipFile(package) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("evidence/"))
    data[info.header_offset + 30 + len(info.filename.encode()) + 5] ^= 0xFF
    flipped = package.with_name("flipped.egovpkg")
    flipped.write_bytes(bytes(data))
    assert refusal_of(flipped).kind == "damaged_member"


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "evidence\\..\\evil", "C:/evil.txt", "a/./b"])
def test_a_name_escaping_the_package_is_refused(package: Path, name: str) -> None:
    refused = refusal_of(rewritten(package, lambda contents: contents | {name: b"x"}))
    assert (refused.kind, refused.values["member"]) == ("unsafe_name", name)


def test_a_member_not_in_the_manifest_is_refused(package: Path) -> None:
    refused = refusal_of(rewritten(package, lambda contents: contents | {"extra.txt": b"x"}))
    assert (refused.kind, refused.values["member"]) == ("unlisted_member", "extra.txt")


def test_a_member_missing_from_the_package_is_refused(package: Path) -> None:
    def drop(contents: dict[str, bytes]) -> dict[str, bytes]:
        name = next(n for n in contents if n.startswith("evidence/"))
        return {n: data for n, data in contents.items() if n != name}

    assert refusal_of(rewritten(package, drop)).kind == "missing_member"


def test_an_edited_manifest_is_refused(package: Path) -> None:
    def edit(contents: dict[str, bytes]) -> dict[str, bytes]:
        manifest = manifest_of(contents) | {"department": "信息中心"}
        return contents | {MANIFEST: canonical(manifest)}

    refused = refusal_of(rewritten(package, edit))
    assert refused.kind == "tampered_manifest"
    assert "改动" in refused.chinese


def test_a_package_of_a_newer_format_version_is_refused_as_made_by_a_newer_egov_desk(package: Path) -> None:
    def newer(contents: dict[str, bytes]) -> dict[str, bytes]:
        return contents | {MANIFEST: resigned(manifest_of(contents) | {"version": 99})}

    refused = refusal_of(rewritten(package, newer))
    assert refused.kind == "newer_version"
    assert "made by a newer egov-desk" in refused.english
    assert "更新版本" in refused.chinese


def test_a_zip_of_another_format_is_refused(package: Path) -> None:
    def other(contents: dict[str, bytes]) -> dict[str, bytes]:
        return contents | {MANIFEST: resigned(manifest_of(contents) | {"format": "something-else"})}

    assert refusal_of(rewritten(package, other)).kind == "unknown_format"
    no_manifest = rewritten(package, lambda contents: {n: d for n, d in contents.items() if n != MANIFEST})
    assert refusal_of(no_manifest).kind == "no_manifest"


def test_a_package_with_too_many_members_is_refused(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_MEMBERS", 2)
    assert refusal_of(package).kind == "too_many_members"


def test_a_package_whose_files_are_too_large_is_refused(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_FILE", 16)
    refused = refusal_of(package)
    assert refused.kind == "too_large"
    assert refused.values["member"].startswith("evidence/")


def test_a_member_longer_than_the_manifest_says_is_refused_without_reading_it_all(package: Path) -> None:
    def grow(contents: dict[str, bytes]) -> dict[str, bytes]:
        name = next(n for n in contents if n.startswith("evidence/"))
        return contents | {name: contents[name] + b"\0" * 1_000_000}

    assert refusal_of(rewritten(package, grow)).kind == "tampered_member"
