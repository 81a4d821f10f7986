"""Which sheet of a workbook holds the indicator table: each sheet scored by its content, not its place.

A workbook's first sheet is often a data-entry form (填报单位, 联系人, 电话, 日期: label–value pairs, a few rows,
no rule texts). The indicator table is the sheet whose header names indicator columns and whose rows look like
items: long rule texts (得…分, 扣…分), small points numbers, codes (1, 1.1, 001, 一、).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from egov_desk.core.importers.headers import header_score, normalise
from egov_desk.core.importers.labels import read_points

HEADER_ROWS = 15  # a header is looked for in a sheet's first rows
SCORED_ROWS = 300  # enough rows to tell a table from a form; a longer sheet costs no more

_RULE_WORDS = re.compile(r"[得扣]\s*[0-9０-９.]+\s*分|[0-9０-９.]+\s*分|扣分|得分|每[^，。；]{0,12}[扣得]")
CODE = re.compile(
    r"^(\d{1,3}(\.\d{1,3}){0,3}|0\d{1,3}|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])$"
)
_FORM_LABELS = re.compile(
    r"^(填报|填表|报送|申报)?(单位|单位名称|联系人|联系电话|电话|手机|日期|填报日期|填表日期|填表人|填报人|负责人|"
    r"审核人|邮箱|电子邮箱|地址|时间|签字|盖章)[:：]?$"
)


@dataclass(frozen=True)
class SheetScore:
    score: float
    why: str  # Chinese
    why_english: str


def is_rule(text: str) -> bool:
    return (len(text) >= 12 and bool(_RULE_WORDS.search(text))) or len(text) >= 40


def is_points(text: str) -> bool:
    points = read_points(text) if len(text) <= 6 else None
    return points is not None and 0 < points <= 100


def score_sheet(rows: list[list[str]]) -> SheetScore:
    """How much ``rows`` look like an indicator table, and why, in a few words."""
    header = max((header_score(row) for row in rows[:HEADER_ROWS]), default=0)
    rules = points = codes = form = 0
    for row in rows[:SCORED_ROWS]:
        texts = [normalise(text) for text in row if text]
        rules += any(is_rule(text) for text in texts)
        points += any(is_points(text) for text in texts)
        codes += any(CODE.match(text) for text in texts)
        form += sum(1 for text in texts if _FORM_LABELS.match(text))
    score = header * 4 + rules + points * 0.5 + codes * 0.3 - form * 3
    why = [f"表头含 {header} 种指标列"] if header else ["没有指标表头"]
    why_english = [f"a header naming {header} indicator column kinds"] if header else ["no indicator header"]
    if rules:
        why.append(f"{rules} 行像评分细则")
        why_english.append(f"{rules} rows reading like rules")
    if points:
        why.append(f"{points} 行有分值")
        why_english.append(f"{points} rows with points")
    if form:
        why.append(f"像填报表（{form} 个填报栏目，如填报单位、联系人）")
        why_english.append(f"looks like a data-entry form ({form} fields such as 填报单位, 联系人)")
    return SheetScore(score, "，".join(why), ", ".join(why_english))
