"""The import wizard's reading of one table: read off the UI thread with the person's corrections (sheet, header
rows, column roles, row kinds), each correction kept so the last can be undone. A refused reading still gives the
table's rows, so the person can say which row is the header or what a column holds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from egov_desk.core.evidence.vault import display_name
from egov_desk.core.importers.corrections import command_line, count
from egov_desk.core.importers.grid import Grid, ImportRefused
from egov_desk.core.importers.options import ImportOptions
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job, Progress, Runner

if TYPE_CHECKING:
    from egov_desk.core.importers.pipeline import ImportResult


@dataclass
class _Read:
    result: ImportResult | None
    grid: Grid | None
    refused: ImportRefused | None


class TableReading(QObject):
    """What the wizard's pages show: the file, the options applied, the result (or the rows and the refusal)."""

    finished = Signal()  # also when a read starts: the pages show "reading…"

    def __init__(self, runner: Runner, known_departments: Callable[[], set[str]], parent: QObject) -> None:
        super().__init__(parent)
        self.runner = runner
        self.known_departments = known_departments
        self.path: Path | None = None
        self.options = ImportOptions()
        self.history: list[ImportOptions] = []  # the options before each correction, the latest last
        self.result: ImportResult | None = None
        self.grid: Grid | None = None  # the rows read, also when the table was refused
        self.error = ""
        self.busy = False
        self.job: Job | None = None
        self.generation = 0  # the read whose result is wanted

    @property
    def corrections(self) -> int:
        return count(self.options)

    def command_line(self) -> str:
        """The ``egov-desk-cli import`` line that reads the table as the wizard does now."""
        return command_line(display_name(self.path.name) if self.path else "", self.options)

    def read(self, path: Path, options: ImportOptions | None = None) -> None:
        """Read ``path`` as ``options`` say; another file starts without corrections to undo."""
        if path != self.path:
            self.history.clear()
        self._start(path, options or ImportOptions())

    def correct(self, options: ImportOptions) -> None:
        """Read the table again with the person's corrected options; the options before are kept for undo."""
        if self.path is None or options == self.options:
            return
        self.history.append(self.options)
        self._start(self.path, options)

    def undo(self) -> bool:
        """Take back the last correction (reading the table again); False when there is none."""
        if self.path is None or not self.history:
            return False
        self._start(self.path, self.history.pop())
        return True

    def reset(self) -> None:
        """Back to the automatic reading (itself a correction that can be undone)."""
        self.correct(ImportOptions())

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = None

    def _start(self, path: Path, options: ImportOptions) -> None:
        """(Re)read the file off the UI thread, within the import's time and size budget (see
        egov_desk.core.importers.limits); a read still running is cancelled and its result ignored."""
        from egov_desk.core.importers.limits import Budget  # python-docx, openpyxl: on first use
        from egov_desk.core.importers.pipeline import import_table, read_grid

        self.path, self.options = path, options
        self.busy, self.error = True, ""
        known = self.known_departments()
        self.cancel()
        self.generation += 1
        generation = self.generation
        self.finished.emit()

        def work(progress: Progress) -> _Read:
            def budget() -> Budget:
                return Budget(file=display_name(path.name), is_cancelled=lambda: progress.cancelled)

            try:
                return _Read(import_table(path, options, known, budget()), None, None)
            except ImportRefused as refused:
                if progress.cancelled:
                    raise
                try:  # the rows, for the person to say what they are
                    grid = read_grid(path, budget(), options.sheet)
                except ImportRefused:
                    raise refused from None
                return _Read(None, grid, refused)

        self.job = self.runner.start(
            work,
            lambda read: self._done(read, generation),
            lambda error: self._failed(error, generation),
        )

    def _done(self, read: _Read, generation: int) -> None:
        if generation != self.generation or not shiboken6.isValid(self):
            return  # a read that was replaced by a newer one, or the wizard is gone
        self.busy = False
        self.result = read.result
        self.grid = read.result.grid if read.result else read.grid
        self.error = read.refused.describe(ui_language()) if read.refused else ""
        self.finished.emit()

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self.generation or not shiboken6.isValid(self):
            return
        self.busy = False
        self.result = self.grid = None
        if isinstance(error, ImportRefused):
            self.error = error.describe(ui_language())
        else:
            self.error = f"{type(error).__name__}: {error}"
        self.finished.emit()
