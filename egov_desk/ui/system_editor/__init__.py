"""The indicator system editor: ``open_system_editor`` opens it on the system of the assessment shown."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6

from egov_desk.core.system_draft import SystemDraft
from egov_desk.ui.context import WindowContext
from egov_desk.ui.system_editor.dialog import SystemEditor
from egov_desk.ui.system_editor.saving import Saving

__all__ = ["SystemEditor", "close_editor_first", "open_system_editor"]


def open_system_editor(context: WindowContext) -> SystemEditor:
    """Open the editor (not blocking) over the window; saving stores a new version (and moves the assessment onto
    it), one undo step of the window."""
    system_id = context.assessment.system_id
    draft = SystemDraft.of(context.workspace.system(system_id))
    editor = SystemEditor(draft, context.parent, Saving(context, system_id))
    item = context.current_item()
    place = draft.find(item.code) if item is not None else None
    if place is not None:  # the item the person was on in the window
        editor.tree.select(place)
    editor.open()
    return editor


def close_editor_first(editor: SystemEditor | None, then: Callable[[], object]) -> bool:
    """The main window is closing while the editor is open: True when the editor asks first (edits not saved;
    ``then`` runs once it has closed — saved or discarded; Cancel leaves both open), False when nothing waits."""
    if editor is None or not shiboken6.isValid(editor) or not editor.isVisible():
        return False
    if editor.undo_stack.isClean():
        editor.done(0)
        return False
    editor.finished.connect(lambda _result: then())
    editor.raise_()
    editor.activateWindow()
    editor.reject()  # asks 保存 / 放弃 / 取消
    return True
