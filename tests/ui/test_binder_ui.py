"""装订成册 in the window: the item shown, a department from the departments view, the whole unit from 文件 → 导出,
each with its key; the save dialog proposes "<单位>-<年度>-<编号|科室|全部>-装订册.pdf"; the binder is written in
the background with its pages counted, and the message at the end says where it went with 打开 / 打开所在文件夹;
cancelled, it leaves no file."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from egov_desk.core.binder import lead_counts
from egov_desk.ui.binder.actions import export_menu
from egov_desk.ui.binder.chooser import NAME_ROLE, DepartmentChooser
from egov_desk.ui.main_window import MainWindow


def test_the_three_binders_sit_under_export_with_their_keys(demo_window: MainWindow) -> None:
    binders = demo_window.binders
    menu = export_menu(demo_window)
    assert menu is not None
    shown = menu.actions()
    for action, keys in (
        (binders.item_action, "Ctrl+B"),
        (binders.department_action, "Ctrl+Shift+B"),
        (binders.unit_action, "Ctrl+Alt+B"),
    ):
        assert action in shown
        assert action.shortcut() == QKeySequence(keys)
        assert "&" in action.text()  # a mnemonic too


def test_the_item_shown_is_bound_and_the_message_offers_to_open_it(
    demo_window: MainWindow, tmp_path: Path, inline: None
) -> None:
    demo_window.jump_to_item("003")
    out = tmp_path / "003.pdf"
    run = demo_window.binders.bind_item(target=out)
    assert run is not None
    assert run.written is not None
    assert run.written.pages == len(pypdf.PdfReader(out).pages) == 5
    box = run.summary
    assert isinstance(box, QMessageBox)
    assert str(out) in box.text()
    assert "5" in box.text()
    assert [b.text() for b in box.buttons() if b.text() != box.button(QMessageBox.StandardButton.Close).text()] == [
        run.tr("&Open"),
        run.tr("Open the &folder"),
    ]


def test_a_department_is_bound_from_the_departments_view_under_the_proposed_name(
    demo_window: MainWindow, tmp_path: Path, inline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposed: list[str] = []

    def save_as(_parent: object, _title: str, where: str, _pattern: str) -> tuple[str, str]:
        proposed.append(Path(where).name)
        return str(tmp_path / Path(where).name), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    view = demo_window.departments
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "信息中心")
    view.setCurrentIndex(model.index(0, 0, model.index(row, 0)))  # one of its items: its department is meant
    action = demo_window.binders.view_action
    assert action in view.actions()
    action.trigger()
    assert proposed == ["市教育局-2019-信息中心-装订册.pdf"]
    run = demo_window.binders.run
    assert run is not None
    assert run.written is not None
    assert run.written.path == tmp_path / "市教育局-2019-信息中心-装订册.pdf"


def test_the_evidence_checklist_menu_offers_the_item_binder(demo_window: MainWindow) -> None:
    demo_window.jump_to_item("002")
    panel = demo_window.panel.evidence
    menu = panel.menu_at(QPoint(5, panel.tree.viewport().height() - 2))
    texts = [a.text() for a in menu.actions()]
    assert demo_window.binders.tr("Bind this item into one PDF…") in texts


def test_a_level_chosen_is_told_to_choose_an_item(demo_window: MainWindow) -> None:
    demo_window.tree.setCurrentIndex(demo_window.proxy.index(0, 0))  # 发展环境, a level
    assert demo_window.binders.bind_item() is None
    assert isinstance(demo_window.last_message, QMessageBox)
    assert "Ctrl+Alt+B" in demo_window.last_message.text()


def test_a_cancelled_binder_leaves_no_file(demo_window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "binders"
    folder.mkdir()
    run = demo_window.binders.bind_unit(target=folder / "全部.pdf")
    assert run is not None
    assert run.job is not None
    run.job.cancel()
    qtbot.waitUntil(lambda: not run.job.running, timeout=30000)  # type: ignore[union-attr]
    assert run.cancelled
    assert list(folder.iterdir()) == []


def test_a_department_that_leads_no_item_is_refused_before_asking_where_to_save(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: asked.append("save") or ("", ""))
    assert demo_window.binders.bind_department("基教科") is None
    assert asked == []
    assert demo_window.binders.run is None
    assert isinstance(demo_window.last_message, QMessageBox)
    assert demo_window.last_message.text() == "「基教科」没有牵头的项目，无需装订（它配合的项目由牵头科室装订）"


def test_the_chooser_counts_each_departments_lead_items_and_greys_out_those_leading_none(
    demo_window: MainWindow,
) -> None:
    counts = lead_counts(demo_window.workspace, demo_window.workspace.default_assessment().id)
    chooser = DepartmentChooser(demo_window, counts, "基教科")
    rows = {chooser.list.item(i).data(NAME_ROLE): chooser.list.item(i) for i in range(chooser.list.count())}
    assert list(rows) == list(counts)
    assert rows["信息中心"].text() == chooser.tr("%1　leads %2 item(s)").replace("%1", "信息中心").replace(
        "%2", str(counts["信息中心"])
    )
    assert not rows["基教科"].flags() & Qt.ItemFlag.ItemIsEnabled
    assert "基教科" in rows["基教科"].toolTip()
    first_leading = next(name for name, count in counts.items() if count)
    assert chooser.chosen() == first_leading  # the one asked for leads nothing: the first that leads is proposed
    chooser.select("信息中心")
    assert chooser.chosen() == "信息中心"
    chooser.show()
    assert chooser.width() >= 440  # its title is shown whole at 1024 wide
    assert chooser.fontMetrics().horizontalAdvance(chooser.windowTitle()) < chooser.width() - 120
    chooser.close()


def test_the_department_chosen_in_the_chooser_is_bound(
    demo_window: MainWindow, tmp_path: Path, inline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(tmp_path / "科室.pdf"), "PDF (*.pdf)"))
    demo_window.departments.setCurrentIndex(QModelIndex())

    def choose() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, DepartmentChooser)
        chooser.select("信息中心")
        chooser.accept()

    QTimer.singleShot(0, choose)
    run = demo_window.binders.bind_department()
    assert run is not None
    assert run.scope.name == "信息中心"
    assert run.written is not None
    assert run.written.path == tmp_path / "科室.pdf"
