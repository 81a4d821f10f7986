"""Undo/redo of every change a person makes (scores, notes, details, evidence, checks, requirements, imports, new
assessments): QUndoStack commands over Workspace writes.

Each command's redo/undo is one Workspace write (one transaction), so an undo is saved as surely as the edit.
Quick successive edits of the same item (typing "2", then "2.5") merge into one step. A write that fails
(a full disk) or is refused reports why and leaves the stack as it was: :func:`push` makes the write first and
pushes the step only when it was made.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from egov_desk.core.changes import Changes, Written
from egov_desk.core.errors import ChangedSince, Refused
from egov_desk.core.evidence import EvidenceError
from egov_desk.core.workspace import AssessmentInfo, Workspace, WorkspaceError

MERGE_WINDOW_S = 2.0
Apply = Callable[[Changes], None]  # the window repaints what a write changed
Report = Callable[[Exception], None]


def changed_elsewhere(what: str) -> ChangedSince:
    """Undo or redo would overwrite a value that changed since (the CLI, another window): refused."""
    text = QCoreApplication.translate("undo", "%1 was changed elsewhere since; it is left as it is now.").replace(
        "%1", what
    )
    return ChangedSince(text, text, "changed_since")


def push(stack: QUndoStack, command: _WorkspaceCommand | Step) -> bool:
    """Make ``command``'s write (unless it was made already) and push it onto ``stack`` only when it was made.

    QUndoStack.push would run the write itself, and a refused one would still cost the stack its redo steps
    while the menus kept offering them; made first, a refused write is said and the stack is left as it was."""
    if not command.skip_redo:
        command.redo()
        if command.failed:
            return False
        command.skip_redo = True  # the push's own redo() makes nothing twice
    stack.push(command)
    return True


class _WorkspaceCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        workspace: Workspace,
        assessment: int,
        code: str,
        before: Any,
        after: Any,
        apply: Apply,
        report: Report,
    ) -> None:
        super().__init__(text)
        self.workspace, self.assessment, self.code = workspace, assessment, code
        self.before, self.after = before, after
        self.apply, self.report = apply, report

        self.done = False  # redone once: later redos and undos check that nobody changed the value since
        self.skip_redo = False  # the next redo() makes nothing: the write was made before the push (:func:`push`)
        self.failed = False

    def write(self, value: Any, expected: Any) -> Written:
        """Store ``value`` if what is stored is still ``expected`` (what the person saw); else refuse."""
        raise NotImplementedError

    def current(self) -> Any:
        """The value stored now."""
        raise NotImplementedError

    def _run(self, value: Any, expected: Any) -> None:
        try:
            if self.done and self.current() != expected:
                raise changed_elsewhere(self.text())
            written = self.write(value, expected)
        except (WorkspaceError, Refused) as error:  # Refused: InputError, a final assessment, a role
            self.failed = True
            self.setObsolete(True)  # the stack drops a command that did nothing
            self.report(error)
            return
        self.done = True
        self.apply(written.changes)

    def redo(self) -> None:
        if self.skip_redo:
            self.skip_redo = False
            return
        self._run(self.after, self.before)

    def undo(self) -> None:
        self._run(self.before, self.after)


class SetInput(_WorkspaceCommand):
    def __init__(
        self, workspace: Workspace, assessment: int, code: str, before: Any, after: Any, apply: Apply, report: Report
    ) -> None:
        text = QCoreApplication.translate("undo", "score of %1").replace("%1", code)
        super().__init__(text, workspace, assessment, code, before, after, apply, report)
        self.at = time.monotonic()

    def write(self, value: Any, expected: Any) -> Written:
        return self.workspace.set_input(self.assessment, self.code, value, expected=expected)

    def current(self) -> Any:
        return self.workspace.inputs(self.assessment).get(self.code)

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetInput) or (other.assessment, other.code) != (self.assessment, self.code):
            return False
        if other.at - self.at > MERGE_WINDOW_S:
            return False
        self.after, self.at = other.after, other.at
        return True


class SetNote(_WorkspaceCommand):
    def __init__(
        self, workspace: Workspace, assessment: int, code: str, before: str, after: str, apply: Apply, report: Report
    ) -> None:
        text = QCoreApplication.translate("undo", "note of %1").replace("%1", code)
        super().__init__(text, workspace, assessment, code, before, after, apply, report)

    def write(self, value: Any, expected: Any) -> Written:
        return self.workspace.set_note(self.assessment, self.code, value, expected=expected)

    def current(self) -> Any:
        return self.workspace.notes(self.assessment).get(self.code, "")


class SetAssessmentDetails(_WorkspaceCommand):
    """The unit, year, title, filled-in-by or date of an assessment; undo puts the old ones back."""

    def __init__(
        self,
        workspace: Workspace,
        before: AssessmentInfo,
        after: dict[str, Any],
        apply: Apply,
        report: Report,
    ) -> None:
        text = QCoreApplication.translate("undo", "details of the assessment")
        was = {key: getattr(before, key) for key in after}
        super().__init__(text, workspace, before.id, "", was, after, apply, report)

    def write(self, value: Any, expected: Any) -> Written:
        return self.workspace.update_assessment(self.assessment, expected=expected, **value)

    def current(self) -> Any:
        now = self.workspace.assessment(self.assessment)
        return {key: getattr(now, key) for key in self.after}


class Step(QUndoCommand):
    """An undoable write given as two calls, forward and back (evidence and checklist edits, imports, a new
    assessment); each call is one Workspace write, and what it returns says what it changed: ``apply`` gets that.
    A call that fails is reported and the step dropped.

    ``done``: the forward write was made already (a dialog or a background job made it): pushing the step does
    not make it again."""

    def __init__(
        self,
        text: str,
        forward: Callable[[], Written],
        backward: Callable[[], Written],
        apply: Apply,
        report: Report,
        *,
        done: bool = False,
    ) -> None:
        super().__init__(text)
        self.forward, self.backward, self.apply, self.report = forward, backward, apply, report
        self.skip_redo = done
        self.failed = False

    def _run(self, call: Callable[[], Written]) -> None:
        try:
            written = call()
        except (WorkspaceError, EvidenceError, Refused, OSError) as error:
            self.failed = True
            self.setObsolete(True)
            self.report(error)
        else:
            self.apply(written.changes)

    def redo(self) -> None:
        if self.skip_redo:
            self.skip_redo = False
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)
