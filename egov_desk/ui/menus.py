"""The menus and their actions; every action has a standard shortcut or an F-key, so no mouse is needed."""

from __future__ import annotations

import html
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, Qt, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from egov_desk import __version__
from egov_desk.core.server_login import without_password
from egov_desk.ui.actions import Actions
from egov_desk.ui.comparison_window import open_comparison

if TYPE_CHECKING:
    from collections.abc import Callable

    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.dialogs.backups import Backups
    from egov_desk.ui.dialogs.export_package import PackageExport
    from egov_desk.ui.dialogs.exports import Exports
    from egov_desk.ui.dialogs.verify import EvidenceCheck
    from egov_desk.ui.evidence_actions import EvidenceActions

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y and Ctrl+Shift+Z, each once: a sequence bound twice is
    "ambiguous" to Qt and then neither binding fires."""
    wanted = [
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
        QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y),
        QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Z),
    ]
    unique: list[QKeySequence] = []
    for sequence in wanted:
        if not sequence.isEmpty() and all(sequence != seen for seen in unique):
            unique.append(sequence)
    return unique


class MenuSlots(Protocol):
    """What the menus' actions trigger in the window: its helpers and its own slots."""

    @property
    def context(self) -> WindowContext: ...

    @property
    def backups(self) -> Backups: ...

    @property
    def evidence_check(self) -> EvidenceCheck: ...

    @property
    def exports(self) -> Exports: ...

    @property
    def package_export(self) -> PackageExport: ...

    @property
    def evidence_actions(self) -> EvidenceActions: ...

    def edit_details(self, first_start: bool = False) -> None: ...

    def edit_system(self) -> None: ...

    def switch_to_assessment(self, assessment_id: int) -> None: ...

    def focus_search(self) -> None: ...

    def next_unscored(self) -> None: ...

    def previous_unscored(self) -> None: ...

    def focus_editor(self) -> None: ...

    def focus_tree(self) -> None: ...

    def show_tab(self, index: int) -> None: ...

    def show_help(self) -> None: ...


class Menus(QObject):
    """Builds the window's menus and its :class:`Actions`; a QObject of its own so that its strings share one
    translation context."""

    def __init__(self, window: QMainWindow, slots: MenuSlots) -> None:
        super().__init__(window)
        self.window = window
        self.slots = slots
        self.context = slots.context
        self.actions = Actions()
        self.recent_menu: QMenu | None = None
        self.view_menu: QMenu  # set by build(); other parts of the window add their actions to these two
        self.help_menu: QMenu

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _shell(self, name: str) -> Callable[[], object]:
        shell = self.context.shell
        return lambda: getattr(shell, name)() if shell else None

    def build(self) -> Actions:
        self._file_menu()
        self._edit_menu()
        self._scoring_menu()
        self._view_menu()
        self._help_menu()
        return self.actions

    def _file_menu(self) -> None:
        slots, actions, has_shell = self.slots, self.actions, self.context.shell is not None
        menu = self.window.menuBar().addMenu(self.tr("&File"))
        actions.new_workspace_action = self._action(
            self.tr("&New workspace…"),
            self._shell("new_workspace"),
            QKeySequence.StandardKey.New,
            self.tr("Start an empty workspace in a folder"),
        )
        actions.open_workspace_action = self._action(
            self.tr("&Open workspace folder…"), self._shell("open_workspace"), QKeySequence.StandardKey.Open
        )
        for action in (actions.new_workspace_action, actions.open_workspace_action):
            action.setEnabled(has_shell)
            menu.addAction(action)
        self.recent_menu = menu.addMenu(self.tr("Recent &workspaces"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        menu.addSeparator()
        actions.import_action = self._action(
            self.tr("&Import indicator table…"),
            slots.backups.import_table,  # a before-import backup first
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I),
            self.tr("Read another year's indicator table from Word or Excel"),
        )
        actions.new_assessment_action = self._action(
            self.tr("New &assessment…"),
            self.new_assessment,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_N),
        )
        actions.details_action = self._action(
            self.tr("Assessment &details…"),
            slots.edit_details,
            None,
            self.tr("The unit's name, the year, the title, who fills it in and the report's date"),
        )
        menu.addAction(actions.import_action)
        edit_system = self._action(
            self.tr("&Edit the indicator system…"),
            slots.edit_system,
            None,
            self.tr("Levels, items, points, rules and evidence of the system shown; saved as a new version"),
        )
        edit_system.setEnabled(not self.context.workspace.read_only)
        menu.addAction(edit_system)
        menu.addAction(actions.new_assessment_action)
        menu.addAction(actions.details_action)
        menu.addSeparator()
        exports = menu.addMenu(self.tr("E&xport"))
        items = (
            (self.tr("Department checklist (&Word)…"), lambda: slots.exports.checklist("docx"), None),
            (self.tr("Department checklist (P&DF)…"), lambda: slots.exports.checklist("pdf"), None),
            (
                self.tr("&Print the department checklist…"),
                lambda: slots.exports.checklist("preview"),
                QKeySequence.StandardKey.Print,
            ),
            (self.tr("Score &sheet (Excel)…"), slots.exports.sheet, None),
            (self.tr("Self-assessment &report (Word)…"), slots.exports.report, None),
        )
        for text, slot, shortcut in items:
            exports.addAction(self._action(text, slot, shortcut))
        actions.read_scores_action = self._action(
            self.tr("Read scores from a score &sheet…"), slots.backups.import_sheet
        )
        menu.addAction(actions.read_scores_action)
        actions.export_package_action = self._action(
            self.tr("Export evidence &package…"),
            slots.package_export.ask,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E),
            self.tr("A ZIP ordered by item code, with an index and a manifest"),
        )
        menu.addAction(actions.export_package_action)
        actions.verify_evidence_action = self._action(
            self.tr("Check the evidence &files…"),
            slots.evidence_check.check,
            None,
            self.tr("Re-read every stored file: what is missing or damaged, and what nothing uses any more"),
        )
        menu.addAction(actions.verify_evidence_action)
        menu.addSeparator()
        actions.backup_action = self._action(
            self.tr("Back &up the workspace…"),
            slots.backups.create_now,
            None,
            self.tr("A copy of the workspace's data in its backups folder"),
        )
        actions.restore_action = self._action(
            self.tr("&Restore from a backup…"),
            slots.backups.restore,
            None,
            self.tr("Go back to the workspace as a backup holds it"),
        )
        menu.addAction(actions.backup_action)
        menu.addAction(actions.restore_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), self.window.close, QKeySequence.StandardKey.Quit))

    def _edit_menu(self) -> None:
        window, actions, undo_stack = self.window, self.actions, self.context.undo_stack
        menu = window.menuBar().addMenu(self.tr("&Edit"))
        actions.undo_action = undo_stack.createUndoAction(window, self.tr("&Undo"))
        actions.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        actions.redo_action = undo_stack.createRedoAction(window, self.tr("&Redo"))
        actions.redo_action.setShortcuts(redo_shortcuts())
        actions.find_action = self._action(self.tr("&Find…"), self.slots.focus_search, QKeySequence.StandardKey.Find)
        for action in (actions.undo_action, actions.redo_action, actions.find_action):
            menu.addAction(action)

    def _scoring_menu(self) -> None:
        slots, actions = self.slots, self.actions
        menu = self.window.menuBar().addMenu(self.tr("&Scoring"))
        actions.next_unscored_action = self._action(self.tr("&Next unscored item"), slots.next_unscored, "F8")
        actions.previous_unscored_action = self._action(
            self.tr("&Previous unscored item"), slots.previous_unscored, "Shift+F8"
        )
        actions.edit_score_action = self._action(
            self.tr("&Edit the score"),
            slots.focus_editor,
            "F2",
            self.tr("Move the keyboard into the selected item's score editor"),
        )
        actions.focus_tree_action = self._action(self.tr("Back to the &tree"), slots.focus_tree, "F6")
        actions.add_evidence_action = self._action(
            self.tr("&Add evidence files…"),
            slots.evidence_actions.add_to_current_item,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_A),
            self.tr("Scans and documents for the requirement chosen in the checklist, or for the item"),
        )
        for action in (
            actions.next_unscored_action,
            actions.previous_unscored_action,
            actions.edit_score_action,
            actions.focus_tree_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(actions.add_evidence_action)

    def _view_menu(self) -> None:
        window, slots, shell = self.window, self.slots, self.context.shell
        menu = self.view_menu = window.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self._action(self.tr("&Indicators"), lambda: slots.show_tab(0), "Ctrl+1"))
        menu.addAction(self._action(self.tr("&Departments"), lambda: slots.show_tab(1), "Ctrl+2"))
        menu.addAction(self._action(self.tr("&Worklist"), lambda: slots.show_tab(2), "Ctrl+3"))
        menu.addAction(
            self._action(self.tr("&Years side by side…"), lambda: open_comparison(self.context), "Ctrl+Shift+Y")
        )
        languages = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(window)
        current = str(QSettings().value("ui/language", "zh_CN"))
        for code, name in LANGUAGES:
            action = QAction(name, window)
            action.setCheckable(True)
            action.setChecked(current[:2] == code[:2])
            action.setEnabled(shell is not None)
            action.triggered.connect(lambda _checked=False, c=code: shell and shell.switch_language(c))
            group.addAction(action)
            languages.addAction(action)
            self.actions.language_actions[code] = action

    def _help_menu(self) -> None:
        actions = self.actions
        menu = self.help_menu = self.window.menuBar().addMenu(self.tr("&Help"))
        actions.demo_action = self._action(
            self.tr("Open the &demo workspace"),
            self._shell("open_demo"),
            tip=self.tr("A throw-away workspace with the 2019 system partly scored"),
        )
        actions.demo_action.setEnabled(self.context.shell is not None)
        menu.addAction(actions.demo_action)
        menu.addAction(self._action(self.tr("&How to use egov-desk"), self.slots.show_help, "F1"))
        menu.addAction(self._action(self.tr("&About egov-desk"), self.about))

    # --- what some actions open -------------------------------------------------------------------

    def fill_recent(self) -> None:
        menu, shell = self.recent_menu, self.context.shell
        if menu is None:
            return
        menu.clear()
        folders = shell.recent() if shell else []
        for folder in folders:
            menu.addAction(folder, partial(self._open_recent, folder))
        if not folders:
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _open_recent(self, folder: str) -> None:
        if self.context.shell is not None:
            self.context.shell.open_folder(folder, create=False)

    def new_assessment(self) -> None:
        from egov_desk.ui.dialogs.new_assessment import NewAssessmentDialog
        from egov_desk.ui.undo import push

        context = self.context
        dialog = NewAssessmentDialog(context.workspace, self.window)
        if dialog.exec() and dialog.created is not None:
            self.slots.switch_to_assessment(dialog.created)  # switching clears the undo stack: the step comes after
            push(context.undo_stack, dialog.undo_step(context.report_failure, context.apply))

    def about(self) -> None:
        from PySide6 import __version__ as pyside_version

        from egov_desk.logs import log_dir

        workspace = self.context.workspace
        folder = str(workspace.folder) if workspace.folder else without_password(workspace.url)
        text = (
            self.tr(
                "<b>egov-desk %1</b><br>Annual e-government performance evaluation, offline.<br>"
                "Every change is saved in the workspace at once."
            ).replace("%1", __version__)
            + "<br><br>"
            + self.tr("Workspace: %1").replace("%1", html.escape(folder))
            + "<br>"
            + self.tr("Log folder: %1").replace("%1", html.escape(str(log_dir())))
            + "<br>"
            + f"Qt {qVersion()} · PySide6 {pyside_version}"
        )
        box = QMessageBox(
            QMessageBox.Icon.NoIcon, self.tr("About egov-desk"), text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context.show(box)
