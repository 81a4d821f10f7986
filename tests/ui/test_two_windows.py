"""One workspace, two windows: the first writes, the second reads under a banner naming the first; a value
changed elsewhere is never overwritten; a damaged workspace is explained and its backup offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from egov_desk.core.backups import create_backup
from egov_desk.core.workspace import Workspace
from egov_desk.ui import opening
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.several_people import KEEP
from tests.ui.helpers import choose, score_sheet_with


def open_window(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_second_window_on_a_workspace_is_read_only_with_a_banner(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ws"
    with Workspace.open(folder, hold=True) as first, Workspace.open(folder, hold=True) as second:
        assert not first.read_only
        assert second.read_only
        window = open_window(qtbot, second)
        banner = window.read_only_banner
        assert banner.isVisible()
        assert "只能查看" in banner.text()
        assert first.access.lock is not None
        assert first.access.lock.holder.user in banner.text()
        assert window.windowTitle().startswith("[只读]")
        window.select_item("004")
        assert window.panel.editor is not None
        assert not window.panel.editor.isEnabled()
        assert window.panel.note.isReadOnly()
        assert not window.panel.evidence.add_files.isEnabled()

        first.set_input(first.default_assessment().id, "004", {"score": 2})  # the writing window saves
        qtbot.waitUntil(lambda: window.inputs.get("004") == {"score": 2}, timeout=3000)  # the reader sees it


def test_a_writing_window_has_no_banner(window: MainWindow) -> None:
    assert not window.read_only_banner.isVisible()
    assert not window.windowTitle().startswith("[只读]")


def test_a_score_changed_elsewhere_is_not_overwritten_by_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assessment = window.assessment.id
    window.select_item("004")
    with Workspace.open(window.workspace.folder) as elsewhere:  # the CLI, between two ticks of the watch
        window.watch_timer.stop()
        elsewhere.set_input(assessment, "004", {"score": 3})
        window.edit_input("004", {"score": 1})  # the window still shows "no score"
        said = choose(window, qtbot, KEEP)  # 保留新值
        assert "004 的得分已被 " in said
        assert "修改为 3 分，您的修改未保存" in said
        assert elsewhere.inputs(assessment)["004"] == {"score": 3}
        qtbot.waitUntil(lambda: window.inputs.get("004") == {"score": 3}, timeout=3000)
        assert window.undo_stack.count() == 0


def test_a_damaged_workspace_is_explained_and_its_latest_backup_restored(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_input(workspace.default_assessment().id, "004", {"score": 2})
    create_backup(folder / "workspace.sqlite", "manual")
    for name in ("workspace.sqlite-wal", "workspace.sqlite-shm"):
        (folder / name).unlink(missing_ok=True)
    (folder / "workspace.sqlite").write_bytes(b"")  # a copy that went wrong
    seen: list[str] = []

    def click_restore() -> None:
        if not opening.last_question:
            QTimer.singleShot(20, click_restore)
            return
        box = opening.last_question[0]
        seen.append(box.text())
        texts = {b.text(): b for b in box.buttons()}
        (texts.get("恢复最近的备份") or box.buttons()[-1]).click()  # never leave the test hanging on a box

    QTimer.singleShot(20, click_restore)
    workspace = opening.open_for_window(None, folder)
    assert workspace is not None
    try:
        assert "空文件" in seen[0]
        assert workspace.inputs(workspace.default_assessment().id)["004"] == {"score": 2}
        assert not workspace.read_only
    finally:
        workspace.close()


def test_a_damaged_workspace_without_a_backup_is_left_alone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workspace.sqlite").write_bytes(b"junk" * 100)
    seen: list[str] = []

    def close() -> None:
        if not opening.last_question:
            QTimer.singleShot(20, close)
            return
        box = opening.last_question[0]
        seen.extend(b.text() for b in box.buttons())
        box.buttons()[-1].click()

    QTimer.singleShot(20, close)
    assert opening.open_for_window(None, folder) is None
    assert seen == ["关闭"]  # nothing to restore: only Close
    assert (folder / "workspace.sqlite").read_bytes() == b"junk" * 100


def test_when_the_holder_closes_the_read_only_window_offers_to_reopen_for_editing(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.ui.shell import Shell

    folder = tmp_path / "ws"
    first = Workspace.open(folder, hold=True)
    second = Workspace.open(folder, hold=True)
    shell = Shell(qapp, second)
    window = shell.show()
    qtbot.waitExposed(window)
    try:
        assert second.read_only
        first.close()  # the other window quits
        window.check_for_changes()
        assert "重新打开以便修改" in window.read_only_banner.text()
        assert window.read_only_banner.text().startswith("<b>只读：</b>")
        window.read_only_banner.linkActivated.emit("reopen")
        assert shell.window is not window
        assert not shell.workspace.read_only
        assert not shell.window.read_only_banner.isVisible()
    finally:
        if shell.window is not None:
            shell.window.close()
        shell.workspace.close()


def test_a_score_sheet_import_does_not_overwrite_a_score_changed_after_its_preview(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assessment = window.assessment.id
    path = score_sheet_with(window, tmp_path, "004", 2.5)
    window.watch_timer.stop()
    box = window.exports.import_sheet(path)
    assert box is not None
    with Workspace.open(window.workspace.folder) as elsewhere:  # while the person reads the preview
        elsewhere.set_input(assessment, "004", {"score": 1})
    next(b for b in box.buttons() if b.text() == "应用").click()
    said = choose(window, qtbot, KEEP)  # one item's score: the sheet's value offered again, the new one kept
    assert "004 的得分已被 " in said
    assert "修改为 1 分" in said
    assert window.workspace.inputs(assessment)["004"] == {"score": 1}
    assert window.inputs["004"] == {"score": 1}  # shown at once


OFFER_RESTORE = """
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from egov_desk.ui import opening
from egov_desk.ui.app import create_app

app = create_app(["egov-desk"], "zh_CN")
seen = []


def close() -> None:
    if not opening.last_question:
        QTimer.singleShot(20, close)
        return
    box = opening.last_question[0]
    seen.append(box.informativeText())
    seen.extend(b.text() for b in box.buttons())
    box.buttons()[-1].click()


QTimer.singleShot(20, close)
print(opening.open_for_window(None, Path(sys.argv[1])) is None)
print("|".join(seen))
"""


def test_a_damaged_workspace_on_a_network_share_is_not_offered_a_restore_there(tmp_path: Path) -> None:
    import sys

    from tests.core.test_backups_cli import files_in, seeing_a_network_share

    folder = tmp_path / "share" / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_input(workspace.default_assessment().id, "004", {"score": 2})
    create_backup(folder / "workspace.sqlite", "manual")
    for name in ("workspace.sqlite-wal", "workspace.sqlite-shm"):
        (folder / name).unlink(missing_ok=True)
    (folder / "workspace.sqlite").write_bytes(b"")  # a copy that went wrong
    before = files_in(folder)

    done = seeing_a_network_share(tmp_path / "share", [sys.executable, "-c", OFFER_RESTORE, str(folder)])

    assert done.returncode == 0, done.stderr
    opened, seen = done.stdout.strip().splitlines()
    assert opened == "True"
    assert "工作区在网络共享文件夹上（cifs）" in seen
    assert "请把工作区文件夹复制到本机磁盘后打开副本" in seen
    assert seen.endswith("|关闭")
    assert "恢复最近的备份" not in seen  # no restore offered over the share
    assert files_in(folder) == before
