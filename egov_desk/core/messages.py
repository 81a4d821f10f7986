"""Any error a person reads, in their language; the command line's language from the locale.

The words of an impossible input live in :mod:`~egov_desk.core.rules.input_words` (re-exported here).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping

from egov_desk.core.errors import EgovError
from egov_desk.core.rules import InputError
from egov_desk.core.rules.input_words import EN, FIELD_NAMES, KINDS, ZH, describe, english, field_name, is_chinese


def say(error: BaseException, language: str = ZH) -> str:
    """Any error a person reads, in their language: an impossible input (:func:`describe`), a refusal that carries
    its Chinese (:class:`~egov_desk.core.errors.EgovError`), else its own text."""
    if isinstance(error, InputError):
        return describe(error, language)
    if isinstance(error, EgovError):
        return error.text(is_chinese(language))
    chinese_text = getattr(error, "chinese", None)
    if is_chinese(language) and isinstance(chinese_text, str) and chinese_text:
        return chinese_text
    if is_chinese(language) and isinstance(error, OSError) and error.errno in OS_REASONS_ZH:
        reason = OS_REASONS_ZH[error.errno]
        return f"{error.filename}：{reason}" if error.filename else reason
    return str(error)


# what the operating system says, in Chinese: the failures a person can do something about
OS_REASONS_ZH = {
    errno.EROFS: "所在位置是只读的，不能写入",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘已满",
    errno.ENOENT: "找不到该文件或文件夹",
    errno.EEXIST: "已经存在",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EIO: "读写出错（磁盘或介质可能有问题）",
    errno.ENAMETOOLONG: "名称太长",
    errno.EBUSY: "正被其他程序使用",
}


def os_reason_zh(error: OSError) -> str:
    """Why the operating system refused, in Chinese where we know the words (else what it said)."""
    if error.errno in OS_REASONS_ZH:
        return OS_REASONS_ZH[error.errno]
    return error.strerror or str(error)


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """The command line's language from the locale: the first set of LC_ALL, LC_MESSAGES, LANG.

    ``zh…`` (zh_CN.UTF-8, zh_TW…) → ``"zh_CN"``; anything else, or nothing set (C, POSIX, en_US…) → ``"en"``.
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return ZH if is_chinese(value) else EN
    return EN


__all__ = [
    "EN",
    "FIELD_NAMES",
    "KINDS",
    "ZH",
    "cli_language",
    "describe",
    "english",
    "field_name",
    "is_chinese",
    "os_reason_zh",
    "say",
]
