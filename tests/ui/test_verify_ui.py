"""File → Check the evidence files… in the real window: what is missing or damaged by item and name, unused files
cleaned only after the question is answered yes, no cleaning offered in a read-only window; and an attach that
repaired a damaged stored copy says so."""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QPushButton

from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.verify import VerifyDialog, data_size
from egov_desk.ui.main_window import MainWindow
from tests.ui.helpers import answer

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def scan(folder: Path, name: str, data: bytes = PDF) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def stored(workspace: Workspace, data: bytes) -> Path:
    import hashlib

    return workspace.evidence.vault.path_of(hashlib.sha256(data).hexdigest())


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01
    path.write_bytes(bytes(data))


def make_orphan(workspace: Workspace, tmp_path: Path, data: bytes) -> Path:
    """Bytes in the vault that no evidence uses any more (attached, then taken off), written an hour ago."""
    workspace.evidence.attach(1, "028", [scan(tmp_path / "orphan", "旧通报.pdf", data)])
    [file] = [f for f in workspace.evidence.files(1) if f.size == len(data)]
    workspace.evidence.unlink(file.links[0][0])
    path = stored(workspace, data)
    then = time.time() - 3600
    os.utime(path, (then, then))
    return path


def check(window: MainWindow) -> VerifyDialog:
    window.runner.synchronous = True
    window.menu_actions.verify_evidence_action.trigger()
    dialog = window.evidence_check.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_the_check_says_all_is_well_when_every_file_is_intact(window: MainWindow, tmp_path: Path) -> None:
    window.workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")])

    dialog = check(window)

    assert dialog.summary.text() == dialog.tr("All is well: the %n stored file(s) are all present and intact.", "", 1)
    assert not dialog.details.isVisible()
    assert not dialog.clean_button.isVisible()


def test_a_damaged_and_a_missing_file_are_named_with_their_items(window: MainWindow, tmp_path: Path) -> None:
    book = window.workspace.evidence
    book.attach(1, "002", [scan(tmp_path, "工作计划.pdf")])
    book.attach(1, "028", [scan(tmp_path, "排名通报.pdf", PDF + b"rank")])
    book.attach(1, "005", [scan(tmp_path, "系统清单.pdf", PDF + b"fine")])
    flip_a_byte(stored(window.workspace, PDF))
    stored(window.workspace, PDF + b"rank").unlink()

    dialog = check(window)

    lines = dialog.details.toPlainText().splitlines()
    assert lines == [
        f"{dialog.tr('Missing')}  028  排名通报.pdf",
        f"{dialog.tr('Damaged')}  002  工作计划.pdf",
    ]
    assert dialog.summary.text().startswith(
        dialog.tr("%1 of %2 stored files are missing, %3 damaged.")
        .replace("%1", "1")
        .replace("%2", "3")
        .replace("%3", "1")
    )
    assert dialog.advice.isVisible()
    restore_menu = re.sub(r"\(&\w\)|&", "", window.menu_actions.restore_action.text())  # as the menu says it
    assert restore_menu in dialog.advice.text()


def test_unused_files_are_kept_when_the_question_is_answered_no(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    orphan = make_orphan(window.workspace, tmp_path, PDF + b"orphan")
    dialog = check(window)
    assert dialog.clean_button.isVisible()

    dialog.clean_button.click()
    said = answer(window, qtbot, window.evidence_check.tr("Keep them"))

    assert data_size(len(PDF + b"orphan")) in said
    assert orphan.exists()
    assert window.workspace.evidence.verify().orphans == [orphan.name]


def test_unused_files_are_removed_once_the_question_is_answered_yes(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.workspace.evidence.attach(1, "002", [scan(tmp_path, "在用.pdf")])
    orphan = make_orphan(window.workspace, tmp_path, PDF + b"orphan")
    dialog = check(window)
    summary = dialog.summary.text()
    assert data_size(len(PDF + b"orphan")) in summary

    dialog.clean_button.click()
    answer(window, qtbot, window.evidence_check.tr("Clean up"))

    assert not orphan.exists()
    assert stored(window.workspace, PDF).exists()  # evidence in use stays
    removed = window.evidence_check.tr("Removed %n unused file(s), freeing %1.", "", 1).replace(
        "%1", data_size(len(PDF + b"orphan"))
    )
    assert dialog.summary.text().startswith(removed)
    assert not dialog.clean_button.isVisible()
    assert window.workspace.evidence.verify().unused == 0


def test_a_read_only_window_checks_but_offers_no_cleaning(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ws"
    with Workspace.open(folder, hold=True) as first, Workspace.open(folder, hold=True) as second:
        assert second.read_only
        orphan = make_orphan(first, tmp_path, PDF + b"orphan")
        window = MainWindow(second)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)

        dialog = check(window)

        assert window.evidence_check.last_report is not None
        assert window.evidence_check.last_report.orphans == [orphan.name]
        assert not dialog.clean_button.isVisible()
        assert window.evidence_check.ask_clean() is None
        assert orphan.exists()


def test_adding_the_original_again_says_it_repaired_the_damaged_copy(window: MainWindow, tmp_path: Path) -> None:
    window.runner.synchronous = True
    original = scan(tmp_path, "工作计划.pdf")
    window.select_item("002")
    window.evidence_actions.attach([original], None)
    assert window.evidence_actions.last_notice == ""
    flip_a_byte(stored(window.workspace, PDF))

    window.evidence_actions.attach([original], None)

    notice = window.evidence_actions.last_notice
    assert notice.splitlines() == [window.evidence_actions.tr("Repaired the damaged stored copy of:"), "• 工作计划.pdf"]
    assert window.workspace.evidence.verify().ok


def test_a_file_that_could_not_be_stored_is_explained_in_chinese(window: MainWindow, tmp_path: Path) -> None:
    window.runner.synchronous = True
    window.select_item("002")

    window.evidence_actions.attach([tmp_path / "不存在.pdf"], None)

    assert "• 不存在.pdf：未能存入佐证材料库（文件不存在）" in window.evidence_actions.last_notice.splitlines()


def test_the_check_runs_off_the_ui_thread_and_reports_when_done(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")])
    window.runner.synchronous = False

    job = window.evidence_check.check()

    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    dialog = window.evidence_check.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert window.evidence_check.last_report is not None
    assert window.evidence_check.last_report.checked == 1


def test_a_check_cancelled_from_its_progress_dialog_shows_no_result(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")])
    window.runner.synchronous = False
    release = threading.Event()
    for _busy in range(window.runner.pool.maxThreadCount()):  # the check waits for a free worker
        window.runner.start(lambda _progress: release.wait(10), lambda _result: None, lambda _error: None)

    job = window.evidence_check.check()
    window.findChild(QProgressDialog).findChild(QPushButton).click()  # the person presses Cancel
    release.set()

    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert window.evidence_check.dialog is None
    assert window.evidence_check.last_report is None
    assert window.statusBar().currentMessage() == window.evidence_check.tr("The check was cancelled.")
