"""Why a change the person asked for cannot be made — said at once, in a message box over the window, before any
file dialog opens: the window is read-only, the assessment is final (定稿), or the item is another department's
and the person fills in for theirs. The review desk puts these refusals in front of 添加佐证 (Ctrl+Shift+A),
从自评得分表读入得分, a file dropped on the checklist, 确认仍有效 and F2 into a grey editor; the core would refuse
the write in the end, but only after the person had chosen the files."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from egov_desk.core.review_states import FILLER, STAGE_FINAL
from egov_desk.ui.review_menu import concerns

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item
    from egov_desk.core.person import Person
    from egov_desk.ui.context import WindowContext

ADD_EVIDENCE, CHANGE_SCORE, READ_SCORES, CONFIRM_CARRIED = "add evidence", "change score", "read scores", "confirm"


def _doing(what: str) -> str:
    """The change refused, as the sentences below say it."""
    if what == ADD_EVIDENCE:
        return QCoreApplication.translate("WriteRefusals", "add materials")
    if what == CHANGE_SCORE:
        return QCoreApplication.translate("WriteRefusals", "change the score")
    if what == READ_SCORES:
        return QCoreApplication.translate("WriteRefusals", "read scores from a score sheet")
    return QCoreApplication.translate("WriteRefusals", "confirm last year's files")


def refusal(what: str, *, read_only: bool, stage: str, person: Person, item: Item | None) -> str:
    """Why ``what`` (for ``item``, or the whole assessment when None) cannot be done now; "" when it can."""
    doing = _doing(what)
    if read_only:
        return QCoreApplication.translate(
            "WriteRefusals", "This window is read-only: you cannot %1. Open the workspace for editing to change it."
        ).replace("%1", doing)
    if stage == STAGE_FINAL:
        return QCoreApplication.translate(
            "WriteRefusals",
            "The assessment is final: you cannot %1. To change it, the leader reopens it (Review → Reopen).",
        ).replace("%1", doing)
    if item is not None and person.role == FILLER and not concerns(item, person.department):
        return (
            QCoreApplication.translate("WriteRefusals", "%1 is led by %2; you fill in for %3 and cannot %4.")
            .replace("%1", item.code)
            .replace("%2", item.lead or "—")
            .replace("%3", person.department)
            .replace("%4", doing)
        )
    return ""


def why_not(context: WindowContext, what: str, item: Item | None) -> str:
    """:func:`refusal` for the window ``context`` shows: its stage, the person using it, read-only or not."""
    workspace = context.workspace
    stage = context.assessment.stage
    return refusal(what, read_only=workspace.read_only, stage=stage, person=workspace.person, item=item)


def refused(context: WindowContext, what: str, item: Item | None) -> bool:
    """Whether ``what`` is refused now; if it is, the person is told why."""
    why = why_not(context, what, item)
    if why:
        say_refused(context, why)
    return bool(why)


def say_refused(context: WindowContext, text: str) -> QMessageBox:
    """The refusal in the window's message box (not blocking), as its other refusals are said."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("WriteRefusals", "Not possible"),
        text,
        QMessageBox.StandardButton.Ok,
        context.parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return context.show(box)


def guard(
    action: QAction, why_not: Callable[[], str], say: Callable[[str], object], then: Callable[[], object]
) -> None:
    """What ``action`` does (``then``), with the refusal said instead when ``why_not`` gives one. The action's
    other connections (the menus' own, to ``then``) are replaced."""
    action.triggered.disconnect()

    def triggered() -> None:
        why = why_not()
        if why:
            say(why)
        else:
            then()

    action.triggered.connect(lambda _checked=False: triggered())
