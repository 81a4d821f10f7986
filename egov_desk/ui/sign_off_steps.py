"""The assessment's stage in the window, each change an undo step: 进入审核阶段, 定稿 (after a question that lists
what is not approved yet, whose default is then 取消) with its snapshot's SHA-256 shown after, and 重新打开 with
its reason; undoing 定稿 reopens, asking the reason there and then."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from egov_desk.core.changes import Written
from egov_desk.core.review import item_reviews
from egov_desk.core.review_states import APPROVED, STAGE_FILLING, STAGE_REVIEW
from egov_desk.core.sign_off import finalize, reopen, set_stage
from egov_desk.ui.panels.review_bar import status_word

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext

UNREVIEWED_SHOWN = 20  # items listed in the 定稿 question; the rest are "…"

Step = Callable[[str, Callable[[], Written], Callable[[], Written]], bool]  # text, forward, backward: made?
AskText = Callable[[str, str, Callable[[str], object]], None]  # title, label, then(text)
AskYes = Callable[[str, str, str, Callable[[], object], bool], None]  # title, question, yes, then, yes is default


class SignOffSteps(QObject):
    def __init__(self, context: WindowContext, step: Step, ask_text: AskText, ask_yes: AskYes) -> None:
        super().__init__(context.parent)
        self.context = context
        self.step, self.ask_text, self.ask_yes = step, ask_text, ask_yes

    def start_review(self) -> None:
        workspace, assessment = self.context.workspace, self.context.assessment.id
        self.step(
            QCoreApplication.translate("ReviewDesk", "start the review stage"),
            lambda: set_stage(workspace, assessment, STAGE_REVIEW),
            lambda: set_stage(workspace, assessment, STAGE_FILLING),
        )

    def finalize(self) -> None:
        """Asks first; with items not approved yet, Enter and Escape cancel: 定稿 takes its access key or a click."""
        assessment = self.context.assessment.id
        unreviewed = [r for r in item_reviews(self.context.workspace, assessment).values() if r.status != APPROVED]
        question = QCoreApplication.translate(
            "ReviewDesk",
            "Finalize the assessment? Scores, notes and evidence are then locked until the leader reopens it.",
        )
        if unreviewed:
            shown = unreviewed[:UNREVIEWED_SHOWN]
            listed = "、".join(f"{r.code}（{status_word(r.status)}）" for r in shown)
            more = "…" if len(unreviewed) > UNREVIEWED_SHOWN else ""
            question += (
                "\n\n"
                + QCoreApplication.translate("ReviewDesk", "%n item(s) are not approved yet:", "", len(unreviewed))
                + f"\n{listed}{more}"
            )
        yes = QCoreApplication.translate("ReviewDesk", "&Finalize")
        self.ask_yes(
            QCoreApplication.translate("ReviewDesk", "Finalize"),
            question,
            yes,
            lambda: self._finalize(assessment),
            not unreviewed,
        )

    def _finalize(self, assessment: int) -> None:
        workspace = self.context.workspace
        frozen: list[str] = []

        def forward() -> Written:
            done = finalize(workspace, assessment, force=True)  # the person saw and confirmed what is unreviewed
            frozen.append(done.snapshot)
            return done

        def backward() -> Written:
            return reopen(workspace, assessment, self.ask_reason_now())

        if self.step(QCoreApplication.translate("ReviewDesk", "finalize"), forward, backward) and frozen:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("ReviewDesk", "Final"),
                QCoreApplication.translate(
                    "ReviewDesk",
                    "The assessment is final. Its snapshot's SHA-256 (printed on the report, the score sheet "
                    "and the package's manifest):\n%1",
                ).replace("%1", frozen[-1]),
                QMessageBox.StandardButton.Ok,
                self.context.parent,
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.context.show(box)

    def reopen(self) -> None:
        workspace, assessment = self.context.workspace, self.context.assessment.id

        def reopened(reason: str) -> None:
            self.step(
                QCoreApplication.translate("ReviewDesk", "reopen"),
                lambda: reopen(workspace, assessment, reason),
                lambda: finalize(workspace, assessment, force=True).changes,
            )

        self.ask_text(
            QCoreApplication.translate("ReviewDesk", "Reopen"),
            QCoreApplication.translate("ReviewDesk", "Why is the final assessment reopened (recorded):"),
            reopened,
        )

    def ask_reason_now(self) -> str:
        """Undoing 定稿 reopens the assessment: the reason is asked there and then ("" is refused by the core)."""
        reason, ok = QInputDialog.getText(
            self.context.parent,
            QCoreApplication.translate("ReviewDesk", "Reopen"),
            QCoreApplication.translate("ReviewDesk", "Undoing the sign-off reopens the assessment. Why (recorded):"),
        )
        return reason if ok else ""
