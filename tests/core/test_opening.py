"""Opening a workspace: one window writes, a second reads; damaged, missing, read-only and shared ones are
handled without writing a byte into them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from egov_desk.cli import main as cli
from egov_desk.core.errors import ChangedSince, ReadOnlyWorkspace
from egov_desk.core.filesystems import mount_type, network_filesystem
from egov_desk.core.lock import acquire, holder_of
from egov_desk.core.messages import say
from egov_desk.core.opening import DamagedDatabase
from egov_desk.core.workspace import Workspace, WorkspaceError
from tests.core.media import fill, make_read_only, tmpfs

HOLD = """
import sys, time
from egov_desk.core.workspace import Workspace
workspace = Workspace.open(sys.argv[1], hold=True)
print("read_only" if workspace.read_only else "holding", flush=True)
time.sleep(120)
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    Workspace.open(tmp_path / "ws").close()
    return tmp_path / "ws"


def hold_in_another_process(folder: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "holding"
    process.stdout.close()
    return process


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# --- one window writes, another reads -----------------------------------------------------------


def test_a_second_window_opens_read_only_and_names_who_holds_the_workspace(folder: Path) -> None:
    holder = hold_in_another_process(folder)
    try:
        with Workspace.open(folder, hold=True) as second:
            assert second.read_only
            assert second.access.holder is not None
            assert second.access.holder.pid == holder.pid
            assessment = second.default_assessment().id
            assert second.scores(assessment).total == 0  # reading works
            with pytest.raises(ReadOnlyWorkspace) as refused:
                second.set_input(assessment, "004", {"score": 1})
            assert str(holder.pid) in say(refused.value)
            assert "只能查看" in say(refused.value)
        with Workspace.open(folder) as cli_like:  # the command line does not take the lock: it may write
            assert not cli_like.read_only
    finally:
        holder.kill()
        holder.wait()


def test_a_read_only_window_stores_no_evidence(folder: Path, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    holder = hold_in_another_process(folder)
    try:
        with Workspace.open(folder, hold=True) as second:
            with pytest.raises(ReadOnlyWorkspace):
                second.evidence.attach(second.default_assessment().id, "001", [scan])
            with pytest.raises(ReadOnlyWorkspace):
                second.evidence.add_requirement(second.default_assessment().id, "001", "签到表")
    finally:
        holder.kill()
        holder.wait()
    assert not [p for p in (folder / "vault").rglob("*") if p.is_file()] if (folder / "vault").exists() else True


def test_the_lock_of_a_killed_window_is_taken_over(folder: Path) -> None:
    holder = hold_in_another_process(folder)
    assert holder_of(folder) is not None
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert holder_of(folder) is None
    with Workspace.open(folder, hold=True) as workspace:
        assert not workspace.read_only
        held = holder_of(folder)
        assert held is not None
        assert held.pid == os.getpid()
    assert holder_of(folder) is None  # closing releases it


def test_a_lock_is_held_by_one_taker_at_a_time(tmp_path: Path) -> None:
    first = acquire(tmp_path)
    second = acquire(tmp_path)
    assert not isinstance(first, type(second))  # one lock, one holder
    first.release()  # type: ignore[union-attr]


def test_workspace_status_reports_who_holds_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    holder = hold_in_another_process(folder)
    try:
        assert cli(["workspace", "status", "--workspace", str(folder), "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        assert status["open_by"]["pid"] == holder.pid
        assert status["open_by"]["user"]
        assert (status["read_only"], status["network_filesystem"], status["database"]) == (False, False, "ok")
        assert "last_backup" in status
    finally:
        holder.kill()
        holder.wait()
    assert cli(["workspace", "status", "--workspace", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["open_by"] is None


# --- what the person saw --------------------------------------------------------------------------


def test_a_write_against_a_score_changed_elsewhere_is_refused_with_the_current_value(folder: Path) -> None:
    with Workspace.open(folder) as window, Workspace.open(folder) as elsewhere:
        assessment = window.default_assessment().id
        seen = window.inputs(assessment).get("004")
        elsewhere.set_input(assessment, "004", {"score": 1})
        with pytest.raises(ChangedSince) as refused:
            window.set_input(assessment, "004", {"score": 0.5}, expected=seen)
        assert refused.value.values["current"] == {"score": 1}
        assert "004" in say(refused.value)
        assert "修改为 1 分" in say(refused.value)
        assert window.inputs(assessment)["004"] == {"score": 1}
        window.set_input(assessment, "004", {"score": 0.5}, expected={"score": 1})  # what is there now: saved
        assert elsewhere.inputs(assessment)["004"] == {"score": 0.5}


def test_a_note_changed_elsewhere_is_not_overwritten(folder: Path) -> None:
    with Workspace.open(folder) as window, Workspace.open(folder) as elsewhere:
        assessment = window.default_assessment().id
        elsewhere.set_note(assessment, "002", "局长已审")
        with pytest.raises(ChangedSince):
            window.set_note(assessment, "002", "草稿", expected="")
        assert window.notes(assessment)["002"] == "局长已审"


def test_an_export_reads_the_database_not_the_copy_a_window_keeps(folder: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from egov_desk.core.exports.score_sheet import write_score_sheet

    with Workspace.open(folder) as window, Workspace.open(folder) as elsewhere:
        assessment = window.default_assessment().id
        window.set_input(assessment, "004", {"score": 1})
        assert window.scores(assessment).total == 1  # the window's copy
        elsewhere.set_input(assessment, "008", {"score": 7})  # before the window's watch notices
        write_score_sheet(window, assessment, tmp_path / "sheet.xlsx")
    cells = [c for row in load_workbook(tmp_path / "sheet.xlsx").active.iter_rows() for c in row]
    total = next(c for c in cells if c.value == "合计")
    row = [c.value for c in cells if c.row == total.row]
    assert "8" in [str(v) for v in row if v is not None] or 8 in row


RACE = """
import sys, time
from egov_desk.core.workspace import Workspace
folder, code, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
workspace = Workspace.open(folder)
assessment = workspace.default_assessment().id
workspace.scores(assessment)
while time.time() < start:
    pass
workspace.set_input(assessment, code, {"score": 0.5})
print("saved")
"""


def test_two_processes_setting_the_first_score_of_an_item_at_once_both_succeed(folder: Path) -> None:
    for code in ("004", "008", "012"):
        start = time.time() + 1.5
        writers = [
            subprocess.Popen(
                [sys.executable, "-c", RACE, str(folder), code, str(start)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [w.communicate(timeout=60) for w in writers]
        assert [r[0].strip() for r in results] == ["saved", "saved"], [r[1] for r in results]
    with Workspace.open(folder) as workspace:
        assert len([e for e in workspace.audit() if e.action == "set_input"]) == 6


# --- damaged and missing databases ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"", "empty_database"),
        (b"this is not a database at all, it is junk" * 100, "not_sqlite"),
    ],
)
def test_a_damaged_database_is_refused_and_left_as_it_is(
    folder: Path, content: bytes, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    database = folder / "workspace.sqlite"
    database.write_bytes(content)
    before = files_of(folder)
    with pytest.raises(DamagedDatabase) as refused:
        Workspace.open(folder, hold=True)
    assert refused.value.kind == kind
    assert "没有改动" in say(refused.value)
    assert files_of(folder) == before
    assert cli(["workspace", "list", "--workspace", str(folder)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert files_of(folder) == before


def test_a_truncated_database_is_refused(folder: Path) -> None:
    with Workspace.open(folder) as workspace:  # enough data for several pages
        assessment = workspace.default_assessment().id
        for number in range(40):
            workspace.set_note(assessment, "001", "说明" * 200 + str(number))
    database = folder / "workspace.sqlite"
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedDatabase) as refused:
        Workspace.open(folder)
    assert refused.value.kind == "truncated_database"
    assert database.stat().st_size == len(data) // 2


def test_a_missing_database_beside_evidence_is_not_replaced_by_an_empty_workspace(folder: Path, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    with Workspace.open(folder) as workspace:
        workspace.evidence.attach(workspace.default_assessment().id, "001", [scan])
    for name in ("workspace.sqlite", "workspace.sqlite-wal", "workspace.sqlite-shm"):
        (folder / name).unlink(missing_ok=True)
    with pytest.raises(DamagedDatabase) as refused:
        Workspace.open(folder, hold=True)
    assert refused.value.kind == "missing_database"
    assert "1 个佐证材料文件" in say(refused.value)
    assert not (folder / "workspace.sqlite").exists()


# --- read-only media, full disks, network shares --------------------------------------------------


def test_a_workspace_on_read_only_media_can_be_read_and_exported_but_not_changed(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "stick", "16m") as stick:
        with Workspace.open(stick / "ws") as workspace:
            workspace.set_input(workspace.default_assessment().id, "004", {"score": 1})
        make_read_only(stick)
        with Workspace.open(stick / "ws", hold=True) as workspace:
            assert workspace.read_only
            assert workspace.access.reason == "media"
            assessment = workspace.default_assessment().id
            assert workspace.scores(assessment).total == 1
            with pytest.raises(ReadOnlyWorkspace) as refused:
                workspace.set_input(assessment, "005", {"yes": True})
            assert "不能写入" in say(refused.value)
            from egov_desk.core.exports.score_sheet import write_score_sheet

            write_score_sheet(workspace, assessment, tmp_path / "sheet.xlsx")
            assert (tmp_path / "sheet.xlsx").stat().st_size > 0


def test_creating_a_workspace_on_a_full_disk_leaves_nothing_behind(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "1m") as disk:
        fill(disk)
        with pytest.raises((WorkspaceError, OSError)):
            Workspace.open(disk / "new" / "ws")
        assert not (disk / "new").exists()


def write_until_refused(workspace: Workspace, assessment: int) -> WorkspaceError:
    for number in range(200):  # the WAL has some room left: write until it is used up
        try:
            workspace.set_note(assessment, "002", "很长的说明" * 500 + str(number))
        except WorkspaceError as refused:
            return refused
    raise AssertionError("200 long notes fitted on a full disk")


def test_a_write_on_a_full_disk_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "8m") as disk:
        with Workspace.open(disk / "ws") as workspace:
            assessment = workspace.default_assessment().id
            workspace.set_input(assessment, "004", {"score": 1})
            fill(disk)
            refused = write_until_refused(workspace, assessment)
            assert refused.kind == "disk_full"
            assert "磁盘已满" in say(refused)
            assert workspace.scores(assessment).total == 1  # reading still works
        (disk / "filler").unlink()
        with Workspace.open(disk / "ws") as workspace:
            assert workspace.inputs(workspace.default_assessment().id)["004"] == {"score": 1}


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//server/share /mnt/office cifs rw,vers=3.0 0 0
server:/export /srv/nfs\\040share nfs4 rw 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/mnt/office/考评/ws", True),
        ("/srv/nfs share/ws", True),
        ("/run/user/1000/gvfs/smb-share:server=s,share=x/ws", True),
        ("/home/user/ws", False),
        ("/mnt/officeX/ws", False),
    ],
)
def test_network_shares_are_told_from_the_mount_table(path: str, network: bool) -> None:
    assert (mount_type(Path(path), MOUNTS) in {"cifs", "nfs4", "fuse.gvfsd-fuse"}) is network


def test_the_test_machine_disk_is_not_a_network_share(tmp_path: Path) -> None:
    assert network_filesystem(tmp_path) is False


def test_a_tick_or_a_requirement_changed_elsewhere_is_not_overwritten(folder: Path, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    with Workspace.open(folder) as window, Workspace.open(folder) as elsewhere:
        assessment = window.default_assessment().id
        window.evidence.attach(assessment, "002", [scan])
        [requirement, *_] = window.evidence.item_evidence(assessment, "002").requirements
        elsewhere.evidence.set_checked(assessment, requirement.id, True)
        with pytest.raises(ChangedSince) as refused:  # the window still showed it unticked
            window.evidence.set_checked(assessment, requirement.id, True, expected=False)
        assert "修改为已核验" in say(refused.value)
        elsewhere.evidence.rename_requirement(requirement.id, "年度工作计划（正式印发稿）")
        with pytest.raises(ChangedSince):
            window.evidence.rename_requirement(requirement.id, "计划", expected=requirement.text)
        [now, *_] = window.evidence.item_evidence(assessment, "002").requirements
        assert now.text == "年度工作计划（正式印发稿）"


CREATE = """
import sys, time
from pathlib import Path
from egov_desk.core.workspace import Workspace
folder, start, done = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3])
while time.time() < start:
    pass
workspace = Workspace.open(folder, hold=True)
print("read_only" if workspace.read_only else "holding", len(workspace.assessments()), flush=True)
deadline = time.time() + 60
while not done.exists() and time.time() < deadline:  # both windows stay open until both have said how they opened
    time.sleep(0.05)
"""


def test_two_windows_starting_a_new_workspace_at_once_both_open_and_nothing_is_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    start = time.time() + 1.5
    done = tmp_path / "both-open"
    windows = [
        subprocess.Popen(
            [sys.executable, "-c", CREATE, str(folder), str(start), str(done)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    said = sorted(w.stdout.readline().strip() for w in windows if w.stdout is not None)
    done.touch()
    errors = [w.communicate(timeout=60)[1] for w in windows]
    assert said == ["holding 1", "read_only 1"], errors
    assert (folder / "workspace.sqlite").stat().st_size > 0
    with Workspace.open(folder) as workspace:
        assert len(workspace.assessments()) == 1


def test_the_assessments_details_changed_elsewhere_are_not_overwritten(folder: Path) -> None:
    with Workspace.open(folder) as window, Workspace.open(folder) as elsewhere:
        assessment = window.default_assessment()
        elsewhere.update_assessment(assessment.id, unit="市教育局")
        with pytest.raises(ChangedSince) as refused:
            window.update_assessment(assessment.id, expected={"unit": assessment.unit}, unit="市统计局")
        assert "单位：市教育局" in say(refused.value)
        assert window.assessment(assessment.id).unit == "市教育局"


def test_a_workspace_on_a_network_share_opens_read_only_from_a_copy(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import egov_desk.core.opening as opening

    with Workspace.open(folder) as workspace:
        workspace.set_input(workspace.default_assessment().id, "004", {"score": 2})
    monkeypatch.setattr(opening, "network_filesystem", lambda _folder: True)  # as /proc/mounts would say of cifs
    monkeypatch.setattr(opening, "mount_type", lambda _folder: "cifs")
    before = files_of(folder)
    with Workspace.open(folder, hold=True) as shared:
        assert shared.access.reason == "network"
        assert shared.inputs(shared.default_assessment().id)["004"] == {"score": 2}
        with pytest.raises(ReadOnlyWorkspace) as refused:
            shared.set_note(shared.default_assessment().id, "004", "说明")
        assert "网络共享文件夹" in say(refused.value)
        assert "cifs" in say(refused.value)
    assert files_of(folder) == before  # not even a lock file or a WAL index written there
