"""The evidence package survives a missing or damaged stored file, and a killed export leaves nothing for ever."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from egov_desk.cli import main
from egov_desk.core.exports.leftovers import RECORDS, STALE_AFTER, clean_beside, clean_leftovers
from egov_desk.core.exports.package import FAULTS_SHEET, describe_faults, export_package
from egov_desk.core.workspace import Workspace
from tests.core.test_evidence import JPEG, PDF, ROOT, make, sha
from tests.core.test_vault_repair import flip_a_byte


def three_files(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "计划.pdf", PDF), make(tmp_path, "总结.pdf", PDF + b"2")])
    workspace.evidence.attach(1, "028", [make(tmp_path, "排名通报.jpg", JPEG)])


def index_rows(package: zipfile.ZipFile, tmp_path: Path, sheet: str | None = None) -> list[tuple[object, ...]]:
    index = tmp_path / "index.xlsx"
    index.write_bytes(package.read("材料清单.xlsx"))
    workbook = openpyxl.load_workbook(index)
    return list((workbook[sheet] if sheet else workbook.active).iter_rows(values_only=True))


def manifest_matches(package: zipfile.ZipFile) -> list[str]:
    """The names SHA256SUMS lists, each checked against the bytes the package holds."""
    names = []
    for line in package.read("SHA256SUMS").decode().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256(package.read(name)).hexdigest() == digest
        names.append(name)
    return names


def test_a_missing_file_is_left_out_and_listed_and_the_rest_is_written(workspace: Workspace, tmp_path: Path) -> None:
    three_files(workspace, tmp_path)
    workspace.evidence.vault.path_of(sha(PDF)).unlink()
    out = tmp_path / "out" / "佐证材料.zip"

    report = export_package(workspace, 1, out)

    assert [(e.code, e.file.name, e.fault) for e in report.faults if e.file] == [("002", "计划.pdf", "missing")]
    assert report.files == 2
    with zipfile.ZipFile(out) as package:
        assert sorted(manifest_matches(package)) == [
            "002 工作计划与实施/002-02-总结.pdf",
            "028 制证量情况/028-01-排名通报.jpg",
        ]
        assert not any("计划.pdf" in name and "总结" not in name for name in package.namelist())
        rows = index_rows(package, tmp_path)
        faults = index_rows(package, tmp_path, FAULTS_SHEET)
    [row] = [r for r in rows if r[3] == "计划.pdf"]
    assert (row[0], row[2], row[8]) == ("002", None, "文件缺失")  # no path: it is not in the package
    assert faults[1][:5] == ("编号", "材料要求", "原文件名", "SHA-256", "问题")
    assert [(r[0], r[2], r[3], r[4]) for r in faults[2:]] == [("002", "计划.pdf", sha(PDF), "缺失")]


def test_a_damaged_file_is_not_passed_off_as_evidence(workspace: Workspace, tmp_path: Path) -> None:
    three_files(workspace, tmp_path)
    flip_a_byte(workspace.evidence.vault.path_of(sha(JPEG)))
    out = tmp_path / "p.zip"

    report = export_package(workspace, 1, out)

    assert [(e.code, e.fault) for e in report.faults] == [("028", "damaged")]
    with zipfile.ZipFile(out) as package:
        assert not any(name.startswith("028 ") for name in package.namelist())
        assert len(manifest_matches(package)) == 2
        faults = index_rows(package, tmp_path, FAULTS_SHEET)
    assert [(r[0], r[2], r[4]) for r in faults[2:]] == [("028", "排名通报.jpg", "损坏")]


def test_a_damaged_file_among_others_is_taken_out_and_the_zip_stays_whole(workspace: Workspace, tmp_path: Path) -> None:
    three_files(workspace, tmp_path)
    flip_a_byte(workspace.evidence.vault.path_of(sha(PDF)))  # the first file packed
    out = tmp_path / "p.zip"

    report = export_package(workspace, 1, out)

    assert [(e.code, e.file.name, e.fault) for e in report.faults if e.file] == [("002", "计划.pdf", "damaged")]
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None
        assert sorted(manifest_matches(package)) == [
            "002 工作计划与实施/002-02-总结.pdf",
            "028 制证量情况/028-01-排名通报.jpg",
        ]


def test_a_folder_package_leaves_a_damaged_file_and_its_empty_folder_out(workspace: Workspace, tmp_path: Path) -> None:
    three_files(workspace, tmp_path)
    flip_a_byte(workspace.evidence.vault.path_of(sha(JPEG)))
    out = tmp_path / "包"
    report = export_package(workspace, 1, out, as_folder=True)
    assert [(e.code, e.fault) for e in report.faults] == [("028", "damaged")]
    assert not (out / "028 制证量情况").exists()
    assert len((out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()) == 2


def test_a_folder_package_leaves_the_missing_file_out_too(workspace: Workspace, tmp_path: Path) -> None:
    three_files(workspace, tmp_path)
    workspace.evidence.vault.path_of(sha(JPEG)).unlink()
    out = tmp_path / "包"
    report = export_package(workspace, 1, out, as_folder=True)
    assert [e.code for e in report.faults] == ["028"]
    assert not (out / "028 制证量情况").exists()
    listed = [line.split("  ", 1)[1] for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    assert all((out / name).is_file() for name in listed)
    assert len(listed) == 2
    assert FAULTS_SHEET in openpyxl.load_workbook(out / "材料清单.xlsx").sheetnames


def test_a_complete_package_has_no_faults_sheet(workspace: Workspace, tmp_path: Path) -> None:
    three_files(workspace, tmp_path)
    report = export_package(workspace, 1, tmp_path / "p.zip")
    assert report.faults == []
    assert describe_faults(report) == ""
    assert openpyxl.load_workbook(_extract_index(tmp_path / "p.zip", tmp_path)).sheetnames == ["材料清单"]


def _extract_index(package: Path, tmp_path: Path) -> Path:
    with zipfile.ZipFile(package) as opened:
        index = tmp_path / "extracted.xlsx"
        index.write_bytes(opened.read("材料清单.xlsx"))
    return index


@pytest.mark.parametrize(("lang", "said"), [("zh_CN.UTF-8", "佐证材料库中缺失"), ("C", "missing from the vault")])
def test_the_cli_writes_the_rest_names_the_missing_file_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        three_files(workspace, tmp_path)
        workspace.evidence.vault.path_of(sha(PDF + b"2")).unlink()
    monkeypatch.setenv("LC_ALL", lang)
    out = tmp_path / "p.zip"

    assert main(["export", "package", "--workspace", str(folder), "--out", str(out)]) == 1

    error = capsys.readouterr().err
    assert f"002 总结.pdf：{said}" in error or f"002 总结.pdf: {said}" in error
    with zipfile.ZipFile(out) as package:
        assert len(manifest_matches(package)) == 2


# --- leftovers of killed exports -------------------------------------------------------------------

SLOW_EXPORT = """
import sys, time
from pathlib import Path
from egov_desk.core.exports.package import export_package
from egov_desk.core.workspace import Workspace
workspace = Workspace.open(sys.argv[1])
def progress(*_):
    print("packed", flush=True)
    time.sleep(60)  # a slow disk: the test kills the export here
export_package(workspace, 1, Path(sys.argv[2]), progress=progress, as_folder=sys.argv[3] == "folder")
"""


def start_slow_export(folder: Path, out: Path, as_folder: bool) -> subprocess.Popen[str]:
    exporter = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, str(folder), str(out), "folder" if as_folder else "zip"],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert exporter.stdout is not None
    assert exporter.stdout.readline().strip() == "packed"  # one file in: the .part exists
    return exporter


def kill(exporter: subprocess.Popen[str]) -> None:
    exporter.send_signal(signal.SIGKILL)
    exporter.wait(timeout=30)
    assert exporter.stdout is not None
    exporter.stdout.close()


def parts_beside(out: Path) -> list[Path]:
    return sorted(p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@pytest.mark.parametrize("as_folder", [False, True], ids=["zip", "folder"])
def test_a_killed_export_is_cleaned_at_the_next_start_and_a_live_one_never(tmp_path: Path, as_folder: bool) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        three_files(workspace, tmp_path)
    out = tmp_path / "exports" / "佐证材料.zip"
    exporter = start_slow_export(folder, out, as_folder)
    try:
        live = parts_beside(out)
        assert [p.name.endswith(".part") for p in live] == [True, False]  # the .part and its lock
        assert clean_leftovers(folder) == []
        assert clean_beside(out) == []
        assert parts_beside(out) == live
    finally:
        kill(exporter)
    assert parts_beside(out) == live  # the kill left them

    assert clean_leftovers(folder) == [live[0]]

    assert parts_beside(out) == []
    assert list((folder / RECORDS).iterdir()) == []
    assert not out.exists()


def test_a_killed_export_is_cleaned_by_the_next_export_to_the_same_place(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        three_files(workspace, tmp_path)
    out = tmp_path / "p.zip"
    kill(start_slow_export(folder, out, as_folder=False))
    assert len(parts_beside(out)) == 2

    with Workspace.open(folder) as workspace:
        export_package(workspace, 1, out)

    assert parts_beside(out) == []
    with zipfile.ZipFile(out) as package:
        assert len(manifest_matches(package)) == 3


def age(path: Path, seconds: float = STALE_AFTER + 60) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_vault_copies_are_cleaned_at_start_and_fresh_ones_kept(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    tmp = folder / "vault" / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    dead, writing = tmp / "dead.part", tmp / "writing.part"
    dead.write_bytes(b"half a scan")
    writing.write_bytes(b"a copy in progress")  # another process's attach: written moments ago
    age(dead)
    assert clean_leftovers(folder) == [dead]
    assert not dead.exists()
    assert writing.exists()


def test_an_old_part_with_no_lock_is_removed_and_a_fresh_one_kept(tmp_path: Path) -> None:
    """Leftovers of versions before the lock (the 164 MB seen) go once untouched for a while."""
    out = tmp_path / "p.zip"
    old, fresh = tmp_path / ".p.zip.0123abcd.part", tmp_path / ".p.zip.4567cdef.part"
    old.write_bytes(b"PK half")
    fresh.write_bytes(b"PK half")
    age(old)
    unrelated = tmp_path / ".p.zip.notours.part"
    unrelated.write_bytes(b"")
    age(unrelated)
    lone_lock = tmp_path / ".p.zip.89abcdef.part.lock"  # killed after taking its lock, before its .part
    lone_lock.write_bytes(b"")
    assert clean_beside(out) == [old]
    assert not lone_lock.exists()
    assert fresh.exists()
    assert unrelated.exists()


def test_a_record_naming_anything_but_an_exports_temporary_removes_nothing(tmp_path: Path) -> None:
    """A copied or hostile workspace's records cannot make the next start delete someone's ``X.part`` folder."""
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    work = tmp_path / "documents" / "年度总结.part"  # a person's folder that happens to end in .part
    work.mkdir(parents=True)
    (work / "第一稿.docx").write_bytes(b"a draft")
    hidden = tmp_path / "documents" / ".report.docx.part"  # hidden, but not NAME + 8 hex digits
    hidden.write_bytes(b"notes")
    ours = tmp_path / "exports" / ".p.zip.0123abcd.part"  # a killed export's temporary, lock-less and old
    ours.parent.mkdir()
    ours.write_bytes(b"PK half")
    for path in (work / "第一稿.docx", work, hidden, ours):
        age(path)
    records = folder / RECORDS
    records.mkdir(exist_ok=True)
    for number, path in enumerate((work, hidden, ours)):
        (records / f"{number}.json").write_text(json.dumps({"part": str(path), "pid": 1}), encoding="utf-8")

    assert clean_leftovers(folder) == [ours]

    assert (work / "第一稿.docx").read_bytes() == b"a draft"
    assert hidden.read_bytes() == b"notes"
    assert not ours.exists()
    assert list(records.iterdir()) == []


def a_folder_in_its_place(stored: Path) -> None:
    stored.mkdir()  # there, but nothing can be read from it


def a_file_failing_every_read(stored: Path) -> None:
    stored.symlink_to("/proc/self/mem")  # opens, then every read fails with EIO, as a bad sector does


@pytest.mark.parametrize(
    "broken",
    [
        a_folder_in_its_place,
        pytest.param(
            a_file_failing_every_read,
            marks=pytest.mark.skipif(
                not Path("/proc/self/mem").exists(), reason="a file that opens, then fails: Linux's"
            ),
        ),
    ],
)
def test_a_stored_copy_that_cannot_be_read_is_listed_as_damaged_and_taken_back_out_of_the_zip(
    workspace: Workspace, tmp_path: Path, broken: Callable[[Path], None]
) -> None:
    three_files(workspace, tmp_path)
    stored = workspace.evidence.vault.path_of(sha(PDF))
    stored.unlink()
    broken(stored)
    out = tmp_path / "p.zip"

    report = export_package(workspace, 1, out)

    assert [(e.code, e.file.name, e.fault) for e in report.faults if e.file] == [("002", "计划.pdf", "damaged")]
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None
        assert len(manifest_matches(package)) == 2
