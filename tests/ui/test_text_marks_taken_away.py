"""A checklist mark that no longer holds is taken away, the file's tooltip as it was; a row never marked is left as
the checklist made it."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.evidence_text.ocr_engine import RapidEngine
from egov_desk.core.evidence_text.worker import work_queue
from egov_desk.core.workspace import Workspace
from tests.core.evidence_text_files import text_pdf
from tests.ui.helpers import shown_window
from tests.ui.test_text_findings import LETTER, file_row


def test_a_mark_that_no_longer_holds_is_taken_away_and_the_tooltip_is_as_it_was(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = workspace.default_assessment().id
    letter = text_pdf(tmp_path / "来函.pdf", [LETTER])
    own = text_pdf(tmp_path / "本单位总结.pdf", [["本单位文件", "年度工作总结", "本单位", "2019年12月5日"]])
    workspace.evidence.attach(assessment, "007", [letter, own])
    work_queue(workspace, RapidEngine())
    window = shown_window(qtbot, workspace)
    window.select_item("007")
    fine = file_row(window, "本单位总结.pdf")
    assert fine.icon(0).isNull()
    assert "SHA-256" in fine.toolTip(0)
    flagged = file_row(window, "来函.pdf")
    assert not flagged.icon(0).isNull()
    marked_tip = flagged.toolTip(0)

    monkeypatch.setattr(type(workspace.evidence_text), "findings", lambda *_args: [])  # e.g. the text read again
    window.evidence_search.ocr.text_read.emit()
    assert flagged.icon(0).isNull()
    assert "SHA-256" in flagged.toolTip(0)
    assert flagged.toolTip(0) != marked_tip
    assert "某某市交通运输局" not in flagged.toolTip(0)
