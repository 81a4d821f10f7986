"""A background job of the window that commits as it goes (an attach) is not taken for changes made elsewhere: the
window does not read the workspace again on each of its commits, and what was changed elsewhere meanwhile is shown
once the job has ended."""

from __future__ import annotations

import threading
from pathlib import Path

from egov_desk.core.workspace import Workspace
from egov_desk.ui.evidence_search.ocr_runner import OcrRunner
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.ops import Progress


def test_a_writing_job_is_not_a_change_made_elsewhere_and_what_was_is_shown_after_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    window.watch_timer.stop()  # the test looks for changes itself
    assessment = window.assessment.id
    release = threading.Event()

    def work(_progress: Progress) -> None:
        release.wait(10)

    job = window.runner.start(work, lambda _result: None, lambda _error: None, writes=True)
    with Workspace.open(window.workspace.folder) as elsewhere:  # the CLI, while the job runs
        elsewhere.set_input(assessment, "004", {"score": 3})
    assert window.runner.writing()
    assert not window.check_for_changes().scores
    assert "004" not in window.inputs

    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    assert not window.runner.writing()
    assert [change.code for change in window.check_for_changes().scores] == ["004"]
    assert window.inputs["004"] == {"score": 3}


def test_attaching_runs_as_a_writing_job(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(1024))
    window.select_item("004")
    job = window.evidence_actions.attach([scan], None)
    assert job is not None
    assert job.writes
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert window.evidence_actions.last_report is not None
    assert [file.name for file in window.evidence_actions.last_report.added] == ["扫描件.pdf"]


def test_the_text_reader_does_not_start_while_files_are_being_attached(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(OcrRunner, "automatic", True)  # as for a person
    reader = window.evidence_search.ocr
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(1024))
    window.workspace.evidence.attach(window.assessment.id, "004", [scan])  # text waiting to be read
    assert reader.pending() > 0
    release = threading.Event()
    job = window.runner.start(
        lambda _progress: release.wait(10), lambda _result: None, lambda _error: None, writes=True
    )
    reader._look_again()  # what its timer does
    assert not reader.running
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
