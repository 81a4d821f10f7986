"""File → 导出科室工作包…: the office ticks the departments (each with its lead and cooperating items and the size
of its evidence), picks a folder and gets one ``.egovpkg`` per department, written off the UI thread.

Files are named ``<year>-<unit>-<department>-第N个.egovpkg``, N the package's number among the department's. A
refusal (evidence missing from the vault) is said naming the file and the department's others go on; cancelling
stops after the package under way, which is removed (a cancelled package leaves nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.exports.files import safe_name
from egov_desk.core.packages.format import SUFFIX
from egov_desk.core.packages.identity import SEQUENCE, packages_sent
from egov_desk.ui.packages.export_run import ExportRun, file_size

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.ops import Job

FOLDER_KEY = "folders/packages"


@dataclass(frozen=True)
class DepartmentRow:
    department: str
    lead: int  # items it leads
    cooperating: int  # items it cooperates on
    files: int  # distinct evidence files
    bytes: int
    sent: tuple[tuple[int, str], ...] = ()  # the packages sent it so far: (number, made_at ISO or "")


def department_rows(workspace: Workspace, assessment_id: int) -> list[DepartmentRow]:
    """Every department of the assessment's system, with what its package would hold."""
    assessment = workspace.assessment(assessment_id)
    system = workspace.system_now(assessment.system_id)
    evidence = workspace.evidence.by_item(assessment_id)
    sent = packages_sent(workspace)
    rows = []
    for department in system.departments():
        lead = cooperating = 0
        blobs: dict[str, int] = {}
        for item in system.items():
            if item.lead == department:
                lead += 1
            elif department in item.cooperating:
                cooperating += 1
            else:
                continue
            blobs |= {file.sha256: file.size for file in evidence[item.code].files()}
        made = tuple(sent.get(department, []))
        rows.append(DepartmentRow(department, lead, cooperating, len(blobs), sum(blobs.values()), made))
    return rows


def next_numbers(workspace: Workspace) -> dict[str, int]:
    """The number the next package of each department will get (the export counts it again, under its lock)."""
    stored = workspace.setting(SEQUENCE)
    numbers = stored if isinstance(stored, dict) else {}
    return {str(name): int(number) + 1 for name, number in numbers.items()}


def local_date(made_at: str) -> str:
    try:
        return datetime.fromisoformat(made_at).astimezone().date().isoformat()
    except ValueError:
        return ""


def package_name(year: int, unit: str, department: str, sequence: int) -> str:
    return safe_name(f"{year}-{unit or '本单位'}-{department}-第{sequence}个{SUFFIX}")


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def default_folder() -> Path:
    stored = QSettings().value(FOLDER_KEY)
    folder = Path(str(stored)) if stored else documents_folder()
    return folder if folder.is_dir() else documents_folder()


class ExportDialog(QDialog):
    """Which departments, and where: the rows ticked, the folder typed or chosen."""

    def __init__(self, rows: list[DepartmentRow], ticked: str | None, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("packageExportDialog")
        self.setWindowTitle(self.tr("Export department work packages"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each department ticked gets one package (.egovpkg) with its items, their rules, inputs, notes, "
                "requirements and evidence. Send it by USB stick or mail; the department opens it with a "
                "double-click and sends back a return."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setObjectName("packageDepartments")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(
            [self.tr("Department"), self.tr("Lead"), self.tr("Cooperating"), self.tr("Evidence"), self.tr("Sent")]
        )
        for row in rows:
            entry = QTreeWidgetItem(
                [
                    row.department,
                    str(row.lead),
                    str(row.cooperating),
                    self.tr("%1 file(s), %2").replace("%1", str(row.files)).replace("%2", file_size(row.bytes)),
                    self.sent_said(row.sent[-1:]),
                ]
            )
            entry.setToolTip(4, "\n".join(self.sent_said((sent,)) for sent in row.sent))
            entry.setData(0, Qt.ItemDataRole.UserRole, row.department)
            entry.setCheckState(0, Qt.CheckState.Checked if row.department == ticked else Qt.CheckState.Unchecked)
            for column in (1, 2, 3):
                entry.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(entry)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if self.entries():
            self.list.setCurrentItem(self.entries()[0])
        layout.addWidget(self.list, 1)
        ticks = QHBoxLayout()
        every = QPushButton(self.tr("Tick &all"))
        every.clicked.connect(lambda: self.tick_all(True))
        none = QPushButton(self.tr("Tick &none"))
        none.clicked.connect(lambda: self.tick_all(False))
        hint = QLabel(self.tr("Space ticks the department selected."))
        hint.setObjectName("hint")
        ticks.addWidget(every)
        ticks.addWidget(none)
        ticks.addWidget(hint, 1)
        layout.addLayout(ticks)
        where = QHBoxLayout()
        label = QLabel(self.tr("Save in &folder:"))
        self.folder = QLineEdit(str(folder))
        self.folder.setObjectName("packageFolder")
        label.setBuddy(self.folder)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        where.addWidget(label)
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        layout.addLayout(where)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(lambda *_: self._enable())
        self._enable()
        self.resize(620, 440)

    def sent_said(self, sent: tuple[tuple[int, str], ...]) -> str:
        """已发出 第 2 个，2026-11-29 (the last of ``sent``), or 尚未发出."""
        if not sent:
            return self.tr("none yet")
        number, made_at = sent[-1]
        day = local_date(made_at)
        if not day:
            return self.tr("package %1 sent").replace("%1", str(number))
        return self.tr("package %1 sent, %2").replace("%1", str(number)).replace("%2", day)

    def entries(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(index) for index in range(self.list.topLevelItemCount()))
        return [entry for entry in found if entry is not None]

    def chosen(self) -> list[str]:
        """The departments ticked, in the list's order."""
        return [
            str(entry.data(0, Qt.ItemDataRole.UserRole))
            for entry in self.entries()
            if entry.checkState(0) == Qt.CheckState.Checked
        ]

    def tick(self, departments: list[str]) -> None:
        for entry in self.entries():
            wanted = entry.data(0, Qt.ItemDataRole.UserRole) in departments
            entry.setCheckState(0, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def tick_all(self, ticked: bool) -> None:
        names = [str(entry.data(0, Qt.ItemDataRole.UserRole)) for entry in self.entries()]
        self.tick(names if ticked else [])

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def target(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def accept(self) -> None:
        folder = self.target()
        if not self.folder.text().strip() or not folder.is_dir():
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("The folder %1 does not exist: choose one with Browse….").replace("%1", str(folder)),
            )
            self.folder.setFocus()
            return
        super().accept()


class PackageExports(QObject):
    """The office's side: the dialog, the run, the summary."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.dialog: ExportDialog | None = None
        self.run: ExportRun | None = None  # the last run (tests read its results)

    def ask(self) -> ExportDialog:
        """Open the dialog without blocking; its OK starts the export."""
        context = self.context
        rows = department_rows(context.workspace, context.assessment.id)
        self.dialog = ExportDialog(rows, context.default_department(), default_folder(), context.parent)
        self.dialog.accepted.connect(lambda: self._accepted(self.dialog))
        self.dialog.open()
        return self.dialog

    def _accepted(self, dialog: ExportDialog | None) -> None:
        if dialog is not None:
            self.start(dialog.chosen(), dialog.target())

    def targets(self, departments: list[str], folder: Path) -> dict[str, Path]:
        assessment = self.context.assessment
        numbers = next_numbers(self.context.workspace)
        return {
            name: folder / package_name(assessment.year, assessment.unit, name, numbers.get(name, 1))
            for name in departments
        }

    def start(self, departments: list[str], folder: Path) -> Job | None:
        if not departments:
            return None
        QSettings().setValue(FOLDER_KEY, str(folder))
        targets = self.targets(departments, folder)
        there = [path.name for path in targets.values() if path.exists()]
        if there:
            answer = QMessageBox.question(
                self.context.parent,
                self.tr("Export department work packages"),
                self.tr("%1 already exists in %2. Replace it?")
                .replace("%1", "、".join(there))
                .replace("%2", str(folder)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        self.run = ExportRun(self.context, targets, folder)
        return self.run.start()
