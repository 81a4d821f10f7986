"""The 审核(&R) menu: 我的身份…, the item's review (提交 / 退回… / 审核通过), a department's items at once, and the
assessment's stage (进入审核阶段, 定稿…, 重新打开…). Each action is enabled only when it can apply — by the stage,
the person's role and the item's status — and otherwise says why in its status tip. The core decides in the end:
these rules only spare the person a refusal they could foresee."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from egov_desk.core.indicators import Item
from egov_desk.core.person import Person
from egov_desk.core.review_states import (
    APPROVED,
    FILLER,
    FILLING,
    LEADER,
    NOT_STARTED,
    RETURNED,
    REVIEWER,
    STAGE_FILLING,
    STAGE_FINAL,
    STAGE_REVIEW,
    SUBMITTED,
)

IDENTITY, SUBMIT, RETURN, APPROVE, SUBMIT_DEPARTMENT, APPROVE_SUBMITTED, TO_REVIEW, FINALIZE, REOPEN = (
    "identity",
    "submit",
    "return",
    "approve",
    "submit_department",
    "approve_submitted",
    "to_review",
    "finalize",
    "reopen",
)


@dataclass(frozen=True)
class Situation:
    """What the actions depend on: the stage shown, the person, the item selected and its status."""

    stage: str
    person: Person
    item: Item | None
    status: str  # the item's review status key; "" without an item
    department: str | None  # whose items 提交本科室全部 would submit
    read_only: bool


def _may(person: Person, *roles: str) -> bool:
    """A person with no role chosen yet is asked who they are when they use the action: offered it."""
    return not person.role or person.role in roles


def concerns(item: Item, department: str) -> bool:
    """Whether ``department`` leads or cooperates on ``item`` (what a filler of it may change and submit)."""
    return item.lead == department or department in item.cooperating


class ReviewMenu(QObject):
    """Builds the menu with its actions; :meth:`update` enables them for a :class:`Situation`."""

    def __init__(self, window: QMainWindow, slots: dict[str, Callable[[], object]]) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(self.tr("&Review"), window)
        self.menu.setObjectName("reviewMenu")
        self.actions: dict[str, QAction] = {}
        self.tips: dict[str, str] = {}  # what each action does, its status tip when it can apply
        items = (
            (IDENTITY, self.tr("My &identity…"), None, self.tr("Your name and role, recorded with every change")),
            (None, "", None, ""),
            (SUBMIT, self.tr("&Submit this item"), "Ctrl+Shift+S", self.tr("Hand the item over for review")),
            (
                RETURN,
                self.tr("&Return this item…"),
                "Ctrl+Shift+R",
                self.tr("Send the item back for rework, with a comment"),
            ),
            (APPROVE, self.tr("&Approve this item"), "Ctrl+Shift+P", self.tr("The item is reviewed and right")),
            (
                SUBMIT_DEPARTMENT,
                self.tr("Submit all of the &department's items…"),
                None,
                self.tr("Submit every item the department leads or cooperates on that is being filled in"),
            ),
            (
                APPROVE_SUBMITTED,
                self.tr("Approve a&ll submitted items…"),
                None,
                self.tr("Approve every submitted item (of the department chosen in the toolbar's filter, if one is)"),
            ),
            (None, "", None, ""),
            (TO_REVIEW, self.tr("Start the re&view stage"), None, self.tr("Filling in ends; reviewers check items")),
            (
                FINALIZE,
                self.tr("&Finalize (sign off)…"),
                None,
                self.tr("Lock the assessment and freeze its snapshot's SHA-256"),
            ),
            (REOPEN, self.tr("Re&open…"), None, self.tr("Unlock a final assessment, giving the reason")),
        )
        for key, text, shortcut, tip in items:
            if key is None:
                self.menu.addSeparator()
                continue
            action = QAction(text, window)
            action.setObjectName(f"review_{key}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setStatusTip(tip)
            slot = slots[key]
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.actions[key] = action
            self.tips[key] = tip
            self.menu.addAction(action)
        for key, short in (
            (SUBMIT, self.tr("Submit")),
            (RETURN, self.tr("Return…")),
            (APPROVE, self.tr("Approve")),
        ):
            self.actions[key].setIconText(short)  # the review bar's buttons, without the menu's mnemonic

    def install(self) -> None:
        """Put the menu before Help (the last one)."""
        bar = self.window.menuBar()
        menus = bar.actions()
        if menus:
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)

    def update(self, situation: Situation) -> None:
        for key, why_not in self.why_not(situation).items():
            action = self.actions[key]
            action.setEnabled(not why_not)
            action.setStatusTip(why_not or self.tips[key])
            action.setToolTip(why_not or self.tips[key])

    def why_not(self, s: Situation) -> dict[str, str]:
        """Per action: "" when it can apply, else why not (the status tip says so)."""
        person = s.person
        final = s.stage == STAGE_FINAL
        common = ""
        if s.read_only:
            common = self.tr("This window is read-only")
        elif final:
            common = self.tr("The assessment is final: the leader must reopen it first")
        no_item = self.tr("Select an item in the tree first")
        result: dict[str, str] = {IDENTITY: ""}

        submit = common or (no_item if s.item is None else "")
        if not submit and not _may(person, FILLER, LEADER):
            submit = self.tr("Submitting is for a filler or the leader")
        elif not submit and s.status == NOT_STARTED:
            submit = self.tr("Nothing is entered for the item yet")
        elif not submit and s.status in (SUBMITTED, APPROVED):
            submit = self.tr("The item is submitted already")
        elif not submit and person.role == FILLER and s.item is not None and not concerns(s.item, person.department):
            submit = (
                self.tr("%1 leads this item, not %2").replace("%1", s.item.lead or "—").replace("%2", person.department)
            )
        result[SUBMIT] = submit

        reviewing = common or (no_item if s.item is None else "")
        if not reviewing and not _may(person, REVIEWER, LEADER):
            reviewing = self.tr("Returning and approving are for a reviewer or the leader")
        give_back = reviewing
        if not give_back and s.status not in (SUBMITTED, APPROVED):
            give_back = self.tr("Only a submitted or approved item can be returned")
        result[RETURN] = give_back
        approve = reviewing
        if not approve and s.status not in (SUBMITTED, RETURNED):
            approve = self.tr("Only a submitted or returned item can be approved")
        result[APPROVE] = approve

        department = common
        if not department and not _may(person, FILLER, LEADER):
            department = self.tr("Submitting is for a filler or the leader")
        elif not department and not s.department:
            department = self.tr("Choose a department in the toolbar's filter first")
        result[SUBMIT_DEPARTMENT] = department
        result[APPROVE_SUBMITTED] = common or (
            ""
            if _may(person, REVIEWER, LEADER)
            else self.tr("Returning and approving are for a reviewer or the leader")
        )

        to_review = common
        if not to_review and not _may(person, REVIEWER, LEADER):
            to_review = self.tr("Starting the review is for a reviewer or the leader")
        elif not to_review and s.stage != STAGE_FILLING:
            to_review = self.tr("The assessment is in review already")
        result[TO_REVIEW] = to_review

        finalize = common
        if not finalize and not _may(person, LEADER):
            finalize = self.tr("Only the leader signs off")
        elif not finalize and s.stage != STAGE_REVIEW:
            finalize = self.tr("Start the review stage first")
        result[FINALIZE] = finalize

        reopen = self.tr("This window is read-only") if s.read_only else ""
        if not reopen and not _may(person, LEADER):
            reopen = self.tr("Only the leader reopens")
        elif not reopen and not final:
            reopen = self.tr("The assessment is not final")
        result[REOPEN] = reopen
        return result


def submittable(status: str) -> bool:
    """Whether 提交本科室全部 takes an item with this status: being filled in, or returned."""
    return status in (FILLING, RETURNED)
