"""The review's words that are not the core's: who and when, the state of a change, why it is a conflict."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from egov_desk.core.errors import EgovError
from egov_desk.core.history import input_fields
from egov_desk.core.packages.format import MadeBy
from egov_desk.core.packages.importing import APPLY, CHANGED_HERE, CONFLICT, COOPERATING, SAME, ReturnChange, ReturnPlan
from egov_desk.core.points import display
from egov_desk.core.review_states import ROLES, said
from egov_desk.core.scoring import score_item

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item
    from egov_desk.core.workspace import Workspace

__all__ = ["APPLY", "CONFLICT", "COOPERATING", "DEPARTMENT", "OFFICE", "SAME", "ReturnChange", "Said"]

Said = tuple[str, str, str]  # (what changed, the department's value, the office's value)
DEPARTMENT, OFFICE = "department", "office"  # a conflict's two choices (apply_return's ``take`` values)


def when(iso: str | None, *, year: bool = False) -> str:
    """An ISO time as people read it, in the local time zone: ``11-20 14:05`` (``2019-11-20 14:05``)."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M" if year else "%m-%d %H:%M")


def person(by: MadeBy, chinese: bool) -> str:
    """``张三（填报人）`` — the name (else the login) and the role when one was given."""
    who = by.name or by.login
    if not by.role:
        return who
    role = said(ROLES, by.role, chinese)
    return f"{who}（{role}）" if chinese else f"{who} ({role})"


def state_words(state: str, choice: str | None, ticked: bool) -> str:
    """The 状态 column: what will happen to the change when 应用 is pressed."""
    if state == SAME:
        return QCoreApplication.translate("ReturnReview", "Already the same")
    if state == CONFLICT:
        if choice == DEPARTMENT:
            return QCoreApplication.translate("ReturnReview", "Conflict · department's")
        if choice == OFFICE:
            return QCoreApplication.translate("ReturnReview", "Conflict · office's")
        return QCoreApplication.translate("ReturnReview", "Conflict · choose")
    return (
        QCoreApplication.translate("ReturnReview", "To apply")
        if ticked
        else QCoreApplication.translate("ReturnReview", "Left out")
    )


def what(change: ReturnChange, said_: Said) -> str:
    """What changed (``said_[0]``), without the item's code in front (the table has a column for it)."""
    return said_[0].removeprefix(f"{change.code} ")


def conflict_reason(change: ReturnChange, department: str) -> str:
    """Why a change is a conflict, naming who changed the office's value and when (or who leads the item)."""
    if change.conflict == COOPERATING:
        return (
            QCoreApplication.translate("ReturnReview", "A cooperating department (%1) changed an item %2 leads.")
            .replace("%1", department)
            .replace("%2", change.office_by or "")
        )
    if change.conflict == CHANGED_HERE:
        if change.office_by and change.office_at:
            return (
                QCoreApplication.translate("ReturnReview", "Changed here by %1 on %2, after the package was made.")
                .replace("%1", change.office_by)
                .replace("%2", when(change.office_at))
            )
        return QCoreApplication.translate("ReturnReview", "Changed here after the package was made.")
    return ""


def said_all(workspace: Workspace, plan: ReturnPlan, chinese: bool) -> dict[str, Said]:
    """Every change of ``plan`` in words, by key; an input said field by field as the table names its fields,
    with the score it gives (not as stored JSON)."""
    system = workspace.system(workspace.assessment(plan.assessment_id).system_id)
    words: dict[str, Said] = {}
    for change in plan.changes:
        what, department_value, office_value = change.said(chinese)
        if change.field == "input":
            try:
                item: Item | None = system.item(change.code)
            except KeyError:
                item = None
            department_value = _input_words(item, change.office_value, change.department_value, chinese, 1)
            office_value = _input_words(item, change.office_value, change.department_value, chinese, 0)
        words[change.key] = (what, department_value, office_value)
    return words


def _input_words(item: Item | None, office: Any, department: Any, chinese: bool, side: int) -> str:
    """One side (0: the office's, 1: the department's) of an input: each field that differs (every field, when
    none does), then the score."""
    value = (office, department)[side]
    if value is None:
        return "空" if chinese else "empty"
    language = 0 if chinese else 1
    fields = input_fields(item, office, department)
    if fields:
        parts = [f"{name} {(old, new)[side][language]}" for _path, name, old, new in fields]
    else:  # the same on both sides: the value itself, field by field
        parts = [f"{name} {new[language]}" for _path, name, _old, new in input_fields(item, None, value)]
    score = _score(item, value)
    if score:
        parts.append(("得分 " if chinese else "score ") + score)
    return ("；" if chinese else "; ").join(parts)


def _score(item: Item | None, inp: Any) -> str:
    if item is None or inp is None:
        return ""
    try:
        score = score_item(item, inp)
    except (EgovError, TypeError, ValueError):
        return ""
    return display(score.points) if score.scored or score.partial else ""
