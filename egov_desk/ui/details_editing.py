"""File → Assessment details…: the dialog over the window, and what it changed pushed as one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from egov_desk.ui.context import WindowContext
from egov_desk.ui.undo import SetAssessmentDetails, push


def edit_details(
    context: WindowContext, first_start: bool = False, use_server: Callable[[], object] | None = None
) -> QDialog:
    """Open the details of the assessment shown (``first_start``: the question asked on a workspace's first start,
    which offers ``use_server`` instead to a unit whose workspace is on its server)."""
    from egov_desk.ui.dialogs.assessment_details import AssessmentDetailsDialog
    from egov_desk.ui.dialogs.deadline import assessment_deadline_given

    dialog = AssessmentDetailsDialog(context.assessment, first_start, context.parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: _details_given(context, dialog.details))
    dialog.accepted.connect(lambda: assessment_deadline_given(context, dialog))
    if use_server is not None:
        dialog.server_chosen.connect(use_server)
    dialog.open()
    return dialog


def _details_given(context: WindowContext, details: dict[str, Any]) -> None:
    if details:
        command = SetAssessmentDetails(
            context.workspace, context.assessment, details, context.apply, context.report_failure
        )
        push(context.undo_stack, command)
