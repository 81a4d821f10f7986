"""Tier rows: the grades of the item above written on the rows under it ("90%≤N＜95%，扣0.2分"), with no level,
code or points of their own. Their texts belong to that item's rule, not to new items."""

from __future__ import annotations

import re
from typing import Any

MAX_TIERS = 6  # a ladder rarely has more grades; more such rows in a row are items of their own
_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_POINTS = re.compile(rf"[扣得计给加减]\s*{_NUMBER}\s*分|不得分|{_NUMBER}\s*分$")
_GRADE = re.compile(
    r"[%％≤≥<>＜＞≦≧]|以上|以下|不足|低于|高于|未达|达到|之间|[-－~～至到]\s*[0-9０-９]|优秀|良好|合格|较好|一般|较差"
)


def is_tier_text(text: str) -> bool:
    """A grade and its points: "90%≤N＜95%，扣0.2分", "95%以上得10分", "良好得3分"."""
    return bool(_POINTS.search(text) and _GRADE.search(text))


def add_tier(item: dict[str, Any], text: str) -> None:
    """The tier's text on its own line of the item's rule, as written."""
    item["rule"] = f"{item['rule']}\n{text}" if item["rule"] else text
