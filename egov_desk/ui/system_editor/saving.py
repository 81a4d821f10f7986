"""Saving the edited system: a new version of it in the workspace and, when the assessment shown is scored on the
old version, the question whether to move it — with what that would change — and the move.

All of it is one step in the window's undo stack: undo moves the assessment back and removes the version; redo
stores the version again and moves it again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from egov_desk.core.changes import Changes
from egov_desk.core.errors import EgovError
from egov_desk.core.messages import say
from egov_desk.ui.context import WindowContext
from egov_desk.ui.language import ui_language
from egov_desk.ui.system_editor.dialog import SystemEditor
from egov_desk.ui.undo import Step, push


class Saving:
    """The save of one editor: the system it edits, the version made, whether the assessment was moved."""

    def __init__(self, context: WindowContext, system_id: int) -> None:
        self.context, self.system_id = context, system_id
        self.version: int | None = None
        self.moved_assessment: int | None = None

    def __call__(self, editor: SystemEditor) -> None:
        workspace, data = self.context.workspace, editor.draft.to_interchange()
        try:
            stored = workspace.store_system_version(self.system_id, data)
        except EgovError as error:
            editor.tell(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("SystemEditor", "Not saved: %1").replace("%1", say(error, ui_language())),
            )
            return
        self.version, self.data = stored.system_id, data
        assessment = self.context.assessment
        if assessment.system_id != self.system_id:
            self._done(editor, stored.changes)
            return
        try:
            summary = workspace.version_effects(assessment.id, stored.system_id).summary
        except EgovError as error:
            summary = say(error, ui_language())
        text = (
            QCoreApplication.translate(
                "SystemEditor",
                "Saved as a new version. The assessment “%1” is scored on the old one. Move it onto the new version?",
            ).replace("%1", assessment.label)
            + "\n\n"
            + summary
            + _warnings_left(editor)
        )
        box = QMessageBox(
            QMessageBox.Icon.Question, editor.windowTitle(), text, QMessageBox.StandardButton.NoButton, editor
        )
        box.addButton(QCoreApplication.translate("SystemEditor", "&Move it"), QMessageBox.ButtonRole.YesRole)
        keep = box.addButton(
            QCoreApplication.translate("SystemEditor", "&Keep it on the old version"), QMessageBox.ButtonRole.NoRole
        )
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._answered(editor, box.clickedButton() is not keep, stored.changes))
        editor.last_message = box
        box.open()

    def _answered(self, editor: SystemEditor, move: bool, changes: Changes) -> None:
        if move and self.version is not None:
            assessment = self.context.assessment.id
            try:
                changes = changes + self.context.workspace.move_assessment(assessment, self.version)
            except EgovError as error:
                editor.tell(
                    QMessageBox.Icon.Warning,
                    QCoreApplication.translate("SystemEditor", "Not moved: %1").replace(
                        "%1", say(error, ui_language())
                    ),
                )
            else:
                self.moved_assessment = assessment
        self._done(editor, changes)

    def _done(self, editor: SystemEditor, changes: Changes) -> None:
        step = Step(
            QCoreApplication.translate("SystemEditor", "edit of the indicator system"),
            self._again,
            self._back,
            self._applied,
            self.context.report_failure,
            done=True,
        )
        push(self.context.undo_stack, step)
        self._applied(changes)
        editor.undo_stack.setClean()
        editor.saved = True
        editor.accept()

    # --- the window's undo step ----------------------------------------------------------------------

    def _back(self) -> Any:
        workspace, changes = self.context.workspace, Changes.of()
        if self.moved_assessment is not None:
            changes = workspace.move_assessment(self.moved_assessment, self.system_id)
        if self.version is not None:
            changes = changes + workspace.remove_system(self.version)
        return changes

    def _again(self) -> Any:
        workspace = self.context.workspace
        stored = workspace.store_system_version(self.system_id, self.data)
        self.version, changes = stored.system_id, stored.changes
        if self.moved_assessment is not None:
            changes = changes + workspace.move_assessment(self.moved_assessment, self.version)
        return changes

    def _applied(self, changes: Changes) -> None:
        self.context.apply(changes)  # a move of the assessment shown builds the tree again from its new system


def _warnings_left(editor: SystemEditor) -> str:
    """The warnings that did not stop the save, said once more where the person decides."""
    chinese = ui_language().startswith("zh")
    warnings = [finding.text(chinese) for finding in editor.findings if finding.severity == "warning"]
    if not warnings:
        return ""
    shown = "\n".join(f"• {text}" for text in warnings[:3])
    more = len(warnings) - 3
    head = QCoreApplication.translate("SystemEditor", "Still to check (they did not stop the save):")
    tail = "\n" + QCoreApplication.translate("SystemEditor", "and %1 more").replace("%1", str(more)) if more > 0 else ""
    return f"\n\n{head}\n{shown}{tail}"
