"""The indicator system editor: ``open_system_editor`` opens it on the system of the assessment shown."""

from __future__ import annotations

from egov_desk.core.system_draft import SystemDraft
from egov_desk.ui.context import WindowContext
from egov_desk.ui.system_editor.dialog import SystemEditor
from egov_desk.ui.system_editor.saving import Saving

__all__ = ["SystemEditor", "open_system_editor"]


def open_system_editor(context: WindowContext) -> SystemEditor:
    """Open the editor (not blocking) over the window; saving stores a new version (and moves the assessment onto
    it), one undo step of the window."""
    system_id = context.assessment.system_id
    draft = SystemDraft.of(context.workspace.system(system_id))
    editor = SystemEditor(draft, context.parent, Saving(context, system_id))
    editor.open()
    return editor
