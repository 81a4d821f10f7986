"""Last year's files (去年材料) in the window: 确认仍有效 (Ctrl+Shift+K, wherever the keyboard is in the window)
clears a carried file's mark, as an undoable step — the file selected in the checklist, or with none selected the
item's carried files (one at once; several after one question, as one step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from egov_desk.core.carry_over import confirm_carried, unconfirm_carried
from egov_desk.core.changes import Changes, CycleChange, EvidenceChange
from egov_desk.ui.undo import Step, push
from egov_desk.ui.write_refusals import CONFIRM_CARRIED, refused

if TYPE_CHECKING:
    from egov_desk.core.evidence import FileInfo
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.panels.evidence_panel import EvidencePanel

SHOWN = 15  # file names listed in the question; the rest are counted


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


def confirm_all(context: WindowContext, file_ids: list[int]) -> None:
    """Several files confirmed as one undo step."""
    stack = context.undo_stack
    stack.beginMacro(
        QCoreApplication.translate("carried", "confirm %1 of last year's files").replace("%1", str(len(file_ids)))
    )
    try:
        for file_id in file_ids:
            if not confirm(context, file_id):
                break  # said; the ones confirmed before stay one step
    finally:
        stack.endMacro()


def confirm_shown(context: WindowContext, panel: EvidencePanel) -> QMessageBox | None:
    """确认仍有效 in the checklist: the selected carried file, else the item's carried files."""
    item = context.current_item()
    if item is None or item.code != panel.code or refused(context, CONFIRM_CARRIED, item):
        return None
    selected = panel.selected_file()
    if selected is not None and selected.carried:
        confirm(context, selected.id)
        return None
    carried = _carried(context, panel.code)
    if not carried:
        context.status(
            QCoreApplication.translate("carried", "%1 has no file carried from last year to confirm.").replace(
                "%1", panel.code
            ),
            6000,
        )
        return None
    if len(carried) == 1:
        confirm(context, carried[0].id)
        return None
    return _ask_all(context, panel.code, carried)


def _carried(context: WindowContext, code: str) -> list[FileInfo]:
    files = context.workspace.evidence.files(context.assessment.id, code)
    return [f for f in files if f.carried]


def _ask_all(context: WindowContext, code: str, carried: list[FileInfo]) -> QMessageBox:
    names = [f"• {f.name}" for f in carried[:SHOWN]]
    if len(carried) > SHOWN:
        names.append(QCoreApplication.translate("carried", "… and %1 more").replace("%1", str(len(carried) - SHOWN)))
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("carried", "Confirm last year's files"),
        QCoreApplication.translate("carried", "Do the %1 files carried from last year in %2 still hold?")
        .replace("%1", str(len(carried)))
        .replace("%2", code)
        + "\n"
        + "\n".join(names),
        QMessageBox.StandardButton.NoButton,
        context.parent,
    )
    box.setInformativeText(
        QCoreApplication.translate("carried", "To confirm one of them only, select it in the checklist first.")
    )
    every = box.addButton(QCoreApplication.translate("carried", "Confirm &all"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(every)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ids = [f.id for f in carried]

    def answered(button: QAbstractButton) -> None:
        if button is every:
            confirm_all(context, ids)

    box.buttonClicked.connect(answered)
    return context.show(box)


def connect_carried(context: WindowContext, panel: EvidencePanel) -> None:
    panel.confirm_action.triggered.connect(lambda _checked=False: confirm_shown(context, panel))
