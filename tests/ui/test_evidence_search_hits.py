"""The 材料内容 hits as a new user reads them: complete once the reading ends, counted in files, pages and items,
and a hit whose file was removed since says to search again and goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.ui.evidence_search.desk import EvidenceSearch
from egov_desk.ui.evidence_search.worker_process import Ended
from egov_desk.ui.main_window import MainWindow
from tests.ui.test_evidence_search import read_to_the_end
from tests.ui.test_preview_pages import pdf_with_pages


@pytest.fixture
def desk(window: MainWindow) -> EvidenceSearch:
    window.runner.synchronous = True
    return window.evidence_search


def test_hits_shown_while_files_waited_are_searched_again_when_the_reading_ends(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.workspace.evidence.attach(window.assessment.id, "003", [pdf_with_pages(tmp_path / "总结.pdf", ["网站建设"])])
    desk.search("网站建设")
    assert desk.hits.hits == []
    assert "1" in desk.hits.said.text()  # 1 file is not read yet

    desk.ocr.start_if_waiting()
    read_to_the_end(desk, qtbot)

    assert [hit.file_name for hit in desk.hits.hits] == ["总结.pdf"]
    said = desk.hits.said.text()
    assert "searched again" in said or "重新查找" in said
    assert "not read yet" not in said
    assert "未识别" not in said


def test_one_page_of_one_file_attached_to_two_items_is_counted_as_such(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pdf = pdf_with_pages(tmp_path / "安全检查.pdf", ["漏洞扫描报告", "整改情况"])
    window.workspace.evidence.attach(window.assessment.id, "002", [pdf])
    window.workspace.evidence.attach(window.assessment.id, "005", [pdf])
    desk.ocr.start_if_waiting()
    read_to_the_end(desk, qtbot)

    desk.search("漏洞")
    assert [hit.code for hit in desk.hits.hits] == ["002", "005"]  # a row per item
    said = desk.hits.said.text()
    assert "found on 1 page(s) of 1 file(s), in 2 items" in said or "在 1 个文件的 1 页中找到，涉及 2 个项目" in said, (
        said
    )


def test_after_a_stop_the_status_bar_says_which_keys_go_on_now(
    window: MainWindow, desk: EvidenceSearch, tmp_path: Path
) -> None:
    window.workspace.evidence.attach(window.assessment.id, "003", [pdf_with_pages(tmp_path / "a.pdf", ["网站建设"])])
    desk.ocr.action.setShortcut("Ctrl+Alt+R")  # read from the action, whatever it is
    desk.ocr._ended(Ended(0, 0, True))
    said = desk.ocr.status.label.text()
    assert "1" in said  # 1 file waits
    assert "Ctrl+Alt+R" in said


def test_a_hit_whose_file_was_removed_since_says_to_search_again_and_goes(
    window: MainWindow, desk: EvidenceSearch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for name in ("演练记录.pdf", "演练总结.pdf"):
        window.workspace.evidence.attach(window.assessment.id, "003", [pdf_with_pages(tmp_path / name, ["应急演练"])])
    desk.ocr.start_if_waiting()
    read_to_the_end(desk, qtbot)
    desk.search("应急演练")
    assert sorted(hit.file_name for hit in desk.hits.hits) == ["演练总结.pdf", "演练记录.pdf"]
    gone = next(hit for hit in desk.hits.hits if hit.file_name == "演练记录.pdf")
    file = next(f for f in window.workspace.evidence.files(window.assessment.id) if f.id == gone.file_id)
    for link_id, _code, _requirement in file.links:
        window.workspace.evidence.unlink(link_id)

    desk.hits.opened.emit(gone)

    said = window.statusBar().currentMessage()
    assert "演练记录.pdf" in said
    assert "search again" in said or "请重新查找" in said
    assert [hit.file_name for hit in desk.hits.hits] == ["演练总结.pdf"]
    assert desk.hits.list.topLevelItemCount() == 1
