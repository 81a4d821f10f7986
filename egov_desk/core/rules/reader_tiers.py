"""Phrasings of a 评分细则 beyond one clause, one part: choose-one tiers (省级得3分；市级得2分), "分别得/扣",
a base with deductions (得5分；每…扣1分), ranks in turn (1-5名依次赋予6分、5.7分…), sub-task lists
(1.…(15分)；2.…(20分)), thresholds (≥4.2人, 不低于20%), an outside score to be scaled (取…得分折算) and a veto
(一票否决). Each reader takes normalised text (or its clauses, or the parts already read) and gives a rule
definition with its confidence and notes, or None when the phrasing is not there."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any

from egov_desk.core.points import json_number
from egov_desk.core.rules.reader_text import NUM, enumeration, number, pretty

Reading = tuple[dict[str, Any], float, list[str]]
OTHERWISE = "其他"  # the 0-point option a choose-one list needs when its text names none

_TIER_LABEL = re.compile(
    r"(国家|省|市|县|区|乡镇?)级|\d+(\.\d+)?\s*(%|分|人|个)|以上|以下|以内|优秀|良好|较好|一般|合格|达标|第\s*\d+\s*名|"
    r"^[A-E]\s*[级类档等]|[一二三四五]\s*[等档级]"
)
_ZERO_CLAUSE = re.compile(r"^(.+?)(?:的)?\s*,?\s*(?:不得分|得\s*0\s*分|计\s*0\s*分)$")
_RESPECTIVELY = re.compile(
    rf"([^,;]{{1,40}})分别(得|计|扣|扣除)\s*({NUM}(?:\s*分)?(?:\s*[、,/]\s*{NUM}(?:\s*分)?)+)\s*分?"
)
_RANK_IN_TURN = re.compile(rf"(\d+)\s*[-~—–至到]\s*(\d+)\s*名[^;]*?依次[^\d;]{{0,6}}((?:{NUM}\s*分?\s*[、,]?\s*)+)")
_SUBTASK = re.compile(rf"^(?:\(?\d+[.、)]\s*)?(.+?)\s*\(\s*{NUM}\s*分\s*\)(.*)$")
_THRESHOLD = re.compile(
    rf"(≥|>=|≤|<=|>|<|不低于|不少于|不高于|不超过|不大于|不小于|大于|小于|高于|低于|达到)\s*{NUM}\s*(%|个百分点|[^\d\s,;，；。]{{0,2}})"
)
_SCALED = re.compile(r"(取|按|以|根据|依据|采用).{0,60}?(得分|分数|成绩|结果|分值).{0,30}?折算")
_SCALE = re.compile(rf"(按\s*{NUM}\s*%|\*\s*{NUM}\s*%|折算(?:为|成)\s*{NUM}\s*分|{NUM}\s*%\s*(?:的)?权重)")
_FULL_MARKS = re.compile(r"(\d+)\s*分制|满分\s*(\d+)\s*分")
_VETO = re.compile(r"一票否决")
_VETO_ZERO = re.compile(r"(总分|总得分|考核得分|得分)(为|计|记)\s*0|计\s*0\s*分|不得分")
_MOST_PLACES = 200  # a list of places in turn is extended by its step this far at most


def _points(run: str) -> list[Decimal]:
    return [number(n) for n in re.findall(NUM, run)]


def zero_labels(clauses: list[str]) -> list[str]:
    """The labels of clauses that give nothing (90%以下不得分), as the 0-point options of a choose-one list."""
    matches = [m for c in clauses if c.endswith("分") and ("不得分" in c or "0" in c) and (m := _ZERO_CLAUSE.match(c))]
    return [pretty(m.group(1)) for m in matches if not re.search(NUM + "分", m.group(1))]


def choose_one(parts: list[dict[str, Any]], zeros: list[str], full: Decimal) -> dict[str, Any] | None:
    """yes/no parts that are tiers of one result (省级得3分；市级得2分；县级得1分) as options, best first, with the
    0-point ones the text names (or 其他). Additive conditions (有计划的得1分；有总结的得1分) stay a checklist: their
    points add up to the item's, or do not fall from one to the next."""
    if len(parts) < 2 or any(p["type"] != "yes_no" for p in parts):
        return None
    points = [number(str(p["points"])) for p in parts]
    falling = all(a >= b for a, b in itertools.pairwise(points)) and points[0] > points[-1]
    if not falling:
        return None
    overflowing = bool(full) and points[0] == full and sum(points) > full
    if not (overflowing or all(_TIER_LABEL.search(p["label"]) for p in parts)):
        return None
    options = [{"label": p["label"], "points": p["points"]} for p in parts]
    options += [{"label": label, "points": 0} for label in zeros or [OTHERWISE]]
    return {"type": "options", "options": options}


def respectively(text: str) -> Reading | None:
    """ "省级、市级、县级分别得3、2、1分" as options; "A、B、C类分别扣1、0.5、0.2分" as a deduction."""
    match = _RESPECTIVELY.search(text) if "分别" in text else None
    if not match:
        return None
    names = enumeration(match.group(1)) or [match.group(1)]
    values = _points(match.group(3))
    if len(names) != len(values):
        return None
    counter = re.search(r"([类级档项种])$", names[-1])
    if counter:  # "A、B、C类": the counter belongs to every name
        names = [n if n.endswith(counter.group(1)) else n + counter.group(1) for n in names]
    if match.group(2).startswith("扣"):
        classes = [{"label": pretty(n), "per": json_number(v)} for n, v in zip(names, values, strict=True)]
        rule = {"type": "deduct", "per": classes[0]["per"], "floor": 0, "unit": "问题（按类别）", "classes": classes}
        return rule, 0.8, ["按类别分别计数扣分"]
    options = [{"label": pretty(n), "points": json_number(v)} for n, v in zip(names, values, strict=True)]
    return {"type": "options", "options": [*options, {"label": OTHERWISE, "points": 0}]}, 0.8, []


def one_deduction(parts: list[dict[str, Any]], full: Decimal) -> dict[str, Any] | None:
    """得5分；每发现一处扣1分（扣完为止）: the points to start from and the deduction are ONE deduct rule.
    Several deductions ("每推迟一个月扣0.5分，最高扣2分；发生1起扣1分") are one deduction from the item's points (or
    the base the text gives) with a class each, each class keeping its own cap."""
    base = parts[0] if parts and parts[0]["type"] == "yes_no" else None
    deductions = parts[1:] if base else parts
    if not deductions or any(p["type"] != "deduct" for p in deductions) or (not base and len(deductions) < 2):
        return None
    start = number(str(base["points"])) if base else full
    if len(deductions) > 1:
        return _by_class(deductions, start)
    deduct = {k: v for k, v in deductions[0].items() if k != "_limit"}
    limit = deductions[0].get("_limit")
    deduct["start"] = json_number(start)
    deduct["floor"] = json_number(max(start - limit, Decimal(0))) if limit is not None else 0
    return deduct


def _by_class(deductions: list[dict[str, Any]], start: Decimal) -> dict[str, Any]:
    classes = []
    for part in deductions:
        kind = {"label": part["unit"], "per": part["per"]}
        if part.get("_limit") is not None:
            kind["max"] = json_number(part["_limit"])
        classes.append(kind)
    return {
        "type": "deduct",
        "start": json_number(start),
        "per": classes[0]["per"],
        "floor": 0,
        "unit": "扣分情形（按类别）",
        "classes": classes,
    }


def tiers_below_full(parts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """ "巡河率100%得10分；90%≤N＜95%，扣2分；N＜90%，扣5分": the full points and each tier's deduction from them
    are ONE choose-one list (10, 8, 5), not a yes/no plus deductions per event."""
    if len(parts) < 3 or parts[0]["type"] != "yes_no" or not all("_tier" in p for p in parts[1:]):
        return None
    full = number(str(parts[0]["points"]))
    options = [{"label": parts[0]["label"], "points": parts[0]["points"]}]
    for part in parts[1:]:
        left = max(full - number(str(part["per"])), Decimal(0))
        options.append({"label": part["_tier"] or f"扣{part['per']}分", "points": json_number(left)})
    return {"type": "options", "options": options}


def rank_in_turn(text: str) -> tuple[list[list[Any]], list[str]] | None:
    """ "排名1-5名依次赋予6分、5.7分、5.4分…": one band per place; a list cut short by … goes on by its step."""
    match = _RANK_IN_TURN.search(text) if "依次" in text else None
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    values = _points(match.group(3))
    if not values or last < first:
        return None
    notes = []
    wanted = last - first + 1
    if len(values) < wanted:
        steps = {a - b for a, b in itertools.pairwise(values)}
        if len(values) >= 2 and len(steps) == 1 and steps != {0} and wanted <= _MOST_PLACES:
            step = steps.pop()
            while len(values) < wanted and values[-1] - step > 0:
                values.append(values[-1] - step)
            given = first + len(_points(match.group(3)))
            notes.append(f"第{given}–{first + len(values) - 1}名按每名减{json_number(step)}分推算，请核对")
        else:
            notes.append(f"只写明前{len(values)}个名次的分值")
    bands = [[first + i, first + i, v] for i, v in enumerate(values[:wanted])]
    return bands, notes


def subtasks(clauses: list[str]) -> Reading | None:
    """ "1.建立工作机制（15分）；2.完成年度任务（20分）": a sum of parts, each judged up to its points."""
    matches = [m for c in clauses if "(" in c and "分" in c and (m := _SUBTASK.match(c))]
    if len(matches) < 2:
        return None
    parts = [{"type": "manual", "max": json_number(number(m.group(2))), "label": pretty(m.group(1))} for m in matches]
    notes = []
    if any(re.search(rf"[得扣]\s*{NUM}\s*分", m.group(3)) for m in matches):
        notes.append("分项内另有计分细则，各分项按人工评分读取")
    if len(matches) < len(clauses):
        notes.append("部分条款未写明分值，未计入分项")
    return {"type": "sum", "parts": parts}, 0.75 if not notes else 0.6, notes


def threshold(text: str, full: Decimal) -> Reading | None:
    """ "小学>=4.2人", "占比不低于20%": met or not. Without points a pass/fail; with points all or nothing."""
    match = _THRESHOLD.search(text)
    if not match or re.search(rf"{NUM}\s*分", text):
        return None
    if not full:
        return {"type": "pass_fail", "levels": ["合格", "不合格"]}, 0.7, []
    return {"type": "yes_no", "points": json_number(full)}, 0.6, ["达到标准得满分，未达到不得分"]


def scaled(text: str) -> tuple[int, str] | None:
    """ "取…得分折算": the outside score's full marks (百分制 unless the text says N分制 / 满分N分) and a note."""
    if "折算" not in text or not _SCALED.search(text):
        return None
    scale = _SCALE.search(text)
    how = f"（{pretty(scale.group(1))}）" if scale else ""
    full = _FULL_MARKS.search(text)
    marks = int(next(g for g in full.groups() if g)) if full else 100
    said = "" if full else "，按百分制读取"
    return marks, f"外部得分（满分 {marks} 分）按分值折算{how}{said}：填入外部得分即可"


def veto(text: str) -> dict[str, str] | None:
    """一票否决 as the item's veto: the clause that says it, and its effect — the total becomes 0 when the text
    says so (总分为0, 不得分), else the assessment is marked 否决 with its sum unchanged."""
    found = _VETO.search(text)
    if not found:
        return None
    clause = next((c for c in re.split(r"[;；。\n]", text) if "一票否决" in c), text)
    return {"text": pretty(clause.strip()), "effect": "zero" if _VETO_ZERO.search(clause) else "fail"}
