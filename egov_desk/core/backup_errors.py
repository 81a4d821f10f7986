"""Why a backup or a restore failed, as a kind and values, worded in Chinese or English.

``BackupError(kind, path, detail)``: ``kind`` is what went wrong (:data:`KINDS`), ``path`` the file it
concerns, ``detail`` the cause as a kind of its own where one is known (``disk_full``, ``read_only``,
``no_permission``, ``damaged``, ``missing``) or the system's words; ``read_only`` carries the workspace's own
refusal (a network share, read-only media) as ``detail`` and ``detail_zh``. ``describe("zh_CN")`` gives the Chinese
sentence the window shows; ``str(error)`` the English one (logs, the CLI under an English locale).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from egov_desk.core.errors import Failure

ZH_KINDS = {
    "unreadable": "{path}：无法读取，数据库文件已损坏或不是工作区（{detail}）",
    "write_failed": "{path}：备份未能写入（{detail}），没有留下不完整的文件",
    "not_found": "{path}：没有这个备份",
    "not_a_backup": "{path}：不是可用的工作区备份（{detail}），未做任何更改",
    "newer": "{path}：这个备份由更新版本的 egov-desk 生成（数据库版本 {detail}），无法恢复；未做任何更改",
    "restore_failed": "{path}：恢复失败（{detail}）",
    "no_backup": "{path}：还没有任何备份",
    "no_database": "{path}：这里没有工作区数据库",
    "in_use": "{path}：工作区正由 {detail}打开，请先关闭该窗口再恢复；未做任何更改",
    "read_only": "{path}：不能在这里备份或恢复，未做任何更改。{detail}",
}
EN_KINDS = {
    "unreadable": "{path}: cannot be read; the database is damaged or not a workspace ({detail})",
    "write_failed": "{path}: the backup could not be written ({detail}); no partial file was left",
    "not_found": "{path}: there is no such backup",
    "not_a_backup": "{path}: not a usable workspace backup ({detail}); nothing was changed",
    "newer": "{path}: made by a newer egov-desk (database schema {detail}); it cannot be restored; nothing was changed",
    "restore_failed": "{path}: the restore failed ({detail})",
    "no_backup": "{path}: there is no backup yet",
    "no_database": "{path}: there is no workspace database here",
    "in_use": "{path}: the workspace is open in {detail}; close that window, then restore; nothing was changed",
    "read_only": "{path}: no backup or restore can be written here; nothing was changed. {detail}",
}
KINDS = tuple(EN_KINDS)

ZH_DETAILS = {
    "disk_full": "磁盘已满",
    "read_only": "只读介质",
    "no_permission": "没有写入权限",
    "damaged": "文件已损坏或不是数据库",
    "missing": "文件不存在",
    "busy": "工作区正被其他程序使用",
}
EN_DETAILS = {
    "disk_full": "the disk is full",
    "read_only": "read-only medium",
    "no_permission": "no permission to write",
    "damaged": "the file is damaged or not a database",
    "missing": "the file does not exist",
    "busy": "the workspace is in use by another program",
}


def reason_of(exc: BaseException) -> str:
    """A detail kind for an OS or SQLite error, or the error's own words."""
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return "disk_full"
        if exc.errno == errno.EROFS:
            return "read_only"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "no_permission"
        if exc.errno == errno.ENOENT:
            return "missing"
        return exc.strerror or str(exc)
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        for words, kind in (
            ("full", "disk_full"),
            ("readonly", "read_only"),
            ("malformed", "damaged"),
            ("not a database", "damaged"),
            ("no such file", "missing"),
            ("locked", "busy"),
            ("busy", "busy"),
        ):
            if words in text:
                return kind
    return str(exc)


class BackupError(Failure):
    """A backup or restore did not happen; the message names the file and what is wrong."""

    def __init__(self, kind: str, path: Path, detail: str = "", detail_zh: str = "") -> None:
        self.kind, self.path, self.detail, self.detail_zh = kind, Path(path), detail, detail_zh
        super().__init__(self.describe("en"), self.describe("zh_CN"), kind, path=str(path))

    def describe(self, language: str = "zh_CN") -> str:
        chinese = language.startswith("zh")
        words = (ZH_KINDS if chinese else EN_KINDS)[self.kind]
        detail = (ZH_DETAILS if chinese else EN_DETAILS).get(self.detail, self.detail)
        if chinese and self.detail_zh:
            detail = self.detail_zh
        return words.format(path=self.path, detail=detail)
