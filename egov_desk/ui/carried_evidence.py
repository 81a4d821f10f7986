"""Last year's files (去年材料) in the window: 确认仍有效 on a carried file clears its mark, as an undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from egov_desk.core.carry_over import confirm_carried, unconfirm_carried
from egov_desk.core.changes import Changes, CycleChange, EvidenceChange
from egov_desk.ui.undo import Step, push

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.panels.evidence_panel import EvidencePanel


def _shown(change: CycleChange) -> Changes:
    """The mark is shown in the items' evidence: repaint them too."""
    return Changes.of(change, EvidenceChange(change.assessment_id, change.codes))


def confirm(context: WindowContext, file_id: int) -> bool:
    """Confirm that last year's file ``file_id`` still holds (undone by marking it again)."""
    workspace = context.workspace
    step = Step(
        QCoreApplication.translate("carried", "confirm last year's file"),
        lambda: _shown(confirm_carried(workspace, file_id)),
        lambda: _shown(unconfirm_carried(workspace, file_id)),
        context.apply,
        context.report_failure,
    )
    return push(context.undo_stack, step)


def connect_carried(context: WindowContext, panel: EvidencePanel) -> None:
    panel.confirm_requested.connect(lambda file_id: confirm(context, file_id))
