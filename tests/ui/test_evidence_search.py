"""The evidence text in the window: the OCR worker process reads a Chinese scan in the background with its
progress in the status bar, and the search box's 材料内容 scope finds it and opens the preview at the page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.preview import ImagePreview, PdfPreview, PreviewDialog
from egov_desk.ui.evidence_search.desk import EvidenceSearch
from egov_desk.ui.evidence_search.ocr_runner import OcrRunner
from egov_desk.ui.evidence_search.scope import EVIDENCE, INDICATORS
from egov_desk.ui.evidence_search.worker_process import Ended, Step
from egov_desk.ui.language import ui_language
from egov_desk.ui.main_window import MainWindow
from tests.ui.helpers import shown_window
from tests.ui.test_evidence_ui import drop
from tests.ui.test_preview_pages import pdf_with_pages, press, yellow

OCR_TIMEOUT_MS = 120_000  # the worker loads its models, then reads


def chinese_scan(path: Path, lines: tuple[str, ...] = ("关于网站建设情况的通知", "政务公开工作总结报告")) -> Path:
    """A scanned page: black Chinese text on white, as a scanner at 150 dpi gives it."""
    image = QImage(1240, 1754, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(56)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    for number, line in enumerate(lines):
        painter.drawText(120, 260 + number * 140, line)
    painter.end()
    image.save(str(path))
    return path


def broken_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 200)
    return path


@pytest.fixture(autouse=True)
def reading_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the worker starting by itself, as it does for a person."""
    monkeypatch.setattr(OcrRunner, "automatic", True)


@pytest.fixture
def desk(window: MainWindow) -> EvidenceSearch:
    return window.evidence_search


def read_to_the_end(desk: EvidenceSearch, qtbot) -> Ended:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: desk.ocr.running, timeout=5_000)
    qtbot.waitUntil(lambda: not desk.ocr.running and desk.ocr.last is not None, timeout=OCR_TIMEOUT_MS)
    assert desk.ocr.last is not None
    return desk.ocr.last


def test_a_scan_dropped_on_a_requirement_is_read_in_the_background_and_the_status_bar_says_so(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    loaded = set(sys.modules)  # another test file of the same run may have read OCR in this process itself
    steps: list[Step] = []
    desk.ocr.worker.stepped.connect(steps.append)
    window.select_item("002")
    drop(window, [chinese_scan(tmp_path / "网站建设通知.png")], row=0)  # the attach starts the worker
    ended = read_to_the_end(desk, qtbot)
    assert ended == Ended(done=1, failed=0, stopped=False)
    assert steps[0].file == "网站建设通知.png"
    assert steps[0].total == 1
    status = desk.ocr.status
    assert status.isVisible()
    assert "1" in status.label.text()
    assert not status.cancel.isVisible()
    assert not status.failures.isVisible()
    assert window.workspace.evidence_text.progress().pending == 0
    for heavy in ("cv2", "onnxruntime", "rapidocr_onnxruntime"):  # OpenCV's own Qt never loads into the window
        assert heavy in loaded or heavy not in sys.modules


def test_reading_is_cancelled_from_the_status_bar_and_the_rest_waits(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    scans = [chinese_scan(tmp_path / f"扫描{n}.png", (f"第{n}份材料 网站建设",)) for n in range(4)]
    window.workspace.evidence.attach(window.assessment.id, "002", scans)
    assert desk.ocr.start_if_waiting()
    qtbot.waitUntil(lambda: desk.ocr.status.cancel.isVisible())
    desk.ocr.status.cancel.click()
    qtbot.waitUntil(lambda: not desk.ocr.running, timeout=10_000)
    assert desk.ocr.last is not None
    assert desk.ocr.last.stopped
    waiting = window.workspace.evidence_text.progress().pending
    assert waiting > 0
    assert str(waiting) in desk.ocr.status.label.text()
    desk.ocr._look_again()  # the next look for files does not undo the person's stop
    assert not desk.ocr.running


def test_a_file_whose_text_cannot_be_read_is_listed_with_its_reason(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    broken = broken_pdf(tmp_path / "损坏的扫描件.pdf")
    window.workspace.evidence.attach(window.assessment.id, "002", [broken])
    window.workspace.evidence.attach(window.assessment.id, "005", [broken])
    desk.ocr.start_if_waiting()
    ended = read_to_the_end(desk, qtbot)
    assert ended.failed == 1
    assert desk.ocr.status.failures.isVisible()
    desk.ocr.status.failures.click()
    dialog = desk.ocr.failures_dialog
    assert dialog is not None
    assert dialog.isVisible()
    row = dialog.list.topLevelItem(0)
    assert row is not None
    assert (row.text(0), row.text(1)) == ("002、005", "损坏的扫描件.pdf")  # the items holding it
    reason = row.text(2)
    if ui_language() == "en":
        assert "details:" in reason
    else:  # whole Chinese: the library's English only in the log
        assert "文件已损坏" in reason
        assert not any("a" <= c.lower() <= "z" for c in reason), reason
    dialog.close()


def test_a_read_only_window_leaves_the_reading_to_the_window_holding_the_workspace(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    holder = Workspace.open(tmp_path / "单位", create=True, hold=True)
    second = Workspace.open(tmp_path / "单位", hold=True)
    try:
        assert second.read_only
        holder.evidence.attach(holder.default_assessment().id, "002", [chinese_scan(tmp_path / "通知.png")])
        window = shown_window(qtbot, second)
        runner = window.evidence_search.ocr
        assert not runner.start_if_waiting()
        assert not runner.action.isEnabled()
    finally:
        second.close()
        holder.close()


def test_searching_the_evidence_text_finds_the_scan_and_opens_the_preview_at_its_page_with_the_words_marked(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    window.workspace.evidence.attach(window.assessment.id, "002", [chinese_scan(tmp_path / "通知.png")])
    desk.ocr.start_if_waiting()
    read_to_the_end(desk, qtbot)
    window.search.setText("001")  # the tree filtered by an indicator search
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert desk.scope.combo.currentData() == EVIDENCE
    assert window.search.text() == ""  # a hidden box does not keep the tree filtered
    assert "002" in window.visible_codes()
    assert desk.scope.box.hasFocus()
    assert not window.search.isVisible()
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: the indicators again
    assert desk.scope.combo.currentData() == INDICATORS
    assert window.search.isVisible()
    assert window.search.hasFocus()
    assert not desk.scope.box.isVisible()
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    desk.scope.box.insert("网站建设")  # as the input method commits it (QTest types ASCII only)
    qtbot.keyClick(desk.scope.box, Qt.Key.Key_Return)
    hits = desk.hits
    assert hits.isVisible()
    assert hits.list.topLevelItemCount() == 1
    row = hits.list.topLevelItem(0)
    assert row is not None
    assert [row.text(c) for c in range(3)] == ["002", window.model.sheet.system.item("002").title, "通知.png"]
    assert "1" in row.text(3)
    assert "<b>网站建设</b>" in row.text(4)
    assert "结果可能不全" not in hits.said.text()
    assert "not read yet" not in hits.said.text()
    qtbot.keyClick(hits.list, Qt.Key.Key_Return)
    dialog = desk.preview
    assert isinstance(dialog, PreviewDialog)
    qtbot.addWidget(dialog)
    image = dialog.content
    assert isinstance(image, ImagePreview)
    shown = image.canvas.shown
    assert yellow(shown, QRect(0, 0, shown.width(), shown.height() // 5)) > 10  # the line near the top, marked
    assert yellow(shown, QRect(0, shown.height() // 2, shown.width(), shown.height() // 2)) == 0
    dialog.close()


def test_a_pdf_hit_on_page_2_opens_there_and_a_search_while_files_wait_says_the_results_may_be_incomplete(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    pdf = pdf_with_pages(tmp_path / "工作总结.pdf", ["第一页 目录", "网站建设情况"])
    window.workspace.evidence.attach(window.assessment.id, "003", [pdf])
    desk.ocr.start_if_waiting()
    read_to_the_end(desk, qtbot)
    window.workspace.evidence.attach(window.assessment.id, "002", [chinese_scan(tmp_path / "未识别.png")])
    desk.scope.focus_evidence()
    desk.search("网站建设")
    rows = [desk.hits.list.topLevelItem(n) for n in range(desk.hits.list.topLevelItemCount())]
    assert [(r.text(0), r.text(2)) for r in rows if r is not None] == [("003", "工作总结.pdf")]
    assert "2" in rows[0].text(3)
    assert "1" in desk.hits.said.text()  # 1 file is not read yet: the results may be incomplete
    desk.hits.opened.emit(desk.hits.hits[0])
    dialog = desk.preview
    assert isinstance(dialog, PreviewDialog)
    qtbot.addWidget(dialog)
    shown = dialog.content
    assert isinstance(shown, PdfPreview)
    assert shown.page == 1
    assert shown.pager.where.text() == "2 / 2"
    assert yellow(shown.canvas.shown) > 10
    dialog.close()

    desk.search("没有这几个字")
    assert desk.hits.list.topLevelItemCount() == 0
    assert "没有这几个字" in desk.hits.said.text()


def test_a_word_on_page_2_of_a_scanned_pdf_is_marked_where_ocr_read_it(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import img2pdf

    window.runner.synchronous = True
    pages = [
        chinese_scan(tmp_path / "第1页.png", ("2019年工作计划", "一、总体要求")),
        chinese_scan(tmp_path / "第2页.png", ("二、重点任务", "推进网站建设集约化")),
    ]
    scanned = tmp_path / "扫描的工作计划.pdf"
    scanned.write_bytes(img2pdf.convert([str(page) for page in pages]))  # pictures only: no text layer
    window.workspace.evidence.attach(window.assessment.id, "002", [scanned])
    desk.ocr.start_if_waiting()
    read_to_the_end(desk, qtbot)
    desk.search("网站建设")
    assert [(hit.file_name, hit.page) for hit in desk.hits.hits] == [("扫描的工作计划.pdf", 2)]
    qtbot.keyClick(desk.hits.list, Qt.Key.Key_Return)
    dialog = desk.preview
    assert isinstance(dialog, PreviewDialog)
    qtbot.addWidget(dialog)
    pdf = dialog.content
    assert isinstance(pdf, PdfPreview)
    assert pdf.page == 1
    assert pdf.words is not None
    assert pdf.words.on_page(1) == ()  # QtPdf finds no text in a picture: the boxes OCR gave are drawn
    shown = pdf.canvas.shown
    second_line = QRect(0, shown.height() * 330 // 1754, shown.width(), shown.height() * 80 // 1754)
    assert yellow(shown, second_line) > 10
    assert yellow(shown, QRect(0, shown.height() // 2, shown.width(), shown.height() // 2)) == 0
    pdf.go(0)
    assert yellow(pdf.canvas.shown) == 0
    dialog.close()


@pytest.mark.postgres
def test_on_a_server_the_worker_is_given_its_url_and_reads_the_scan_into_the_servers_database(
    server_url: str, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.core.evidence_place import choose, place

    signed_in = server_url.replace("://egov@", "://egov:s3cret@", 1)  # the test server trusts; the password is carried
    workspace = Workspace.connect(signed_in)
    window: MainWindow | None = None
    try:
        choose(workspace, place("database"))  # every client the same bytes: the worker's connection too
        assessment = workspace.default_assessment().id
        workspace.evidence.attach(assessment, "002", [chinese_scan(tmp_path / "通知.png")])
        window = shown_window(qtbot, workspace)
        desk = window.evidence_search
        assert desk.ocr.start_if_waiting()
        process = desk.ocr.worker.process
        assert process is not None
        assert "s3cret" not in " ".join(process.arguments())  # a command line is visible to every user of the PC
        assert process.processEnvironment().value("PGPASSWORD") == "s3cret"
        assert read_to_the_end(desk, qtbot) == Ended(done=1, failed=0, stopped=False)
        assert [hit.file_name for hit in workspace.evidence_text.search("网站建设", assessment)] == ["通知.png"]
    finally:
        if window is not None:
            window.close()
        workspace.close()


def test_every_occurrence_of_the_searched_words_is_bold_in_a_snippet() -> None:
    from egov_desk.core.evidence_text import SearchHit
    from egov_desk.ui.evidence_search.hits import snippet_html

    hit = SearchHit(1, "0" * 64, "通知.png", "png", "002", "工作计划", 2, 1, "等级保护测评，等级保护备案", (0, 4), ())
    assert snippet_html(hit, "等级保护") == "<b>等级保护</b>测评，<b>等级保护</b>备案"
    assert snippet_html(hit, "等") == "<b>等</b>级保护测评，<b>等</b>级保护备案"  # one character too
    assert snippet_html(hit, "⽹站") == "<b>等级保护</b>测评，等级保护备案"  # not found as typed: the search's own span
