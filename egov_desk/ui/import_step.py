"""File → Import indicator table…: the wizard over the window; the assessment it imports is shown, and Ctrl+Z
removes it and its system again (nothing was entered yet)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from egov_desk.ui.context import WindowContext
from egov_desk.ui.dialogs.import_wizard import ImportWizard
from egov_desk.ui.undo import Step, push


def import_table(context: WindowContext, switch_to_assessment: Callable[[int], None]) -> ImportWizard:
    """Open the import wizard; when it creates an assessment, switch to it."""
    wizard = ImportWizard(context.workspace, context.runner, context.parent)
    wizard.accepted.connect(lambda: _imported(context, wizard, switch_to_assessment))
    wizard.open()
    return wizard


def _imported(context: WindowContext, wizard: ImportWizard, switch_to_assessment: Callable[[int], None]) -> None:
    if wizard.created_assessment is None:
        return
    switch_to_assessment(wizard.created_assessment)
    workspace = context.workspace
    text = QCoreApplication.translate("MainWindow", "import of %1").replace("%1", context.assessment.label)
    step = Step(
        text,
        wizard.import_again,
        lambda: workspace.remove_assessment(wizard.created_assessment or 0, with_system=True),
        context.apply,
        context.report_failure,
        done=True,
    )
    push(context.undo_stack, step)
