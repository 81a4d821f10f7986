"""The main window: the gauge on top, the indicator tree (and departments) left, the selected item right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.changes import Changes
from egov_desk.core.errors import ChangedSince
from egov_desk.core.indicators import Item, Node
from egov_desk.core.messages import say
from egov_desk.core.workspace import AssessmentChange, AssessmentInfo, Change, Workspace
from egov_desk.ui.context import ShellCalls, WindowContext
from egov_desk.ui.dialogs.backups import Backups
from egov_desk.ui.dialogs.export_package import PackageExport
from egov_desk.ui.dialogs.exports import Exports
from egov_desk.ui.dialogs.import_wizard import ImportWizard
from egov_desk.ui.dialogs.refusal import refusal_box
from egov_desk.ui.dialogs.verify import EvidenceCheck
from egov_desk.ui.evidence_actions import EvidenceActions
from egov_desk.ui.language import ui_language
from egov_desk.ui.menus import Menus
from egov_desk.ui.models.indicator_tree import CODE, EVIDENCE, LEAD, MAX, NAME, SCORE, IndicatorTreeModel
from egov_desk.ui.models.tree_filter import COOPERATING, EITHER, IndicatorFilter
from egov_desk.ui.models.tree_filter import LEAD as AS_LEAD
from egov_desk.ui.ops import Runner
from egov_desk.ui.panels.departments import DepartmentsView
from egov_desk.ui.panels.item_panel import ItemPanel
from egov_desk.ui.undo import SetAssessmentDetails, SetInput, SetNote, Step
from egov_desk.ui.widgets.gauge import Bar, ScoreGauge
from egov_desk.ui.widgets.read_only_banner import ReadOnlyBanner

WATCH_INTERVAL_MS = 1000  # how soon a change made elsewhere (CLI, another window) shows


class MainWindow(QMainWindow):
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
        self.evidence: dict[str, tuple[int, int, int]] = {}  # code → (collected, checked, needed)
        self._build_widgets()
        self.context = self._make_context()
        self.evidence_actions = EvidenceActions(self.context, self.panel.evidence)
        self.package_export = PackageExport(self.context)
        self.exports = Exports(self.context)
        self.backups = Backups(self.context)  # also the daily backup while the window is open
        self.evidence_check = EvidenceCheck(self.context)
        self.menus = Menus(self, self)
        self.menu_actions = self.menus.build()
        self._build_toolbar()
        self._disable_writes_if_read_only()
        self.resize(1280, 720)
        self._restore_layout()
        self.refresh_assessments()
        self.open_assessment(workspace.default_assessment())
        self.data_watch = workspace.watch()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self.check_for_changes)
        if self.data_watch is not None:
            self.watch_timer.start()

    # --- building ---------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.gauge = ScoreGauge()
        self.tree = QTreeView()
        self.tree.setObjectName("indicatorTree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.proxy = IndicatorFilter(self)
        self.departments = DepartmentsView()
        self.departments.item_activated.connect(self.jump_to_item)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tree, self.tr("Indicators"))
        self.tabs.addTab(self.departments, self.tr("Departments"))
        self.panel = ItemPanel()
        self.panel.input_edited.connect(self.edit_input)
        self.panel.note_edited.connect(self.edit_note)
        self.panel.input_abandoned.connect(self._input_abandoned)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.read_only_banner = ReadOnlyBanner(self.workspace)
        self.read_only_banner.reopen_requested.connect(self._reopen_for_editing)
        self.panel.set_read_only(self.workspace.read_only)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.gauge)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

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
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.assessment_combo = QComboBox()
        self.assessment_combo.setObjectName("assessmentCombo")
        self.assessment_combo.setMinimumContentsLength(16)
        self.assessment_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.assessment_combo.activated.connect(self._assessment_chosen)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search code, name or rule (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._go_to_first_match)
        self.department_combo = QComboBox()
        self.department_combo.setObjectName("departmentFilter")
        self.department_combo.currentIndexChanged.connect(self._filter)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleFilter")
        for text, role in (
            (self.tr("lead or cooperating"), EITHER),
            (self.tr("as lead"), AS_LEAD),
            (self.tr("as cooperating"), COOPERATING),
        ):
            self.role_combo.addItem(text, role)
        self.role_combo.currentIndexChanged.connect(self._filter)
        bar.addWidget(QLabel(self.tr(" Assessment ")))
        bar.addWidget(self.assessment_combo)
        bar.addSeparator()
        bar.addWidget(self.search)
        bar.addWidget(QLabel(self.tr("  Department ")))
        bar.addWidget(self.department_combo)
        bar.addWidget(self.role_combo)
        bar.addSeparator()
        for action, short in (
            (self.menu_actions.previous_unscored_action, self.tr("Previous unscored")),
            (self.menu_actions.next_unscored_action, self.tr("Next unscored")),
            (self.menu_actions.undo_action, self.tr("Undo")),
            (self.menu_actions.redo_action, self.tr("Redo")),
        ):
            action.setIconText(short)  # toolbar text without the menu's mnemonic
            bar.addAction(action)

    # --- assessments ------------------------------------------------------------------------------

    def refresh_assessments(self) -> None:
        self.assessment_combo.clear()
        systems = {s.id: s for s in self.workspace.systems()}
        for info in self.workspace.assessments():
            self.assessment_combo.addItem(info.label, info.id)
            self.assessment_combo.setItemData(
                self.assessment_combo.count() - 1, systems[info.system_id].title, Qt.ItemDataRole.ToolTipRole
            )

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

    def open_assessment(self, assessment: AssessmentInfo) -> None:
        if hasattr(self, "assessment"):  # what is typed belongs to the assessment shown until now
            self.panel.note.flush()
            self.panel.show_nothing()
        self.assessment = assessment
        self.undo_stack.clear()
        sheet = self.workspace.scores(assessment.id)
        system = sheet.system
        self.inputs = self.workspace.inputs(assessment.id)
        self.notes = self.workspace.notes(assessment.id)
        counts = self.workspace.evidence.counts(assessment.id)
        self.evidence = dict(counts)
        self.model = IndicatorTreeModel(sheet, dict(self.evidence), self)
        self.proxy.setSourceModel(self.model)
        self.tree.setModel(self.proxy)
        self.tree.setTreePosition(NAME)  # branches beside the names; codes stay in a clean column
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(CODE, Qt.SortOrder.AscendingOrder)  # the table's own order
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.expandAll()
        self._size_columns()
        self.department_combo.blockSignals(True)
        self.department_combo.clear()
        self.department_combo.addItem(self.tr("All departments"), None)
        for name in system.departments():
            self.department_combo.addItem(name, name)
        self.department_combo.blockSignals(False)
        self.assessment_combo.setCurrentIndex(self.assessment_combo.findData(assessment.id))
        self._show_assessment_names()
        self.gauge.set_bars(
            [Bar(n.name, sheet.nodes[n.key].points, n.points, sheet.nodes[n.key].unscored) for n in system.tree]
        )
        self._show_total()
        self.departments.show_departments(system, sheet, self.evidence)
        folder = self.workspace.folder
        saved = self.tr("read-only") if self.workspace.read_only else self.tr("every change is saved at once")
        self.statusBar().showMessage(
            self.tr("Workspace: %1 · %2").replace("%1", str(folder)).replace("%2", saved) if folder else ""
        )
        self.select_item(self.model.item_codes()[0])

    def _size_columns(self) -> None:
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        metrics = self.tree.fontMetrics()
        samples = ((CODE, "编号00"), (MAX, "分值00"), (SCORE, "自评得分0"), (EVIDENCE, "材料00"), (LEAD, "政策法规科0"))
        for column, sample in samples:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 16)

    def _show_assessment_names(self) -> None:
        assessment, system = self.assessment, self.model.sheet.system
        self.gauge.title = system.title
        self.gauge.subtitle = f"{assessment.unit} · {assessment.year} · {assessment.title}"
        if assessment.filled_by:
            self.gauge.subtitle += " · " + self.tr("filled in by %1").replace("%1", assessment.filled_by)
        if self.demo:
            self.gauge.subtitle += self.tr(" · demo workspace, deleted when closed")
        self.gauge.update()
        demo = self.tr("[Demo] ") if self.demo else ""
        read_only = self.tr("[Read-only] ") if self.workspace.read_only else ""
        self.setWindowTitle(
            f"{read_only}{demo}{assessment.unit} {assessment.year} {assessment.title} — {system.title} — egov-desk"
        )

    # --- the assessment's details -----------------------------------------------------------------

    def ask_unit_if_needed(self) -> None:
        """On the first start of a workspace: ask for the unit (and who fills in) before anything is printed."""
        if not self.demo and not self.workspace.read_only and not self.workspace.unit_given():
            self.edit_details(first_start=True)

    def edit_details(self, first_start: bool = False) -> None:
        from egov_desk.ui.dialogs.assessment_details import AssessmentDetailsDialog

        dialog = AssessmentDetailsDialog(self.assessment, first_start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._details_given(dialog.details))
        self.details_dialog = dialog
        dialog.open()

    def _details_given(self, details: dict[str, Any]) -> None:
        if details:
            command = SetAssessmentDetails(self.workspace, self.assessment, details, self.apply, self.report_failure)
            self.undo_stack.push(command)

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
        index = self.proxy.mapFromSource(self.model.index_of_item(code))
        if not index.isValid():
            return False
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        return True

    def jump_to_item(self, code: str) -> None:
        self.tabs.setCurrentWidget(self.tree)
        if not self.select_item(code):  # hidden by the filter: clear it
            self.search.clear()
            self.department_combo.setCurrentIndex(0)
            self.select_item(code)
        self.tree.setFocus()

    def _step_unscored(self, step: int) -> None:
        codes = [c for c in self.model.item_codes() if self.proxy.mapFromSource(self.model.index_of_item(c)).isValid()]
        open_codes = [c for c in codes if not self.model.sheet.items[c].scored]
        if not open_codes:
            self.statusBar().showMessage(self.tr("Every item shown is scored."), 4000)
            return
        current = self.current_item()
        position = codes.index(current.code) if current and current.code in codes else -1
        ordered = (
            codes[position + 1 :] + codes[: position + 1]
            if step > 0
            else list(reversed(codes[:position])) + list(reversed(codes[position:]))
        )
        target = next(c for c in ordered if c in open_codes)
        self.select_item(target)
        self.tree.setFocus()

    def next_unscored(self) -> None:
        self._step_unscored(1)

    def previous_unscored(self) -> None:
        self._step_unscored(-1)

    def focus_editor(self) -> None:
        self.panel.focus_editor()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.tree)
        self.search.setFocus()
        self.search.selectAll()

    def focus_tree(self) -> None:
        self.tree.setFocus()

    def show_tab(self, index: int) -> None:
        """0: the indicators, 1: the departments."""
        self.tabs.setCurrentIndex(index)

    def show_help(self) -> None:
        from egov_desk.ui.dialogs.help import HelpDialog

        self.help_dialog = HelpDialog(self)
        self.help_dialog.open()

    # --- filters and sorting ----------------------------------------------------------------------

    def _filter(self) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_department(self.department_combo.currentData(), self.role_combo.currentData() or EITHER)
        self.tree.expandAll()
        current = self.current_item()
        shown = self.visible_codes()
        if shown and (current is None or current.code not in shown):
            self.select_item(shown[0])  # the panel shows what the tree shows, never a filtered-out item

    def visible_codes(self) -> list[str]:
        """The item codes the tree shows now, in its order."""
        return self.proxy.visible_item_codes()

    def _go_to_first_match(self) -> None:
        shown = self.visible_codes()
        if not shown:
            self.statusBar().showMessage(self.tr("Nothing matches “%1”.").replace("%1", self.search.text()), 4000)
            return
        self.select_item(shown[0])
        self.tree.setFocus()

    # --- edits ------------------------------------------------------------------------------------

    def edit_input(self, code: str, inp: Any) -> None:
        command = SetInput(
            self.workspace, self.assessment.id, code, self.inputs.get(code), inp, self.apply, self.report_failure
        )
        self.undo_stack.push(command)

    def edit_note(self, code: str, text: str) -> None:
        command = SetNote(
            self.workspace, self.assessment.id, code, self.notes.get(code, ""), text, self.apply, self.report_failure
        )
        self.undo_stack.push(command)

    def _input_abandoned(self, code: str, typed: list[str], reason: str) -> None:
        # After the selection has settled: a dialog inside currentChanged would re-enter the view.
        assessment = self.assessment.id
        QTimer.singleShot(0, self, lambda: self._ask_about_abandoned(assessment, code, typed, reason))

    def _ask_about_abandoned(self, assessment: int, code: str, typed: list[str], reason: str) -> None:
        box = refusal_box(self, code, typed, reason)
        box.setInformativeText(self.tr("The item keeps its previous score."))
        self.last_message = box
        if assessment != self.assessment.id:  # another assessment is open now: nothing to go back to here
            box.addButton(QMessageBox.StandardButton.Ok)
            box.open()
            return
        back = box.addButton(self.tr("Go back and correct it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard the input"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)

        def answered(button: QAbstractButton) -> None:
            if button is back:
                self._return_to_input(code, typed)

        box.buttonClicked.connect(answered)
        box.open()

    def _ask_before_closing(self, code: str, typed: list[str], reason: str) -> None:
        """Closing with a refused value in the editor: go back to it, or close without it."""
        box = refusal_box(self, code, typed, reason)
        back = box.addButton(self.tr("Go back and correct it"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(self.tr("Close without it"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)

        def answered(button: QAbstractButton) -> None:
            if button is leave:
                self._close_without_input()

        box.buttonClicked.connect(answered)
        self.last_message = box
        box.open()

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
        self.read_only_banner.follow_holder()
        if self.data_watch is None or not self.data_watch.changed():
            return Changes()
        assessment = self.assessment.id
        self.workspace.forget_scores(keep=assessment)  # other assessments are re-read when next opened
        changes = self.workspace.changes_since(
            assessment, self.inputs, self.notes, evidence=self.evidence, details=self.assessment
        )
        self.apply(changes)
        typing = self.panel.editor is not None and self.panel.editor.unconfirmed()
        scores = len(changes.scores)
        if scores and not typing:  # else the message that the person's typing was kept stays in view
            self.statusBar().showMessage(self.tr("%n change(s) made elsewhere are shown.", "", scores), 6000)
        return changes

    def report_failure(self, error: Exception) -> None:
        """A write that was refused or failed: say so without blocking (undo may run inside a key press)."""
        text = say(error, ui_language())
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()
        if isinstance(error, ChangedSince):  # show what is stored now, at once
            QTimer.singleShot(0, self, self.check_for_changes)

    def apply(self, changes: Changes) -> None:
        """Repaint what a Workspace write changed — the one place every write's changes are shown: items with
        the levels above them and the gauge, notes, the assessment's details, items' evidence and checklists
        (read again once), an assessment added (shown) or removed (another one shown)."""
        for score in changes.scores:
            self._apply_score(score)
        for details in changes.details:
            self._apply_details(details)
        self._apply_evidence(changes.evidence_codes(self.assessment.id, self.assessment.system_id))
        added, removed = changes.assessments_added, changes.assessments_removed
        if added or removed:  # after the write's undo command: switching clears the undo stack
            now = added[-1] if added else self.assessment.id
            if now in removed:
                now = self.workspace.default_assessment().id
            QTimer.singleShot(0, self, lambda: self.switch_to_assessment(now))

    def _apply_score(self, change: Change) -> None:
        if change.assessment_id != self.assessment.id:
            return
        if change.note is not None:
            self.notes[change.code] = change.note
        elif change.input is None:
            self.inputs.pop(change.code, None)
        else:
            self.inputs[change.code] = change.input
        self.model.apply(change)
        self._show_total()
        for node in change.nodes:
            if len(node.key) == 1:
                self.gauge.set_bar(node.key[0], node.points, node.unscored)
        shown = self.current_item()
        if shown is not None and shown.code == change.code:
            self.panel.show_score(change.item)
            if change.note is not None and self.panel.note.toPlainText() != change.note:
                self.panel.note.load(change.note)
            elif change.note is None and self.panel.editor and self.panel.editor.current_input() != change.input:
                if self.panel.editor.unconfirmed():  # the person is typing: keep what they typed
                    self.statusBar().showMessage(
                        self.tr("%1 was changed elsewhere; what you are typing is kept.").replace("%1", change.code),
                        8000,
                    )
                else:
                    self.panel.reload_input(change.input)  # undo/redo or a change made elsewhere
        self.departments.update_item(change.code, self.model.sheet.system, self.model.sheet, self.evidence)

    def _apply_evidence(self, codes: set[str]) -> None:
        """Read the evidence of these items of the assessment shown (one read for all of them) and repaint it:
        their column in the tree, the departments' counts, the panel showing one of them."""
        if not codes:
            return
        book, assessment = self.workspace.evidence, self.assessment.id
        read = book.by_item(assessment, next(iter(codes))) if len(codes) == 1 else book.by_item(assessment)
        for code in sorted(codes & set(read)):
            evidence = read[code]
            self.evidence[code] = (evidence.collected, evidence.checked, evidence.needed)
            self.model.set_evidence(code, *self.evidence[code])
            self.departments.update_item(code, self.model.sheet.system, self.model.sheet, self.evidence)
            if self.panel.item is not None and self.panel.item.code == code:
                self.panel.evidence.show_evidence(evidence)

    def _show_total(self) -> None:
        sheet = self.model.sheet
        self.gauge.set_total(sheet.total, sheet.max, len(sheet.unscored))

    # --- imports and layout -----------------------------------------------------------------------

    def import_table(self) -> ImportWizard:
        """Open the import wizard; when it creates an assessment, switch to it."""
        wizard = ImportWizard(self.workspace, self.runner, self)
        wizard.accepted.connect(lambda: self._imported(wizard))
        wizard.open()
        return wizard

    def _imported(self, wizard: ImportWizard) -> None:
        """Show the assessment the wizard imported; Ctrl+Z removes it and its system again (nothing entered)."""
        if wizard.created_assessment is None:
            return
        self.switch_to_assessment(wizard.created_assessment)
        workspace = self.workspace
        text = self.tr("import of %1").replace("%1", self.assessment.label)
        step = Step(
            text,
            wizard.import_again,
            lambda: workspace.remove_assessment(wizard.created_assessment or 0, with_system=True),
            self.apply,
            self.report_failure,
            done=True,
        )
        self.undo_stack.push(step)

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
            screen = self.screen().availableGeometry()
            if self.width() > screen.width() or self.height() > screen.height():  # saved on a larger screen
                self.setGeometry(screen)
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        editor, item = self.panel.editor, self.panel.item
        if editor is not None and item is not None and not self.close_confirmed:
            editor.commit()
            if editor.refusal:
                event.ignore()  # asked without blocking; closing goes on when the person says so
                self._ask_before_closing(item.code, editor.typed(), editor.refusal)
                return
        if self.runner.busy():
            self.statusBar().showMessage(self.tr("Finishing the work under way…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.runner.shutdown()
            finally:
                QApplication.restoreOverrideCursor()
        self.watch_timer.stop()
        if self.data_watch is not None:
            self.data_watch.close()
            self.data_watch = None
        self.panel.note.flush()
        self.save_layout()
        super().closeEvent(event)
