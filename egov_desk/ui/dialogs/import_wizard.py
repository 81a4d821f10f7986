"""File → Import indicator table…: pick the file and the sheet, correct the reading row by row and column by column,
check the tree, the rules and the findings, then import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from egov_desk.core.changes import Changes
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.options import ImportOptions
from egov_desk.core.messages import say
from egov_desk.core.workspace import Workspace, WorkspaceError
from egov_desk.ui.dialogs.import_columns import ColumnsPage
from egov_desk.ui.dialogs.import_file import FilePage
from egov_desk.ui.dialogs.import_reading import TableReading
from egov_desk.ui.dialogs.import_review import ReviewPage
from egov_desk.ui.dialogs.import_rows import RowsPage
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Runner

if TYPE_CHECKING:
    from egov_desk.core.importers.pipeline import ImportResult


class ImportWizard(QWizard):
    """Reads the table off the UI thread, again after each correction; accepting stores the system and an
    assessment for it."""

    read_finished = Signal()

    def __init__(self, workspace: Workspace, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.table = TableReading(runner, self.known_departments, self)
        self.table.finished.connect(self.read_finished)
        self.created_assessment: int | None = None
        self.last_message: QMessageBox | None = None  # the question asked last (tests answer it)
        self.changes = Changes()  # what accepting stored: the system and its assessment
        self.setWindowTitle(self.tr("Import indicator table"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.file_page = FilePage(self.table)
        self.rows_page = RowsPage(self.table)
        self.columns_page = ColumnsPage(self.table)
        self.review_page = ReviewPage(lambda: self.read_result)
        self.findings_page = FindingsPage(self)
        for page in (self.file_page, self.rows_page, self.columns_page, self.review_page, self.findings_page):
            self.addPage(page)
        self.undo_action = QAction(self.tr("Undo the last correction"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.triggered.connect(self.table.undo)
        self.addAction(self.undo_action)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(max(min(screen.width(), 1000), int(screen.width() * 0.9)), int(screen.height() * 0.88))

    @property
    def path(self) -> Path | None:
        return self.table.path

    @property
    def roles(self) -> dict[int, str]:
        return dict(self.table.options.roles)

    @property
    def read_result(self) -> ImportResult | None:
        return self.table.result

    @property
    def error(self) -> str:
        return self.table.error

    def known_departments(self) -> set[str]:
        return {name for system in self.workspace.systems() for name in self.workspace.departments(system.id)}

    def read(self, path: Path, options: ImportOptions | None = None) -> None:
        """(Re)read the file as ``options`` say, off the UI thread; a read still running is cancelled."""
        self.table.read(path, options)

    def done(self, result: int) -> None:
        self.table.cancel()  # closing the wizard stops a long read at its next check
        super().done(result)

    def reject(self) -> None:
        """Esc, Cancel, the window's ×: at once, unless the person corrected the reading — then asked first."""
        if not self.table.corrections or not self.isVisible():
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Close without importing? The %n correction(s) you made are lost.", "", self.table.corrections)
            + "\n"
            + self.tr("To read the table the same way later: %1").replace("%1", self.table.command_line()),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        close = box.addButton(self.tr("&Close without importing"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("&Go on"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._closing(box.clickedButton() is close))
        self.last_message = box
        box.open()

    def _closing(self, close: bool) -> None:
        if close:
            QWizard.reject(self)

    def import_again(self) -> Changes:
        """Store the table read, as the pages say (also the redo of an undone import)."""
        from egov_desk.core.importers.into_workspace import import_into_workspace

        assert self.read_result is not None
        assert self.path is not None
        self.changes = import_into_workspace(
            self.workspace,
            self.read_result,
            self.path,
            accept=self.findings_page.accept_errors.isChecked(),
            unit=self.findings_page.unit.text(),
            year=self.findings_page.year.value(),
        )
        self.created_assessment = self.changes.assessments_added[0]
        return self.changes

    def accept(self) -> None:
        if self.read_result is None or self.path is None:
            return
        try:
            self.import_again()
        except ImportRefused as exc:
            QMessageBox.warning(self, self.tr("Not imported"), exc.describe(ui_language()))
            return
        except (WorkspaceError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Not imported"), say(exc, ui_language()))
            return
        super().accept()


class FindingsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Findings"))
        self.setSubTitle(
            self.tr(
                "What the check found, row by row. Warnings do not stop the import; errors do "
                "until they are fixed in the file or accepted here."
            )
        )
        self.list = QListWidget()
        self.unit = QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.accept_errors = QCheckBox(self.tr("Import despite the errors (repeated codes get a suffix)"))
        self.accept_errors.toggled.connect(self.completeChanged)
        form = QFormLayout()
        form.addRow(self.tr("Unit being assessed:"), self.unit)
        form.addRow(self.tr("Year assessed:"), self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.accept_errors)
        layout.addLayout(form)

    def initializePage(self) -> None:
        result = self.owner.read_result
        self.list.clear()
        if result is None:
            return
        style = self.style()
        icons = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        for finding in result.findings:
            text = f"{finding.row}  {finding.message}".strip()
            self.list.addItem(QListWidgetItem(style.standardIcon(icons[finding.severity]), text))
        if not result.findings:
            self.list.addItem(self.tr("Nothing to report."))
        self.accept_errors.setVisible(bool(result.errors))
        self.accept_errors.setChecked(False)
        shown = self.owner.workspace.default_assessment()  # the assessment the window shows
        self.unit.setText(shown.unit)
        self.year.setValue(result.data.get("year") or shown.year)
        self.year.setEnabled(not result.data.get("year"))  # the table's own year is the assessment's

    def isComplete(self) -> bool:
        result = self.owner.read_result
        return result is not None and (not result.errors or self.accept_errors.isChecked())
