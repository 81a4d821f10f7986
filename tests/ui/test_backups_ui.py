"""File → 备份工作区… / 从备份恢复… in the real window; the daily backup; backups before the window's imports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from egov_desk.core.backups import create_backup, list_backups
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.shell import Shell
from tests.core.test_evidence import PDF, make, sha


def reasons(folder: Path) -> list[str]:
    return [info.reason for info in list_backups(folder) if info.reason != "open"]


def test_the_file_menu_backs_the_workspace_up_and_says_where(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    assert window.menu_actions.backup_action in window.menuBar().actions()[0].menu().actions()
    window.menu_actions.backup_action.trigger()
    [made] = [info for info in list_backups(window.workspace.folder) if info.reason == "manual"]
    box = window.last_message
    assert box is not None
    assert box.isVisible()
    assert str(made.path) in box.informativeText()
    box.close()


def test_restoring_from_the_list_goes_back_reopens_and_names_missing_evidence(
    shell: Shell, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = shell.window
    assert window is not None
    workspace = window.workspace
    lost = PDF + b"lost"
    workspace.evidence.attach(1, "028", [make(tmp_path / "in", "排名通报.pdf", lost)])
    workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(workspace.folder / "workspace.sqlite", "manual")
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    (workspace.folder / "vault" / sha(lost)[:2] / sha(lost)).unlink()

    dialog = window.backups.restore()
    assert dialog is not None
    rows = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    row = next(r for r in range(len(dialog.found)) if dialog.found[r].path == backup.path)
    assert dialog.table.item(row, 3).text() == f"{backup_total(backup.path)} / 100"
    assert len(rows) == len(dialog.found)
    dialog.table.selectRow(row)
    question = dialog.restore_chosen()
    assert question is not None
    restore = next(b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    restore.click()

    qtbot.waitUntil(lambda: shell.window is not window)
    reopened = shell.window
    assert reopened is not None
    assert reopened.workspace.inputs(1) == {"005": {"yes": True}}
    assert reopened.gauge.total_text == f"{reopened.workspace.scores(1).total:.2f} / 100"
    report = reopened.backups.last_report
    assert report is not None
    assert [m.sha256 for m in report.missing] == [sha(lost)]
    said = reopened.last_message
    assert said is not None
    assert "028: 排名通报.pdf" in said.informativeText()
    assert "before-restore" in reasons(workspace.folder)
    said.close()


def backup_total(path: Path) -> str:
    [info] = [b for b in list_backups(path.parent) if b.path == path]
    assert info.total is not None
    return f"{info.total:.2f}"


def test_a_backup_that_cannot_be_restored_leaves_the_workspace_open_as_it_was(shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = shell.window
    assert window is not None
    window.workspace.set_input(1, "005", {"yes": True})
    folder = window.workspace.folder
    bad = folder / "backups" / "workspace-manual-20191205-101010-000000.sqlite"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"not a database" * 100)
    [info] = [b for b in list_backups(folder) if b.path == bad]

    window.backups.restore_now(info)

    now = shell.window
    assert now is not None
    assert now.workspace.inputs(1) == {"005": {"yes": True}}
    assert now.last_message is not None
    assert bad.name in now.last_message.informativeText()


def test_the_daily_backup_runs_while_the_window_is_open_once_a_day(window: MainWindow) -> None:
    window.runner.synchronous = True
    assert window.backups.daily.isActive()
    assert window.backups.daily.parent() is window.backups
    window.backups.daily_backup()
    window.backups.daily_backup()
    assert reasons(window.workspace.folder) == ["daily"]


def test_the_windows_imports_back_the_workspace_up_first(
    window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    from egov_desk.core.exports.score_sheet import write_score_sheet
    from egov_desk.ui.dialogs.import_wizard import ImportWizard

    window.runner.synchronous = True
    window.menu_actions.import_action.trigger()  # File → Import indicator table…
    [wizard] = window.findChildren(ImportWizard)
    wizard.close()
    assert reasons(workspace.folder) == ["before-import"]

    sheet = tmp_path / "表.xlsx"
    write_score_sheet(workspace, 1, sheet)
    box = window.backups.import_sheet(sheet)
    assert box is not None
    box.close()
    assert sorted(reasons(workspace.folder)) == ["before-import", "before-score-import"]


# --- a read-only window writes nothing; a restore keeps the lock and never leaves the window broken -----------


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_read_only_window_makes_no_backup_and_restores_none(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.ui.dialogs.backups import RestoreDialog

    folder = tmp_path / "ws"
    with Workspace.open(folder, hold=True) as first, Workspace.open(folder, hold=True) as second:
        create_backup(folder / "workspace.sqlite", "manual")
        assert second.read_only
        window = MainWindow(second)
        qtbot.addWidget(window)
        window.show()
        window.runner.synchronous = True
        before = files_in(folder / "backups")

        assert not window.backups.daily.isActive()  # no daily backup written into the holder's folder
        assert window.backups.daily_backup() is None
        for action, slot in (
            (window.menu_actions.backup_action, window.backups.create_now),
            (window.menu_actions.restore_action, window.backups.restore),
        ):
            assert not action.isEnabled()  # not offered; and if reached another way, explained
            window.last_message = None
            slot()
            said = window.last_message
            assert said is not None
            assert "本窗口只能查看" in said.informativeText()  # why, in the UI's language
            assert first.access.lock is not None
            assert first.access.lock.holder.user in said.informativeText()
            said.close()
        assert window.findChildren(RestoreDialog) == []
        assert window.backups.before("score-import") is False
        assert "本窗口只能查看" in window.backups.last_error
        assert files_in(folder / "backups") == before
        window.close()


@pytest.fixture
def held_shell(qapp: QApplication, tmp_path: Path) -> Iterator[Shell]:
    """The shell as the app starts it: its window holds the workspace's lock."""
    the_shell = Shell(qapp, Workspace.open(tmp_path / "held", hold=True))
    the_shell.show()
    yield the_shell
    the_shell.close()


def test_a_restore_keeps_the_windows_lock_so_no_other_window_takes_it_meanwhile(held_shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from egov_desk.core.lock import WorkspaceLock, acquire

    shell = held_shell
    window = shell.window
    assert window is not None
    assert window.workspace.access.lock is not None
    folder = window.workspace.folder
    window.workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(folder / "workspace.sqlite", "manual")
    window.workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    held = window.workspace.access.lock
    grabbed: list[WorkspaceLock] = []
    stop = threading.Event()

    def another_window() -> None:  # tries to take the workspace all through the restore
        while not stop.is_set() and not grabbed:
            got = acquire(folder)
            if isinstance(got, WorkspaceLock):
                grabbed.append(got)

    thread = threading.Thread(target=another_window)
    thread.start()
    try:
        [info] = [b for b in list_backups(folder) if b.path == backup.path]
        report = window.backups.restore_now(info)
    finally:
        stop.set()
        thread.join()
        for lock in grabbed:
            lock.release()
    assert grabbed == []
    reopened = shell.window
    assert reopened is not None
    assert report is not None
    assert not reopened.workspace.read_only
    assert reopened.workspace.access.lock is held
    assert reopened.workspace.inputs(1) == {"005": {"yes": True}}


def test_a_restored_backup_that_cannot_be_opened_gives_the_state_before_back(held_shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    from contextlib import closing

    shell = held_shell
    window = shell.window
    assert window is not None
    folder = window.workspace.folder
    window.workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(folder / "workspace.sqlite", "manual")
    with closing(sqlite3.connect(backup.path)) as db:  # it says 0002, but holds 0003's columns: the upgrade fails
        db.execute("UPDATE alembic_version SET version_num = '0002'")
        db.commit()
    window.workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    [info] = [b for b in list_backups(folder) if b.path == backup.path]

    assert window.backups.restore_now(info) is None  # nothing escapes the slot

    now = shell.window
    assert now is not None
    assert not now.workspace.read_only
    assert now.workspace.inputs(1) == {"005": {"yes": True}, "021": {"numerator": 7, "denominator": 9}}
    said = now.last_message
    assert said is not None
    assert "恢复失败" in said.informativeText()
    assert "工作区已回到恢复之前的状态" in said.informativeText()
    said.close()
