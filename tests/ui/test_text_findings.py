"""The evidence text's checks in the window: in the item's checklist a file whose text carries a date outside the
assessed year or another unit's name has a warning mark and a tooltip saying each finding with its page — a scan
too, marked (and listed in the worklist) when the OCR worker — the real one, in its own process — has read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem

from egov_desk.core.evidence_text.ocr_engine import RapidEngine
from egov_desk.core.evidence_text.worker import work_queue
from egov_desk.core.worklist import TEXT_FINDING, worklist
from egov_desk.core.workspace import Workspace
from egov_desk.ui.evidence_search.ocr_runner import OcrRunner
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.panels.checklist_tree import FileRole
from egov_desk.ui.panels.worklist_view import worklist_html
from tests.core.evidence_text_files import page_image, scanned_pdf, text_pdf
from tests.ui.helpers import shown_window
from tests.ui.test_evidence_ui import drop

LETTER = ["某某市交通运输局文件", "关于报送统计数据的通知", "各单位：请按时报送材料。", "某某市交通运输局", "2016年5月"]
OCR_TIMEOUT_MS = 120_000  # the worker loads its models, then reads


def file_row(window: MainWindow, name: str) -> QTreeWidgetItem:
    tree = window.panel.evidence.tree
    for number in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(number)
        assert parent is not None
        for child in range(parent.childCount()):
            row = parent.child(child)
            if row is not None and row.data(0, FileRole) is not None and row.data(0, FileRole).name == name:
                return row
    raise AssertionError(f"{name} is not in the checklist")


def test_a_file_whose_text_is_another_units_dated_letter_is_marked_and_its_tooltip_says_why(
    qtbot, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assessment = workspace.default_assessment().id
    letter = text_pdf(tmp_path / "来函.pdf", [["说明", "正文"], LETTER])
    own = text_pdf(tmp_path / "本单位总结.pdf", [["本单位文件", "年度工作总结", "本单位", "2019年12月5日"]])
    workspace.evidence.attach(assessment, "007", [letter, own])
    work_queue(workspace, RapidEngine())
    window = shown_window(qtbot, workspace)
    window.select_item("007")

    marks = window.text_findings
    flagged, fine = file_row(window, "来函.pdf"), file_row(window, "本单位总结.pdf")
    assert not flagged.icon(0).isNull()
    assert fine.icon(0).isNull()
    tip = flagged.toolTip(0)
    found = workspace.evidence_text.findings(assessment, "007")
    assert [marks.said(f) for f in found] == [
        marks.tr("Page %1: %2 is outside the assessed year (%3)")
        .replace("%1", "2")
        .replace("%2", "2016年5月")
        .replace("%3", "2019"),
        marks.tr("Page %1: may be another unit's material: %2").replace("%1", "2").replace("%2", "某某市交通运输局"),
    ]
    assert all(marks.said(f) in tip for f in found)
    assert "SHA-256" in tip  # what the tooltip said before stays below the findings
    assert "2016年5月" not in fine.toolTip(0)

    window.panel.evidence.tree.setCurrentItem(flagged)  # reached by the keyboard: the status bar says it
    assert "某某市交通运输局" in window.statusBar().currentMessage()
    assert "来函.pdf" in window.statusBar().currentMessage()

    page = worklist_html(worklist(workspace, assessment), "待办清单")  # printed as the worklist shows it
    assert "材料内容存疑" in page
    assert "来函.pdf 第 2 页：可能是其他单位的材料：某某市交通运输局" in page


def test_a_scan_of_another_units_letter_is_marked_and_listed_once_the_ocr_worker_has_read_it(
    qtbot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(OcrRunner, "automatic", True)  # as for a person: attaching starts the reading
    window = shown_window(qtbot, workspace)
    window.runner.synchronous = True
    window.select_item("007")
    cover = page_image(tmp_path / "cover.png", ["本单位", "政务公开工作材料"])
    scan = scanned_pdf(tmp_path / "交通局来函.pdf", [cover, page_image(tmp_path / "letter.png", LETTER)])
    drop(window, [scan], row=0)
    ocr = window.evidence_search.ocr
    assert file_row(window, "交通局来函.pdf").icon(0).isNull()  # not read yet: nothing to say
    view = window.worklist  # the worklist tab, looked at while the scan is read
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: not view.reading and view.work is not None, timeout=10_000)
    assert not view.model.index_of(TEXT_FINDING, "007").isValid()

    qtbot.waitUntil(lambda: ocr.running, timeout=5_000)
    qtbot.waitUntil(lambda: not ocr.running and ocr.last is not None, timeout=OCR_TIMEOUT_MS)
    assert ocr.last is not None
    assert ocr.last.done == 1

    row = file_row(window, "交通局来函.pdf")
    assert not row.icon(0).isNull()
    assert "2016年5月" in row.toolTip(0)
    assert "某某市交通运输局" in row.toolTip(0)
    qtbot.waitUntil(lambda: view.model.index_of(TEXT_FINDING, "007").isValid(), timeout=10_000)  # the worker's writes


def test_the_marks_follow_the_text_the_moment_the_ocr_worker_ends(qtbot, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, workspace)
    window.runner.synchronous = True
    window.select_item("007")
    workspace.evidence.attach(workspace.default_assessment().id, "007", [text_pdf(tmp_path / "来函.pdf", [LETTER])])
    window.panel.evidence.show_evidence(workspace.evidence.item_evidence(workspace.default_assessment().id, "007"))
    assert file_row(window, "来函.pdf").icon(0).isNull()
    work_queue(workspace, RapidEngine())  # what the worker process does

    window.evidence_search.ocr.text_read.emit()  # as it does when the worker ends having read text
    assert not file_row(window, "来函.pdf").icon(0).isNull()


def test_a_long_list_of_findings_names_the_first_few_and_counts_the_rest(
    qtbot, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assessment = workspace.default_assessment().id
    workspace.evidence.attach(assessment, "007", [text_pdf(tmp_path / "来函汇编.pdf", [LETTER] * 10)])
    work_queue(workspace, RapidEngine())
    window = shown_window(qtbot, workspace)
    window.select_item("007")

    marks = window.text_findings
    tip = file_row(window, "来函汇编.pdf").toolTip(0)
    assert marks.tr("…and %n more", "", 12) in tip  # 20 findings: two on each of 10 pages, 8 said
    found = workspace.evidence_text.findings(assessment, "007")
    assert [marks.said(f) in tip for f in found] == [True] * 8 + [False] * 12
