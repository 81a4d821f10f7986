"""File → 导出科室工作包… in the real window: the departments listed with their items and evidence, several
written at once into the folder chosen, named by year, unit, department and number; a refusal names the file;
cancelling leaves nothing of the package under way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from egov_desk.core.packages.reading import read_package
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.packages.export_dialog import ExportDialog, department_rows
from egov_desk.ui.packages.wiring import EXPORT_KEYS


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    demo_window.runner.synchronous = True
    return demo_window


def open_dialog(window: MainWindow) -> ExportDialog:
    action = window.packages.export_action
    assert action.shortcut().toString() == EXPORT_KEYS
    action.trigger()
    dialog = window.packages.exports.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_the_dialog_lists_every_department_with_its_items_and_evidence(window: MainWindow, demo: Workspace) -> None:
    dialog = open_dialog(window)
    rows = department_rows(demo, window.assessment.id)
    shown = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    assert [entry.text(0) for entry in shown] == [row.department for row in rows]
    office = next(row for row in rows if row.department == "办公室")
    assert office.lead + office.cooperating > 0
    line = next(entry for entry in shown if entry.text(0) == "办公室")
    assert (line.text(1), line.text(2)) == (str(office.lead), str(office.cooperating))
    assert not dialog.chosen()  # nothing filtered in the toolbar: nothing ticked
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_several_departments_are_written_named_by_year_unit_department_and_number(
    window: MainWindow, demo: Workspace, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "packages"
    out.mkdir()
    dialog = open_dialog(window)
    dialog.tick(["办公室", "信息中心"])
    dialog.folder.setText(str(out))
    dialog.accept()
    run = window.packages.exports.run
    assert run is not None
    written = {w.department: w.path for w in run.results.written}
    assessment = window.assessment
    assert sorted(written) == ["信息中心", "办公室"]
    for department, path in written.items():
        assert path.parent == out
        assert path.name == f"{assessment.year}-{assessment.unit}-{department}-第1个.egovpkg"
        assert read_package(path).manifest.department == department
    summary = run.summary
    assert summary is not None
    assert summary.isVisible()
    assert all(path.name in summary.text() for path in written.values())
    summary.close()

    dialog = open_dialog(window)  # the second package of a department is its 第2个
    dialog.tick(["办公室"])
    dialog.accept()
    assert [w.path.name for w in window.packages.exports.run.results.written] == [
        f"{assessment.year}-{assessment.unit}-办公室-第2个.egovpkg"
    ]


def test_missing_evidence_refuses_that_package_naming_the_file_and_the_others_go_on(
    window: MainWindow, demo: Workspace, tmp_path: Path
) -> None:
    rows = {row.department: row for row in department_rows(demo, window.assessment.id)}
    with_files = [name for name, row in rows.items() if row.files]
    without = [name for name, row in rows.items() if not row.files and row.lead]
    assert with_files
    assert without
    for file in demo.evidence.by_item(window.assessment.id).values():
        for info in file.files():
            demo.evidence.vault.path_of(info.sha256).unlink(missing_ok=True)
    window.packages.exports.start([with_files[0], without[0]], tmp_path)
    run = window.packages.exports.run
    assert [w.department for w in run.results.written] == [without[0]]
    why = run.results.refused[with_files[0]]
    assert ".egovpkg" in why
    assert "未写出" in why
    assert not list(tmp_path.glob(f"*{with_files[0]}*"))
    assert run.summary is not None
    assert run.summary.icon() == QMessageBox.Icon.Warning
    assert why in run.summary.text()


def test_a_cancelled_export_leaves_nothing_of_the_package_under_way(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    exports = window.packages.exports
    run_started = exports.start  # cancel as soon as the work starts: the first package is written, then removed
    window.runner.synchronous = False
    job = run_started(["办公室", "信息中心"], tmp_path)
    assert job is not None
    job.cancel()
    qtbot.waitUntil(lambda: exports.run is not None and exports.run.summary is not None, timeout=20000)
    assert exports.run.results.cancelled
    assert not list(tmp_path.glob("*.egovpkg"))
    assert "取消" in exports.run.summary.text() or "Cancelled" in exports.run.summary.text()


def test_the_filter_department_is_ticked_and_the_keyboard_ticks_others(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.department_combo.setCurrentIndex(window.department_combo.findData("办公室"))
    dialog = open_dialog(window)
    assert dialog.chosen() == ["办公室"]
    dialog.list.setFocus()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    first = dialog.list.topLevelItem(0).text(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert first in dialog.chosen() or first == "办公室"
    dialog.reject()
