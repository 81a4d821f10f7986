"""Review and sign-off in the window: who the person is (remembered per OS login, shown in the status bar), the
审核 menu and the item panel's review bar doing the core's review and sign-off writes as undo steps, the status
marks in the tree, and the 定稿 lock (a banner, every editor read-only) — all following what the writes change.

The window makes one :class:`ReviewDesk` and passes it every change it applies (:meth:`ReviewDesk.apply`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from egov_desk.core.changes import Changes, Written
from egov_desk.core.messages import is_chinese
from egov_desk.core.packages.department_guard import SETTING, mode_from
from egov_desk.core.person import Person
from egov_desk.core.review import ItemReview, approve, item_reviews, restore_statuses, return_items, submit
from egov_desk.core.review_states import FILLER, STAGE_FILLING, STAGE_FINAL, STAGES, said
from egov_desk.ui.bulk_review import BulkReview
from egov_desk.ui.dialogs.person import PersonDialog, last_department, remember_person, remembered_person
from egov_desk.ui.dialogs.review_questions import ask_text, yes_or_cancel
from egov_desk.ui.focus_return import FocusReturn
from egov_desk.ui.language import ui_language
from egov_desk.ui.panels.review_bar import FinalBanner
from egov_desk.ui.review_menu import (
    APPROVE,
    APPROVE_SUBMITTED,
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
)
from egov_desk.ui.server.identity import login_identity
from egov_desk.ui.several_people import push_changes
from egov_desk.ui.sign_off_steps import SignOffSteps
from egov_desk.ui.undo import Step, push
from egov_desk.ui.write_refusals import CHANGE_SCORE, READ_SCORES, guard, say_refused, why_not

if TYPE_CHECKING:
    from PySide6.QtCore import QSortFilterProxyModel
    from PySide6.QtWidgets import QMainWindow

    from egov_desk.core.indicators import Item
    from egov_desk.core.watch import DataWatch
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo
    from egov_desk.ui.actions import Actions
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.dialogs.backups import Backups
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

    @property
    def backups(self) -> Backups: ...

    def focus_editor(self) -> None: ...


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
        self.focus = FocusReturn(window)  # the keyboard goes back where it was after a review action
        self.sign_off = SignOffSteps(self.context, self._step, self.ask_text, self.ask_yes)
        self.bulk = BulkReview(self, self)
        identified: dict[str, Callable[[], object]] = {
            SUBMIT: self.submit_item,
            RETURN: self.return_item,
            APPROVE: self.approve_item,
            SUBMIT_DEPARTMENT: self.bulk.submit_department,
            APPROVE_SUBMITTED: self.bulk.approve_submitted,
            TO_REVIEW: self.sign_off.start_review,
            FINALIZE: self.sign_off.finalize,
            REOPEN: self.sign_off.reopen,
        }
        slots: dict[str, Callable[[], object]] = {IDENTITY: lambda: self.focus.around(self.choose_person)}
        for key, slot in identified.items():
            slots[key] = self._identified_keeping_focus(slot)
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
        self.push = push_changes(self, self.watch, self._check_elsewhere)  # on a server: as soon as heard
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._check_elsewhere)
        if self.watch is not None:
            self.timer.start()
            watch = self.watch  # closed with the window even when it is deleted before _closed runs (a new window)
            window.destroyed.connect(lambda *_: watch.close())
        window.installEventFilter(self)
        self._guard_writes()

    def _identified_keeping_focus(self, action: Callable[[], object]) -> Callable[[], None]:
        return lambda: self.focus.around(lambda: self.when_identified(action))

    def _guard_writes(self) -> None:
        """读入得分 and F2 into a grey editor say at once why they cannot change the assessment or the item, before
        any dialog (添加佐证 and a drop ask the same in :mod:`egov_desk.ui.evidence_actions`)."""
        shown, context, actions = self.shown, self.context, self.shown.menu_actions

        def say(why: str) -> None:
            say_refused(context, why)

        guard(actions.read_scores_action, lambda: why_not(context, READ_SCORES, None), say, shown.backups.import_sheet)

        def score_refused() -> str:
            panel = shown.panel
            return why_not(context, CHANGE_SCORE, panel.item) if panel.editor is not None else ""

        guard(actions.edit_score_action, score_refused, say, shown.focus_editor)

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
        for action in (self.shown.menu_actions.add_evidence_action, self.shown.menu_actions.read_scores_action):
            action.setEnabled(not self.workspace.read_only)  # in a final assessment they say why they refuse
        if self.stage == STAGE_FINAL:
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
                self.department_of(person),
                self.workspace.read_only,
            )
        )

    def department_of(self, person: Person) -> str | None:
        return person.department if person.role == FILLER else self.context.default_department()

    def apply(self, changes: Changes) -> None:
        """A write changed something: statuses, the stage — or an item's entries, which can set a submitted item
        back to 填报中."""
        if changes.cycle or changes.scores or changes.evidence or changes.checklists:
            self.reload()

    def _check_elsewhere(self) -> None:
        if self.watch is not None and not self.context.runner.writing() and self.watch.changed():
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
        shown = replace(self.workspace.person, department=last_department(self.login))
        fixed = mode_from(self.workspace.setting(SETTING))
        if fixed is not None:  # a department workspace: always its 填报人, only the name is asked
            shown, departments = self.workspace.person, [fixed.department]
        dialog = PersonDialog(shown, departments, why, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if fixed is not None:
            why_fixed = self.tr("A department workspace is always filled in by its own department")
            for choice in (dialog.role, dialog.department):
                choice.setEnabled(False)
                choice.setToolTip(why_fixed)
        served = self.workspace.person_by_login()
        if served is not None:  # a server's people: the login's name, role and department, read-only
            login_identity(dialog, served)

        def chosen() -> None:
            if dialog.chosen is None:
                return
            self.workspace.set_person(dialog.chosen)
            remember_person(self.login, dialog.chosen)
            self._show_status()
            self.show_item()  # what the item allows the new identity: the panel's lock, its note, the actions
            if then is not None:
                then()

        dialog.accepted.connect(chosen)
        self.asking = dialog
        self.focus.after(dialog)
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
        done = push(self.context.undo_stack, step)
        if done:  # said where the person looks after a menu action: the status bar
            self.context.status(self.tr("Done: %1 (Ctrl+Z undoes it)").replace("%1", text), 6000)
        return done

    def review_step(self, text: str, write: Callable[[], Any]) -> bool:
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
            self.review_step(text, lambda: submit(self.workspace, assessment, [item.code]))

    def approve_item(self) -> None:
        item, assessment = self._item(), self.shown.assessment.id
        if item is not None:
            text = self.tr("approve %1").replace("%1", item.code)
            self.review_step(text, lambda: approve(self.workspace, assessment, [item.code]))

    def return_item(self) -> None:
        item, assessment = self._item(), self.shown.assessment.id
        if item is None:
            return

        def returned(comment: str) -> None:
            text = self.tr("return %1").replace("%1", item.code)
            self.review_step(text, lambda: return_items(self.workspace, assessment, [item.code], comment))

        self.ask_text(
            self.tr("Return %1").replace("%1", item.code),
            self.tr("What is to be reworked in %1 (the filler sees this):").replace("%1", f"{item.code} {item.title}"),
            returned,
        )

    # --- asking -----------------------------------------------------------------------------------

    def ask_text(self, title: str, label: str, then: Callable[[str], object]) -> None:
        self.asking = ask_text(self.window, title, label, then)
        self.focus.after(self.asking)

    def ask_yes(self, title: str, question: str, yes: str, then: Callable[[], object], default: bool = True) -> None:
        box = self.context.show(yes_or_cancel(self.window, title, question, yes, then, default))
        self.focus.after(box)
