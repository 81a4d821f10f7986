"""What the window's helpers (backups, exports, the evidence check and actions…) get of the window: the workspace,
the assessment shown, the runner, the undo stack, ways to tell the person something, and typed calls for the few
things a helper asks the window to do. Helpers never import the window nor touch its widgets: the window makes one
:class:`WindowContext` and hands it to each of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from egov_desk.core.backups import RestoreReport
    from egov_desk.core.changes import Changes
    from egov_desk.core.indicators import Item
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo
    from egov_desk.ui.ops import Runner


class ShellCalls(Protocol):
    """What a window asks of the shell that owns it (:class:`egov_desk.ui.shell.Shell`). A window without a shell
    (tests, screenshots) opens no other workspace and restores no backup."""

    def open_folder(self, folder: str | Path, create: bool) -> bool: ...

    def new_workspace(self) -> bool: ...

    def open_workspace(self) -> bool: ...

    def open_demo(self) -> object: ...

    def recent(self) -> list[str]: ...

    def switch_language(self, language: str) -> object: ...

    def restore(self, backup: Path) -> RestoreReport | None: ...


@dataclass(frozen=True, eq=False)
class WindowContext:
    workspace: Workspace
    parent: QWidget  # dialogs and message boxes open over it
    runner: Runner
    undo_stack: QUndoStack
    shell: ShellCalls | None
    shown_assessment: Callable[[], AssessmentInfo]
    current_item: Callable[[], Item | None]  # the item selected in the tree; None when a level is
    shown_inputs: Callable[[], Mapping[str, Any]]  # the inputs the window shows, by item code
    departments: Callable[[], list[str]]  # the departments of the system shown
    department_filter: Callable[[], str | None]  # the department the tree is filtered by, if any
    show_status: Callable[[str, int], None]  # a message in the status bar for so many ms (0: until replaced)
    remember: Callable[[QMessageBox], None]  # the window's last_message: the question tests answer
    report_failure: Callable[[Exception], None]  # a write refused or failed, said without blocking
    apply: Callable[[Changes], None]  # repaint what a write changed, wherever it shows (MainWindow.apply)
    import_table: Callable[[], QDialog]  # the import wizard; the assessment it creates is opened
    read_score_sheet: Callable[[Path | None], QMessageBox | None]  # the scores typed into a score sheet

    @property
    def assessment(self) -> AssessmentInfo:
        return self.shown_assessment()

    def default_department(self) -> str | None:
        """The department the person is looking at (the tree's department filter), or None for all."""
        chosen = self.department_filter()
        return chosen if chosen in self.departments() else None

    def status(self, text: str, timeout_ms: int = 0) -> None:
        self.show_status(text, timeout_ms)

    def show(self, box: QMessageBox) -> QMessageBox:
        """Open ``box`` without blocking, as the window's last message."""
        self.remember(box)
        box.open()
        return box
