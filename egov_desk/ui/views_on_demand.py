"""The views of the main window that are not on screen at first — the 科室 tab's rows, the 待办 tab, the 修改记录
dock, an evidence file's preview — are built when first opened: the window's construction and a switch of
assessment pay only for what shows. The 待办 tab (panels/worklist_view.py) and the history dock
(panels/history_panel.py) build themselves on their first show; the preview's dialog and QtPdf load on the first
preview (evidence_actions.py). Here: what the window offers of them to its callers and tests, built on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from egov_desk.core.indicators import IndicatorSystem
    from egov_desk.core.scoring import ScoreSheet
    from egov_desk.ui.models.indicator_tree import IndicatorTreeModel
    from egov_desk.ui.panels.departments import DepartmentsView, Evidence


class ViewsOnDemand:
    """Mixed into the main window."""

    tabs: QTabWidget
    department_view: DepartmentsView  # its rows built when first shown
    model: IndicatorTreeModel
    evidence_counts: Evidence

    @property
    def departments(self) -> DepartmentsView:
        """The 科室 view with the rows of the assessment shown, built now when they are not."""
        return self.department_view.ready()

    def shown_for_departments(self) -> tuple[IndicatorSystem, ScoreSheet, Evidence]:
        """What the 科室 view shows, read when its rows are built."""
        return self.model.sheet.system, self.model.sheet, self.evidence_counts

    def show_tab(self, index: int) -> None:
        """0: the indicators, 1: the departments, 2: the worklist (each built when first shown)."""
        self.tabs.setCurrentIndex(index)
