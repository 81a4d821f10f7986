"""argparse's own words (usage, a missing or unknown argument, a bad choice) in Chinese under a zh_* locale, so a
usage error is refused in the same language as every other refusal of the command line.

argparse looks its words up through ``gettext`` at the moment it says them; :func:`speak` puts a lookup of
our own in its place. Only what a person running a command meets is here: the messages for programmers who build
parsers wrongly stay as they are.
"""

from __future__ import annotations

import argparse

CHINESE = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值（应为 %(type)s）",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}
ENGLISH = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]


def _chinese(message: str) -> str:
    return CHINESE.get(message, message)


def _chinese_plural(singular: str, plural: str, count: int) -> str:
    return _chinese(singular if count == 1 else plural)


def speak(chinese: bool) -> None:
    """argparse's words in Chinese, or back to what gettext gives (a process may run several commands: tests)."""
    words, plurals = (_chinese, _chinese_plural) if chinese else ENGLISH
    argparse._ = words  # type: ignore[attr-defined]
    argparse.ngettext = plurals  # type: ignore[attr-defined]
