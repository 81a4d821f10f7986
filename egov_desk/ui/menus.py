"""The menus and their actions; every action has a standard shortcut or an F-key, so no mouse is needed."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from egov_desk import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from egov_desk.ui.main_window import MainWindow

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


class Menus(QObject):
    """Builds the window's menus; a QObject of its own so that its strings share one translation context."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _shell(self, name: str) -> Callable[[], object]:
        return lambda: getattr(self.window.shell, name)() if self.window.shell else None

    def build(self) -> None:
        self._file_menu()
        self._edit_menu()
        self._scoring_menu()
        self._view_menu()
        self._help_menu()

    def _file_menu(self) -> None:
        from egov_desk.ui.dialogs.backups import Backups
        from egov_desk.ui.dialogs.verify import EvidenceCheck

        window = self.window
        window.backups = Backups(window)  # also the daily backup while the window is open
        window.evidence_check = EvidenceCheck(window)
        menu = window.menuBar().addMenu(self.tr("&File"))
        window.new_workspace_action = self._action(
            self.tr("&New workspace…"),
            self._shell("new_workspace"),
            QKeySequence.StandardKey.New,
            self.tr("Start an empty workspace in a folder"),
        )
        window.open_workspace_action = self._action(
            self.tr("&Open workspace folder…"), self._shell("open_workspace"), QKeySequence.StandardKey.Open
        )
        for action in (window.new_workspace_action, window.open_workspace_action):
            action.setEnabled(window.shell is not None)
            menu.addAction(action)
        window.recent_menu = menu.addMenu(self.tr("Recent &workspaces"))
        window.recent_menu.aboutToShow.connect(self.fill_recent)
        menu.addSeparator()
        window.import_action = self._action(
            self.tr("&Import indicator table…"),
            window.backups.import_table,  # a before-import backup first
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I),
            self.tr("Read another year's indicator table from Word or Excel"),
        )
        window.new_assessment_action = self._action(
            self.tr("New &assessment…"),
            self.new_assessment,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_N),
        )
        window.details_action = self._action(
            self.tr("Assessment &details…"),
            window.edit_details,
            None,
            self.tr("The unit's name, the year, the title, who fills it in and the report's date"),
        )
        menu.addAction(window.import_action)
        menu.addAction(window.new_assessment_action)
        menu.addAction(window.details_action)
        menu.addSeparator()
        exports = menu.addMenu(self.tr("E&xport"))
        items = (
            (self.tr("Department checklist (&Word)…"), lambda: window.exports.checklist("docx"), None),
            (self.tr("Department checklist (P&DF)…"), lambda: window.exports.checklist("pdf"), None),
            (
                self.tr("&Print the department checklist…"),
                lambda: window.exports.checklist("preview"),
                QKeySequence.StandardKey.Print,
            ),
            (self.tr("Score &sheet (Excel)…"), window.exports.sheet, None),
            (self.tr("Self-assessment &report (Word)…"), window.exports.report, None),
        )
        for text, slot, shortcut in items:
            exports.addAction(self._action(text, slot, shortcut))
        window.read_scores_action = self._action(
            self.tr("Read scores from a score &sheet…"), window.backups.import_sheet
        )
        menu.addAction(window.read_scores_action)
        window.export_package_action = self._action(
            self.tr("Export evidence &package…"),
            window.package_export.ask,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E),
            self.tr("A ZIP ordered by item code, with an index and a manifest"),
        )
        menu.addAction(window.export_package_action)
        window.verify_evidence_action = self._action(
            self.tr("Check the evidence &files…"),
            window.evidence_check.check,
            None,
            self.tr("Re-read every stored file: what is missing or damaged, and what nothing uses any more"),
        )
        menu.addAction(window.verify_evidence_action)
        menu.addSeparator()
        window.backup_action = self._action(
            self.tr("Back &up the workspace…"),
            window.backups.create_now,
            None,
            self.tr("A copy of the workspace's data in its backups folder"),
        )
        window.restore_action = self._action(
            self.tr("&Restore from a backup…"),
            window.backups.restore,
            None,
            self.tr("Go back to the workspace as a backup holds it"),
        )
        menu.addAction(window.backup_action)
        menu.addAction(window.restore_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit))

    def _edit_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Edit"))
        window.undo_action = window.undo_stack.createUndoAction(window, self.tr("&Undo"))
        window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        window.redo_action = window.undo_stack.createRedoAction(window, self.tr("&Redo"))
        window.redo_action.setShortcuts(redo_shortcuts())
        window.find_action = self._action(self.tr("&Find…"), window.focus_search, QKeySequence.StandardKey.Find)
        for action in (window.undo_action, window.redo_action, window.find_action):
            menu.addAction(action)

    def _scoring_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Scoring"))
        window.next_unscored_action = self._action(self.tr("&Next unscored item"), window.next_unscored, "F8")
        window.previous_unscored_action = self._action(
            self.tr("&Previous unscored item"), window.previous_unscored, "Shift+F8"
        )
        window.edit_score_action = self._action(
            self.tr("&Edit the score"),
            window.focus_editor,
            "F2",
            self.tr("Move the keyboard into the selected item's score editor"),
        )
        window.focus_tree_action = self._action(self.tr("Back to the &tree"), window.tree.setFocus, "F6")
        window.add_evidence_action = self._action(
            self.tr("&Add evidence files…"),
            window.evidence_actions.add_to_current_item,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_A),
            self.tr("Scans and documents for the requirement chosen in the checklist, or for the item"),
        )
        for action in (
            window.next_unscored_action,
            window.previous_unscored_action,
            window.edit_score_action,
            window.focus_tree_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(window.add_evidence_action)

    def _view_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self._action(self.tr("&Indicators"), lambda: window.tabs.setCurrentIndex(0), "Ctrl+1"))
        menu.addAction(self._action(self.tr("&Departments"), lambda: window.tabs.setCurrentIndex(1), "Ctrl+2"))
        languages = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(window)
        current = str(QSettings().value("ui/language", "zh_CN"))
        window.language_actions = {}
        for code, name in LANGUAGES:
            action = QAction(name, window)
            action.setCheckable(True)
            action.setChecked(current[:2] == code[:2])
            action.setEnabled(window.shell is not None)
            action.triggered.connect(lambda _checked=False, c=code: window.shell and window.shell.switch_language(c))
            group.addAction(action)
            languages.addAction(action)
            window.language_actions[code] = action

    def _help_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Help"))
        window.demo_action = self._action(
            self.tr("Open the &demo workspace"),
            self._shell("open_demo"),
            tip=self.tr("A throw-away workspace with the 2019 system partly scored"),
        )
        window.demo_action.setEnabled(window.shell is not None)
        menu.addAction(window.demo_action)
        menu.addAction(self._action(self.tr("&How to use egov-desk"), self.help, "F1"))
        menu.addAction(self._action(self.tr("&About egov-desk"), self.about))

    # --- what some actions open -------------------------------------------------------------------

    def fill_recent(self) -> None:
        window = self.window
        menu = window.recent_menu
        menu.clear()
        folders = window.shell.recent() if window.shell else []
        for folder in folders:
            menu.addAction(folder, lambda f=folder: window.shell and window.shell.open_folder(f, create=False))
        if not folders:
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def new_assessment(self) -> None:
        from egov_desk.ui.dialogs.new_assessment import NewAssessmentDialog

        window = self.window
        dialog = NewAssessmentDialog(window.workspace, window)
        if dialog.exec() and dialog.created is not None:
            window.workspace.set_setting("current_assessment", dialog.created)
            window.refresh_assessments()
            window.open_assessment(window.workspace.assessment(dialog.created))

    def help(self) -> None:
        from egov_desk.ui.dialogs.help import HelpDialog

        dialog = HelpDialog(self.window)
        self.window.help_dialog = dialog
        dialog.open()

    def about(self) -> None:
        from PySide6 import __version__ as pyside_version

        from egov_desk.logs import log_dir

        window = self.window
        folder = str(window.workspace.folder) if window.workspace.folder else window.workspace.url
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
            QMessageBox.Icon.NoIcon, self.tr("About egov-desk"), text, QMessageBox.StandardButton.Ok, window
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.last_message = box
        box.open()


def build_menus(window: MainWindow) -> Menus:
    menus = Menus(window)
    menus.build()
    return menus
