"""扫描… in the window, against SANE's test device: the dialog lists the scanner off the UI thread, scans pages
into its strip, turns, moves and drops them by key, and 保存到材料 attaches one PDF to the requirement as one
undo step; closing with pages unsaved asks; no scanner says how to add files instead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QLabel, QMenu

from egov_desk.core.scanning.devices import Scanners
from egov_desk.core.scanning.types import ScanSettings
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import EVIDENCE
from egov_desk.ui.scanning.desk import ScanDesk
from egov_desk.ui.scanning.dialog import ScanDialog
from tests.core.scanning.sane_device import sane_config, use_sane_config


@pytest.fixture
def desk(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScanDesk]:
    use_sane_config(monkeypatch, sane_config(tmp_path / "sane"))
    window.runner.synchronous = True
    window.select_item("002")
    found = window.findChild(ScanDesk)
    assert isinstance(found, ScanDesk)
    yield found
    if found.dialog is not None:  # as a person closing it would: its pages' folder goes
        found.dialog.strip.clear()
        found.dialog.reject()


def scan_dialog(desk: ScanDesk, requirement: int | None = None) -> ScanDialog:
    dialog = desk.open(requirement)
    assert dialog is not None
    assert dialog.device.itemText(0).startswith("Noname frontend-tester")  # listed off the UI thread
    return dialog


def requirement_ids(window: MainWindow) -> list[int]:
    return [r.id for r in window.workspace.evidence.item_evidence(window.assessment.id, "002").requirements]


def test_pages_are_scanned_turned_and_saved_to_the_requirement_as_one_undoable_pdf(
    window: MainWindow,
    desk: ScanDesk,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    first = requirement_ids(window)[0]
    dialog = scan_dialog(desk, first)
    assert "002" in dialog.windowTitle()
    dialog.source.setCurrentIndex(dialog.source.findData("Automatic Document Feeder"))
    dialog.until_empty.setChecked(False)
    dialog.pages_count.setValue(2)
    assert [dialog.mode.itemData(i) for i in range(dialog.mode.count())] == ["gray", "color"]  # no lineart here
    assert dialog.dpi.currentData() == 200
    dialog.scan_button.click()  # 扫描 (Alt+S: the end-to-end test presses it)
    assert dialog.strip.count() == 2
    dialog.strip.setFocus()
    qtbot.keyClick(dialog.strip, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # the current page: the 2nd
    assert [p.rotation for p in dialog.strip.pages()] == [0, 90]
    qtbot.keyClick(dialog.strip, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [p.number for p in dialog.strip.pages()] == [2, 1]
    folder = dialog.folder
    assert folder is not None
    dialog.save_button.click()
    saved = desk.last_saved
    assert saved is not None
    assert saved.pages == 2
    assert not dialog.isVisible()
    assert not folder.exists()  # the pages went once the PDF was attached
    assert window.model.index_of_item("002", EVIDENCE).data() == "1/2"  # the counts repainted
    evidence = window.workspace.evidence.item_evidence(window.assessment.id, "002")
    (file,) = evidence.requirements[0].files
    assert file.name == saved.name
    pdf = pypdf.PdfReader(window.workspace.evidence.vault.path_of(file.sha256))
    widths = [float(page.mediabox.width) for page in pdf.pages]
    assert widths[0] > widths[1]  # the turned page came first, lying on its side
    window.menu_actions.undo_action.trigger()
    assert window.workspace.evidence.item_evidence(window.assessment.id, "002").files() == []
    window.menu_actions.redo_action.trigger()
    assert [f.name for f in window.workspace.evidence.item_evidence(window.assessment.id, "002").files()] == [
        saved.name
    ]


def test_a_dropped_page_is_not_saved_and_more_pages_are_appended(desk: ScanDesk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = scan_dialog(desk)
    dialog.scan_button.click()
    dialog.scan_button.click()
    assert dialog.strip.count() == 2  # 继续扫描 appends
    assert dialog.scan_button.text() == dialog.tr("&Scan more")
    dropped = dialog.strip.pages()[1].path
    dialog.strip.setFocus()
    qtbot.keyClick(dialog.strip, Qt.Key.Key_Delete)
    assert dialog.strip.count() == 1
    assert not dropped.exists()


def test_closing_with_unsaved_pages_asks_first(desk: ScanDesk) -> None:
    dialog = scan_dialog(desk)
    dialog.scan_button.click()
    folder = dialog.folder
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.question is not None
    (discard,) = (b for b in dialog.question.buttons() if b.text() == dialog.tr("Discard the pages"))
    discard.click()
    assert not dialog.isVisible()
    assert folder is not None
    assert not folder.exists()


def test_no_scanner_says_so_and_how_to_add_files_instead(window: MainWindow, desk: ScanDesk) -> None:
    desk.scanners = lambda: Scanners([])
    dialog = desk.open()
    assert dialog is not None
    assert "未找到扫描仪" in dialog.state.text()
    action = window.menu_actions.add_evidence_action.text()  # the action's own name, as the menu shows it
    shown = re.sub(r"\(&\w\)|&|…", "", action)
    assert f"「{shown}」" in dialog.state.text()
    assert "「添加文件」" not in dialog.state.text()
    assert not dialog.scan_button.isEnabled()
    assert not dialog.save_button.isEnabled()


def test_the_requirements_menu_and_the_panel_offer_the_scan(window: MainWindow, desk: ScanDesk) -> None:
    panel = window.panel.evidence
    assert desk.button.parent() is not None
    assert desk.action.shortcut().toString() == "Ctrl+Shift+D"
    same = [a for a in window.findChildren(QAction) if a.shortcut() == desk.action.shortcut()]
    assert same == [desk.action]  # no other action of the window answers its key
    (scoring,) = [m for m in window.menu_actions.add_evidence_action.associatedObjects() if isinstance(m, QMenu)]
    listed = scoring.actions()
    assert listed.index(desk.action) == listed.index(window.menu_actions.add_evidence_action) + 1
    row = panel.tree.topLevelItem(0)
    assert row is not None
    point: QPoint = panel.tree.visualItemRect(row).center()
    menu: QMenu = panel.menu_at(point)
    texts = [a.text() for a in menu.actions()]
    assert desk.tr("Scan into this requirement…") in texts  # its key, Ctrl+Shift+D, shown beside it


def test_a_page_dragged_onto_another_takes_its_place(desk: ScanDesk) -> None:
    dialog = scan_dialog(desk)
    dialog.pages_count.setValue(3)
    dialog.scan_button.click()
    strip = dialog.strip
    strip.setCurrentRow(2)
    dragged = strip.model().mimeData([strip.currentIndex()])
    target = strip.visualItemRect(strip.item(0)).center()
    drop = QDropEvent(
        QPointF(target), Qt.DropAction.MoveAction, dragged, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    strip.dropEvent(drop)
    assert [p.number for p in strip.pages()] == [3, 1, 2]
    assert strip.item(0).text() == strip.tr("Page %1").replace("%1", "1")  # the labels follow the order


def test_the_next_scan_starts_from_the_last_ones_settings(desk: ScanDesk) -> None:
    dialog = scan_dialog(desk)
    dialog.source.setCurrentIndex(dialog.source.findData("Automatic Document Feeder"))
    dialog.mode.setCurrentIndex(dialog.mode.findData("color"))
    dialog.until_empty.setChecked(False)
    dialog.pages_count.setValue(2)
    dialog.scan_button.click()
    dialog.strip.clear()
    dialog.reject()
    again = scan_dialog(desk)
    assert again is not dialog
    assert again.settings() == ScanSettings("Automatic Document Feeder", "color", 200, 2)


def test_a_jammed_feeder_is_said_in_the_dialog_and_the_pages_so_far_stay(
    desk: ScanDesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = scan_dialog(desk)
    dialog.scan_button.click()
    use_sane_config(monkeypatch, sane_config(tmp_path / "jam", read_status="SANE_STATUS_JAMMED"))
    dialog.scan_button.click()
    assert "进纸器卡纸" in dialog.state.text()
    assert "test:0" in dialog.state.text()
    assert dialog.strip.count() == 1
    assert dialog.save_button.isEnabled()
    assert dialog.scan_button.isEnabled()  # scan again once the sheet is out


def test_the_pages_folder_goes_with_the_dialog_even_when_it_was_not_closed(desk: ScanDesk) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    dialog = scan_dialog(desk)
    dialog.scan_button.click()
    folder = dialog.folder
    assert folder is not None
    assert folder.exists()
    dialog.deleteLater()  # as its window going away takes it along
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not folder.exists()


def test_a_second_round_of_other_colour_and_resolution_keeps_every_page_as_the_strip_shows_it(
    window: MainWindow, desk: ScanDesk
) -> None:
    import pikepdf

    dialog = scan_dialog(desk)
    dialog.source.setCurrentIndex(dialog.source.findData("Automatic Document Feeder"))
    dialog.until_empty.setChecked(False)
    dialog.pages_count.setValue(2)
    dialog.mode.setCurrentIndex(dialog.mode.findData("gray"))
    dialog.dpi.setCurrentIndex(dialog.dpi.findData(200))
    dialog.scan_button.click()
    dialog.pages_count.setValue(1)
    dialog.mode.setCurrentIndex(dialog.mode.findData("color"))
    dialog.dpi.setCurrentIndex(dialog.dpi.findData(100))
    dialog.scan_button.click()  # 继续扫描: one colour page at 100 dpi
    shown = [(p.dpi, p.width, p.height) for p in dialog.strip.pages()]
    assert [dpi for dpi, _, _ in shown] == [200, 200, 100]
    assert len({p.path for p in dialog.strip.pages()}) == 3  # each round wrote files of its own
    dialog.save_button.click()
    saved = desk.last_saved
    assert saved is not None
    evidence = window.workspace.evidence
    (file,) = [f for f in evidence.item_evidence(window.assessment.id, "002").files() if f.name == saved.name]
    with pikepdf.open(evidence.vault.path_of(file.sha256)) as pdf:
        images = [next(iter(page.get_images().values())) for page in pdf.pages]
        assert [(int(i.Width), int(i.Height)) for i in images] == [(w, h) for _, w, h in shown]
        assert [str(i.ColorSpace) for i in images] == ["/DeviceGray", "/DeviceGray", "/DeviceRGB"]
        widths = [round(float(page.mediabox[2])) for page in pdf.pages]
        assert widths == [595, 595, 595]  # A4 each: every page at its own resolution


def test_until_the_feeder_is_empty_scans_every_page_it_holds(desk: ScanDesk) -> None:
    dialog = scan_dialog(desk)
    dialog.source.setCurrentIndex(dialog.source.findData("Automatic Document Feeder"))
    dialog.dpi.setCurrentIndex(dialog.dpi.findData(75))
    dialog.pages_count.setValue(3)  # greyed out while 扫描到进纸器为空 is ticked: not what is scanned
    dialog.until_empty.setChecked(True)
    dialog.scan_button.click()
    assert dialog.strip.count() == 10  # the test device's feeder holds ten


def test_the_scan_is_saved_under_the_name_typed_and_a_name_with_a_slash_is_refused_naming_it(
    window: MainWindow, desk: ScanDesk
) -> None:
    dialog = scan_dialog(desk, requirement_ids(window)[0])
    offered = dialog.name.text()
    assert offered.startswith("002 ")
    assert "扫描" in offered
    assert "…" not in offered
    (label,) = [label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.name]
    assert "&N" in label.text().upper()  # Alt+N: 文件名(N)
    dialog.scan_button.click()
    dialog.name.setText("2019/2020 报告")
    dialog.save_button.click()
    assert dialog.isVisible()  # refused before anything is written, naming the character
    assert "/" in dialog.state.text()
    assert desk.last_saved is None
    dialog.name.setText("2019 年度网络安全等级保护测评报告")
    dialog.save_button.click()
    assert desk.last_saved is not None
    assert desk.last_saved.name == "2019 年度网络安全等级保护测评报告.pdf"
    names = [f.name for f in window.workspace.evidence.item_evidence(window.assessment.id, "002").files()]
    assert names == ["2019 年度网络安全等级保护测评报告.pdf"]


def test_the_progress_bar_shows_only_while_working_and_a_stopped_scan_says_how_many_pages_were_kept(
    window: MainWindow, desk: ScanDesk
) -> None:
    dialog = scan_dialog(desk)
    assert dialog.progress.isHidden()  # idle: no empty white bar
    dialog.source.setCurrentIndex(dialog.source.findData("Automatic Document Feeder"))
    dialog.until_empty.setChecked(False)
    dialog.pages_count.setValue(3)
    seen: list[bool] = []

    def stop_after_the_first_page(*_page: object) -> None:
        seen.append(not dialog.progress.isHidden())
        dialog.stop()  # 取消扫描, as the person presses it while the first page arrives
        for job in window.runner.jobs:
            job.cancel()

    dialog.acquiring.arrived.connect(stop_after_the_first_page)
    dialog.scan_button.click()
    assert seen[0]  # shown while scanning
    assert dialog.progress.isHidden()
    assert dialog.strip.count() == 1
    stopped = dialog.state.text()
    assert stopped == dialog.tr("Scan stopped: %1 page(s) kept. Scan more or save.").replace("%1", "1")


def test_the_page_buttons_tooltips_show_their_keys_as_elsewhere_with_arrows(desk: ScanDesk) -> None:
    dialog = scan_dialog(desk)
    tips = [button.toolTip() for button in dialog.page_buttons]
    assert tips[2].endswith("Ctrl+↑）") or tips[2].endswith("Ctrl+↑)")
    assert tips[3].endswith("Ctrl+↓）") or tips[3].endswith("Ctrl+↓)")
    assert all("方向" not in tip and "Up" not in tip for tip in tips)


def test_enter_in_the_name_field_saves_rather_than_scanning_more(
    desk: ScanDesk,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    dialog = scan_dialog(desk)
    dialog.scan_button.click()
    dialog.name.setText("会议纪要")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert desk.last_saved is not None
    assert desk.last_saved.name == "会议纪要.pdf"
    assert desk.last_saved.pages == 1
    assert dialog.strip.count() == 0  # nor a page scanned after by the dialog's default button (扫描)
    assert not dialog.isVisible()
