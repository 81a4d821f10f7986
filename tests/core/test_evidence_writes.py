"""Evidence writes are serialised with other writers, refused cleanly in both languages, and never touch a
read-only workspace: a clean in a second window removes nothing, a writer holding the database makes an edit
wait and then decide on what is there, a busy database is said as such, a date changed elsewhere is kept."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event

from egov_desk.cli import main
from egov_desk.core.errors import ChangedSince, ReadOnlyWorkspace, WorkspaceError
from egov_desk.core.evidence import CHECKED, EvidenceBook, EvidenceError
from egov_desk.core.messages import say
from egov_desk.core.workspace import Workspace
from tests.core.test_evidence import PDF, ROOT, make, sha
from tests.core.test_verify_clean import age, orphan
from tests.reliability.disks import can_mount, small_disk

DATABASE = "workspace.sqlite"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A workspace holding one attached file and one orphan (bytes nothing uses)."""
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.evidence.attach(1, "002", [make(tmp_path / "in", "计划.pdf", PDF)])
        orphan(workspace, tmp_path, PDF + b"orphan")
    return tmp_path / "ws"


def dead_copy(folder: Path) -> None:
    """An unfinished copy into the vault, untouched for long (after the opening's housekeeping)."""
    dead = folder / "vault" / "tmp" / "dead.part"
    dead.parent.mkdir(parents=True, exist_ok=True)
    dead.write_bytes(b"half a scan")
    age(dead)


def vault_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in (folder / "vault").rglob("*") if p.is_file())


# --- a read-only workspace is checked, never cleaned ----------------------------------------------


def test_cleaning_in_a_read_only_window_is_refused_before_anything_is_removed(folder: Path) -> None:
    with Workspace.open(folder, hold=True) as holder:
        dead_copy(folder)
        before = vault_files(folder)
        with Workspace.open(folder, hold=True) as second:
            assert not holder.read_only
            assert second.read_only
            with pytest.raises(ReadOnlyWorkspace) as refused:
                second.evidence.verify(clean=True)
            assert refused.value.kind == "read_only"
            assert say(refused.value, "zh_CN").startswith("没有清理任何文件：")
            assert vault_files(folder) == before

            report = second.evidence.verify()  # a plain check lists what a clean would remove, and removes nothing

            assert report.orphans == [sha(PDF + b"orphan")]
            assert [p.name for p in report.leftovers] == ["dead.part"]
            assert vault_files(folder) == before


@pytest.mark.skipif(not can_mount(), reason="mounting a read-only disk needs root")
@pytest.mark.parametrize(("lang", "first_words"), [("zh_CN.UTF-8", "没有清理任何文件"), ("C", "nothing was cleaned")])
def test_the_cli_refuses_to_clean_read_only_media_in_one_line_of_the_locales_language(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    first_words: str,
) -> None:
    monkeypatch.setenv("LC_ALL", lang)
    with small_disk(tmp_path / "cdrom", "16m") as disk:
        dead_copy(folder)
        (disk / "ws").mkdir()
        for path in folder.iterdir():  # the database and the vault, as copied onto a CD
            if path.is_dir():
                subprocess.run(["cp", "-a", str(path), str(disk / "ws")], check=True)
            else:
                (disk / "ws" / path.name).write_bytes(path.read_bytes())
        before = vault_files(disk / "ws")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        capsys.readouterr()

        code = main(["verify", "--clean", "--workspace", str(disk / "ws")])

        assert vault_files(disk / "ws") == before
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith(f"egov-desk-cli: {first_words}")


# --- writes wait for another writer, then decide on what it wrote -----------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws") as workspace:
        first = workspace.evidence.item_evidence(1, "002").requirements[0].id
        workspace.evidence.attach(1, "002", [make(tmp_path / "in", "计划.pdf", PDF)], first)
        yield workspace


def hold_write_lock(workspace: Workspace) -> sqlite3.Connection:
    """Another program's connection in the middle of a write: it holds the database's write lock."""
    assert workspace.folder is not None
    other = sqlite3.connect(workspace.folder / DATABASE, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_an_edit_waits_for_another_writer_and_reorders_the_checklist_that_writer_left(workspace: Workspace) -> None:
    [first, second, *_] = workspace.evidence.item_evidence(1, "002").requirements
    other = hold_write_lock(workspace)
    item_id = other.execute("SELECT item_id FROM evidence_requirements WHERE id = ?", (first.id,)).fetchone()[0]
    # another window puts a new requirement first
    other.execute("UPDATE evidence_requirements SET position = position + 1 WHERE item_id = ?", (item_id,))
    other.execute("INSERT INTO evidence_requirements (item_id, position, text) VALUES (?, 0, '签到表')", (item_id,))
    committer = threading.Timer(0.5, other.commit)  # its write ends while ours waits for the lock
    committer.start()
    try:
        workspace.evidence.move_requirement(first.id, +1)
    finally:
        committer.join()
        other.close()

    requirements = workspace.evidence.item_evidence(1, "002").requirements
    assert [r.text for r in requirements] == ["签到表", second.text, first.text]
    assert [r.position for r in requirements] == [0, 1, 2]  # the one added meanwhile keeps its own place


def quick_busy_timeout(workspace: Workspace) -> None:
    """Give up on a held lock after 0.2 s instead of 5 s, so that each case below is quick."""
    workspace.engine.dispose()

    @event.listens_for(workspace.engine, "connect")
    def impatient(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=200")


def _requirement(book: EvidenceBook) -> int:
    return book.item_evidence(1, "002").requirements[0].id


def _link(book: EvidenceBook) -> int:
    return book.files(1)[0].links[0][0]


WRITES: dict[str, Callable[[EvidenceBook, Path], object]] = {
    "attach": lambda book, tmp: book.attach(1, "005", [make(tmp / "new", "新.pdf", PDF + b"new")]),
    "link": lambda book, _: book.link(book.files(1)[0].id, "025"),
    "unlink": lambda book, _: book.unlink(_link(book)),
    "set_date": lambda book, _: book.set_date(book.files(1)[0].id, date(2019, 5, 1)),
    "set_checked": lambda book, _: book.set_checked(1, _requirement(book), True),
    "add_requirement": lambda book, _: book.add_requirement(1, "002", "签到表"),
    "rename_requirement": lambda book, _: book.rename_requirement(_requirement(book), "计划（正式稿）"),
    "move_requirement": lambda book, _: book.move_requirement(_requirement(book), +1),
    "remove_requirement": lambda book, _: book.remove_requirement(book.item_evidence(1, "005").requirements[0].id),
}


def state(workspace: Workspace) -> tuple[object, ...]:
    book = workspace.evidence
    return (book.files(1), book.item_evidence(1, "002"), book.item_evidence(1, "005"), len(workspace.audit()))


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_while_another_program_writes_is_refused_as_busy_in_both_languages(
    workspace: Workspace, tmp_path: Path, write: Callable[[EvidenceBook, Path], object]
) -> None:
    quick_busy_timeout(workspace)
    before = state(workspace)
    other = hold_write_lock(workspace)
    try:
        with pytest.raises(WorkspaceError) as refused:
            write(workspace.evidence, tmp_path)
    finally:
        other.rollback()
        other.close()
    assert refused.value.kind == "busy"
    assert "另一个程序正在写入工作区" in say(refused.value, "zh_CN")
    assert "another program is writing the workspace" in say(refused.value, "en")
    assert state(workspace) == before


BUSY_WRITER = """
import sqlite3, sys, time
database = sqlite3.connect(sys.argv[1], isolation_level=None)
database.execute("BEGIN IMMEDIATE")
print("writing", flush=True)
time.sleep(6)  # longer than the workspace's 5 s busy timeout
database.rollback()
"""


def test_a_tick_while_another_process_holds_the_database_past_the_timeout_is_refused_as_busy(
    workspace: Workspace,
) -> None:
    assert workspace.folder is not None
    requirement = _requirement(workspace.evidence)
    writer = subprocess.Popen(
        [sys.executable, "-c", BUSY_WRITER, str(workspace.folder / DATABASE)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "writing"
        with pytest.raises(WorkspaceError) as refused:
            workspace.evidence.set_checked(1, requirement, True)
    finally:
        writer.wait(timeout=30)
        assert writer.stdout is not None
        writer.stdout.close()
    assert refused.value.kind == "busy"
    assert say(refused.value, "zh_CN") == "核验勾选没有保存：另一个程序正在写入工作区，请稍后再试。"
    assert workspace.evidence.item_evidence(1, "002").requirements[0].status != CHECKED


# --- a date changed elsewhere is not overwritten ------------------------------------------------------


def test_a_date_changed_elsewhere_since_it_was_shown_is_not_overwritten(workspace: Workspace) -> None:
    [file] = workspace.evidence.files(1)
    assert workspace.folder is not None
    with Workspace.open(workspace.folder) as elsewhere:
        elsewhere.evidence.set_date(file.id, date(2019, 3, 1))

    with pytest.raises(ChangedSince) as refused:  # the window still showed no date
        workspace.evidence.set_date(file.id, date(2019, 12, 5), expected=None)

    assert refused.value.kind == "changed_since"
    assert refused.value.values["current"] == date(2019, 3, 1)
    assert say(refused.value, "zh_CN") == "“计划.pdf”的日期已在别处被修改（现为2019-03-01）；本次修改没有保存。"
    assert "now 2019-03-01" in say(refused.value, "en")
    assert workspace.evidence.files(1)[0].evidence_date == date(2019, 3, 1)
    workspace.evidence.set_date(file.id, date(2019, 12, 5), expected=date(2019, 3, 1))
    assert workspace.evidence.files(1)[0].evidence_date == date(2019, 12, 5)


# --- checklist refusals in both languages -------------------------------------------------------------


def test_checklist_refusals_read_in_chinese_and_english(workspace: Workspace) -> None:
    requirement = _requirement(workspace.evidence)
    refusals = []
    for refused_edit in (
        lambda: workspace.evidence.add_requirement(1, "002", "   "),
        lambda: workspace.evidence.rename_requirement(999, "计划"),
        lambda: workspace.evidence.move_requirement(999, 1),
        lambda: workspace.evidence.remove_requirement(requirement),
    ):
        with pytest.raises(EvidenceError) as refused:
            refused_edit()
        refusals.append(refused.value)
    empty, gone, gone_too, in_use = refusals
    text = workspace.evidence.item_evidence(1, "002").requirements[0].text
    assert (empty.kind, gone.kind, gone_too.kind, in_use.kind) == (
        "empty_requirement",
        "no_requirement",
        "no_requirement",
        "requirement_has_files",
    )
    assert say(empty, "zh_CN") == "材料要求不能为空，请填写要提供的材料"
    assert say(gone, "zh_CN") == "该材料要求已不存在（可能已在别处删除）"
    assert say(in_use, "zh_CN") == f"“{text}”下还有文件，请先移除这些文件再删除该材料要求"
    assert say(in_use, "en") == f"“{text}” has files attached; remove them first"
