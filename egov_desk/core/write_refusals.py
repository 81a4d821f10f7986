"""Refusals of writes, in both languages: a value changed since it was seen, an unknown item or assessment,
a database that would not take the write (read-only, full, busy)."""

from __future__ import annotations

import json
from typing import Any

from egov_desk.core.errors import ChangedSince, ReadOnlyWorkspace, WorkspaceError
from egov_desk.core.indicators import Item
from egov_desk.core.opening import Access
from egov_desk.core.points import compact
from egov_desk.core.scoring import score_item


class _Unseen:
    def __repr__(self) -> str:
        return "UNSEEN"


UNSEEN: Any = _Unseen()  # a write that does not say what the person saw: not checked (the CLI)


def _plain_json(value: Any) -> Any:
    return json.loads(json.dumps(value)) if value is not None else None


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _input_changed(item: Item, current: Any) -> ChangedSince:
    score = score_item(item, current)
    now_en = f"{compact(score.points)} points" if score.scored else "not scored"
    now_zh = f"{compact(score.points)} 分" if score.scored else "未评分"
    return ChangedSince(
        f"the score of {item.code} was changed elsewhere since (now {now_en}); this change was not saved",
        f"{item.code} 的得分已在别处被修改（现为 {now_zh}）；本次修改没有保存，窗口显示的是现在的值。",
        "changed_since",
        code=item.code,
        current=current,
    )


def no_assessment(assessment_id: int) -> WorkspaceError:
    return WorkspaceError(
        f"there is no assessment {assessment_id} in this workspace",
        f"工作区里没有编号为 {assessment_id} 的考评",
        "no_assessment",
        assessment=assessment_id,
    )


def no_item(code: str) -> WorkspaceError:
    return WorkspaceError(
        f"{code}: no item has this code (编号) in the assessment's indicator system",
        f"{code}：本考评的指标体系里没有这个编号",
        "no_item",
        code=code,
    )


def write_refused(exc: Exception, what: str, what_zh: str, access: Access) -> WorkspaceError:
    """A database error during a write, said as what was not saved and why, in both languages."""
    reason = getattr(exc, "orig", None) or exc
    text = str(reason)
    sqlstate = str(getattr(reason, "sqlstate", "") or "")
    if not sqlstate and type(reason).__module__.startswith("psycopg") and type(reason).__name__ == "OperationalError":
        sqlstate = "08000"  # the driver lost the server before it could say anything
    if sqlstate:  # a server's error: sorted by its SQLSTATE, not its words (which follow the server's language)
        return _server_refused(sqlstate, text.strip().splitlines()[0] if text.strip() else sqlstate, what, what_zh)
    if "readonly" in text or "read-only" in text:
        english, chinese = access.refusal()
        return ReadOnlyWorkspace(f"{what} was not saved: {english}", f"{what_zh}没有保存：{chinese}", "read_only")
    if "disk is full" in text or "disk I/O" in text:
        return WorkspaceError(
            f"{what} was not saved: the disk is full or failing ({text}); nothing was changed",
            f"{what_zh}没有保存：磁盘已满或出错（{text}），什么也没有改动。请腾出磁盘空间后再试。",
            "disk_full",
        )
    if "locked" in text or "busy" in text:
        return WorkspaceError(
            f"{what} was not saved: another program is writing the workspace; try again",
            f"{what_zh}没有保存：另一个程序正在写入工作区，请稍后再试。",
            "busy",
        )
    return WorkspaceError(f"{what} was not saved: {text}", f"{what_zh}没有保存：{text}", "not_saved", detail=text)


def _server_refused(sqlstate: str, text: str, what: str, what_zh: str) -> WorkspaceError:
    """A PostgreSQL server's refusal of a write, by SQLSTATE (F6)."""
    if sqlstate == "55P03":  # lock_not_available: another client held the write lock past the wait
        return WorkspaceError(
            f"{what} was not saved: another person is writing the workspace on the server; try again",
            f"{what_zh}没有保存：另一个人正在写入服务器上的工作区，请稍后再试。",
            "busy",
        )
    if sqlstate == "25006":  # read_only_sql_transaction: a standby, or a database set read-only
        return ReadOnlyWorkspace(
            f"{what} was not saved: the server only lets this workspace be read ({text})",
            f"{what_zh}没有保存：服务器上的这个工作区只能查看，不能修改（{text}）。请联系服务器管理员。",
            "read_only",
        )
    if sqlstate.startswith("53"):  # insufficient_resources, 53100 disk_full
        return WorkspaceError(
            f"{what} was not saved: the server's disk is full or it is out of resources ({text}); nothing was changed",
            f"{what_zh}没有保存：服务器磁盘已满或资源不足（{text}），什么也没有改动。请联系服务器管理员。",
            "disk_full",
        )
    if sqlstate == "42501":  # insufficient_privilege: the server's grants or row security said no
        return WorkspaceError(
            f"{what} was not saved: the server does not allow your login to make this change ({text})",
            f"{what_zh}没有保存：服务器不允许您的登录账号做这项修改（{text}）。如需修改，请联系服务器管理员。",
            "not_allowed",
        )
    if sqlstate.startswith("08") or sqlstate.startswith("57P"):  # connection exceptions, the server shutting down
        return WorkspaceError(
            f"{what} was not saved: the connection to the server was lost ({text}); nothing was changed, try again",
            f"{what_zh}没有保存：与服务器的连接断开了（{text}），什么也没有改动，请稍后再试。",
            "server_unreachable",
        )
    return WorkspaceError(f"{what} was not saved: {text}", f"{what_zh}没有保存：{text}", "not_saved", detail=text)


def no_system(system_id: int) -> WorkspaceError:
    return WorkspaceError(
        f"there is no indicator system {system_id} in this workspace",
        f"工作区里没有编号为 {system_id} 的指标体系",
        "no_system",
    )


def duplicate_system(key: str) -> WorkspaceError:
    return WorkspaceError(
        f"an indicator system with key {key!r} is already in this workspace",
        f"工作区里已有标识为 {key} 的指标体系",
        "duplicate_system",
    )


def assessment_in_use(label: str, what: str, what_zh: str) -> WorkspaceError:
    """Removing an assessment (undoing its creation or import) once something was entered into it."""
    return WorkspaceError(
        f"the assessment {label} is not removed: {what} was entered into it since it was made",
        f"考评“{label}”没有删除：创建以来已经录入了{what_zh}",
        "assessment_in_use",
        assessment=label,
    )


def only_assessment(label: str) -> WorkspaceError:
    return WorkspaceError(
        f"the assessment {label} is not removed: it is the only one in this workspace",
        f"考评“{label}”没有删除：它是工作区里唯一的考评",
        "only_assessment",
        assessment=label,
    )


def system_in_use(title: str) -> WorkspaceError:
    return WorkspaceError(
        f"the indicator system {title!r} is not removed: an assessment uses it",
        f"指标体系“{title}”没有删除：还有考评在使用它",
        "system_in_use",
    )
