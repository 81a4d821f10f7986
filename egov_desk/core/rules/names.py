"""Each rule type's name in Chinese, as the import wizard, the score sheet and refusals say it.

Kept apart from the types so that the words of a refused input (:mod:`.input_words`) can name a rule type
without importing the rules that raise those refusals.
"""

from __future__ import annotations

TYPE_NAMES = {
    "manual": "人工评分",
    "external": "外部结果",
    "yes_no": "是/否",
    "options": "选项",
    "per_unit": "按数量计分",
    "deduct": "扣分",
    "ratio": "按比例",
    "rank": "按排名",
    "checklist": "条件清单",
    "sum": "分项合计",
    "pass_fail": "合格评定",
}
