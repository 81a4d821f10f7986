"""审核's actions on many items at once: a department's items submitted, every submitted item approved — each one
question and one undo step, through the :class:`~egov_desk.ui.review_desk.ReviewDesk` it belongs to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject

from egov_desk.core.review import approve, submit
from egov_desk.core.review_states import SUBMITTED
from egov_desk.ui.review_menu import concerns, submittable

if TYPE_CHECKING:
    from egov_desk.core.person import Person
    from egov_desk.core.review import ItemReview
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.context import WindowContext


class Desk(Protocol):
    """What the bulk actions use of the review desk (egov_desk.ui.review_desk.ReviewDesk)."""

    shown: Any  # the window: its assessment and tree model
    reviews: dict[str, ItemReview]
    context: WindowContext
    workspace: Workspace

    def ask_yes(
        self, title: str, question: str, yes: str, then: Callable[[], object], default: bool = True
    ) -> None: ...

    def review_step(self, text: str, write: Callable[[], Any]) -> bool: ...

    def department_of(self, person: Person) -> str | None: ...


class BulkReview(QObject):
    def __init__(self, desk: Desk, parent: QObject) -> None:
        super().__init__(parent)
        self.desk = desk

    def submit_department(self) -> None:
        department = self.desk.department_of(self.desk.workspace.person)
        if not department:
            return
        items = self.desk.shown.model.sheet.system.items()
        codes = [
            i.code
            for i in items
            if (i.lead == department or department in i.cooperating)
            and submittable(self.desk.reviews[i.code].status if i.code in self.desk.reviews else "")
        ]
        if not codes:
            self.desk.context.status(
                self.tr("%1 has no item being filled in to submit.").replace("%1", department), 6000
            )
            return
        assessment = self.desk.shown.assessment.id
        question = (
            self.tr("Submit %1 item(s) of %2 for review?\n%3")
            .replace("%1", str(len(codes)))
            .replace("%2", department)
            .replace("%3", "、".join(codes))
        )
        text = self.tr("submit %1's items").replace("%1", department)
        self.desk.ask_yes(
            self.tr("Submit the department's items"),
            question,
            self.tr("Submit"),
            lambda: self.desk.review_step(text, lambda: submit(self.desk.workspace, assessment, codes)),
        )

    def approve_submitted(self) -> None:
        """Approve every submitted item at once (of the toolbar's department, when one is chosen): one undo step."""
        department = self.desk.context.default_department()
        items = self.desk.shown.model.sheet.system.items()
        codes = [
            i.code
            for i in items
            if (department is None or concerns(i, department))
            and i.code in self.desk.reviews
            and self.desk.reviews[i.code].status == SUBMITTED
        ]
        if not codes:
            self.desk.context.status(self.tr("No item is submitted and waiting for review."), 6000)
            return
        assessment = self.desk.shown.assessment.id
        question = (
            self.tr("Approve %1 submitted item(s)?\n%2").replace("%1", str(len(codes))).replace("%2", "、".join(codes))
        )
        self.desk.ask_yes(
            self.tr("Approve the submitted items"),
            question,
            self.tr("Approve"),
            lambda: self.desk.review_step(
                self.tr("approve submitted items"), lambda: approve(self.desk.workspace, assessment, codes)
            ),
        )
