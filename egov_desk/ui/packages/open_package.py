"""A department opens its work package: 文件 → 打开工作包… or ``egov-desk some.egovpkg`` (a double-click; a
return double-clicked at the office goes to the office's import of returns instead).

The package is checked off the UI thread (every member hashed), then shown: unit, year, department, number, from
whom, deadline, items and evidence. The person says where to make the department's workspace (a folder under
their documents named unit-year-department-N at first); the one made earlier from the same package (same office,
department and number) is reopened instead of made twice, and the person is told so. The workspace is made off
the UI thread; cancelling removes what was made. A package that cannot be trusted, or a return given instead, is
refused in one line naming the file. :class:`PackageOpening` ends with ``finished``: the folder to open, or None."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from egov_desk.core.errors import Cancelled, EgovError
from egov_desk.core.exports.files import safe_name
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.messages import say
from egov_desk.core.packages.department import DepartmentOpened, department_mode, open_package
from egov_desk.core.packages.format import DEPARTMENT, SUFFIX
from egov_desk.core.packages.meter import Meter
from egov_desk.core.packages.reading import Package, read_package
from egov_desk.core.workspace import current_user
from egov_desk.ui.dialogs.person import remember_person, remembered_person
from egov_desk.ui.language import ui_language
from egov_desk.ui.packages.busy import busy_dialog, close_busy
from egov_desk.ui.packages.export_dialog import documents_folder
from egov_desk.ui.packages.message_width import widen
from egov_desk.ui.packages.open_summary import OpenSummary

STEPS = 1000  # the bar's steps

if TYPE_CHECKING:
    from egov_desk.ui.ops import Job, Progress, Runner

log = logging.getLogger(__name__)

OPENED_KEY = "packages/opened"  # office id/department/number → the folder made for it
GIVEN_RETURNS: list[Path] = []  # a return double-clicked before any window: the office's window imports it


def package_key(package: Package) -> str:
    manifest = package.manifest
    return f"{manifest.workspace}/{manifest.department}/{manifest.sequence}"


def default_place(package: Package) -> Path:
    """A folder under the documents named unit-year-department-N."""
    ref, manifest = package.manifest.assessment, package.manifest
    return documents_folder() / safe_name(
        f"{ref.unit or '本单位'}-{ref.year}-{manifest.department}-第{manifest.sequence}个"
    )


def _made_from(folder: Path, package: Package) -> bool:
    """Whether ``folder`` holds the department workspace made from this package (same office, department and
    number)."""
    from egov_desk.core.workspace import Workspace

    if not (folder / DATABASE_NAME).is_file():
        return False
    try:
        workspace = Workspace.open(folder, create=False)
    except (EgovError, OSError):
        return False
    try:
        mode = department_mode(workspace)
    finally:
        workspace.close()
    manifest = package.manifest
    return mode is not None and (mode.workspace, mode.department, mode.sequence) == (
        manifest.workspace,
        manifest.department,
        manifest.sequence,
    )


def free_place(folder: Path) -> Path:
    """``folder``, or ``folder (2)``, ``(3)``… when it holds something else."""
    candidate, number = folder, 1
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        number += 1
        candidate = folder.with_name(f"{folder.name} ({number})")
    return candidate


@dataclass(frozen=True)
class Checked:
    package: Package
    made: Path | None  # the workspace made earlier from the same package
    place: Path  # where a new one would go


def metered(progress: Progress) -> Meter:
    """A core meter that moves the bar a permille at a time (not per chunk) and cancels with its 取消."""
    shown = -1

    def heard(done: int, total: int) -> None:
        nonlocal shown
        step = STEPS * done // total if total else 0
        if step != shown:
            shown = step
            progress.update(step, STEPS)

    return Meter(heard, lambda: progress.cancelled)


def check(path: Path, meter: Meter | None = None) -> Checked:
    """Read the package through (off the UI thread) and look for the workspace made from it before."""
    package = read_package(path, meter, evidence=False)  # hashed as they are copied, if the person goes on
    known = QSettings().value(f"{OPENED_KEY}/{package_key(package)}")
    places = [Path(str(known))] if known else []
    places.append(default_place(package))
    made = next((place for place in places if package.manifest.kind == DEPARTMENT and _made_from(place, package)), None)
    return Checked(package, made, free_place(default_place(package)))


class PackageOpening(QObject):
    finished = Signal(object)  # the folder to open (Path), or None

    def __init__(self, parent: QWidget | None, runner: Runner) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.summary: OpenSummary | None = None  # the question asked now (tests answer it)
        self.message: QMessageBox | None = None  # the last refusal or word said
        self.progress: QProgressDialog | None = None
        self.opened: DepartmentOpened | None = None
        self.take_return: Callable[[Path], bool] | None = None  # a return given instead: whether it was taken in

    def ask(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Open a department work package"),
            str(documents_folder()),
            self.tr("Work package (*%1)").replace("%1", SUFFIX),
        )
        if chosen:
            self.open(Path(chosen))

    def open(self, path: Path) -> None:
        """Check the package, then ask (each step off the UI thread where it reads or writes evidence)."""
        self._busy(self.tr("Checking %1…").replace("%1", path.name), cancel=True)
        self._follow(self.runner.start(lambda progress: check(path, metered(progress)), self._checked, self._refused))

    # --- steps ------------------------------------------------------------------------------------

    def _checked(self, checked: Checked) -> None:
        self._close_busy()
        package = checked.package
        if package.manifest.kind != DEPARTMENT:
            if self.take_return is not None and self.take_return(package.path):
                self.finished.emit(None)
                return
            self._say(
                self.tr(
                    "%1: a return, not a department work package — returns are imported by the coordinating side "
                    "that sent the packages."
                ).replace("%1", str(package.path))
            )
            self.finished.emit(None)
            return
        known = remembered_person(current_user()).name
        self.summary = OpenSummary(package, checked.made, checked.place, self.parent_widget, known)
        self.summary.accepted.connect(lambda: self._chosen(checked))
        self.summary.rejected.connect(lambda: self.finished.emit(None))
        self.summary.open()

    def _chosen(self, checked: Checked) -> None:
        summary = self.summary
        if summary is None:
            return
        name = summary.clerk()
        login = current_user()
        remember_person(login, replace(remembered_person(login), name=name))  # the window names them from now on
        if checked.made is not None and not summary.make_new():
            self._remember(checked.package, checked.made)
            self.finished.emit(checked.made)
            return
        into = summary.place()
        path = checked.package.path
        self._busy(self.tr("Making the department workspace in %1…").replace("%1", str(into)), cancel=True)

        def work(progress: Progress) -> DepartmentOpened:
            return open_package(path, into, metered(progress), name)  # a cancel leaves the folder as it was

        self._follow(self.runner.start(work, lambda opened: self._made(checked.package, opened), self._refused))

    def _follow(self, job: Job) -> None:
        dialog = self.progress
        if dialog is None:
            return
        dialog.canceled.connect(job.cancel)

        def moved(done: int, total: int, _text: str) -> None:
            if self.progress is dialog:
                dialog.setMaximum(total)
                dialog.setValue(done)

        job.progressed.connect(moved)

    def _made(self, package: Package, opened: DepartmentOpened) -> None:
        self._close_busy()
        self.opened = opened
        self._remember(package, opened.path)
        self.finished.emit(opened.path)

    def _refused(self, error: BaseException) -> None:
        self._close_busy()
        if not isinstance(error, Cancelled):
            self._say(say(error, ui_language()))
        self.finished.emit(None)

    # --- helpers ----------------------------------------------------------------------------------

    def _remember(self, package: Package, folder: Path) -> None:
        QSettings().setValue(f"{OPENED_KEY}/{package_key(package)}", str(folder))

    def _say(self, text: str) -> None:
        log.warning("work package not opened: %s", text)  # what the person was told, for whoever helps them
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Department work package"), text, parent=self.parent_widget)
        box.setObjectName("packageRefused")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = widen(box)
        box.open()

    def _busy(self, text: str, cancel: bool) -> None:
        title = self.tr("Department work package")
        self.progress = busy_dialog(text, title, self.tr("Cancel") if cancel else None, self.parent_widget)

    def _close_busy(self) -> None:
        close_busy(self.progress)
        self.progress = None


def open_at_start(path: Path) -> Path | None:
    """``egov-desk some.egovpkg`` before any window: the same steps, waited for; the folder to open, or None."""
    from PySide6.QtCore import QEventLoop

    from egov_desk.ui.ops import Runner

    runner = Runner()
    opening = PackageOpening(None, runner)

    def hand_on(given: Path) -> bool:
        GIVEN_RETURNS.append(given)  # for the window about to open
        return True

    opening.take_return = hand_on
    ended: list[Path | None] = []
    loop = QEventLoop()

    def finished(folder: object) -> None:
        ended.append(folder if isinstance(folder, Path) else None)
        loop.quit()

    opening.finished.connect(finished)
    opening.open(path)
    if not ended:
        loop.exec()
    if opening.message is not None and opening.message.isVisible():
        opening.message.exec()  # a refusal stays until read: no window is open behind it yet
    runner.shutdown()
    return ended[0]
