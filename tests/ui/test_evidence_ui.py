"""Evidence in the real window: drop scans on a requirement, see the status, preview, big batches in the background."""

from __future__ import annotations

import os
import warnings
from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit

from egov_desk.core.workspace import Workspace
from egov_desk.ui.dialogs.preview import ImagePreview, PdfPreview, TextPreview
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import EVIDENCE
from tests.ui.helpers import answer


def write_pdf(path: Path, pages: int = 2) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.fillRect(0, 0, 3000, 3000, QColor("#1f4e8c"))
        painter.drawText(200, 4000, f"2019年电子政务工作计划 第{page + 1}页")
    painter.end()
    return path


def drop(window: MainWindow, paths: list[Path], row: int) -> None:
    """Drop files from the file manager on the checklist's ``row``-th requirement: the drag enters (Qt delivers a
    drop only to the widget that accepted the enter), then the files are let go."""
    tree = window.panel.evidence.tree
    target = tree.visualItemRect(tree.topLevelItem(row)).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, keys, copy = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, Qt.DropAction.CopyAction
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # PySide marks the QPoint constructor; Qt has no other
        enter = QDragEnterEvent(target, copy, mime, buttons, keys)
    QApplication.sendEvent(tree.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(target), copy, mime, buttons, keys))


def test_dropping_files_on_a_requirement_collects_it(window: MainWindow, tmp_path: Path) -> None:
    window.runner.synchronous = True
    window.select_item("002")
    checklist = window.panel.evidence.tree
    assert [checklist.topLevelItem(r).text(1) for r in range(2)] == ["缺", "缺"]
    assert window.model.index_of_item("002", EVIDENCE).data() == "0/2"
    drop(window, [write_pdf(tmp_path / "2020年工作计划.pdf")], row=1)
    assert [checklist.topLevelItem(r).text(1) for r in range(2)] == ["缺", "已收集"]
    assert checklist.topLevelItem(1).child(0).text(0) == "2020年工作计划.pdf"
    assert window.model.index_of_item("002", EVIDENCE).data() == "1/2"
    files = window.workspace.evidence.files(window.assessment.id, "002")
    assert [f.name for f in files] == ["2020年工作计划.pdf"]


def test_ticking_a_collected_requirement_marks_it_checked(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    window.select_item("005")
    drop(window, [write_pdf(tmp_path / "系统清单.pdf")], row=0)
    row = window.panel.evidence.tree.topLevelItem(0)
    row.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.panel.evidence.tree.topLevelItem(0).text(1) == "已核验")
    evidence = window.workspace.evidence.item_evidence(window.assessment.id, "005")
    assert evidence.checked == 1


def test_remove_takes_the_file_off_the_requirement(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    window.select_item("005")
    drop(window, [write_pdf(tmp_path / "清单.pdf")], row=0)
    panel = window.panel.evidence
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    panel.remove.click()
    assert "清单.pdf" in answer(window, qtbot, "移除")
    assert panel.tree.topLevelItem(0).text(1) == "缺"
    assert window.workspace.evidence.files(window.assessment.id) == []


def test_a_pdf_preview_renders_page_one_and_pages_through(window: MainWindow, tmp_path: Path) -> None:
    window.runner.synchronous = True
    window.select_item("002")
    drop(window, [write_pdf(tmp_path / "计划.pdf", pages=3)], row=0)
    file = window.workspace.evidence.files(window.assessment.id)[0]
    dialog = window.evidence_actions.preview(file)
    pdf = dialog.content
    assert isinstance(pdf, PdfPreview)
    assert pdf.pages == 3
    image = pdf.render_page(0, 300)
    assert not image.isNull()
    blue = sum(
        image.pixelColor(x, y).blue() > 100 and image.pixelColor(x, y).red() < 100
        for x in range(0, image.width(), 10)
        for y in range(0, image.height(), 10)
    )
    assert blue > 10  # the painted rectangle is there
    pdf.go(2)
    assert pdf.pager.where.text() == "3 / 3"
    assert not pdf.pager.next.isEnabled()
    dialog.close()


def test_images_and_word_documents_preview(window: MainWindow, tmp_path: Path) -> None:
    window.runner.synchronous = True
    window.select_item("001")
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    picture.save(str(tmp_path / "会议照片.png"))
    document = docx.Document()
    document.add_paragraph("参加市电子政务管理部门组织的座谈会")
    document.save(str(tmp_path / "会议纪要.docx"))
    drop(window, [tmp_path / "会议照片.png", tmp_path / "会议纪要.docx"], row=0)
    files = {f.name: f for f in window.workspace.evidence.files(window.assessment.id)}
    image = window.evidence_actions.preview(files["会议照片.png"]).content
    assert isinstance(image, ImagePreview)
    assert image.image.size().toTuple() == (200, 100)
    text = window.evidence_actions.preview(files["会议纪要.docx"]).content
    assert isinstance(text, TextPreview | QPlainTextEdit)
    assert "座谈会" in text.toPlainText()


def big_batch(folder: Path, files: int, megabytes: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(files):
        path = folder / f"扫描件{number:02d}.pdf"
        with path.open("wb") as handle:
            handle.write(b"%PDF-1.4\n")
            handle.write(os.urandom(megabytes * 1024 * 1024))
        paths.append(path)
    return paths


def test_a_500_mb_batch_attaches_in_the_background_while_the_tree_stays_usable(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    paths = big_batch(tmp_path / "batch", files=25, megabytes=20)
    window.select_item("035")
    job = window.evidence_actions.attach([tmp_path / "batch"], None)
    assert job is not None
    used_while_running = 0
    codes = ["001", "010", "020", "030"]
    while job.running:
        window.select_item(codes[used_while_running % len(codes)])  # the person keeps working
        assert window.current_item().code == codes[used_while_running % len(codes)]
        used_while_running += 1
        qtbot.wait(20)
    assert used_while_running >= 2
    report = window.evidence_actions.last_report
    assert report is not None
    assert len(report.added) == len(paths)
    assert report.bytes >= 500 * 1024 * 1024
    assert len(window.workspace.evidence.files(window.assessment.id, "035")) == 25


def test_cancelling_a_batch_keeps_what_finished_and_nothing_half_done(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    big_batch(tmp_path / "batch", files=12, megabytes=16)
    window.select_item("035")
    job = window.evidence_actions.attach([tmp_path / "batch"], None)
    assert job is not None
    qtbot.waitUntil(
        lambda: len(window.workspace.evidence.files(window.assessment.id)) >= 1 or not job.running, timeout=20000
    )
    job.cancel()
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    report = window.evidence_actions.last_report
    assert report is not None
    assert report.cancelled or len(report.added) == 12
    stored = window.workspace.evidence.files(window.assessment.id)
    assert len(stored) == len(report.added)
    assert window.workspace.evidence.vault.leftovers() == []
    assert len(window.workspace.evidence.vault.blobs()) == len(stored)


def test_the_evidence_package_is_exported_in_the_background(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    window.runner.synchronous = True
    window.select_item("002")
    drop(window, [write_pdf(tmp_path / "计划.pdf")], row=0)
    window.runner.synchronous = False
    job = window.package_export.start(tmp_path / "包.zip", None)
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    report = window.package_export.last_report
    assert report is not None
    assert report.files == 1
    with zipfile.ZipFile(tmp_path / "包.zip") as package:
        assert "002 工作计划与实施/002-01-计划.pdf" in package.namelist()


def test_a_package_with_a_missing_stored_file_is_written_and_the_window_names_it(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    import zipfile

    from PySide6.QtWidgets import QMessageBox

    window.runner.synchronous = True
    window.select_item("002")
    drop(window, [write_pdf(tmp_path / "计划.pdf")], row=0)
    drop(window, [write_pdf(tmp_path / "总结.pdf", pages=3)], row=1)
    [lost] = [f for f in window.workspace.evidence.files(window.assessment.id) if f.name == "总结.pdf"]
    window.workspace.evidence.vault.path_of(lost.sha256).unlink()
    window.runner.synchronous = False
    job = window.package_export.start(tmp_path / "包.zip", None)
    qtbot.waitUntil(lambda: not job.running, timeout=20000)

    warning = window.package_export.last_warning
    assert "002 总结.pdf" in warning
    assert "未打包文件" in warning
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert any("002 总结.pdf" in box.text() for box in boxes)
    with zipfile.ZipFile(tmp_path / "包.zip") as package:
        assert "002 工作计划与实施/002-01-计划.pdf" in package.namelist()
        assert "总结" not in package.read("SHA256SUMS").decode()


def test_removing_a_file_asks_first_and_undo_puts_it_back(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    window.select_item("005")
    drop(window, [write_pdf(tmp_path / "清单.pdf")], row=0)
    panel = window.panel.evidence
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    panel.remove.click()
    answer(window, qtbot, "保留")
    assert panel.tree.topLevelItem(0).text(1) == "已收集"  # kept: the person said no
    panel.remove.click()
    answer(window, qtbot, "移除")
    assert window.workspace.evidence.files(window.assessment.id) == []
    window.menu_actions.undo_action.trigger()
    assert [f.name for f in window.workspace.evidence.files(window.assessment.id, "005")] == ["清单.pdf"]
    assert window.panel.evidence.tree.topLevelItem(0).text(1) == "已收集"
    window.menu_actions.redo_action.trigger()
    assert window.workspace.evidence.files(window.assessment.id) == []


def test_ticking_checked_is_undoable(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.runner.synchronous = True
    window.select_item("005")
    drop(window, [write_pdf(tmp_path / "系统清单.pdf")], row=0)
    window.panel.evidence.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.workspace.evidence.item_evidence(window.assessment.id, "005").checked == 1)
    window.menu_actions.undo_action.trigger()
    assert window.workspace.evidence.item_evidence(window.assessment.id, "005").checked == 0
    assert window.panel.evidence.tree.topLevelItem(0).text(1) == "已收集"


def test_a_files_menu_offers_nothing_about_the_requirement(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.runner.synchronous = True
    window.select_item("005")
    drop(window, [write_pdf(tmp_path / "系统清单.pdf")], row=0)
    tree = window.panel.evidence.tree
    file_row = tree.visualItemRect(tree.topLevelItem(0).child(0)).center()
    texts = [a.text() for a in window.panel.evidence.menu_at(file_row).actions() if a.text()]
    assert "删除该材料要求" not in texts
    assert not any("材料要求" in t for t in texts)
    requirement_row = tree.visualItemRect(tree.topLevelItem(0)).center()
    requirement_menu = window.panel.evidence.menu_at(requirement_row).actions()
    assert "删除该材料要求" in [a.text() for a in requirement_menu]
    adding = next(a for a in requirement_menu if a.text() == "添加文件…")  # files straight into this requirement
    chosen = write_pdf(tmp_path / "补充清单.pdf")
    titles: list[str] = []

    def answered(_parent: object, title: str, *_rest: object) -> tuple[list[str], str]:
        titles.append(title)  # the file dialog, answered as a person would: one file chosen
        return [str(chosen)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", answered)
    requirement = window.panel.evidence.selected_requirement()
    assert requirement is not None
    adding.trigger()
    [title] = titles
    assert tree.topLevelItem(0).text(0).split("（")[0].strip() in title
    attached = [f for f in window.workspace.evidence.files(window.assessment.id) if f.name == "补充清单.pdf"]
    assert [[requirement_id for _link, _code, requirement_id in f.links] for f in attached] == [[requirement]]


def test_the_file_date_takes_a_typed_date_and_refuses_what_is_not_one(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    window.runner.synchronous = True
    window.select_item("005")
    drop(window, [write_pdf(tmp_path / "系统清单.pdf")], row=0)
    [file] = window.workspace.evidence.files(window.assessment.id)
    window.evidence_actions.set_date(file)
    dialog = window.evidence_actions.date_dialog
    assert dialog is not None
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, "2019.13.5")
    dialog.accept()
    assert dialog.isVisible()
    assert "不是日期" in dialog.hint.text()
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "2019.12.5")
    dialog.accept()
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date.isoformat() == "2019-12-05"
    window.menu_actions.undo_action.trigger()
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date is None


def test_the_file_dialog_says_where_the_files_will_go(window: MainWindow) -> None:
    window.select_item("002")
    requirement = window.workspace.evidence.item_evidence(window.assessment.id, "002").requirements[0]
    assert window.evidence_actions._target_name(requirement.id) == f"002 {requirement.text}"
    assert window.evidence_actions._target_name(None) == "002 本项其他材料"


def test_dialogs_start_in_the_folder_last_used(tmp_path: Path) -> None:
    from egov_desk.ui.dialogs.choose import last_folder, remember_folder

    assert last_folder("export") == Path.home()
    remember_folder("export", tmp_path / "报告.docx")
    assert last_folder("export") == tmp_path
    remember_folder("export", tmp_path / "gone" / "x.xlsx")
    assert last_folder("export") == Path.home()  # a folder that is gone is not offered


def test_a_date_changed_elsewhere_is_not_overwritten_by_the_window_nor_by_its_undo(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, qtbot
) -> None:
    window.runner.synchronous = True
    window.select_item("005")
    drop(window, [write_pdf(tmp_path / "系统清单.pdf")], row=0)
    [file] = window.workspace.evidence.files(window.assessment.id)
    assert window.workspace.folder is not None
    with Workspace.open(window.workspace.folder) as elsewhere:
        elsewhere.evidence.set_date(file.id, date(2019, 3, 1))
    window.evidence_actions._date_chosen(file, date(2019, 12, 5))  # the window still showed no date
    assert "已在别处被修改（现为2019-03-01）" in window.evidence_actions.last_notice
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date == date(2019, 3, 1)

    [file] = window.workspace.evidence.files(window.assessment.id)
    window.evidence_actions._date_chosen(file, date(2019, 12, 5))
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date == date(2019, 12, 5)
    with Workspace.open(window.workspace.folder) as elsewhere:
        elsewhere.evidence.set_date(file.id, date(2019, 6, 1))
    window.menu_actions.undo_action.trigger()  # the undo would put back 2019-03-01 over the date set elsewhere
    assert "现为2019-06-01" in window.evidence_actions.last_notice
    assert window.workspace.evidence.files(window.assessment.id)[0].evidence_date == date(2019, 6, 1)


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_space_or_enter_on_a_file_row_opens_its_preview_as_a_double_click_does(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, qtbot, key: Qt.Key
) -> None:
    from egov_desk.ui.dialogs.preview import PreviewDialog

    window.runner.synchronous = True
    window.select_item("002")
    drop(window, [write_pdf(tmp_path / "计划.pdf")], row=0)
    panel = window.panel.evidence
    asked: list[object] = []
    panel.preview_requested.connect(asked.append)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    qtbot.keyClick(panel.tree, key)
    assert [getattr(f, "name", None) for f in asked] == ["计划.pdf"]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))  # a requirement's row: the key keeps its own meaning
    qtbot.keyClick(panel.tree, key)
    assert len(asked) == 1
    for dialog in window.findChildren(PreviewDialog):
        dialog.close()
