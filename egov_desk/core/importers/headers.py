"""Column headers → column roles, by the words indicator tables use."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ROLES = ("level", "points", "rule", "name", "code", "evidence", "lead", "cooperating", "extra")

# Checked in order: the first role whose words occur in the header wins ("指标编号" is a code, not a level).
# "extra" holds the columns a unit fills in (scores, values reached, its own remarks): kept, never levels.
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "extra",
        (
            "自评得分",
            "考核得分",
            "实际得分",
            "得分情况",
            "扣分情况",
            "自评分",
            "自评说明",
            "自评结论",
            "自评情况",
            "自评等级",
            "指标值",
            "目标值",
            "完成值",
            "实际值",
            "完成情况",
        ),
    ),
    ("code", ("编号", "序号", "代码", "编码")),
    ("lead", ("牵头", "责任单位", "责任部门", "责任科室", "责任处室", "主责", "承办")),
    ("cooperating", ("配合", "协办", "协助")),
    (
        "rule",
        (
            "评分细则",
            "评分标准",
            "评分办法",
            "评分方法",
            "计分方法",
            "计分办法",
            "评价标准",
            "考核标准",
            "评分依据",
            "评分规则",
            "扣分标准",
            "评分说明",
            "细则",
            "考评标准",
            "评分要点",
            "认定标准",
            "达标标准",
            "评估标准",
            "评估要点",
        ),
    ),
    ("evidence", ("备注", "佐证", "证明材料", "提供材料", "材料", "数据来源", "考核方式", "资料")),
    ("name", ("考核内容", "考核要点", "指标说明", "指标内容", "评价内容", "工作内容", "具体内容", "评价要点", "内容")),
    ("points", ("分值", "分数", "标准分", "满分", "权重", "分")),
    ("level", ("指标", "考核项目", "评价项目", "项目", "类别", "维度", "领域")),
)
# Name columns that hold the criteria when the table has no other rule column (考核内容 under 考核项目).
CRITERIA_NAMES = ("考核内容", "考核要点", "评价要点", "评价内容")
_CRITERIA_ALONE = ("标准", "达标要求", "指标要求")  # a whole header naming the criteria (标准分 stays points)
_POINTS_ENDINGS = ("分值", "分数", "标准分", "满分", "权重", "占比")
_LEVEL_NUMBER = re.compile(r"([一二三四五六七八九1-9A-Ha-h])级")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_JOINED = re.compile(r"以及|及|与|和")
_BRACKETED = re.compile(r"\([^)]*\)")
# Two roles one header may name together ("佐证材料及责任科室", "B级指标及评估要点"): the cells hold both.
_PAIRS = {("evidence", "lead"), ("level", "rule"), ("level", "name")}


_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # a table repeats its texts (merged labels, headers): each is read many times per import
def normalise(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class RoleGuess:
    role: str
    level: int | None = None  # for "level": 1, 2, … when the header says so (一级指标, B级指标)
    also: str | None = None  # a second role the same header names ("佐证材料及责任科室": evidence, also lead)


def _level_number(digit: str) -> int:
    if digit in _NUMERALS:
        return _NUMERALS[digit]
    if digit.isdigit():
        return int(digit)
    return ord(digit.upper()) - ord("A") + 1


def _single_role(text: str) -> RoleGuess | None:
    number = _LEVEL_NUMBER.search(text)
    if (number and "指标" in text) or (number and len(text) <= 3):
        return RoleGuess("level", _level_number(number.group(1)))
    bare = _BRACKETED.sub("", text)  # 权重分解（100%） is a points column
    if bare in _CRITERIA_ALONE:
        return RoleGuess("rule")
    for role, words in _WORDS:
        named_points = bare in words or bare.endswith(_POINTS_ENDINGS) or bare.startswith("权重")
        if role == "points" and not named_points:
            continue  # "分" alone must be the whole header, not part of 评分/得分
        if any(word in text for word in words):
            return RoleGuess(role)
    return None


def _joined_roles(text: str) -> RoleGuess | None:
    """A header naming two roles joined by 及/与/和, when the pair is one a cell can hold both of."""
    parts = [part for part in _JOINED.split(text) if part]
    if len(parts) != 2:
        return None
    first, second = (_single_role(part) for part in parts)
    if first and second and (first.role, second.role) in _PAIRS:
        return RoleGuess(first.role, first.level, second.role)
    return None


def guess_role(header: str) -> RoleGuess | None:
    """The role a header names, or None when it names nothing we know (kept as an extra column)."""
    text = normalise(header)
    if not text:
        return None
    return _joined_roles(text) or _single_role(text)


def header_score(texts: list[str]) -> int:
    """How header-like a row is: the number of different known roles its cells name."""
    roles = set()
    for text in texts:
        if len(normalise(text)) > 12:  # headers are short; a rule text mentioning 分值 is not one
            continue
        guess = guess_role(text)
        if guess and guess.role != "extra":
            roles.add(guess.role)
            if guess.also:
                roles.add(guess.also)
    return len(roles)
