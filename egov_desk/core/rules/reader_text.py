"""The text side of reading a 评分细则: normalising it, cutting it into clauses, and the small pieces every
phrasing reader shares (a number, a label, an enumeration)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

NUM = r"(\d+(?:\.\d+)?)"
_COUNTERS = "次项个类处名家件条种篇人分%"
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS[text]


def normalise(text: str) -> str:
    """NFKC (full-width → ASCII digits and punctuation) and Chinese numerals before counters → digits."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(rf"([零一二两三四五六七八九十]+)(?=[{_COUNTERS}])", lambda m: str(_cn_number(m.group(1))), text)
    # "× 6分", "x3分": a multiplication sign, but never the x inside a word
    return re.sub(r"(?<=[\d\s)率数])[xX×](?=\s*\d)", "*", text.replace("×", "*"))


def clauses(text: str) -> list[str]:
    """Clauses split on ；。 and line breaks, on a list number after a space, and between "(15分)" and a following
    "2." of a sub-task list."""
    parts = re.split(r"[;；。\n]+|(?:^|\s)\(?\d+[).、](?!\d)|(?<=分\))\s*(?=\d+[.、](?!\d))", text)
    return [p.strip(" ,，") for p in parts if p and p.strip(" ,，")]


def pretty(text: str) -> str:
    """Labels go back to Chinese punctuation."""
    table = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})
    return text.strip(" ,，的").translate(table)


def number(text: str) -> Decimal:
    return Decimal(text)


def enumeration(text: str) -> list[str]:
    """ "数据字段、格式、共享范围、共享方式、更新频率等" → the five elements."""
    run = max(re.findall(r"[^,;，；]*、[^,;，；]*", text), key=len, default="")
    run = re.sub(r"(等|等的|的)$", "", run.strip())
    return [p.strip() for p in re.split(r"、|和|及|与", run) if p.strip()]
