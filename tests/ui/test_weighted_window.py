"""A weighted table (一级 权重 50/25/25, each scored out of 100 inside) in the window: each level shows its weight,
the gauge's bars run to the weights, and a level says what it scored inside and how it counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from egov_desk.core.importers.pipeline import import_table, system_data
from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.models.indicator_tree import MAX
from tests.core.importing.test_weighted_tables import weighted_table


def test_weighted_levels_show_their_weights_and_count_by_them(qtbot: Any, workspace: Workspace, tmp_path: Path) -> None:
    changes = workspace.import_system(system_data(import_table(weighted_table(tmp_path))), "t:w", "w", "测试", 2024)
    assessment = changes.assessments_added[0]
    workspace.set_setting("current_assessment", assessment)
    workspace.set_input(assessment, "001", {"yes": True})  # 60 of 100 inside 业务工作 (weight 50): 30 in the total
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert [(bar.name, bar.max) for bar in window.gauge.bars] == [("业务工作", 50), ("内部管理", 25), ("公众服务", 25)]
    assert window.gauge.bars[0].points == 30
    model = window.model
    first = model.index(0, MAX)
    assert model.data(first) == "50"
    window.tree.setCurrentIndex(window.proxy.mapFromSource(first))
    assert window.panel.heading.text() == "业务工作（权重 50%）"
    assert "内部 60.00 / 100，按 50% 计入总分" in window.panel.facts.text()
