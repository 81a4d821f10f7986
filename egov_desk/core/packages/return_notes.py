"""The notes a return wrote (or its undo put back), said in the changes it returns like the scores it changed, so
a window repaints them with everything else instead of later as changes made elsewhere."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from egov_desk.core.changes import Changes, ScoreChange

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


def with_notes(workspace: Workspace, assessment_id: int, noted: Iterable[str], changes: Changes) -> Changes:
    """``changes`` and a note change for each code in ``noted`` they do not say already."""
    said = {change.code for change in changes.scores if change.note is not None}
    codes = [code for code in dict.fromkeys(noted) if code not in said]
    if not codes:
        return changes
    sheet, notes = workspace.scores(assessment_id), workspace.notes(assessment_id)
    return Changes(
        (
            *changes,
            *(
                ScoreChange(
                    assessment_id,
                    code,
                    sheet.items[code],
                    [],
                    sheet.total,
                    len(sheet.unscored),
                    None,
                    notes.get(code, ""),
                )
                for code in codes
            ),
        )
    )
