"""What names the assessment shown: the gauge's title and subtitle, the window's title; and its workspace's folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from egov_desk.core.workspace import Workspace
from egov_desk.core.workspace_info import AssessmentInfo
from egov_desk.ui.widgets.gauge import ScoreGauge


def show_assessment_names(
    window: QWidget, gauge: ScoreGauge, assessment: AssessmentInfo, system_title: str, demo: bool, read_only: bool
) -> None:
    gauge.title = system_title
    gauge.subtitle = f"{assessment.unit} · {assessment.year} · {assessment.title}"
    if assessment.filled_by:
        gauge.subtitle += " · " + QCoreApplication.translate("MainWindow", "filled in by %1").replace(
            "%1", assessment.filled_by
        )
    if demo:
        gauge.subtitle += QCoreApplication.translate("MainWindow", " · demo workspace, deleted when closed")
    gauge.update()
    demo_mark = QCoreApplication.translate("MainWindow", "[Demo] ") if demo else ""
    read_only_mark = QCoreApplication.translate("MainWindow", "[Read-only] ") if read_only else ""
    shown = f"{assessment.unit} {assessment.year} {assessment.title}"
    window.setWindowTitle(f"{read_only_mark}{demo_mark}{shown} — {system_title} — egov-desk")


def workspace_status(workspace: Workspace) -> str:
    """The status bar's word on the workspace: its folder, and whether every change is saved (none, read-only)."""
    folder = workspace.folder
    if workspace.read_only:
        saved = QCoreApplication.translate("MainWindow", "read-only")
    else:
        saved = QCoreApplication.translate("MainWindow", "every change is saved at once")
    text = QCoreApplication.translate("MainWindow", "Workspace: %1 · %2")
    return text.replace("%1", str(folder)).replace("%2", saved) if folder else ""
