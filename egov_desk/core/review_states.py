"""The words of review and sign-off: an item's review status, an assessment's stage, the roles of the people.

Stored as the English keys; shown in Chinese (the default) or English. An item's status "" in the database is
told from what was entered: 未开始 when nothing is, 填报中 when something is.
"""

from __future__ import annotations

NOT_STARTED, FILLING, SUBMITTED, RETURNED, APPROVED = "not_started", "filling", "submitted", "returned", "approved"
ITEM_STATES: dict[str, tuple[str, str]] = {  # key → (Chinese, English)
    NOT_STARTED: ("未开始", "not started"),
    FILLING: ("填报中", "being filled in"),
    SUBMITTED: ("已提交", "submitted"),
    RETURNED: ("已退回", "returned"),
    APPROVED: ("已审核", "approved"),
}
STORED_STATES = (SUBMITTED, RETURNED, APPROVED)  # the ones a person sets; the others are told from the entries

STAGE_FILLING, STAGE_REVIEW, STAGE_FINAL = "filling", "review", "final"
STAGES: dict[str, tuple[str, str]] = {
    STAGE_FILLING: ("填报", "filling in"),
    STAGE_REVIEW: ("审核", "review"),
    STAGE_FINAL: ("定稿", "final"),
}

FILLER, REVIEWER, LEADER = "filler", "reviewer", "leader"
ROLES: dict[str, tuple[str, str]] = {
    FILLER: ("填报人", "filler"),
    REVIEWER: ("审核人", "reviewer"),
    LEADER: ("负责人", "leader"),
}


def said(words: dict[str, tuple[str, str]], key: str, chinese: bool = True) -> str:
    """The word for ``key`` (the key itself when unknown)."""
    pair = words.get(key)
    return key if pair is None else pair[0 if chinese else 1]
