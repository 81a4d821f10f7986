"""The words of an impossible input (:class:`~egov_desk.core.rules.inputs.InputError`), in English and Chinese.

The core refuses an impossible input with a structured error — ``code`` (the item), ``field`` (the input's key
path, e.g. ``parts[1].score``), ``kind`` (what is wrong, e.g. ``"zero_denominator"``), ``values`` (the numbers
involved), ``label`` (the field as the table names it, e.g. 部门目录总数, when the rule knows it) and ``parts``
(the sum parts it sits in). This module is the one place that words it::

    describe(error)                    # "021 部门目录总数不能为 0"  (Chinese is the default)
    describe(error, "en")              # "021 denominator: is 0; a ratio needs a denominator above 0"
    describe(error, with_code=False)   # "部门目录总数不能为 0"  (the item is named beside it already)

**UI**: an editor shows ``describe(error, ui_language)`` where ``ui_language`` is the app's language setting
("zh_CN" or "en"; anything starting with "zh" is Chinese, everything else English) — one call, no other change.
**CLI**: ``describe(error, cli_language())`` follows LC_ALL / LC_MESSAGES / LANG. ``str(error)`` is the
English wording, so logs and older callers keep working.

Chinese names the field as the table does: the rule's label (a ratio's numerator/denominator, a count's unit),
else a plain name (得分, 完成数, 总数, 比率, 数量, 名次, 选项, 勾选项, 等级 …); a field inside a sum is preceded
by its part, 第2部分（质量）. Nothing here imports the rule types, so :mod:`.inputs` can use :func:`english`
(an error is read through the :class:`Refused` protocol).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Protocol

from egov_desk.core.points import compact
from egov_desk.core.rules.names import TYPE_NAMES


class Refused(Protocol):
    """What this module reads of an input error."""

    # read-only members, so an error may hold its values in any Mapping (InputError keeps a dict)
    @property
    def code(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def values(self) -> Mapping[str, Any]: ...
    @property
    def label(self) -> str: ...
    @property
    def parts(self) -> tuple[tuple[int, str], ...]:
        """``((position, label), …)`` of the sum parts the field sits in."""
        ...

    @property
    def message(self) -> str: ...


ZH = "zh_CN"
EN = "en"

# the plain Chinese name of an input field, by its key, when the rule gives no label
FIELD_NAMES = {
    "score": "得分",
    "numerator": "完成数",
    "denominator": "总数",
    "rate": "比率",
    "count": "数量",
    "rank": "名次",
    "option": "选项",
    "checked": "勾选项",
    "level": "等级",
    "yes": "“是/否”",
    "parts": "各部分",
    "input": "输入",
    "item": "编号",
    "counts": "各类数量",
    "vetoed": "触发一票否决",
}

Words = Callable[[Mapping[str, Any], str], str]  # (values, field) → the text after the field


def _n(value: Any) -> str:
    """A number as printed in tables (4, 0.5); anything else as given."""
    if isinstance(value, Decimal):
        return compact(value)
    return str(value)


def _given_zh(value: Any) -> str:
    """What the person entered, quoted for a Chinese sentence."""
    if isinstance(value, bool):
        return "“是”" if value else "“否”"
    if isinstance(value, str):
        return f"“{value}”"
    return _n(value)


def _range(size: int) -> str:
    return f"0–{size - 1}" if size > 0 else "无"


def _is_parts(field: str) -> bool:
    return _base(field) == "parts"


EN_WORDS: dict[str, Words] = {
    "missing": lambda v, f: "is missing",
    "not_a_number": lambda v, f: f"{v.get('value')!r} is not a number",
    "negative": lambda v, f: f"{_n(v['value'])} is negative",
    "not_whole": lambda v, f: f"{_n(v['value'])} is not a whole number",
    "no_such_index": lambda v, f: (
        f"{v.get('what', 'choice')} {v['index']} does not exist (there are {v['size']}: 0..{v['size'] - 1})"
    ),
    "above_max": lambda v, f: f"{_n(v['value'])} exceeds the maximum {_n(v['max'])}",
    "not_multiple": lambda v, f: f"{_n(v['value'])} is not a multiple of {_n(v['step'])}",
    "zero_denominator": lambda v, f: "is 0; a ratio needs a denominator above 0",
    "numerator_above_denominator": lambda v, f: f"{_n(v['numerator'])} exceeds the denominator {_n(v['denominator'])}",
    "rate_above_one": lambda v, f: f"{_n(v['value'])} is above 1 (a rate is a fraction: 0.9 means 90%)",
    "rank_out_of_range": lambda v, f: f"{v['rank']} of {v['of']} is outside 1..{v['of']}",
    "rank_below_one": lambda v, f: f"{v['rank']} is not a rank (ranks start at 1)",
    "ticked_twice": lambda v, f: f"condition {v['index']} is ticked twice",
    "not_bool": lambda v, f: f"must be true or false, got {v.get('value')!r}",
    "not_list": lambda v, f: (
        f"must be a list with one input per part, got {v.get('value')!r}"
        if _is_parts(f)
        else f"must be a list of item numbers, got {v.get('value')!r}"
    ),
    "wrong_part_count": lambda v, f: f"has {v['given']} entries but the rule has {v['expected']} parts",
    "not_object": lambda v, f: f'must be an object such as {{"{v.get("key", "…")}": …}}, got {v.get("value")!r}',
    "unknown_item": lambda v, f: "no item has this code (编号) in the indicator system",
    "scored_by_rule": lambda v, f: f"scored by its rule ({v.get('rule', '')}); enter its inputs in egov-desk",
    "no_veto": lambda v, f: "this item has no veto (一票否决); leave 'vetoed' out of its input",
    "wrong_class_count": lambda v, f: f"has {v['given']} counts but the rule has {v['expected']} classes",
    "not_a_level": lambda v, f: f"{v.get('value')!r} is not one of its levels ({v.get('levels', '')})",
}

# Chinese: (values, name) → the sentence after the item code; ``name`` is the field as the table names it
ZH_WORDS: dict[str, Words] = {
    "missing": lambda v, n: f"{n}未填写",
    "not_a_number": lambda v, n: f"{n}{_given_zh(v.get('value'))}不是数字",
    "negative": lambda v, n: f"{n}不能为负数（填了 {_n(v['value'])}）",
    "not_whole": lambda v, n: f"{n}应为整数（填了 {_n(v['value'])}）",
    "no_such_index": lambda v, n: f"{n} {v['index']} 不存在（共 {v['size']} 个：{_range(v['size'])}）",
    "above_max": lambda v, n: f"{n} {_n(v['value'])} 超过满分 {_n(v['max'])}",
    "not_multiple": lambda v, n: f"{n} {_n(v['value'])} 不是 {_n(v['step'])} 的整数倍",
    "zero_denominator": lambda v, n: f"{n}不能为 0",
    "numerator_above_denominator": lambda v, n: (
        f"{n} {_n(v['numerator'])} 超过了{v.get('denominator_label') or FIELD_NAMES['denominator']}"
        f" {_n(v['denominator'])}"
    ),
    "rate_above_one": lambda v, n: f"{n} {_n(v['value'])} 大于 1（比率按小数填写：0.9 即 90%）",
    "rank_out_of_range": lambda v, n: f"{n} {v['rank']} 超出 1–{v['of']}",
    "rank_below_one": lambda v, n: f"{n} {v['rank']} 无效（名次从 1 开始）",
    "ticked_twice": lambda v, n: (
        f"{n}“{v['item_label']}”勾选了两次" if v.get("item_label") else f"{n} {v['index']} 勾选了两次"
    ),
    "not_bool": lambda v, n: f"只能填“是”或“否”（收到 {_given_zh(v.get('value'))}）",
    "not_list": lambda v, n: f"{n}应为一个列表（收到 {_given_zh(v.get('value'))}）",
    "wrong_part_count": lambda v, n: f"填了 {v['given']} 个部分，但本规则分为 {v['expected']} 个部分",
    "not_object": lambda v, n: f"{n}格式不对：应为一个对象（收到 {_given_zh(v.get('value'))}）",
    "unknown_item": lambda v, n: "指标体系中没有这个编号",
    "scored_by_rule": lambda v, n: (
        f"由评分规则计分（{TYPE_NAMES.get(v.get('rule', ''), '规则')}），不能直接填写得分，请在本软件中录入评分依据"
    ),
    "no_veto": lambda v, n: "本项没有一票否决条件，不能标记为触发一票否决；请去掉这一标记",
    "wrong_class_count": lambda v, n: f"填了 {v['given']} 个类别的数量，但本规则分为 {v['expected']} 个类别",
    "not_a_level": lambda v, n: f"{n}“{v.get('value')}”不是本项的评定等次（{v.get('levels', '')}）",
}

KINDS = tuple(EN_WORDS)


def is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def _base(field: str) -> str:
    """``parts[1].checked[0]`` → ``checked``: the key the last step of the path names."""
    return re.sub(r"\[\d+\]$", "", field.rsplit(".", 1)[-1])


def field_name(error: Refused) -> str:
    """The field as the table names it: the rule's label, else a plain Chinese name for its key."""
    base = _base(error.field)
    return error.label or FIELD_NAMES.get(base, "")


def english(error: Refused) -> str:
    """The English text after the field (what ``str(error)`` shows after ``"021 denominator: "``)."""
    words = EN_WORDS.get(error.kind)
    if words is None:
        return error.kind.replace("_", " ") or "is not accepted"
    try:
        return words(error.values, error.field)
    except (KeyError, TypeError):  # values missing for an unusual raise: say what is known
        return f"{error.kind.replace('_', ' ')} {error.values}".strip()


def _parts_zh(error: Refused, name: str) -> str:
    said = []
    for number, (position, label) in enumerate(error.parts):
        innermost = number == len(error.parts) - 1
        if label and not (innermost and name.startswith(label)):  # 第1部分 参加调研（项）, not the label twice
            said.append(f"第{position + 1}部分（{label}）")
        else:
            said.append(f"第{position + 1}部分 ")
    return "".join(said)


def chinese(error: Refused) -> str:
    """The Chinese sentence, without the item code."""
    name = field_name(error)
    words = ZH_WORDS.get(error.kind)
    if words is None:  # raised without a known kind: the best is the field and the original text
        return f"{_parts_zh(error, name)}{name or error.field}：{error.message}"
    try:
        text = words(error.values, name)
    except (KeyError, TypeError):
        return f"{_parts_zh(error, name)}{name or error.field}不符合要求"
    return f"{_parts_zh(error, name)}{text}"


def describe(error: Refused, language: str = ZH, *, with_code: bool = True) -> str:
    """One line saying what is wrong: ``"021 部门目录总数不能为 0"`` (zh_*) or ``"021 denominator: is 0; …"``.

    ``with_code=False`` leaves out the item's code (for lists that show it in a column of their own).
    """
    if is_chinese(language):
        text = chinese(error)
        return f"{error.code} {text}" if with_code and error.code else text
    where = f"{error.code} {error.field}" if with_code else error.field
    where = where.strip()
    return f"{where}: {error.message}" if where else error.message
