"""The main window: the gauge on top, the indicator tree (and departments) left, the selected item right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from egov_desk.core.changes import Changes
from egov_desk.core.errors import ChangedSince
from egov_desk.core.indicators import Item, Node
from egov_desk.core.workspace import AssessmentChange, AssessmentInfo, Workspace
from egov_desk.ui import (
    details_editing,
    import_step,
    long_lived,
    several_people,
    shown_changes,
    tree_navigation,
    window_closing,
    window_layout,
)
from egov_desk.ui.assessment_names import show_assessment_names, workspace_status
from egov_desk.ui.binder.actions import Binders
from egov_desk.ui.carried_evidence import connect_carried
from egov_desk.ui.context import ShellCalls, WindowContext
from egov_desk.ui.dialogs.backups import Backups
from egov_desk.ui.dialogs.export_package import PackageExport
from egov_desk.ui.dialogs.exports import Exports
from egov_desk.ui.dialogs.import_wizard import ImportWizard
from egov_desk.ui.dialogs.verify import EvidenceCheck
from egov_desk.ui.evidence_actions import EvidenceActions
from egov_desk.ui.evidence_search.desk import EvidenceSearch
from egov_desk.ui.menus import Menus
from egov_desk.ui.models.indicator_tree import CODE, NAME, IndicatorTreeModel
from egov_desk.ui.models.tree_filter import IndicatorFilter
from egov_desk.ui.ops import Runner
from egov_desk.ui.packages.wiring import PackageWork
from egov_desk.ui.panels.history_panel import HistoryDock
from egov_desk.ui.refused_input import ask_about_abandoned, ask_before_closing
from egov_desk.ui.return_review.flow import ReturnImport
from egov_desk.ui.review_desk import ReviewDesk
from egov_desk.ui.scanning.desk import ScanDesk
from egov_desk.ui.server.window import ServerDesk
from egov_desk.ui.text_findings import TextFindingMarks
from egov_desk.ui.undo import SetInput, SetNote, push
from egov_desk.ui.views_on_demand import ViewsOnDemand
from egov_desk.ui.widgets.gauge import Bar
from egov_desk.ui.window_widgets import build_central_area, build_toolbar, list_assessments, list_departments

WATCH_INTERVAL_MS = 1000  # how soon a change made elsewhere (CLI, another window) shows


class MainWindow(QMainWindow, ViewsOnDemand):
    def __init__(
        self, workspace: Workspace, shell: ShellCalls | None = None, demo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.shell = shell
        self.demo = demo
        self.setObjectName("mainWindow")
        self.runner = Runner(self)
        self.last_message: QMessageBox | None = None  # the last question asked (tests answer it)
        self.details_dialog: QDialog | None = None
        self.close_confirmed = False  # the person chose to close with a refused value left unsaved
        self.help_dialog: QDialog | None = None
        self.undo_stack = QUndoStack(self)
        self.inputs: dict[str, Any] = {}
        self.notes: dict[str, str] = {}
        self.typed_from: dict[tuple[str, str], Any] = {}  # several_people.typing_over
        self.evidence_counts: dict[str, tuple[int, int, int]] = {}  # code → (collected, checked, needed)
        self._build_widgets()
        self.context = self._make_context()
        self.evidence_actions = EvidenceActions(self.context, self.panel.evidence)
        connect_carried(self.context, self.panel.evidence)
        self.package_export = PackageExport(self.context)
        self.exports = Exports(self.context)
        self.backups = Backups(self.context)  # also the daily backup while the window is open
        self.evidence_check = EvidenceCheck(self.context)
        self.menus = Menus(self, self)
        self.menu_actions = self.menus.build()
        self._build_toolbar()
        self.worklist.attach(self.context, self.assessment_combo.currentIndexChanged, self.jump_to_item)
        self.review = ReviewDesk(self, self)  # the 审核 menu, the review bar, the tree's marks, the 定稿 lock
        self.history = HistoryDock(self, self, self.menus.view_menu, self.menus.help_menu)  # 修改记录, its check
        self.packages = PackageWork(self, self, self.context)  # 科室工作包: export, open, return; 科室填报 mode
        self.return_import = ReturnImport(self, self.context)  # 导入科室回执…: the review of a department's return
        self._disable_writes_if_read_only()
        self.server = ServerDesk(self, self.context)  # 连接服务器…; on a server: 服务器 host/db, no folder backups
        self.scanning = ScanDesk(self.context, self.evidence_actions)  # 扫描… (Ctrl+Shift+D): scanner → one PDF
        self.evidence_search = EvidenceSearch(self, self.context)  # 材料内容: OCR in the background, the search scope
        self.text_findings = TextFindingMarks(self.context, self.panel.evidence, self.evidence_search.ocr)  # 材料存疑
        self.binders = Binders(self, self.context, self.department_view, self.panel.evidence)  # 装订成册
        self.resize(1280, 720)
        window_layout.restore_layout(self, self.splitter)
        self.refresh_assessments()
        self.open_assessment(workspace.default_assessment())
        self.history.restore()  # the dock open at the last close is open again
        self.data_watch = workspace.watch()
        self.server_push = several_people.push_changes(self, self.data_watch, self.check_for_changes)  # heard at once
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self.check_for_changes)
        if self.data_watch is not None:
            self.watch_timer.start()
        long_lived.settled(self)  # the collector's passes no longer walk the window built (long_lived.py)

    # --- building ---------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        area = build_central_area(self, self.workspace)
        self.read_only_banner, self.gauge, self.tabs = area.read_only_banner, area.gauge, area.tabs
        self.tree, self.panel, self.splitter = area.tree, area.panel, area.splitter
        self.department_view, self.worklist = area.departments, area.worklist  # each built when first shown
        self.proxy = IndicatorFilter(self)
        self.tree.setModel(self.proxy)  # one proxy for every assessment: its selection model is connected once
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.department_view.item_activated.connect(self.jump_to_item)
        self.panel.input_edited.connect(self.edit_input)
        self.panel.note_edited.connect(self.edit_note)
        self.panel.input_abandoned.connect(self._input_abandoned)
        self.read_only_banner.reopen_requested.connect(self._reopen_for_editing)

    def _make_context(self) -> WindowContext:
        """What the window's helpers get of it: never its widgets."""
        return WindowContext(
            workspace=self.workspace,
            parent=self,
            runner=self.runner,
            undo_stack=self.undo_stack,
            shell=self.shell,
            shown_assessment=lambda: self.assessment,
            current_item=self.current_item,
            shown_inputs=lambda: self.inputs,
            departments=lambda: self.model.sheet.system.departments(),
            department_filter=lambda: self.department_combo.currentData(),
            show_status=lambda text, timeout_ms: self.statusBar().showMessage(text, timeout_ms),
            remember=self._remember,
            report_failure=self.report_failure,
            apply=self.apply,
            import_table=self.import_table,
            read_score_sheet=lambda path: self.exports.import_sheet(path),
        )

    def _remember(self, box: QMessageBox) -> None:
        self.last_message = box

    def _disable_writes_if_read_only(self) -> None:
        """A read-only window offers nothing that would change the workspace."""
        for action in self.menu_actions.writing():
            action.setEnabled(not self.workspace.read_only)

    def _reopen_for_editing(self) -> None:
        if self.shell is not None and self.workspace.folder is not None:
            self.shell.open_folder(self.workspace.folder, create=False)

    def _build_toolbar(self) -> None:
        bar = build_toolbar(self, self.menu_actions)
        self.assessment_combo, self.search = bar.assessment_combo, bar.search
        self.department_combo, self.role_combo = bar.department_combo, bar.role_combo
        self.assessment_combo.activated.connect(self._assessment_chosen)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._go_to_first_match)
        self.department_combo.currentIndexChanged.connect(self._filter)
        self.role_combo.currentIndexChanged.connect(self._filter)

    # --- assessments ------------------------------------------------------------------------------

    def refresh_assessments(self) -> None:
        list_assessments(self.assessment_combo, self.workspace)

    def _assessment_chosen(self, index: int) -> None:
        assessment_id = self.assessment_combo.itemData(index)
        if assessment_id != self.assessment.id:
            if not self.workspace.read_only:
                self.workspace.set_setting("current_assessment", assessment_id)
            self.open_assessment(self.workspace.assessment(assessment_id))

    def switch_to_assessment(self, assessment_id: int) -> None:
        """Show another assessment (a new one, say), remembered as the one to open next time."""
        self.workspace.set_setting("current_assessment", assessment_id)
        self.refresh_assessments()
        self.open_assessment(self.workspace.assessment(assessment_id))

    def open_assessment(self, assessment: AssessmentInfo, *, keep_undo: bool = False) -> None:
        if hasattr(self, "assessment"):  # what is typed belongs to the assessment shown until now
            self.panel.note.flush()
            self.panel.show_nothing()
        self.assessment = assessment
        if not keep_undo:
            self.undo_stack.clear()
        sheet = self.workspace.scores(assessment.id)
        system = sheet.system
        self.inputs = self.workspace.inputs(assessment.id)
        self.notes = self.workspace.notes(assessment.id)
        counts = self.workspace.evidence.counts(assessment.id)
        self.evidence_counts = dict(counts)
        self.model = IndicatorTreeModel(sheet, dict(self.evidence_counts), self)
        self.proxy.setSourceModel(self.model)
        self.tree.setTreePosition(NAME)  # branches beside the names; codes stay in a clean column
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(CODE, Qt.SortOrder.AscendingOrder)  # the table's own order
        self.tree.expandAll()
        window_layout.size_columns(self.tree, self.model)
        list_departments(self.department_combo, system.departments())
        self.assessment_combo.setCurrentIndex(self.assessment_combo.findData(assessment.id))
        self._show_assessment_names()
        self.gauge.set_bars(
            [
                Bar(n.name, sheet.nodes[n.key].points, sheet.nodes[n.key].max, sheet.nodes[n.key].unscored)
                for n in system.tree
            ]
        )
        shown_changes.show_total(self.gauge, sheet)
        self.department_view.show_assessment(self.shown_for_departments)  # built now only when on screen
        self.statusBar().showMessage(workspace_status(self.workspace))
        self.select_item(self.model.item_codes()[0])

    def _show_assessment_names(self) -> None:
        system, read_only = self.model.sheet.system, self.workspace.read_only
        show_assessment_names(self, self.gauge, self.assessment, system.title, self.demo, read_only)

    # --- the assessment's details -----------------------------------------------------------------

    def ask_unit_if_needed(self) -> None:
        """On the first start of a workspace: ask for the unit (and who fills in) before anything is printed."""
        if not self.isVisible():  # replaced by another window before this was asked: its workspace is closed
            return
        if not self.demo and not self.workspace.read_only and not self.workspace.unit_given():
            self.edit_details(first_start=True)

    def edit_details(self, first_start: bool = False) -> None:
        self.details_dialog = details_editing.edit_details(self.context, first_start, self.server.connect_server)

    def edit_system(self) -> None:
        from egov_desk.ui.system_editor import open_system_editor

        self.system_editor = open_system_editor(self.context)

    def show_assessment_again(self) -> None:
        """Moved onto another version of its system: the assessment shown from it, the undo steps kept, the item
        the person was on selected again when the version has it."""
        code = self.panel.item.code if self.panel.item is not None else None
        self.open_assessment(self.workspace.assessment(self.assessment.id), keep_undo=True)
        if code in self.model.item_codes():
            self.select_item(code)

    def _apply_details(self, change: AssessmentChange) -> None:
        if change.after.id != self.assessment.id:
            return
        self.assessment = change.after
        self.refresh_assessments()
        self.assessment_combo.setCurrentIndex(self.assessment_combo.findData(self.assessment.id))
        self._show_assessment_names()

    # --- selection --------------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry(self.proxy.mapToSource(current))
        sheet = self.model.sheet
        if isinstance(entry, Item):
            evidence = self.workspace.evidence.item_evidence(self.assessment.id, entry.code)
            inp, note = self.inputs.get(entry.code), self.notes.get(entry.code, "")
            self.panel.show_item(entry, inp, note, sheet.items[entry.code], evidence)
        elif isinstance(entry, Node):
            self.panel.show_node(entry, sheet.nodes[entry.key])

    def current_item(self) -> Item | None:
        entry = self.model.entry(self.proxy.mapToSource(self.tree.currentIndex()))
        return entry if isinstance(entry, Item) else None

    def select_item(self, code: str) -> bool:
        return tree_navigation.select_item(self.tree, self.proxy, self.model, code)

    def jump_to_item(self, code: str) -> None:
        self.tabs.setCurrentWidget(self.tree)
        if not self.select_item(code):  # hidden by the filter: clear it
            self.search.clear()
            self.department_combo.setCurrentIndex(0)
            self.select_item(code)
        self.tree.setFocus()

    def next_unscored(self) -> None:
        tree_navigation.step_unscored(self, self.model, 1)

    def previous_unscored(self) -> None:
        tree_navigation.step_unscored(self, self.model, -1)

    def focus_editor(self) -> None:
        self.panel.focus_editor()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.tree)
        self.search.setFocus()
        self.search.selectAll()

    def focus_tree(self) -> None:
        self.tree.setFocus()

    def show_help(self) -> None:
        from egov_desk.ui.dialogs.help import HelpDialog

        self.help_dialog = HelpDialog(self)
        self.help_dialog.open()

    # --- filters and sorting ----------------------------------------------------------------------

    def _filter(self) -> None:
        tree_navigation.filter_tree(self)

    def visible_codes(self) -> list[str]:
        """The item codes the tree shows now, in its order."""
        return self.proxy.visible_item_codes()

    def _go_to_first_match(self) -> None:
        tree_navigation.go_to_first_match(self)

    # --- edits ------------------------------------------------------------------------------------

    def edit_input(self, code: str, inp: Any) -> None:
        seen = several_people.seen_before(self.typed_from, several_people.INPUT, code, self.inputs.get(code))
        command = SetInput(self.workspace, self.assessment.id, code, seen, inp, self.apply, self.report_failure)
        push(self.undo_stack, command)

    def edit_note(self, code: str, text: str) -> None:
        seen = several_people.seen_before(self.typed_from, several_people.NOTE, code, self.notes.get(code, ""))
        command = SetNote(self.workspace, self.assessment.id, code, seen, text, self.apply, self.report_failure)
        push(self.undo_stack, command)

    def _input_abandoned(self, code: str, typed: list[str], reason: str) -> None:
        # After the selection has settled: a dialog inside currentChanged would re-enter the view.
        assessment = self.assessment.id
        QTimer.singleShot(
            0, self, lambda: ask_about_abandoned(self.context, assessment, code, typed, reason, self._return_to_input)
        )

    def _close_without_input(self) -> None:
        self.close_confirmed = True
        self.close()

    def _return_to_input(self, code: str, typed: list[str]) -> None:
        self.jump_to_item(code)
        if self.panel.editor is not None and self.panel.item is not None and self.panel.item.code == code:
            self.panel.editor.retype(typed)
            self.panel.editor.typing()
            self.panel.focus_editor()

    def check_for_changes(self) -> Changes:
        """Repaint what another process (the CLI, another window) changed in the workspace."""
        return shown_changes.show_changes_made_elsewhere(self)

    def report_failure(self, error: Exception) -> None:
        """A write that was refused or failed: say so without blocking (undo may run inside a key press)."""
        if several_people.offer_mine(self, error):  # a score or note changed since: theirs shown, mine offered
            return
        self.last_message = window_closing.not_saved(self, error)
        if isinstance(error, ChangedSince):  # show what is stored now, at once
            QTimer.singleShot(0, self, self.check_for_changes)

    def apply(self, changes: Changes) -> None:
        """Repaint what a Workspace write changed — the one place every write's changes are shown: items with
        the levels above them and the gauge, notes, the assessment's details, items' evidence and checklists
        (read again once), an assessment added (shown) or removed (another one shown) or moved onto another version
        of its system (shown again)."""
        if shown_changes.moved_elsewhere(self.assessment, changes):  # onto another version: the tree built again
            QTimer.singleShot(0, self, self.show_assessment_again)
            return
        for score in changes.scores:
            shown_changes.show_score(self, score)
        for details in changes.details:
            self._apply_details(details)
        shown_changes.show_evidence(self, changes.evidence_codes(self.assessment.id, self.assessment.system_id))
        added, removed = changes.assessments_added, changes.assessments_removed
        if added or removed:  # after the write's undo command: switching clears the undo stack
            now = added[-1] if added else self.assessment.id
            if now in removed:
                now = self.workspace.default_assessment().id
            QTimer.singleShot(0, self, lambda: self.switch_to_assessment(now))
        self.worklist.apply(changes)
        self.review.apply(changes)
        self.history.apply(changes)

    # --- imports and layout -----------------------------------------------------------------------

    def import_table(self) -> ImportWizard:
        """Open the import wizard; when it creates an assessment, switch to it."""
        return import_step.import_table(self.context, self.switch_to_assessment)

    def save_layout(self) -> None:
        window_layout.save_layout(self, self.splitter, self.history)

    def closeEvent(self, event: QCloseEvent) -> None:
        if shown_changes.system_editor_asks_first(getattr(self, "system_editor", None), self.close):
            event.ignore()  # the system editor asks about its unsaved edits; the window closes after it
            return
        editor, item = self.panel.editor, self.panel.item
        if editor is not None and item is not None and not self.close_confirmed:
            editor.commit()
            if editor.refusal:
                event.ignore()  # asked without blocking; closing goes on when the person says so
                ask_before_closing(self.context, item.code, editor.typed(), editor.refusal, self._close_without_input)
                return
        window_closing.finish(self)
        super().closeEvent(event)
