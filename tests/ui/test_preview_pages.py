"""The evidence preview's pages: thumbnails beside the page, a page turned as a view setting (the stored file never
changed), opening at a page with the searched words marked."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from egov_desk.core.evidence import FileInfo
from egov_desk.ui.dialogs.preview import ImagePreview, PdfPreview, PreviewDialog
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.preview.highlight import Highlight
from egov_desk.ui.preview.rotation import SETTING


def pdf_with_pages(path: Path, lines: list[str]) -> Path:
    """A PDF with a text layer: one page per line, the line written large near the top."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    font = QFont()
    font.setPointSize(28)
    painter.setFont(font)
    for number, line in enumerate(lines):
        if number:
            writer.newPage()
        painter.drawText(QRect(400, 600, 8000, 1200), line)
    painter.end()
    return path


def photo_of_a_page(path: Path, width: int = 800, height: int = 1100) -> Path:
    """A picture of a portrait page (a phone photo of a notice): white, with a dark line near the top."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(60, 60, 300, 60, QColor("#333333"))
    painter.end()
    image.save(str(path))
    return path


def attached(window: MainWindow, path: Path, code: str = "002") -> FileInfo:
    workspace = window.workspace
    workspace.evidence.attach(window.assessment.id, code, [path])
    return next(f for f in workspace.evidence.files(window.assessment.id) if f.name == path.name)


def press(dialog: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the window system delivers it to the preview, its shortcuts included."""
    handle = dialog.windowHandle()
    assert handle is not None
    QTest.qWaitForWindowExposed(handle, 1000)
    if not dialog.isActiveWindow():  # another test's window may still be the active one: shortcuts go there
        dialog.raise_()
        dialog.activateWindow()
        QTest.qWaitForWindowActive(handle, 1000)
    assert dialog.isActiveWindow(), "the preview could not be made the active window"
    QTest.keyClick(handle, key, modifiers)


def yellow(image: QImage, region: QRect | None = None) -> int:
    """How many sampled pixels of ``image`` (or of ``region`` of it) are marked in yellow."""
    area = region or image.rect()
    count = 0
    for x in range(area.left(), area.right(), 4):
        for y in range(area.top(), area.bottom(), 4):
            colour = image.pixelColor(x, y)
            count += colour.red() - colour.blue() > 60 and colour.green() - colour.blue() > 40
    return count


def painted(image: QImage) -> QRect:
    """The part of a thumbnail's box the page is drawn in (the rest is transparent)."""
    xs = [x for x in range(image.width()) for y in range(0, image.height(), 2) if image.pixelColor(x, y).alpha()]
    ys = [y for y in range(image.height()) for x in range(0, image.width(), 2) if image.pixelColor(x, y).alpha()]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def test_the_preview_shows_a_thumbnail_of_every_page_and_goes_where_one_is_clicked(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    file = attached(window, pdf_with_pages(tmp_path / "会议纪要.pdf", [f"第{n}页" for n in range(1, 6)]))
    dialog = window.evidence_actions.preview(file)
    qtbot.addWidget(dialog)
    pdf = dialog.content
    assert isinstance(pdf, PdfPreview)
    strip = pdf.thumbnails
    assert strip.count() == 5
    qtbot.waitUntil(lambda: {0, 1}.issubset(strip.rendered))
    assert not strip.item(0).icon().isNull()
    qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=strip.visualItemRect(strip.item(3)).center())
    assert pdf.page == 3
    assert pdf.pager.where.text() == "4 / 5"
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Up)
    assert pdf.page == 2
    qtbot.keyClick(pdf, Qt.Key.Key_PageDown)
    assert pdf.page == 3
    assert strip.currentRow() == 3
    qtbot.keyClick(pdf, Qt.Key.Key_End)  # the last page, then the first
    assert pdf.page == 4
    qtbot.keyClick(pdf, Qt.Key.Key_Home)
    assert pdf.page == 0


def test_a_300_page_scan_opens_at_once_and_renders_only_the_thumbnails_in_view(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    file = attached(window, pdf_with_pages(tmp_path / "档案.pdf", [f"第{n}页" for n in range(1, 301)]))
    started = time.perf_counter()
    dialog = window.evidence_actions.preview(file)
    qtbot.addWidget(dialog)
    opened = time.perf_counter() - started
    pdf = dialog.content
    assert isinstance(pdf, PdfPreview)
    assert pdf.thumbnails.count() == 300
    qtbot.waitUntil(lambda: 0 in pdf.thumbnails.rendered)
    qtbot.wait(200)
    assert opened < 2.0
    assert len(pdf.thumbnails.rendered) < 30  # the ones scrolled into view, not all 300
    pdf.go(250)
    qtbot.waitUntil(lambda: 250 in pdf.thumbnails.rendered)


def test_a_page_turned_right_is_kept_as_a_view_setting_and_the_stored_file_never_changes(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    file = attached(window, pdf_with_pages(tmp_path / "横版报表.pdf", ["第一页", "第二页"]))
    stored = window.workspace.evidence.vault.path_of(file.sha256)
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    dialog = window.evidence_actions.preview(file)
    qtbot.addWidget(dialog)
    pdf = dialog.content
    assert isinstance(pdf, PdfPreview)
    portrait = pdf.canvas.shown
    assert portrait.height() > portrait.width()
    press(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    turned = pdf.canvas.shown
    assert turned.width() > turned.height()  # the A4 page lies on its side
    assert window.workspace.setting(SETTING) == {file.sha256: {"1": 90}}
    pdf.go(1)
    assert pdf.canvas.shown.height() > pdf.canvas.shown.width()  # only the page turned is turned
    dialog.close()

    again = window.evidence_actions.preview(file)
    qtbot.addWidget(again)
    shown = again.content
    assert isinstance(shown, PdfPreview)
    assert shown.canvas.shown.width() > shown.canvas.shown.height()  # shown turned the next time
    qtbot.waitUntil(lambda: 0 in shown.thumbnails.rendered)
    turned_icon, upright_icon = (shown.thumbnails.item(n).icon() for n in (0, 1))
    assert turned_icon.availableSizes() == upright_icon.availableSizes()  # one box: the numbers sit alike
    drawn = painted(turned_icon.pixmap(turned_icon.availableSizes()[0]).toImage())
    assert drawn.width() > drawn.height()  # the page lies on its side inside it
    shown.pager.turn_left.click()
    assert window.workspace.setting(SETTING) == {}
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before == file.sha256


def test_the_preview_opens_at_page_2_with_the_words_found_in_the_pdf_marked(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = pdf_with_pages(tmp_path / "工作总结.pdf", ["第一页 目录", "网站建设情况"])
    file = attached(window, path)
    dialog = PreviewDialog(
        file,
        window.workspace.evidence.vault.path_of(file.sha256),
        lambda _file: None,
        window,
        page=2,
        highlight=Highlight("网站建设", page=1),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    pdf = dialog.content
    assert isinstance(pdf, PdfPreview)
    assert pdf.page == 1
    assert pdf.pager.where.text() == "2 / 2"
    assert pdf.boxes(1)  # found in the page's own text by QtPdf's search (the PDF spells 网 as the radical ⽹)
    assert yellow(pdf.canvas.shown) > 10
    assert dialog.windowTitle().endswith(("page 2", "第 2 页"))
    pdf.go(0)
    assert yellow(pdf.canvas.shown) == 0
    assert dialog.windowTitle().endswith(("page 1", "第 1 页"))  # the title follows the page


def test_an_ocr_line_box_is_marked_on_a_photo_and_stays_on_its_words_when_the_page_is_turned(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    file = attached(window, photo_of_a_page(tmp_path / "通知.png"))
    box = (60 / 800, 60 / 1100, 360 / 800, 120 / 1100)  # the dark line near the top left
    dialog = PreviewDialog(
        file,
        window.workspace.evidence.vault.path_of(file.sha256),
        lambda _file: None,
        window,
        page=1,
        highlight=Highlight("通知", page=0, boxes=(box,)),
    )
    qtbot.addWidget(dialog)
    image = dialog.content
    assert isinstance(image, ImagePreview)
    shown = image.canvas.shown
    left, right = (
        QRect(0, 0, shown.width() // 2, shown.height() // 4),
        QRect(shown.width() // 2, 0, shown.width() // 2, shown.height() // 4),
    )
    assert yellow(shown, left) > 10
    assert yellow(shown, right) == 0
    image.turn(90)  # turned right: the top-left corner of the page is now at the top right
    shown = image.canvas.shown
    assert shown.width() > shown.height()
    top_right = QRect(shown.width() * 3 // 4, 0, shown.width() // 4, shown.height() // 2)
    top_left = QRect(0, 0, shown.width() // 4, shown.height() // 2)
    assert yellow(shown, top_right) > 10
    assert yellow(shown, top_left) == 0
    assert image.image.size().toTuple() == (800, 1100)  # the picture itself as it was


def test_the_preview_zooms_with_ctrl_plus_minus_zero_and_the_wheel_saying_the_level(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    file = attached(window, pdf_with_pages(tmp_path / "通知.pdf", ["第一页"]))
    dialog = window.evidence_actions.preview(file)
    qtbot.addWidget(dialog)
    pdf = dialog.content
    assert isinstance(pdf, PdfPreview)
    qtbot.waitUntil(lambda: pdf.pager.level.text() == f"{pdf.level()}%")  # once the size settled
    fitted = pdf.level()
    width = pdf.canvas.shown.width()

    press(dialog, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl++ as typed without Shift
    assert pdf.canvas.shown.width() > width
    assert pdf.pager.level.text() == f"{round(fitted * 1.25)}%"
    press(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pdf.canvas.shown.width() < width
    press(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pdf.scale == 0  # fitted to the width again
    assert pdf.pager.level.text() == f"{pdf.level()}%"
    width = pdf.canvas.shown.width()

    viewport = pdf.canvas.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        viewport.mapToGlobal(centre),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert pdf.canvas.shown.width() > width
