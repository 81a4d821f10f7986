"""A rule in a few Chinese words, as shown beside its text (import wizard, item panel, score sheet)."""

from __future__ import annotations

import re
from typing import Any

from egov_desk.core.points import compact, to_points

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


def _p(value: Any) -> str:
    return compact(to_points(value))


def summary(rule: dict[str, Any]) -> str:
    kind = rule.get("type", "")
    if kind == "manual":
        text = f"人工评分，0–{_p(rule.get('max', 0))}分"
    elif kind == "external":
        text = f"外部结果，0–{_p(rule.get('max', 0))}分" + (f"（{rule['source']}）" if rule.get("source") else "")
    elif kind == "yes_no":
        text = f"是 {_p(rule.get('points', 0))}分 / 否 0分"
    elif kind == "options":
        text = "；".join(f"{o['label']} {_p(o['points'])}分" for o in rule.get("options", []))
    elif kind == "per_unit":
        counter = re.search(r"[（(](.{1,3})[）)]$", rule.get("unit", ""))
        text = f"每{counter.group(1) if counter else '项'} {_p(rule.get('per', 0))}分，上限 {_p(rule.get('cap', 0))}分"
    elif kind == "deduct":
        text = (
            f"起评 {_p(rule.get('start', 0))}分，每处扣 {_p(rule.get('per', 0))}分，最低 {_p(rule.get('floor', 0))}分"
        )
    elif kind == "ratio":
        basis = (
            "比率" if rule.get("rate") else f"{rule.get('numerator') or '完成数'}/{rule.get('denominator') or '总数'}"
        )
        text = f"{basis} × {_p(rule.get('max', 0))}分"
    elif kind == "rank":
        bands = "；".join(f"{b['from']}–{b['to']}名 {_p(b['points'])}分" for b in rule.get("bands", []))
        of = f"（共{rule['of']}名）" if rule.get("of") else ""
        text = f"{bands}；其余 {_p(rule.get('otherwise', 0))}分{of}"
    elif kind == "checklist":
        items = rule.get("items", [])
        if rule.get("tiers"):
            tiers = "；".join(f"满{t['min']}项 {_p(t['points'])}分" for t in rule["tiers"])
            text = f"{len(items)} 项条件，{tiers}"
        else:
            text = f"{len(items)} 项条件，各 " + "/".join(_p(i.get("points", 0)) for i in items) + "分"
        if rule.get("cap") is not None:
            text += f"，上限 {_p(rule['cap'])}分"
    elif kind == "sum":
        text = " + ".join(f"（{summary(part)}）" for part in rule.get("parts", []))
    elif kind == "pass_fail":
        text = " / ".join(rule.get("levels", ["合格", "基本合格", "不合格"]))
    else:
        text = kind
    return text
