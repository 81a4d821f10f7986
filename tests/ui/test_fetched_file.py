"""A file that must be copied before it is shown or opened (from a server's database into this PC's cache, or a
large scan copied under its own name) reaches the preview or the system's program once copied: closing the
progress dialog when the copy is done is not the person's 取消."""

from __future__ import annotations

from pathlib import Path

from egov_desk.ui.evidence_copies import AT_ONCE, EvidenceCopies
from egov_desk.ui.main_window import MainWindow


def test_a_large_scan_copied_under_its_own_name_is_handed_on_once_copied(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    assessment = window.assessment.id
    scan = tmp_path / "大扫描件.pdf"
    with scan.open("wb") as out:
        out.truncate(AT_ONCE + 1)  # over the size opened at once: copied off the UI thread
    window.workspace.evidence.attach(assessment, "021", [scan])
    [file] = window.workspace.evidence.files(assessment, "021")
    copies = window.findChild(EvidenceCopies)
    assert copies is not None
    assert not copies.at_once(file, readable=True)
    handed: list[Path] = []
    failures: list[BaseException] = []
    copies.fetch(file, handed.append, failures.append, readable=True)
    qtbot.waitUntil(lambda: bool(handed or failures), timeout=20000)
    assert failures == []
    assert handed[0].name == "大扫描件.pdf"
    assert handed[0].stat().st_size == AT_ONCE + 1
