"""File → Import indicator table…: pick the file, check the columns, the tree, the rules and the findings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from egov_desk.core.changes import Changes
from egov_desk.core.evidence.vault import display_name
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.table import ROLE_NAMES
from egov_desk.core.workspace import Workspace, WorkspaceError
from egov_desk.ui.dialogs.import_review import ReviewPage
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job, Progress, Runner

if TYPE_CHECKING:
    from egov_desk.core.importers.pipeline import ImportResult

ROLE_ORDER = ("level", "points", "rule", "name", "code", "evidence", "lead", "cooperating", "extra", "ignore")


class ImportWizard(QWizard):
    """Reads the table off the UI thread; accepting stores the system and an assessment for it."""

    read_finished = Signal()

    def __init__(self, workspace: Workspace, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.path: Path | None = None
        self.roles: dict[int, str] = {}
        self.read_result: ImportResult | None = None
        self.error = ""
        self.reading = False
        self.job: Job | None = None
        self.generation = 0  # the read whose result is wanted
        self.created_assessment: int | None = None
        self.changes = Changes()  # what accepting stored: the system and its assessment
        self.setWindowTitle(self.tr("Import indicator table"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.review_page = ReviewPage(lambda: self.read_result)
        self.findings_page = FindingsPage(self)
        for page in (self.file_page, self.columns_page, self.review_page, self.findings_page):
            self.addPage(page)
        self.resize(1000, 640)

    def known_departments(self) -> set[str]:
        return {name for system in self.workspace.systems() for name in self.workspace.departments(system.id)}

    def read(self, path: Path, roles: dict[int, str] | None = None) -> None:
        """(Re)read the file with the given column roles, off the UI thread, within the import's time and size
        budget (see egov_desk.core.importers.limits); a read still running is cancelled and its result ignored."""
        from egov_desk.core.importers.limits import Budget  # python-docx, openpyxl: on first use
        from egov_desk.core.importers.pipeline import import_table

        self.path, self.roles = path, dict(roles or {})
        self.reading, self.error = True, ""
        known = self.known_departments()
        roles_now = dict(self.roles)
        self.cancel_reading()
        self.generation += 1
        generation = self.generation
        self.read_finished.emit()  # pages show "reading…"

        def work(progress: Progress) -> ImportResult:
            budget = Budget(file=display_name(path.name), is_cancelled=lambda: progress.cancelled)
            return import_table(path, roles_now, known, budget)

        self.job = self.runner.start(
            work,
            lambda result: self._read_done(result, generation),
            lambda error: self._read_failed(error, generation),
        )

    def cancel_reading(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = None

    def done(self, result: int) -> None:
        self.cancel_reading()  # closing the wizard stops a long read at its next check
        super().done(result)

    def _read_done(self, result: ImportResult, generation: int) -> None:
        if generation != self.generation or not shiboken6.isValid(self):
            return  # a read that was replaced by a newer one, or the wizard is gone
        self.read_result, self.reading = result, False
        self.read_finished.emit()

    def _read_failed(self, error: BaseException, generation: int) -> None:
        if generation != self.generation or not shiboken6.isValid(self):
            return
        self.reading = False
        self.read_result = None
        if isinstance(error, ImportRefused):
            self.error = error.describe(ui_language())
        else:
            self.error = f"{type(error).__name__}: {error}"
        self.read_finished.emit()

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
            QMessageBox.warning(self, self.tr("Not imported"), str(exc))
            return
        super().accept()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the indicator table"))
        self.setSubTitle(
            self.tr(
                "The Word (.docx) or Excel (.xlsx) file you received. Its header, levels and "
                "scoring rules are recognised; you check everything before it is imported."
            )
        )
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of a .docx or .xlsx file"))
        self.path.editingFinished.connect(self._typed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addStretch(1)
        wizard.read_finished.connect(self.refresh)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Indicator table"), str(Path.home()), self.tr("Tables (*.docx *.xlsx);;All files (*)")
        )
        if name:
            self.path.setText(name)
            self.owner.read(Path(name))

    def _typed(self) -> None:
        text = self.path.text().strip()
        if text and (self.owner.path is None or Path(text) != self.owner.path):
            self.owner.read(Path(text))

    def refresh(self) -> None:
        owner = self.owner
        self.busy.setVisible(owner.reading)
        if owner.reading:
            self.status.setText(self.tr("Reading…"))
            self.status.setStyleSheet("")
        elif owner.error:
            self.status.setText(owner.error)
            self.status.setStyleSheet("color: #b91c1c;")
        elif owner.read_result:
            data = owner.read_result.data
            count = len(owner.read_result.proposals)
            self.status.setText(self.tr("%1: %n scoring item(s) found.", "", count).replace("%1", data["title"]))
            self.status.setStyleSheet("color: #166534;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.read_result is not None and not self.owner.reading


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr("What each column of the table holds. Change a role if it was misread; the table is read again.")
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header"), self.tr("Read as"), self.tr("First value")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 190)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        wizard.read_finished.connect(self.initializePage)

    def initializePage(self) -> None:
        result = self.owner.read_result
        if result is None:
            return
        first_data = result.layout.header_rows[-1] + 1
        self.table.setRowCount(len(result.layout.columns))
        for row, column in enumerate(result.layout.columns):
            self.table.setItem(row, 0, _cell(str(column.index + 1)))
            self.table.setItem(row, 1, _cell(column.header))
            combo = QComboBox()
            for role in ROLE_ORDER:
                combo.addItem(ROLE_NAMES[role], role)
            combo.setCurrentIndex(ROLE_ORDER.index(column.role))
            combo.setToolTip(column.describe)
            combo.currentIndexChanged.connect(lambda _i, c=column.index, box=combo: self._changed(c, box))
            self.table.setCellWidget(row, 2, combo)
            sample = result.grid.text(first_data, column.index) if first_data < len(result.grid.rows) else ""
            self.table.setItem(row, 3, _cell(sample.replace("\n", " ")[:80]))

    def _changed(self, column: int, box: QComboBox) -> None:
        roles = dict(self.owner.roles)
        roles[column] = box.currentData()
        if self.owner.path:
            self.owner.read(self.owner.path, roles)

    def isComplete(self) -> bool:
        return self.owner.read_result is not None and not self.owner.reading


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
        self.unit.setText(self.owner.workspace.default_assessment().unit)
        self.year.setValue(result.data.get("year") or 2019)
        self.year.setEnabled(not result.data.get("year"))  # the table's own year is the assessment's

    def isComplete(self) -> bool:
        result = self.owner.read_result
        return result is not None and (not result.errors or self.accept_errors.isChecked())


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
