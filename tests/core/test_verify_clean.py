"""``verify --clean`` while files are being added: it never removes bytes a row uses or an add is storing."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from egov_desk.core.evidence.vault import Stored, Vault
from egov_desk.core.workspace import Workspace
from tests.core.test_evidence import make, sha
from tests.reliability.disks import can_mount, small_disk

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def age(path: Path, seconds: int = 3600) -> None:
    """Make a file look written before the scan (a coarse file-system clock must not decide the test)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def orphan(workspace: Workspace, tmp_path: Path, data: bytes) -> str:
    """Bytes in the vault that no evidence row uses any more (attached, then taken off)."""
    workspace.evidence.attach(1, "028", [make(tmp_path / "orphan", "old.pdf", data)])
    [file] = [f for f in workspace.evidence.files(1) if f.sha256 == sha(data)]
    workspace.evidence.unlink(file.links[0][0])
    age(workspace.evidence.vault.path_of(sha(data)))
    return sha(data)


def test_a_file_attached_from_another_connection_during_a_slow_clean_survives(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(3):
        workspace.evidence.attach(1, "002", [make(tmp_path / "in", f"{number}.pdf", PDF + bytes([number]))])
    old = orphan(workspace, tmp_path, PDF + b"orphan")
    hashing, attached = threading.Event(), threading.Event()
    original = Vault.hash_of

    def slow_hash(self: Vault, sha256: str) -> str:  # the re-hash of many big files, held open until the add
        hashing.set()
        assert attached.wait(30)
        return original(self, sha256)

    monkeypatch.setattr(Vault, "hash_of", slow_hash)
    results: list[object] = []

    def clean() -> None:
        try:
            results.append(workspace.evidence.verify(clean=True))
        except BaseException as exc:
            results.append(exc)

    cleaner = threading.Thread(target=clean)
    cleaner.start()
    try:
        assert hashing.wait(30)
        new = make(tmp_path / "new", "新的材料.pdf", PDF + b"attached while cleaning")
        with Workspace.open(workspace.folder) as other:  # another window or the CLI: its own connection
            [added] = other.evidence.attach(1, "025", [new]).added
    finally:
        attached.set()
        cleaner.join(60)
    [report] = results
    assert not isinstance(report, BaseException), report
    monkeypatch.setattr(Vault, "hash_of", original)
    assert report.ok
    assert report.orphans == [old]  # the real orphan is still cleaned
    vault = workspace.evidence.vault
    assert vault.path_of(added.sha256).read_bytes() == new.read_bytes()
    assert not vault.has(old)
    after = workspace.evidence.verify()
    assert after.ok
    assert after.orphans == []
    assert after.leftovers == []
    assert added.sha256 in {f.sha256 for f in workspace.evidence.files(1)}


def test_bytes_used_by_a_row_made_after_the_scan_began_are_kept(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF)])
    again = orphan(workspace, tmp_path, PDF + b"used again")
    book = workspace.evidence
    stored = Stored(again, len(PDF + b"used again"), "pdf", False, False)

    def row_made_during_the_scan(number: int, total: int) -> None:
        if number == 0:  # recorded without touching the file: only the re-check in the database can see it
            book._record(1, "025", None, "again.pdf", stored, None)

    report = book.verify(clean=True, progress=row_made_during_the_scan)
    assert report.orphans == []
    assert report.cleaned == 0
    assert book.vault.has(again)
    after = book.verify()
    assert after.ok
    assert after.orphans == []


def test_bytes_stored_after_the_scan_began_without_their_row_yet_are_kept(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF)])
    book = workspace.evidence
    fresh = make(tmp_path, "in-flight.pdf", PDF + b"in flight")
    partial = book.vault.tmp / "writing.part"

    def add_in_flight(number: int, total: int) -> None:
        book.vault.add(fresh)  # renamed into place; its row is not committed yet
        partial.write_bytes(b"half")  # a copy still being written

    report = book.verify(clean=True, progress=add_in_flight)
    assert report.orphans == []
    assert report.leftovers == []
    assert book.vault.has(sha(PDF + b"in flight"))
    assert partial.exists()
    age(book.vault.path_of(sha(PDF + b"in flight")))
    age(partial)
    later = book.verify(clean=True)  # nothing ever recorded it: a later clean removes it
    assert later.orphans == [sha(PDF + b"in flight")]
    assert later.leftovers == [partial]
    assert not book.vault.has(sha(PDF + b"in flight"))
    assert not partial.exists()


def test_an_attach_whose_bytes_a_clean_removed_before_its_row_copies_them_again(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = workspace.evidence
    original = book.vault.add
    calls: list[str] = []

    def add_then_cleaned(*args: object, **kwargs: object) -> Stored:
        stored = original(*args, **kwargs)  # type: ignore[arg-type]
        if not calls:
            book.vault.remove(stored.sha256)  # a clean ran between the copy and the row
        calls.append(stored.sha256)
        return stored

    monkeypatch.setattr(book.vault, "add", add_then_cleaned)
    [added] = book.attach(1, "002", [make(tmp_path, "a.pdf", PDF)]).added
    assert len(calls) == 2
    assert book.vault.path_of(added.sha256).read_bytes() == PDF
    assert book.verify().ok


def test_a_row_that_fails_after_the_copy_leaves_no_bytes_behind(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "kept.pdf", PDF)])

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit could not be written")

    monkeypatch.setattr(workspace.store, "audit", broken)
    with pytest.raises(RuntimeError):
        workspace.evidence.attach(1, "025", [make(tmp_path, "new.pdf", PDF + b"new")])
    with pytest.raises(RuntimeError):  # bytes another row uses are never removed
        workspace.evidence.attach(1, "025", [make(tmp_path, "same.pdf", PDF)])
    monkeypatch.undo()
    assert workspace.evidence.vault.blobs() == [sha(PDF)]
    report = workspace.evidence.verify()
    assert report.ok
    assert report.orphans == []


# --- what the window's check shows: where a bad file is used, how much cleaning frees ------------------------


def test_a_damaged_or_missing_file_is_reported_with_the_items_that_use_it(workspace: Workspace, tmp_path: Path) -> None:
    shared = make(tmp_path, "计划.pdf", PDF)
    workspace.evidence.attach(1, "025", [shared])
    workspace.evidence.attach(1, "002", [shared])
    workspace.evidence.attach(1, "028", [make(tmp_path, "通报.pdf", PDF + b"lost")])
    vault = workspace.evidence.vault
    vault.path_of(sha(PDF)).write_bytes(b"damaged")
    vault.remove(sha(PDF + b"lost"))

    report = workspace.evidence.verify()

    assert report.items == {sha(PDF): ["002", "025"], sha(PDF + b"lost"): ["028"]}


def test_orphans_and_unfinished_copies_are_reported_with_their_sizes(workspace: Workspace, tmp_path: Path) -> None:
    old = orphan(workspace, tmp_path, PDF + b"orphan")
    partial = workspace.evidence.vault.tmp / "killed.part"
    partial.write_bytes(b"x" * 1000)
    age(partial)

    found = workspace.evidence.verify()

    assert (found.unused, found.unused_bytes) == (2, len(PDF + b"orphan") + 1000)
    assert workspace.evidence.vault.has(old)  # only counted
    cleaned = workspace.evidence.verify(clean=True)
    assert (cleaned.cleaned, cleaned.unused_bytes) == (2, len(PDF + b"orphan") + 1000)
    assert workspace.evidence.verify().unused == 0


@pytest.mark.skipif(not can_mount(), reason="mounting a read-only disk needs root")
def test_a_check_runs_on_read_only_media(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF)])
    workspace.close()
    with small_disk(tmp_path / "cdrom", "16m") as disk:
        shutil.copytree(workspace.folder, disk / "ws")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with Workspace.open(disk / "ws") as read_only:
            assert read_only.read_only
            report = read_only.evidence.verify()
    assert report.ok
    assert report.checked == 1


def test_a_clean_cancelled_while_checking_removes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    workspace.evidence.attach(1, "002", [make(tmp_path, "a.pdf", PDF)])
    old = orphan(workspace, tmp_path, PDF + b"orphan")

    def cancel(number: int, total: int) -> None:
        raise InterruptedError("the person pressed Cancel")

    with pytest.raises(InterruptedError):
        workspace.evidence.verify(clean=True, progress=cancel)
    assert workspace.evidence.vault.has(old)
