"""Showing what changed in the assessment shown — by a write of this window (its undo and redo too) or made
elsewhere (the command line, another window): an item's score with the levels above it and the gauge, its note,
its evidence, in the tree, the departments and the panel. The window calls these from ``MainWindow.apply``; they
touch only what :class:`ShownAssessment` names of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar

from egov_desk.core.changes import Changes
from egov_desk.ui.several_people import typing_over

if TYPE_CHECKING:
    from egov_desk.core.changes import Change
    from egov_desk.core.indicators import Item
    from egov_desk.core.scoring import ScoreSheet
    from egov_desk.core.watch import DataWatch
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo
    from egov_desk.ui.models.indicator_tree import IndicatorTreeModel
    from egov_desk.ui.ops import Runner
    from egov_desk.ui.panels.departments import DepartmentsView
    from egov_desk.ui.panels.item_panel import ItemPanel
    from egov_desk.ui.widgets.gauge import ScoreGauge
    from egov_desk.ui.widgets.read_only_banner import ReadOnlyBanner


class ShownAssessment(Protocol):
    """What of the window shows an assessment (the main window is one)."""

    workspace: Workspace
    assessment: AssessmentInfo
    inputs: dict[str, Any]
    notes: dict[str, str]
    typed_from: dict[tuple[str, str], Any]
    evidence_counts: dict[str, tuple[int, int, int]]  # code → (collected, checked, needed)
    model: IndicatorTreeModel
    gauge: ScoreGauge
    panel: ItemPanel
    department_view: DepartmentsView  # repaints only rows it has built
    read_only_banner: ReadOnlyBanner
    data_watch: DataWatch | None
    runner: Runner  # its background jobs

    def current_item(self) -> Item | None: ...

    def statusBar(self) -> QStatusBar: ...

    def apply(self, changes: Changes) -> None: ...


def show_changes_made_elsewhere(shown: ShownAssessment) -> Changes:
    """Repaint what another process (the CLI, another window) changed in the workspace."""
    shown.read_only_banner.follow_holder()
    if shown.data_watch is None or shown.runner.writing() or not shown.data_watch.changed():
        return Changes()  # a job of this window writing: its commits are not changes made elsewhere
    assessment = shown.assessment.id
    shown.workspace.forget_scores(keep=assessment)  # other assessments are re-read when next opened
    changes = shown.workspace.changes_since(
        assessment, shown.inputs, shown.notes, evidence_counts=shown.evidence_counts, details=shown.assessment
    )
    shown.apply(changes)
    if (item := shown.current_item()) is not None:  # a file added elsewhere may leave its counts as they were
        show_evidence(shown, {item.code})
    typing = shown.panel.editor is not None and shown.panel.editor.unconfirmed()
    scores = len(changes.scores)
    if scores and not typing:  # else the message that the person's typing was kept stays in view
        shown.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "%n change(s) made elsewhere are shown.", "", scores), 6000
        )
    return changes


def show_score(shown: ShownAssessment, change: Change) -> None:
    if change.assessment_id != shown.assessment.id:
        return
    typing = typing_over(shown, change)  # what the person began from stays what they saw
    if change.note is not None:
        shown.notes[change.code] = change.note
    elif change.input is None:
        shown.inputs.pop(change.code, None)
    else:
        shown.inputs[change.code] = change.input
    shown.model.apply(change)
    show_total(shown.gauge, shown.model.sheet)
    for node in change.nodes:
        if len(node.key) == 1:
            shown.gauge.set_bar(node.key[0], node.points, node.unscored)
    item, panel = shown.current_item(), shown.panel
    if item is not None and item.code == change.code:
        panel.show_score(change.item)
        if change.note is not None and panel.note.toPlainText() != change.note and not typing:
            panel.note.load(change.note)
        elif typing:  # the person is typing: keep what they typed
            shown.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "%1 was changed elsewhere; what you are typing is kept."
                ).replace("%1", change.code),
                8000,
            )
        elif change.note is None and panel.editor and panel.editor.current_input() != change.input:
            panel.reload_input(change.input)  # undo/redo or a change made elsewhere
    shown.department_view.update_item(change.code, shown.model.sheet.system, shown.model.sheet, shown.evidence_counts)


def show_evidence(shown: ShownAssessment, codes: set[str]) -> None:
    """Read the evidence of these items of the assessment shown (one read for all of them) and repaint it:
    their column in the tree, the departments' counts, the panel showing one of them."""
    if not codes:
        return
    book, assessment = shown.workspace.evidence, shown.assessment.id
    read = book.by_item(assessment, next(iter(codes))) if len(codes) == 1 else book.by_item(assessment)
    for code in sorted(codes & set(read)):
        evidence = read[code]
        shown.evidence_counts[code] = (evidence.collected, evidence.checked, evidence.needed)
        shown.model.set_evidence(code, *shown.evidence_counts[code])
        shown.department_view.update_item(code, shown.model.sheet.system, shown.model.sheet, shown.evidence_counts)
        if shown.panel.item is not None and shown.panel.item.code == code:
            shown.panel.evidence.show_evidence(evidence)


def show_total(gauge: ScoreGauge, sheet: ScoreSheet) -> None:
    gauge.set_sheet(sheet)


def moved_elsewhere(shown: AssessmentInfo, changes: Changes) -> bool:
    """Whether the assessment shown moved onto another version of its system (here, or in another window: its
    details then name another system)."""
    return any(move.assessment_id == shown.id for move in changes.assessments_moved) or any(
        change.after.id == shown.id and change.after.system_id != shown.system_id for change in changes.details
    )


def system_editor_asks_first(editor: Any, then: Callable[[], object]) -> bool:
    """The window is closing: True when the system editor (if one was opened) asks about unsaved edits first."""
    if editor is None:
        return False
    from egov_desk.ui.system_editor import close_editor_first  # loaded only once the editor was opened

    return bool(close_editor_first(editor, then))
