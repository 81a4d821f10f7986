"""The evidence vault and book: stored by content, never moved, checklists with status, verify, the package."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from egov_desk.cli import main
from egov_desk.core.evidence import CHECKED, COLLECTED, MISSING, SUPPLIED, EvidenceError
from egov_desk.core.evidence.filetypes import disagrees, sniff
from egov_desk.core.exports.package import export_package
from egov_desk.core.workspace import Workspace

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100
ROOT = Path(__file__).resolve().parents[2]


def make(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_file_is_copied_in_by_its_hash_and_the_original_is_untouched(workspace: Workspace, tmp_path: Path) -> None:
    original = make(tmp_path / "scans", "2019年工作计划.pdf", PDF)
    before = original.stat().st_mtime_ns
    report = workspace.evidence.attach(1, "002", [original])
    [stored] = report.added
    assert stored.sha256 == sha(PDF)
    assert workspace.evidence.vault.path_of(stored.sha256) == workspace.folder / "vault" / sha(PDF)[:2] / sha(PDF)
    assert workspace.evidence.vault.path_of(stored.sha256).read_bytes() == PDF
    assert original.read_bytes() == PDF
    assert original.stat().st_mtime_ns == before
    assert (stored.name, stored.kind, stored.size) == ("2019年工作计划.pdf", "pdf", len(PDF))


def test_the_same_bytes_are_stored_once_and_may_serve_many_items(workspace: Workspace, tmp_path: Path) -> None:
    first = make(tmp_path / "a", "计划.pdf", PDF)
    again = make(tmp_path / "b", "计划.pdf", PDF)
    workspace.evidence.attach(1, "002", [first])
    workspace.evidence.attach(1, "025", [again])
    assert workspace.evidence.vault.blobs() == [sha(PDF)]
    [file] = workspace.evidence.files(1)
    assert sorted(code for _, code, _ in file.links) == ["002", "025"]


def test_the_same_bytes_under_another_name_are_listed_under_that_name(workspace: Workspace, tmp_path: Path) -> None:
    """A walk found 034's file printed in the signed report as 023's: identical scans, two names."""
    workspace.evidence.attach(1, "023", [make(tmp_path / "a", "共享平台申请.pdf", PDF)])
    workspace.evidence.attach(1, "034", [make(tmp_path / "b", "安全管理制度.pdf", PDF)])
    assert workspace.evidence.vault.blobs() == [sha(PDF)]  # stored once
    named = {code: file.name for file in workspace.evidence.files(1) for _, code, _ in file.links}
    assert named == {"023": "共享平台申请.pdf", "034": "安全管理制度.pdf"}


def test_names_in_any_script_spaces_and_very_long_are_kept(workspace: Workspace, tmp_path: Path) -> None:
    name = "关于印发《淮北市政务信息资源共享管理暂行办法》的通知 （扫描件） 第1页 " * 3
    while len((name + ".pdf").encode()) > 250:  # as long as the file system allows (255 bytes)
        name = name[:-1]
    path = make(tmp_path, name + ".pdf", PDF + b"x")
    [stored] = workspace.evidence.attach(1, "022", [path]).added
    assert stored.name == path.name


@pytest.mark.parametrize(
    ("name", "data", "kind", "mismatch"),
    [
        ("a.pdf", PDF, "pdf", False),
        ("photo.jpg", JPEG, "jpeg", False),
        ("scan.pdf", JPEG, "jpeg", True),  # a picture named .pdf
        ("x.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "png", False),
        ("x.tif", b"II*\x00" + b"\0" * 20, "tiff", False),
        ("x.bmp", b"BM" + b"\0" * 20, "bmp", False),
        ("x.gif", b"GIF89a" + b"\0" * 20, "gif", False),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20, "doc", False),
        ("old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20, "doc", False),
    ],
)
def test_types_are_sniffed_from_the_bytes(tmp_path: Path, name: str, data: bytes, kind: str, mismatch: bool) -> None:
    path = make(tmp_path, name, data)
    assert sniff(path) == kind
    assert disagrees(kind, name) is mismatch


def test_office_and_ofd_packages_are_told_apart(tmp_path: Path) -> None:
    for name, inner, kind in (
        ("a.docx", "word/document.xml", "docx"),
        ("b.xlsx", "xl/workbook.xml", "xlsx"),
        ("c.ofd", "OFD.xml", "ofd"),
        ("d.zip", "photo.jpg", "zip"),
    ):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as package:
            package.writestr(inner, "<x/>")
        assert sniff(path) == kind


def test_requirements_show_missing_collected_checked_and_supplied(workspace: Workspace, tmp_path: Path) -> None:
    evidence = workspace.evidence.item_evidence(1, "002")
    assert [r.status for r in evidence.requirements] == [MISSING, MISSING]
    first = evidence.requirements[0]
    workspace.evidence.attach(1, "002", [make(tmp_path, "计划.pdf", PDF)], requirement_id=first.id)
    assert [r.status for r in workspace.evidence.item_evidence(1, "002").requirements] == [COLLECTED, MISSING]
    workspace.evidence.set_checked(1, first.id, True)
    evidence = workspace.evidence.item_evidence(1, "002")
    assert [r.status for r in evidence.requirements] == [CHECKED, MISSING]
    assert (evidence.collected, evidence.checked, evidence.needed) == (1, 1, 2)
    assert [r.status for r in workspace.evidence.item_evidence(1, "012").requirements] == [SUPPLIED]
    assert workspace.evidence.counts(1)["002"] == (1, 1, 2)


def test_a_file_attached_to_the_item_generally(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "001", [make(tmp_path, "会议照片.jpg", JPEG)])
    evidence = workspace.evidence.item_evidence(1, "001")
    assert [f.name for f in evidence.general] == ["会议照片.jpg"]
    assert evidence.collected == 0  # the requirement itself is still open


def test_whole_folders_are_added(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "扫描件"
    for number in range(3):
        make(folder / "子目录", f"第{number}页.pdf", PDF + bytes([number]))
    make(folder, ".DS_Store", b"junk")
    report = workspace.evidence.attach(1, "035", [folder])
    assert sorted(f.name for f in report.added) == ["第0页.pdf", "第1页.pdf", "第2页.pdf"]


def test_unreadable_files_are_reported_not_dropped(workspace: Workspace, tmp_path: Path) -> None:
    report = workspace.evidence.attach(1, "035", [make(tmp_path, "ok.pdf", PDF), tmp_path / "不存在.pdf"])
    assert [f.name for f in report.added] == ["ok.pdf"]
    assert report.failed[0][0].endswith("不存在.pdf")
    assert "not stored" in report.failed[0][1]


def test_removing_a_link_never_deletes_bytes_another_item_uses(workspace: Workspace, tmp_path: Path) -> None:
    path = make(tmp_path, "计划.pdf", PDF)
    workspace.evidence.attach(1, "002", [path])
    workspace.evidence.attach(1, "025", [path])
    [file] = workspace.evidence.files(1)
    link_002 = next(link for link in file.links if link[1] == "002")
    workspace.evidence.unlink(link_002[0])
    assert [f.name for f in workspace.evidence.files(1, "025")] == ["计划.pdf"]
    assert workspace.evidence.vault.has(sha(PDF))
    workspace.evidence.unlink(workspace.evidence.files(1)[0].links[0][0])
    assert workspace.evidence.files(1) == []
    assert workspace.evidence.vault.has(sha(PDF))  # kept until verify --clean: nothing is lost by a click
    assert workspace.evidence.verify().orphans == [sha(PDF)]


def test_the_evidence_date_should_fall_in_the_year(workspace: Workspace, tmp_path: Path) -> None:
    [file] = workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF)], evidence_date=date(2019, 3, 1)).added
    assert not file.date_outside_year
    assert workspace.evidence.set_date(file.id, date(2018, 12, 30)).file.date_outside_year


def test_the_checklist_can_be_edited(workspace: Workspace, tmp_path: Path) -> None:
    new = workspace.evidence.add_requirement(1, "005", "系统清单印发文件").requirement_id
    workspace.evidence.rename_requirement(new, "系统清单正式印发文件")
    workspace.evidence.move_requirement(new, -1)
    assert [r.text for r in workspace.evidence.item_evidence(1, "005").requirements] == [
        "系统清单正式印发文件",
        "本单位政务信息化系统清单",
    ]
    workspace.evidence.attach(1, "005", [make(tmp_path, "a.pdf", PDF)], requirement_id=new)
    with pytest.raises(EvidenceError, match="has files attached"):
        workspace.evidence.remove_requirement(new)


def test_a_requirement_of_another_item_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    other = workspace.evidence.item_evidence(1, "002").requirements[0].id
    with pytest.raises(EvidenceError, match="not one of this item's"):
        workspace.evidence.attach(1, "005", [make(tmp_path, "a.pdf", PDF)], requirement_id=other)
    assert workspace.evidence.vault.blobs() == []


def test_verify_catches_a_flipped_byte_and_a_deleted_file(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF), make(tmp_path, "b.jpg", JPEG)])
    assert workspace.evidence.verify().ok
    vault = workspace.evidence.vault
    damaged = bytearray(vault.path_of(sha(PDF)).read_bytes())
    damaged[10] ^= 0x01
    vault.path_of(sha(PDF)).write_bytes(bytes(damaged))
    vault.path_of(sha(JPEG)).unlink()
    report = workspace.evidence.verify()
    assert report.corrupt == [(sha(PDF), ["a.pdf"])]
    assert report.missing == [(sha(JPEG), ["b.jpg"])]
    assert not report.ok


def test_verify_cleans_orphans_and_unfinished_copies(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF)])
    workspace.evidence.unlink(workspace.evidence.files(1)[0].links[0][0])
    (workspace.folder / "vault" / "tmp" / "dead.part").write_bytes(b"half")
    report = workspace.evidence.verify(clean=True)
    assert report.cleaned == 2
    assert workspace.evidence.vault.blobs() == []
    assert workspace.evidence.verify().orphans == []


def test_a_kill_while_copying_leaves_no_row_without_a_file_and_no_partial_file(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.write(os.urandom(64 * 1024 * 1024))
    code = (
        "import sys\nfrom egov_desk.core.workspace import Workspace\n"
        "w = Workspace.open(sys.argv[1])\nsys.stdout.write('start\\n'); sys.stdout.flush()\n"
        "def p(*a):\n    sys.stdout.write('copying\\n'); sys.stdout.flush()\n"
        "w.evidence.attach(1, '002', [sys.argv[2]], progress=p)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code, str(folder), str(big)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    ) as writer:
        assert writer.stdout is not None
        seen = 0
        for line in writer.stdout:
            seen += line.startswith("copying")
            if seen >= 3:  # a few megabytes in
                writer.send_signal(signal.SIGKILL)
                break
        writer.wait(timeout=30)
    with Workspace.open(folder) as workspace:
        assert workspace.evidence.files(1) == []
        assert workspace.evidence.vault.blobs() == []  # nothing under a real name
        report = workspace.evidence.verify(clean=True)
        assert report.ok
        assert len(report.leftovers) == 1  # the unfinished copy, found and removed
    with Workspace.open(folder) as workspace:
        assert workspace.evidence.vault.leftovers() == []


def test_the_package_has_folders_by_code_a_manifest_and_an_index(workspace: Workspace, tmp_path: Path) -> None:
    requirements = workspace.evidence.item_evidence(1, "002").requirements
    workspace.evidence.attach(1, "002", [make(tmp_path, "2019年计划.pdf", PDF)], requirement_id=requirements[0].id)
    workspace.evidence.attach(
        1, "002", [make(tmp_path, "2020年计划.pdf", PDF + b"2")], requirement_id=requirements[1].id
    )
    workspace.evidence.attach(1, "028", [make(tmp_path, "排名通报.jpg", JPEG)])
    out = tmp_path / "out" / "佐证材料.zip"
    report = export_package(workspace, 1, out)
    assert report.files == 3
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        assert "002 工作计划与实施/002-01-2019年计划.pdf" in names
        assert "002 工作计划与实施/002-02-2020年计划.pdf" in names
        assert "028 制证量情况/028-01-排名通报.jpg" in names
        assert all(info.flag_bits & 0x800 for info in package.infolist() if not info.filename.isascii())
        manifest = package.read("SHA256SUMS").decode()
        for line in manifest.splitlines():
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(package.read(name)).hexdigest() == digest
        index = tmp_path / "index.xlsx"
        index.write_bytes(package.read("材料清单.xlsx"))
    rows = list(openpyxl.load_workbook(index).active.iter_rows(values_only=True))
    assert rows[1][:3] == ("编号", "材料要求", "文件（包内路径）")
    assert ("002", "2019年本单位电子政务工作计划及完成情况", "002 工作计划与实施/002-01-2019年计划.pdf") in [
        row[:3] for row in rows
    ]
    assert any(row[0] == "005" and row[8] == "缺" for row in rows)  # missing materials are listed too


def test_a_department_package_holds_only_its_items(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "004", [make(tmp_path, "备案.pdf", PDF)])
    workspace.evidence.attach(1, "002", [make(tmp_path, "计划.pdf", PDF + b"x")])
    out = tmp_path / "计财科.zip"
    export_package(workspace, 1, out, department="计财科")
    with zipfile.ZipFile(out) as package:
        folders = {name.split("/")[0] for name in package.namelist() if "/" in name}
    assert folders == {"004 项目备案情况"}


def test_a_failed_export_leaves_no_file_under_the_target_name(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF), make(tmp_path, "b.pdf", PDF + b"b")])

    def fails(*_progress: int) -> None:
        raise OSError(28, "No space left on device")

    out = tmp_path / "package.zip"
    with pytest.raises(OSError, match="No space"):
        export_package(workspace, 1, out, progress=fails)
    assert list(tmp_path.glob("*package.zip*")) == []


def test_the_cli_adds_lists_verifies_and_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "ws")
    Workspace.open(Path(folder)).close()
    scan = make(tmp_path, "计划.pdf", PDF)
    assert (
        main(
            [
                "evidence",
                "add",
                "--workspace",
                folder,
                "--item",
                "002",
                "--requirement",
                "1",
                "--date",
                "2019-05-01",
                str(scan),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["evidence", "list", "--workspace", folder, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["files"]
    assert listed[0]["name"] == "计划.pdf"
    assert listed[0]["items"][0]["code"] == "002"
    assert main(["verify", "--workspace", folder]) == 0
    assert "all is well" in capsys.readouterr().out
    assert main(["export", "package", "--workspace", folder, "--out", str(tmp_path / "p.zip")]) == 0
    assert zipfile.is_zipfile(tmp_path / "p.zip")
    Path(folder, "vault", sha(PDF)[:2], sha(PDF)).write_bytes(b"changed")
    assert main(["verify", "--workspace", folder]) == 1
    assert "CORRUPT" in capsys.readouterr().out
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", "--requirement", "9", str(scan)]) == 2


def test_a_cancelled_batch_keeps_what_finished(workspace: Workspace, tmp_path: Path) -> None:
    paths = [make(tmp_path, f"{n}.pdf", PDF + bytes([n])) for n in range(4)]
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return len(workspace.evidence.files(1)) >= 2

    report = workspace.evidence.attach(1, "035", paths, cancelled=cancel_after_two)
    assert report.cancelled
    assert [f.name for f in report.added] == ["0.pdf", "1.pdf"]
    assert len(workspace.evidence.files(1)) == 2
    assert workspace.evidence.vault.leftovers() == []


def test_the_package_can_be_a_folder(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "计划.pdf", PDF)])
    out = tmp_path / "材料包"
    export_package(workspace, 1, out, as_folder=True)
    for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    assert (out / "材料清单.xlsx").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_removed_file_can_be_put_back_as_it_was(workspace: Workspace, tmp_path: Path) -> None:
    requirement = workspace.evidence.item_evidence(1, "002").requirements[0].id
    path = make(tmp_path, "计划.pdf", PDF)
    [file] = workspace.evidence.attach(1, "002", [path], requirement, date(2019, 5, 4)).added
    removed = workspace.evidence.unlink(file.links[0][0])
    assert workspace.evidence.files(1) == []
    workspace.evidence.restore(removed)
    [back] = workspace.evidence.files(1)
    assert (back.name, back.sha256, back.evidence_date, back.added_by) == (
        "计划.pdf",
        sha(PDF),
        date(2019, 5, 4),
        file.added_by,
    )
    assert [(code, rid) for _lid, code, rid in back.links] == [("002", requirement)]
    assert workspace.evidence.item_evidence(1, "002").requirements[0].status == COLLECTED


def test_a_date_given_again_for_a_file_already_stored_is_applied(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path, "计划.pdf", PDF)
    folder = str(workspace.folder)
    workspace.close()
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(path)]) == 0
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", "--date", "2019-06-30", str(path)]) == 0
    with Workspace.open(folder) as reopened:
        [file] = reopened.evidence.files(1)
        assert file.evidence_date == date(2019, 6, 30)


def test_a_file_removed_twice_over_is_put_back_once(workspace: Workspace, tmp_path: Path) -> None:
    path = make(tmp_path, "计划.pdf", PDF)
    [file] = workspace.evidence.attach(1, "002", [path]).added
    removed = workspace.evidence.unlink(file.links[0][0])
    workspace.evidence.attach(1, "002", [path])  # attached again by hand before the undo
    workspace.evidence.restore(removed)  # nothing to put back: no duplicate, no error
    [back] = workspace.evidence.files(1)
    assert len(back.links) == 1


def test_a_file_is_found_by_its_bytes_after_its_row_was_made_again(workspace: Workspace, tmp_path: Path) -> None:
    a = make(tmp_path, "a.pdf", PDF)
    b = make(tmp_path, "b.pdf", PDF + b"%b")
    [first] = workspace.evidence.attach(1, "002", [a]).added
    removed = workspace.evidence.unlink(first.links[0][0])
    [second] = workspace.evidence.attach(1, "002", [b]).added  # SQLite may give it the freed id
    workspace.evidence.restore(removed)
    assert workspace.evidence.file_id(1, sha(PDF)) != second.id
    workspace.evidence.set_date(workspace.evidence.file_id(1, sha(PDF)), date(2019, 1, 2))
    dates = {f.name: f.evidence_date for f in workspace.evidence.files(1)}
    assert dates == {"a.pdf": date(2019, 1, 2), "b.pdf": None}


def test_evidence_refusals_read_in_chinese_and_english(workspace: Workspace, tmp_path: Path) -> None:
    from egov_desk.core.messages import say

    workspace.evidence.attach(1, "002", [make(tmp_path, "计划.pdf", PDF)])
    removed = workspace.evidence.unlink(workspace.evidence.files(1)[0].links[0][0])
    workspace.evidence.verify(clean=True)  # the bytes nothing uses any more are gone
    with pytest.raises(EvidenceError) as raised:
        workspace.evidence.restore(removed)
    assert say(raised.value, "zh_CN") == "计划.pdf：佐证材料库中已没有它的副本，请重新添加该文件"
    assert say(raised.value, "en") == "计划.pdf: its stored copy is gone from the vault; add the file again"
    with pytest.raises(EvidenceError) as raised:
        workspace.evidence.set_date(999, None)
    assert say(raised.value, "zh_CN") == "该佐证材料文件已不存在（可能已被移除）"
