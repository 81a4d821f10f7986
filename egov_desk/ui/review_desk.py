"""Review and sign-off in the window: who the person is (remembered per OS login, shown in the status bar), the
审核 menu and the item panel's review bar doing the core's review and sign-off writes as undo steps, the status
marks in the tree, and the 定稿 lock (a banner, every editor read-only) — all following what the writes change.

The window makes one :class:`ReviewDesk` and passes it every change it applies (:meth:`ReviewDesk.apply`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from egov_desk.core.changes import Changes, Written
from egov_desk.core.messages import is_chinese
from egov_desk.core.person import Person
from egov_desk.core.review import ItemReview, approve, item_reviews, restore_statuses, return_items, submit
from egov_desk.core.review_states import APPROVED, FILLER, STAGE_FILLING, STAGE_FINAL, STAGE_REVIEW, STAGES, said
from egov_desk.core.sign_off import finalize, reopen, set_stage
from egov_desk.ui.dialogs.person import PersonDialog, remember_person, remembered_person
from egov_desk.ui.dialogs.review_questions import ask_text, yes_or_cancel
from egov_desk.ui.language import ui_language
from egov_desk.ui.panels.review_bar import FinalBanner, status_word
from egov_desk.ui.review_menu import (
    APPROVE,
    FINALIZE,
    IDENTITY,
    REOPEN,
    RETURN,
    SUBMIT,
    SUBMIT_DEPARTMENT,
    TO_REVIEW,
    ReviewMenu,
    Situation,
    concerns,
    submittable,
)
from egov_desk.ui.undo import Step, push

if TYPE_CHECKING:
    from PySide6.QtCore import QSortFilterProxyModel
    from PySide6.QtWidgets import QMainWindow

    from egov_desk.core.indicators import Item
    from egov_desk.core.watch import DataWatch
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo
    from egov_desk.ui.actions import Actions
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.models.indicator_tree import IndicatorTreeModel
    from egov_desk.ui.panels.item_panel import ItemPanel


class ReviewedWindow(Protocol):
    """What of the main window the desk uses."""

    assessment: AssessmentInfo  # set again when its stage changed

    @property
    def workspace(self) -> Workspace: ...

    @property
    def model(self) -> IndicatorTreeModel: ...

    @property
    def proxy(self) -> QSortFilterProxyModel: ...

    @property
    def panel(self) -> ItemPanel: ...

    @property
    def context(self) -> WindowContext: ...

    @property
    def menu_actions(self) -> Actions: ...


class ReviewDesk(QObject):
    def __init__(self, window: QMainWindow, shown: ReviewedWindow) -> None:
        super().__init__(window)
        self.window, self.shown = window, shown
        self.workspace = shown.workspace
        self.context = shown.context
        self.reviews: dict[str, ItemReview] = {}
        self.stage = STAGE_FILLING
        self.asking: QWidget | None = None  # the dialog open now (tests fill it in)
        self.login = self.workspace.store.actor
        self.workspace.set_person(remembered_person(self.login))
        slots: dict[str, Callable[[], object]] = {
            IDENTITY: lambda: self.choose_person(),
            SUBMIT: lambda: self.when_identified(self.submit_item),
            RETURN: lambda: self.when_identified(self.return_item),
            APPROVE: lambda: self.when_identified(self.approve_item),
            SUBMIT_DEPARTMENT: lambda: self.when_identified(self.submit_department),
            TO_REVIEW: lambda: self.when_identified(self.start_review),
            FINALIZE: lambda: self.when_identified(self.finalize),
            REOPEN: lambda: self.when_identified(self.reopen),
        }
        self.menu = ReviewMenu(window, slots)
        self.menu.install()
        self.banner = FinalBanner()
        area = window.centralWidget()
        central = area.layout() if area is not None else None
        if isinstance(central, QVBoxLayout):
            central.insertWidget(1, self.banner)  # under the read-only banner, over the gauge and the panel
        self.status_label = QLabel()
        self.status_label.setObjectName("reviewStatus")
        window.statusBar().addPermanentWidget(self.status_label)
        bar = shown.panel.review_bar
        bar.use_actions([self.menu.actions[SUBMIT], self.menu.actions[RETURN], self.menu.actions[APPROVE]])
        bar.followed.connect(lambda _code: self.show_item())
        shown.proxy.sourceModelChanged.connect(self.reload)  # another assessment shown
        self.watch: DataWatch | None = self.workspace.watch()  # statuses changed elsewhere (the CLI)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._check_elsewhere)
        if self.watch is not None:
            self.timer.start()
        window.installEventFilter(self)

    # --- showing ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the stage and every item's review of the assessment shown, and show them."""
        if not hasattr(self.shown, "model"):
            return
        assessment = self.workspace.assessment(self.shown.assessment.id)
        if assessment.stage != self.shown.assessment.stage:
            self.shown.assessment = assessment  # what the window's helpers read of it
        self.reviews = item_reviews(self.workspace, assessment.id)
        self.shown.model.set_reviews(self.reviews)
        self._show_stage(assessment)
        self.show_item()

    def _show_stage(self, assessment: AssessmentInfo) -> None:
        self.stage = assessment.stage
        final = self.stage == STAGE_FINAL
        writable = not (self.workspace.read_only or final)
        for action in (self.shown.menu_actions.add_evidence_action, self.shown.menu_actions.read_scores_action):
            action.setEnabled(writable)
        if final:
            self.banner.show_final(assessment.snapshot_sha256)
        else:
            self.banner.hide()
        self._show_status()

    def _lock_panel(self) -> None:
        """Editors read-only in a read-only window, a final assessment, and for a filler on another department's
        item (the core would refuse the write; the bar says why)."""
        panel, person = self.shown.panel, self.workspace.person
        item = panel.item
        theirs = item is None or person.role != FILLER or concerns(item, person.department)
        locked = self.workspace.read_only or self.stage == STAGE_FINAL or not theirs
        note = ""
        if item is not None and not theirs:
            note = (
                self.tr("%1 leads this item: as a filler of %2 you can look at it, not change it.")
                .replace("%1", item.lead or "—")
                .replace("%2", person.department)
            )
        panel.review_bar.show_note(note)
        if locked != panel.read_only:
            panel.set_read_only(locked)
            if item is not None:  # ticks are offered by the rows shown: show them again
                panel.evidence.show_evidence(self.workspace.evidence.item_evidence(self.shown.assessment.id, item.code))

    def _show_status(self) -> None:
        chinese = is_chinese(ui_language())
        stage = self.tr("Stage: %1").replace("%1", said(STAGES, self.stage, chinese))
        person = self.workspace.person
        who = person.label(chinese) if person.name or person.role else self.tr("identity not chosen")
        self.status_label.setText(f"{stage} · {who}")

    def show_item(self) -> None:
        """The review bar and the menu's actions for the item the panel shows."""
        code = self.shown.panel.review_bar.code
        self.shown.panel.review_bar.show_review(self.reviews.get(code) if code else None)
        self._lock_panel()
        self.update_actions()

    def update_actions(self) -> None:
        item = self.shown.panel.item
        person = self.workspace.person
        review = self.reviews.get(item.code) if item is not None else None
        self.menu.update(
            Situation(
                self.stage,
                person,
                item,
                review.status if review is not None else "",
                self._department(person),
                self.workspace.read_only,
            )
        )

    def _department(self, person: Person) -> str | None:
        return person.department if person.role == FILLER else self.context.default_department()

    def apply(self, changes: Changes) -> None:
        """A write changed something: statuses, the stage — or an item's entries, which can set a submitted item
        back to 填报中."""
        if changes.cycle or changes.scores or changes.evidence or changes.checklists:
            self.reload()

    def _check_elsewhere(self) -> None:
        if self.watch is not None and self.watch.changed():
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._closed)  # once the window has decided (it may ask first)
        return False

    def _closed(self) -> None:
        if self.watch is not None and not self.window.isVisible():
            self.timer.stop()
            self.watch.close()
            self.watch = None

    # --- who is using the app ---------------------------------------------------------------------

    def choose_person(self, then: Callable[[], object] | None = None, why: str = "") -> PersonDialog:
        departments = self.shown.model.sheet.system.departments()
        dialog = PersonDialog(self.workspace.person, departments, why, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            if dialog.chosen is None:
                return
            self.workspace.set_person(dialog.chosen)
            remember_person(self.login, dialog.chosen)
            self._show_status()
            self.update_actions()
            if then is not None:
                then()

        dialog.accepted.connect(chosen)
        self.asking = dialog
        dialog.open()
        return dialog

    def when_identified(self, action: Callable[[], object]) -> None:
        """Run ``action``; without a role or a name, ask who the person is first (the first time only)."""
        person = self.workspace.person
        if person.role and person.name:
            action()
            return
        why = self.tr("Review and sign-off are recorded with your name and role: say who you are first.")
        self.choose_person(lambda: self._after_identified(action), why)

    def _after_identified(self, action: Callable[[], object]) -> None:
        self.update_actions()
        action()

    # --- writes -----------------------------------------------------------------------------------

    def _step(self, text: str, forward: Callable[[], Written], backward: Callable[[], Written]) -> bool:
        step = Step(text, forward, backward, self.context.apply, self.context.report_failure)
        return push(self.context.undo_stack, step)

    def _review_step(self, text: str, write: Callable[[], Any]) -> bool:
        """A review write (submit, return, approve) as an undo step: undone by putting the statuses back."""
        assessment = self.shown.assessment.id
        before: dict[str, Any] = {}

        def forward() -> Written:
            change = write()
            before.clear()
            before.update(change.before or {})
            return change

        return self._step(text, forward, lambda: restore_statuses(self.workspace, assessment, dict(before)))

    def _item(self) -> Item | None:
        return self.shown.panel.item

    def submit_item(self) -> None:
        item, assessment = self._item(), self.shown.assessment.id
        if item is not None:
            text = self.tr("submit %1").replace("%1", item.code)
            self._review_step(text, lambda: submit(self.workspace, assessment, [item.code]))

    def approve_item(self) -> None:
        item, assessment = self._item(), self.shown.assessment.id
        if item is not None:
            text = self.tr("approve %1").replace("%1", item.code)
            self._review_step(text, lambda: approve(self.workspace, assessment, [item.code]))

    def return_item(self) -> None:
        item, assessment = self._item(), self.shown.assessment.id
        if item is None:
            return

        def returned(comment: str) -> None:
            text = self.tr("return %1").replace("%1", item.code)
            self._review_step(text, lambda: return_items(self.workspace, assessment, [item.code], comment))

        self.ask_text(
            self.tr("Return %1").replace("%1", item.code),
            self.tr("What is to be reworked in %1 (the filler sees this):").replace("%1", f"{item.code} {item.title}"),
            returned,
        )

    def submit_department(self) -> None:
        department = self._department(self.workspace.person)
        if not department:
            return
        items = self.shown.model.sheet.system.items()
        codes = [
            i.code
            for i in items
            if (i.lead == department or department in i.cooperating)
            and submittable(self.reviews[i.code].status if i.code in self.reviews else "")
        ]
        if not codes:
            self.context.status(self.tr("%1 has no item being filled in to submit.").replace("%1", department), 6000)
            return
        assessment = self.shown.assessment.id
        question = (
            self.tr("Submit %1 item(s) of %2 for review?\n%3")
            .replace("%1", str(len(codes)))
            .replace("%2", department)
            .replace("%3", "、".join(codes))
        )
        text = self.tr("submit %1's items").replace("%1", department)
        self.ask_yes(
            self.tr("Submit the department's items"),
            question,
            self.tr("Submit"),
            lambda: self._review_step(text, lambda: submit(self.workspace, assessment, codes)),
        )

    def start_review(self) -> None:
        assessment = self.shown.assessment.id
        self._step(
            self.tr("start the review stage"),
            lambda: set_stage(self.workspace, assessment, STAGE_REVIEW),
            lambda: set_stage(self.workspace, assessment, STAGE_FILLING),
        )

    def finalize(self) -> None:
        assessment = self.shown.assessment.id
        unreviewed = [r for r in item_reviews(self.workspace, assessment).values() if r.status != APPROVED]
        question = self.tr(
            "Finalize the assessment? Scores, notes and evidence are then locked until the leader reopens it."
        )
        if unreviewed:
            listed = "、".join(f"{r.code}（{status_word(r.status)}）" for r in unreviewed[:20])
            more = "…" if len(unreviewed) > 20 else ""
            question += "\n\n" + self.tr("%n item(s) are not approved yet:", "", len(unreviewed)) + f"\n{listed}{more}"
        self.ask_yes(self.tr("Finalize"), question, self.tr("Finalize"), lambda: self._finalize(assessment))

    def _finalize(self, assessment: int) -> None:
        frozen: list[str] = []

        def forward() -> Written:
            done = finalize(self.workspace, assessment, force=True)  # the person saw and confirmed what is unreviewed
            frozen.append(done.snapshot)
            return done

        def backward() -> Written:
            reason = self.ask_reason_now()
            return reopen(self.workspace, assessment, reason)

        if self._step(self.tr("finalize"), forward, backward) and frozen:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Final"),
                self.tr(
                    "The assessment is final. Its snapshot's SHA-256 (printed on the report, the score sheet "
                    "and the package's manifest):\n%1"
                ).replace("%1", frozen[-1]),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.context.show(box)

    def reopen(self) -> None:
        assessment = self.shown.assessment.id

        def reopened(reason: str) -> None:
            self._step(
                self.tr("reopen"),
                lambda: reopen(self.workspace, assessment, reason),
                lambda: finalize(self.workspace, assessment, force=True).changes,
            )

        self.ask_text(self.tr("Reopen"), self.tr("Why is the final assessment reopened (recorded):"), reopened)

    # --- asking -----------------------------------------------------------------------------------

    def ask_reason_now(self) -> str:
        """Undoing 定稿 reopens the assessment: the reason is asked there and then ("" is refused by the core)."""
        reason, ok = QInputDialog.getText(
            self.window, self.tr("Reopen"), self.tr("Undoing the sign-off reopens the assessment. Why (recorded):")
        )
        return reason if ok else ""

    def ask_text(self, title: str, label: str, then: Callable[[str], object]) -> None:
        self.asking = ask_text(self.window, title, label, then)

    def ask_yes(self, title: str, question: str, yes: str, then: Callable[[], object]) -> None:
        self.context.show(yes_or_cancel(self.window, title, question, yes, then))
