"""What a per-unit or deduction rule counts, in words: the label of its count field.

A phrase after 每 is read as [verb] [number] counter [thing]: "每有一个断面不达标" → 不达标的断面（个）,
"每低1个百分点" → 低于目标的百分点（个）("个百分点" is 个 and the thing counted), "每缺一项制度" → 缺少的制度（项）,
"每推迟一个月" → 推迟（个月）. The counter stays in brackets at the end (the summary's 每个/每项 reads it there)."""

from __future__ import annotations

import re

from egov_desk.core.rules.reader_text import NUM, pretty

_COUNTERS = "个工作日|个月|工作日|百分点|人次|小时|个|项|次|类|处|家|件|条|种|篇|人|起|月|天|日|周"
_PHRASE = re.compile(
    rf"^(?:每)?\s*(?P<verb>[^\d,;]*?)\s*(?P<number>\d+(?:\.\d+)?|[一两二三四五六七八九十]+)?\s*"
    rf"(?P<counter>{_COUNTERS})(?P<thing>[^,;]*)$"
)
_COUNTER = re.compile(r"^每?\s*\d*\s*((?:个)?[项次个类处家件条种篇人起月天日])")
# "低1个百分点": counted against a target, said as how far below (or above) it
_AGAINST_TARGET = {
    "低": "低于目标的",
    "低于": "低于目标的",
    "降低": "低于目标的",
    "少": "少于目标的",
    "少于": "少于目标的",
    "减少": "少于目标的",
    "下降": "低于目标的",
    "高": "高于目标的",
    "高于": "高于目标的",
    "多": "多于目标的",
    "超": "超出的",
    "超过": "超出的",
    "超出": "超出的",
}
_THERE_IS = ("有", "出现", "存在", "发现", "发生")  # 每有一个断面…: the thing, not the finding, is counted
_VERB_WORDS = {"缺": "缺少"}
# where the thing counted ends and what is said of it begins: 断面|不达标, 电子证照|在事项办理中得到应用
_SAID_OF = re.compile(r"不|未|没|无|被|在|已|均|超|逾|迟|违|达|通过|完成|实现|得到")


def counted(phrase: str) -> tuple[str, str] | None:
    """(what is counted, its counter) from the words after 每, or None when they name nothing beyond a counter."""
    match = _PHRASE.match(phrase.strip())
    if not match:
        return None
    verb, counter = match.group("verb").strip(), match.group("counter")
    thing = re.sub(r"(的|情况)$", "", match.group("thing").strip())
    if verb in _AGAINST_TARGET:
        noun = thing or _counter_noun(counter)
        return _said(_AGAINST_TARGET[verb] + noun, counter, match.group("number"))
    if verb in _THERE_IS or not verb:
        if not thing:
            return None
        said_of = _SAID_OF.search(thing)
        if said_of and said_of.start() > 0:
            thing = f"{thing[said_of.start() :]}的{thing[: said_of.start()]}"
        return _said(thing, counter, match.group("number"))
    verb = _VERB_WORDS.get(verb, verb)
    return _said(f"{verb}的{thing}" if thing else verb, counter, match.group("number"))


def _counter_noun(counter: str) -> str:
    """ "少50人次": with no thing named, the counter says what it is (人次, 百分点, 天数)."""
    return {"人": "人数", "天": "天数", "日": "天数", "次": "次数", "个月": "月数", "月": "月数"}.get(
        counter, re.sub(r"^个", "", counter) if len(counter) > 1 else "数量"
    )


def _said(label: str, counter: str, number: str | None) -> tuple[str, str]:
    each = counter if number in (None, "1", "一") else f"每{number}{counter}"
    return pretty(label), each


def label(words: tuple[str, str]) -> str:
    return f"{words[0]}（{words[1]}）"


def deduction_unit(clause: str, start: int) -> str:
    """What a deduction counts, its phrase starting at ``start``: "每有一个断面不达标扣10分" → 不达标的断面（个）;
    else the words before it: "发生1起扣1分" → 发生（起）."""
    before = pretty(re.sub(r"的$", "", clause[:start].split(",")[-1].strip()))
    phrase = clause[start:].split("扣")[0]
    words = counted(phrase)
    if words:
        return label(words)
    counter = _COUNTER.match(phrase)
    if before:
        return f"{before}（{counter.group(1)}）" if counter else before
    return "发现的问题（处）"


def per_unit_unit(clause: str, start: int, counter: str) -> str:
    """What a per-unit rule counts: "每完成1项任务得1分" → 完成的任务（项）; else the words before it: "参加培训，
    一次得1分" → 参加培训（次）."""
    each = clause.rfind("每", clause.rfind(",", 0, start) + 1, start + 1)  # 每完成1项: the phrase starts at 每
    words = counted(re.split(rf"(?:得)?\s*{NUM}\s*分", clause[each if each >= 0 else start :])[0])
    if words:
        return label(words)
    before = pretty(re.sub(r"情况$", "", clause[:start].strip(" ,")))
    return f"{before}（{counter}）"
