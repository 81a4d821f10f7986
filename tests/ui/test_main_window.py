"""The main window: the 2019 tree in Chinese with its scores, the gauge, the window title."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from egov_desk.core.workspace import Workspace
from egov_desk.ui.app import main
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import CODE, EVIDENCE, MAX, NAME, SCORE, IndicatorTreeModel


def all_rows(model: IndicatorTreeModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append(index)
        rows.extend(all_rows(model, index))
    return rows


def text(model: IndicatorTreeModel, index: QModelIndex, column: int) -> str | None:
    return model.data(index.siblingAtColumn(column), Qt.ItemDataRole.DisplayRole)


def test_the_tree_shows_the_2019_table(window: MainWindow) -> None:
    model = window.model
    top = [text(model, model.index(r, 0), NAME) for r in range(model.rowCount())]
    assert top == ["发展环境", "基础设施", "重点系统应用", "政务信息资源交换共享和开发利用", "安全保障"]
    codes = [text(model, i, CODE) for i in all_rows(model) if text(model, i, CODE)]
    assert codes == [f"{n:03d}" for n in range(1, 36)]
    assert text(model, model.index(0, 0), MAX) == "14"


def test_headers_gauge_and_title_are_in_chinese(window: MainWindow) -> None:
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())]
    assert headers == ["编号", "指标 / 评分项", "分值", "自评得分", "材料", "牵头科室"]
    assert window.gauge.total_text == "0.00 / 100"
    assert window.gauge.unscored_text == "35 项未评分"
    assert [bar.name for bar in window.gauge.bars] == [
        "发展环境",
        "基础设施",
        "重点系统应用",
        "政务信息资源交换共享和开发利用",
        "安全保障",
    ]
    assert window.windowTitle().startswith("本单位 2019 自评 — 2019年电子政务工作绩效年终考评指标体系")
    assert [a.text() for a in window.menuBar().actions()] == [
        "文件(&F)",
        "编辑(&E)",
        "评分(&S)",
        "视图(&V)",
        "审核(&R)",
        "帮助(&H)",
    ]


def test_evidence_column_counts_what_the_unit_must_provide(window: MainWindow) -> None:
    model = window.model
    assert text(model, model.index_of_item("002"), EVIDENCE) == "0/2"
    assert text(model, model.index_of_item("012"), EVIDENCE) == "外单位"


def test_unscored_items_show_a_dash_and_scored_ones_their_points(window: MainWindow, workspace: Workspace) -> None:
    model = window.model
    index = model.index_of_item("021")
    assert text(model, index, SCORE) == "—"
    window.apply(workspace.set_input(window.assessment.id, "021", {"numerator": 7, "denominator": 9}).changes)
    assert text(model, index, SCORE) == "2.33"
    assert text(model, model.index(3, 0), SCORE) == "2.33"
    assert window.gauge.total_text == "2.33 / 100"
    assert window.gauge.bars[3].points == window.model.sheet.nodes[(3,)].points


def test_apply_repaints_only_the_item_and_its_levels(window: MainWindow, workspace: Workspace) -> None:
    painted: list[tuple[str | None, str | None]] = []
    window.model.dataChanged.connect(
        lambda left, _right: painted.append((text(window.model, left, CODE), text(window.model, left, NAME)))
    )
    window.apply(workspace.set_input(window.assessment.id, "005", {"yes": True}).changes)
    assert painted == [
        ("005", "建立本单位政务信息化系统清单管理机制"),
        (None, "项目源头管控"),
        (None, "政务信息化项目管理"),
        (None, "发展环境"),
    ]


def test_the_tree_model_is_a_correct_qt_model(qtmodeltester, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    workspace.set_input(1, "001", {"parts": [{"count": 1}, None]})
    model = IndicatorTreeModel(workspace.scores(1))
    qtmodeltester.check(model, force_py=True)


def test_smoke_opens_the_window_and_exits_0(tmp_path: Path) -> None:
    assert main(["egov-desk", "--smoke", "--workspace", str(tmp_path / "ws")]) == 0
    assert (tmp_path / "ws" / "workspace.sqlite").is_file()


def run_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The app as its own process, offscreen, with a home of its own under ``tmp_path``."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return subprocess.run(
        [sys.executable, "-m", "egov_desk", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_smoke_as_a_separate_process_on_the_default_workspace(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--smoke")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "egov-desk" / "workspace" / "workspace.sqlite").is_file()


def test_the_demo_starts_from_the_command_line(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--demo", "--smoke")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "data" / "egov-desk" / "workspace").exists()  # the demo never touches real data


def test_changes_made_by_the_cli_while_the_window_is_open_reach_it(window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.cli import main as cli

    folder = str(window.workspace.folder)
    assert not window.check_for_changes()
    assert cli(["workspace", "set", "--workspace", folder, "021", '{"numerator": 7, "denominator": 9}']) == 0
    assert cli(["workspace", "note", "--workspace", folder, "021", "按部门目录统计"]) == 0
    pdf = tmp_path / "目录.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert cli(["evidence", "add", "--workspace", folder, "--item", "002", "--requirement", "1", str(pdf)]) == 0
    assert cli(["assessment", "set", "--workspace", folder, "--unit", "市教育局"]) == 0
    changes = window.check_for_changes()
    assert {c.code for c in changes.scores} == {"021"}
    assert window.model.index_of_item("021", SCORE).data() == "2.33"
    assert window.gauge.total_text == "2.33 / 100"
    assert window.notes["021"] == "按部门目录统计"
    assert window.model.index_of_item("002", EVIDENCE).data() == "1/2"
    assert window.windowTitle().startswith("市教育局 2019 自评")
    assert not window.check_for_changes()  # nothing new: nothing done


def test_every_item_fits_beside_the_tree_on_a_1024_screen(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """At 1024×768 the item panel once needed a horizontal scrollbar: its score fields sat half off screen."""
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    for code in window.model.item_codes():
        window.select_item(code)
        QApplication.processEvents()
        body = window.panel.widget()
        assert body.minimumSizeHint().width() <= window.panel.viewport().width(), code
        assert not window.panel.horizontalScrollBar().isVisible(), code


def test_a_change_elsewhere_to_another_assessment_shows_when_it_is_opened(window: MainWindow) -> None:
    from egov_desk.cli import main as cli

    workspace = window.workspace
    other = workspace.create_assessment(1, "本单位", 2020, "复核").assessment_id
    window.open_assessment(workspace.assessment(other))
    window.open_assessment(workspace.assessment(1))  # the 2020 sheet is now kept in memory
    folder = str(workspace.folder)
    assert cli(["workspace", "set", "--workspace", folder, "--assessment", str(other), "008", '{"score": 9}']) == 0
    window.check_for_changes()
    window.open_assessment(workspace.assessment(other))
    assert window.model.index_of_item("008", SCORE).data() == "9.00"
    assert window.gauge.total_text == "9.00 / 100"


def test_a_value_typed_in_one_assessment_is_never_saved_into_the_next(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    other = workspace.create_assessment(1, "本单位", 2020, "复核").assessment_id
    window.select_item("008")
    editor = window.panel.editor
    editor.spin.setFocus()
    qtbot.keyClicks(editor.spin, "8")  # not confirmed yet
    window.open_assessment(workspace.assessment(other))
    assert workspace.inputs(1) == {"008": {"score": 8}}  # saved where it was typed
    assert workspace.inputs(other) == {}


def test_a_change_elsewhere_never_replaces_what_the_person_is_typing(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from egov_desk.cli import main as cli

    window.select_item("022")
    editor = window.panel.editor
    editor.spin.setFocus()
    qtbot.keyClicks(editor.spin, "1.5")
    assert cli(["workspace", "set", "--workspace", str(window.workspace.folder), "022", '{"score": 3}']) == 0
    window.check_for_changes()
    assert editor.spin.text() == "1.5"
    assert "022" in window.statusBar().currentMessage()
