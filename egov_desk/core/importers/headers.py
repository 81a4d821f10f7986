"""Column headers → column roles, by the words indicator tables use."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ROLES = ("level", "points", "rule", "name", "code", "evidence", "lead", "cooperating", "extra")

# Checked in order: the first role whose words occur in the header wins ("指标编号" is a code, not a level).
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("extra", ("自评得分", "考核得分", "实际得分", "得分情况", "扣分情况", "自评分")),
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
        ),
    ),
    ("evidence", ("备注", "佐证", "证明材料", "提供材料", "材料", "数据来源", "考核方式", "资料")),
    ("name", ("考核内容", "考核要点", "指标说明", "指标内容", "评价内容", "工作内容", "具体内容", "评价要点", "内容")),
    ("points", ("分值", "分数", "标准分", "满分", "权重", "分")),
    ("level", ("指标", "考核项目", "评价项目", "项目", "类别", "维度", "领域")),
)
_LEVEL_NUMBER = re.compile(r"([一二三四五六七八九1-9])级")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class RoleGuess:
    role: str
    level: int | None = None  # for "level": 1, 2, … when the header says so (一级指标)


def guess_role(header: str) -> RoleGuess | None:
    """The role a header names, or None when it names nothing we know (kept as an extra column)."""
    text = normalise(header)
    if not text:
        return None
    number = _LEVEL_NUMBER.search(text)
    if (number and "指标" in text) or (number and len(text) <= 3):
        digit = number.group(1)
        return RoleGuess("level", _NUMERALS.get(digit) or int(digit))
    for role, words in _WORDS:
        if role == "points" and text not in words and not text.endswith(("分值", "分数", "标准分", "满分", "权重")):
            continue  # "分" alone must be the whole header, not part of 评分/得分
        if any(word in text for word in words):
            return RoleGuess(role)
    return None


def header_score(texts: list[str]) -> int:
    """How header-like a row is: the number of different known roles its cells name."""
    roles = set()
    for text in texts:
        if len(normalise(text)) > 12:  # headers are short; a rule text mentioning 分值 is not one
            continue
        guess = guess_role(text)
        if guess and guess.role != "extra":
            roles.add(guess.role)
    return len(roles)
