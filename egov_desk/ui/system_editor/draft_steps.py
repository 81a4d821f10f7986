"""The editor's undo steps: each one draft edit, made again by redo and undone by its inverse."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from egov_desk.core.system_draft import Edit, SystemDraft


class DraftStep(QUndoCommand):
    """One edit of the draft, already made when pushed; ``shown`` repaints what an edit changed."""

    def __init__(self, text: str, draft: SystemDraft, edit: Edit, shown: Callable[[Edit], None]) -> None:
        super().__init__(text)
        self.draft, self.shown = draft, shown
        self.forward, self.backward = edit.step, edit.inverse
        self.made = True  # the push's own redo() makes nothing twice

    def redo(self) -> None:
        if self.made:
            self.made = False
            return
        edit = self.draft.apply(self.forward)
        self.backward = edit.inverse
        self.shown(edit)

    def undo(self) -> None:
        edit = self.draft.apply(self.backward)
        self.forward = edit.inverse
        self.shown(edit)
