"""Read a Chinese 评分细则 into a proposed rule of the engine's vocabulary, with a confidence.

The text is normalised (NFKC, Chinese numerals before counters; :mod:`.reader_text`), split into clauses on ；。
and line breaks, and recognised by the phrasings indicator tables use: 每项1分，最高得2分 (per unit with cap),
每发现一处扣0.5分，扣完为止 (deduction), 是，得3分；否，得1分 (options), 得分=A/B*3分 / 得分率*6分 / 按比例得分
(ratio), 前5名的得2分 (rank bands), 最高0.8分 … (sum of capped parts), 有…得1分；有…得1分 (checklist),
完成其中任何一项得1分 (tiers), 取…考核结果 / 按…评分 / …提供 (external, unless the text also says how to compute
the points), 为合格 (pass/fail). Choose-one tiers, a base with deductions, "分别得/扣", ranks in turn, sub-task
lists, thresholds, 取…得分折算 and 一票否决 are read in :mod:`.reader_tiers`. When unsure it proposes ``manual``
and says so. Ambiguities (overlapping rank bands, parts exceeding the item's points) are reported in ``notes``.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from egov_desk.core.points import json_number
from egov_desk.core.requirements import PLATFORM, parse_requirements
from egov_desk.core.rules import reader_tiers as tiers
from egov_desk.core.rules import reader_units as units
from egov_desk.core.rules.reader_text import NUM, clauses, enumeration, normalise, pretty
from egov_desk.core.rules.reader_text import number as _d
from egov_desk.core.rules.registry import parse_rule

__all__ = ["Proposal", "clauses", "normalise", "propose"]


@dataclass(frozen=True)
class Proposal:
    rule: dict[str, Any]
    confidence: float  # 0..1: how sure the reader is
    notes: tuple[str, ...] = ()
    veto: dict[str, str] | None = None  # the item's 一票否决 (interchange ``"veto"``), when the text has one


# --- whole-text patterns ----------------------------------------------------------------------------

_EXTERNAL = re.compile(
    r"(取|采用|引用|依据).{0,60}(考核|考评|评估|评价|检查|监测)结果|以.{1,40}为准|按.{1,60}(评分|计分)\)?$"
)
_RATIO_AB = re.compile(rf"得分\s*=\s*(.+?)\s*/\s*(.+?)\s*\*\s*{NUM}\s*分")
_RATE = re.compile(rf"得分率\s*\*\s*{NUM}\s*分")
_NAMED_RATE = re.compile(rf"^([^,;=]{{1,12}}率)\s*[×*xX]\s*{NUM}\s*分$")  # 资金到位率×15分
_FULL_OR_NOTHING = re.compile(r"^(.{1,30}?)(的)?\s*,?\s*得满分\s*[,;]\s*(.{1,30}?)(的)?\s*,?\s*不得分$")
_RATE_PARTS = re.compile(rf"([^,，、()和及与]{{1,10}}率)\s*\(\s*{NUM}\s*分\s*\)")
_BY_PROPORTION = re.compile(r"按(完成)?(比例|比率|完成率)(得分|计分|折算)")
_RANK_TOP = re.compile(rf"前\s*(\d+)\s*名[^,;]*?得\s*{NUM}\s*分")
_RANK_RANGE = re.compile(rf"(\d+)\s*[-~—–至到]\s*(\d+)\s*名[^,;]*?得\s*{NUM}\s*分")
_RANK_OTHERWISE = re.compile(rf"(其余|其他|以后|之后|以外)[^,;]*?得\s*{NUM}\s*分")
_BELOW = re.compile(
    rf"不低于\s*{NUM}\s*(%|个百分点)[^;]*?得\s*{NUM}\s*分.*?每(?:低|少|下降|减少)\s*{NUM}\s*(%|个百分点)"
    rf"\s*,?\s*扣\s*{NUM}\s*分"
)
_RANK_OF = re.compile(r"(\d+)\s*个(地市|城市|市|县|区|县区|单位|部门)")
_YES = re.compile(rf"^是\s*[,，]?\s*(?:得\s*)?{NUM}\s*分")
_NO = re.compile(rf"^否[^;]*?(?:得\s*)?{NUM}\s*分")
_ZERO = re.compile(r"^(未|没有|无)(.+?)(的)?\s*,?\s*不得分$")
_TIERS = re.compile(
    rf"完成(.+?)的?\s*,\s*得\s*{NUM}\s*分\s*,\s*完成其中(?:任何|任意|任)?\s*1\s*项\s*,?\s*得\s*{NUM}\s*分"
)
_PASS = re.compile(r"(为|评为|视为)合格|基本合格|不合格")
_ACTION = re.compile(r"(建立|制定|出台|印发|是否|有无|设立|明确|落实)")

# --- clause patterns --------------------------------------------------------------------------------

_CAP = re.compile(
    rf"最高(?:得)?\s*{NUM}\s*分|得满\s*{NUM}\s*分为止|满分\s*{NUM}\s*分|最多(?:得)?\s*{NUM}\s*分|"
    rf"上限\s*{NUM}\s*分|{NUM}\s*分封顶"
)
_PER_UNIT = re.compile(  # 第1项 is an ordinal, not a count
    rf"(?:每|(?<![\d.第])1)(?:有)?(?:1)?([项次个类处家件条种篇人])(?!以)[^,;扣]*?(?:得)?\s*{NUM}\s*分"
)
_ELEMENTS = re.compile(rf"每(?:个|项)?(要素|内容|方面)\s*{NUM}\s*分")
_DEDUCT = re.compile(rf"(?:每|(?<![\d.第])1)[^,;]*?扣\s*{NUM}\s*分")
_DEDUCT_ONCE = re.compile(rf"扣(?:除)?\s*{NUM}\s*分")
_DEDUCT_LIMIT = re.compile(rf"(?:最多|最高|累计)扣(?:除)?\s*{NUM}\s*分|扣分(?:不超过|上限)\s*{NUM}\s*分")
_CONDITION = re.compile(rf"^(.+?)\s*,?\s*(?:得|计)?\s*{NUM}\s*分$")


def _cap(clause: str) -> Decimal | None:
    match = _CAP.search(clause)
    return _d(next(g for g in match.groups() if g)) if match else None


def _clause_parts(parts: list[str]) -> list[dict[str, Any]]:
    """Each clause that carries points as a part; a clause that only limits the deduction ("最高扣2分") goes to the
    deduction before it."""
    found: list[dict[str, Any]] = []
    for clause in parts:
        part = _clause_part(clause)
        if part is None:
            continue
        if part["type"] == "_limit":
            if found and found[-1]["type"] == "deduct":
                found[-1]["_limit"] = part["limit"]
            continue
        found.append(part)
    return found


def _clause_part(clause: str) -> dict[str, Any] | None:
    """One clause as a part of a rule, or None when it carries no points."""
    if _ZERO.match(clause) or (clause.endswith("不得分") and not re.search(rf"{NUM}\s*分", clause)):
        return None
    elements = _ELEMENTS.search(clause) if "每" in clause else None
    if elements:
        names = enumeration(clause[: elements.start()])
        per = _d(elements.group(2))
        cap = _cap(clause)
        if len(names) >= 2:
            items = [{"label": pretty(n), "points": json_number(per)} for n in names]
            return {"type": "checklist", "items": items, **({"cap": json_number(cap)} if cap else {})}
    limit = _DEDUCT_LIMIT.search(clause)
    if limit and not _DEDUCT.search(_DEDUCT_LIMIT.sub("", clause)):
        return {"type": "_limit", "limit": _d(next(g for g in limit.groups() if g))}
    each = _DEDUCT.search(clause)
    deduct = each or _DEDUCT_ONCE.search(clause)
    if deduct:
        rule: dict[str, Any] = {
            "type": "deduct",
            "per": json_number(_d(deduct.group(1))),
            "unit": units.deduction_unit(clause, deduct.start()),
        }
        if not each:  # "90%≤N＜95%，扣2分": a tier below the full points, not a deduction per event
            rule["_tier"] = pretty(clause[: deduct.start()].strip(" ,"))
        if limit:
            rule["_limit"] = _d(next(g for g in limit.groups() if g))
        return rule
    per_unit = _PER_UNIT.search(clause)
    if per_unit:
        cap = _cap(clause)
        rule = {
            "type": "per_unit",
            "per": json_number(_d(per_unit.group(2))),
            "unit": units.per_unit_unit(clause, per_unit.start(), per_unit.group(1)),
        }
        if cap is not None:
            rule["cap"] = json_number(cap)
        return rule
    cap = _cap(clause)
    if cap is not None:
        label = pretty(re.sub(r"情况$", "", _CAP.split(clause)[0].strip(" ,")))
        return {"type": "manual", "max": json_number(cap), "label": label}
    condition = _CONDITION.match(clause)
    if condition and not re.search(r"\d+\s*分|扣|分别", condition.group(1)):  # never a positive 扣
        return {"type": "yes_no", "points": json_number(_d(condition.group(2))), "label": pretty(condition.group(1))}
    return None


def _assemble(parts: list[dict[str, Any]], points: Decimal, zeros: list[str]) -> tiers.Reading:
    tiered = tiers.tiers_below_full(parts)
    if tiered:
        return tiered, 0.75, ["按档次扣分读作选项：满分及各档扣分后的得分"]
    for part in parts:
        part.pop("_tier", None)
    deduction = tiers.one_deduction(parts, points)
    if deduction:
        several = ["多种扣分情形读作一项扣分，按类别分别计数"] if "classes" in deduction else []
        return deduction, 0.8, several
    options = tiers.choose_one(parts, zeros, points)
    if options:
        return options, 0.8, []
    notes: list[str] = []
    for part in parts:
        if part["type"] == "per_unit" and "cap" not in part:
            part["cap"] = json_number(points) if len(parts) == 1 else part["per"]
            notes.append("未写明上限，按分值封顶" if len(parts) == 1 else "一个部分未写明上限")
        if part["type"] == "deduct":
            limit = part.pop("_limit", None)
            part["start"] = json_number(points if len(parts) == 1 else limit or points)
            part["floor"] = json_number(max(points - limit, Decimal(0))) if limit is not None and len(parts) == 1 else 0
    if len(parts) == 1:
        part = dict(parts[0])
        if part["type"] in ("yes_no", "manual"):
            part.pop("label", None)  # a lone part's label only repeats the rule text
        return part, 0.85, notes
    if all(p["type"] == "yes_no" for p in parts):
        items = [{"label": p["label"], "points": p["points"]} for p in parts]
        return {"type": "checklist", "items": items}, 0.85, notes
    for p in parts:
        if p["type"] == "per_unit":
            p["label"] = re.sub(r"（.）$", "", p["unit"])
    return {"type": "sum", "parts": parts}, 0.8, notes


def _max_of(rule: dict[str, Any]) -> Decimal:
    return _max_of_json(json.dumps(rule, sort_keys=True, ensure_ascii=False, default=str))


@functools.lru_cache(maxsize=1024)  # a long table proposes the same few rule shapes many times
def _max_of_json(rule: str) -> Decimal:
    return parse_rule(json.loads(rule)).max_points


@functools.lru_cache(maxsize=512)  # a long table names the same few materials on many rows
def _supplier(evidence: str) -> str | None:
    for requirement in parse_requirements(evidence):
        if requirement.supplied_by and requirement.supplied_by != PLATFORM:
            return requirement.supplied_by
    return None


def _rank(text: str) -> tuple[dict[str, Any], list[str]] | None:
    if "名" not in text:  # every phrasing of ranks names a 名次
        return None
    in_turn = tiers.rank_in_turn(text)
    bands: list[list[Any]]
    if in_turn:
        bands, notes = in_turn
    else:
        bands = [[1, int(m.group(1)), _d(m.group(2))] for m in _RANK_TOP.finditer(text)]
        bands += [[int(m.group(1)), int(m.group(2)), _d(m.group(3))] for m in _RANK_RANGE.finditer(text)]
        notes = []
    if not bands:
        return None
    bands.sort(key=lambda b: (b[0], b[1]))
    for previous, band in itertools.pairwise(bands):
        if band[0] <= previous[1]:
            notes.append(f"名次区间重叠：第{band[0]}名同属两档，按 {previous[1] + 1}–{band[1]} 名读取")
            band[0] = int(previous[1]) + 1
    of = _RANK_OF.search(text)
    otherwise = _RANK_OTHERWISE.search(text)
    rule = {
        "type": "rank",
        "bands": [{"from": b[0], "to": b[1], "points": json_number(Decimal(b[2]))} for b in bands],
        "otherwise": json_number(_d(otherwise.group(2))) if otherwise else 0,
        "of": int(of.group(1)) if of else 0,
    }
    return rule, notes


def _options(parts: list[str]) -> list[dict[str, Any]] | None:
    yes = next((m for c in parts if c.startswith("是") and (m := _YES.match(c))), None)
    no = next((m for c in parts if c.startswith("否") and (m := _NO.match(c))), None)
    if not (yes and no):
        return None
    options = [{"label": "是", "points": json_number(_d(yes.group(1)))}]
    no_clause = next(c for c in parts if _NO.match(c))
    no_label = re.sub(rf"(的)?\s*,?\s*(得)?\s*{NUM}\s*分$", "", no_clause).strip(" ,")
    options.append({"label": pretty(no_label) or "否", "points": json_number(_d(no.group(1)))})
    options += [{"label": pretty(m.group(1) + m.group(2)), "points": 0} for c in parts if (m := _ZERO.match(c))]
    return options


def propose(text: str, points: Decimal | float | int | None, evidence: str = "") -> Proposal:
    """The rule the text most likely means, for an item worth ``points``."""
    full = Decimal(str(points)) if points is not None else Decimal(0)
    norm = normalise(text or "")
    veto = tiers.veto(norm)
    if veto is None:
        return _read(norm, full, _supplier(evidence))
    rest = ";".join(c for c in re.split(r"[;。\n]", norm) if "一票否决" not in c)  # the veto is no scoring clause
    if rest.strip(" ,;"):
        proposal = _read(rest, full, _supplier(evidence))
    else:
        proposal = Proposal({"type": "manual", "max": json_number(full)}, 0.5, ("未写明计分方法，按人工评分",))
    effect = "总分计0分" if veto["effect"] == "zero" else "考核结果为否决，得分不变"
    note = f"含“一票否决”条件（触发时{effect}），已作为本项的一票否决，请核对"
    return Proposal(proposal.rule, proposal.confidence, (*proposal.notes, note), veto)


def _read(norm: str, full: Decimal, supplier: str | None) -> Proposal:
    source = {"source": supplier} if supplier else {}
    external = {"type": "external", "max": json_number(full), **source}
    if not norm.strip():
        if supplier:
            return Proposal(external, 0.6, ("无评分细则；结果由外单位提供",))
        return Proposal({"type": "manual", "max": json_number(full)}, 0.2, ("没有评分细则",))
    scaled = tiers.scaled(norm)
    if scaled:
        return Proposal(external | {"scale": scaled[0]}, 0.7, (scaled[1],))
    computed = _computed(norm, full, supplier)
    if _EXTERNAL.search(norm):  # 以…为准: the outside result, unless the text also says how to compute it
        if computed is None or not _computable(computed.rule):
            return Proposal(external, 0.85)
        note = "评分细则另写明以外部结果为准；按写明的计分方法读取"
        return Proposal(computed.rule, min(computed.confidence, 0.7), (*computed.notes, note))
    if computed:
        return computed
    if supplier:
        return Proposal(external, 0.6, (f"结果由{supplier}提供",))
    if _ACTION.search(norm) and not re.search(r"情况|程度|评分|\d+\s*分", norm):
        return Proposal({"type": "yes_no", "points": json_number(full)}, 0.5, ("按“是否完成”读取",))
    note = (
        "评分细则中有分值但未能读出规则，请人工确认" if re.search(r"\d+\s*分", norm) else "未写明计分方法，按人工评分"
    )
    return Proposal({"type": "manual", "max": json_number(full)}, 0.3, (note,))


def _computable(rule: dict[str, Any]) -> bool:
    """A rule that says how the points follow from what happened (not a person's or an outside judgement)."""
    if rule["type"] == "sum":
        return any(_computable(part) for part in rule["parts"])
    return rule["type"] not in ("manual", "external", "pass_fail")


def _computed(norm: str, full: Decimal, supplier: str | None) -> Proposal | None:
    """The rule the text spells out, or None when it spells out none."""
    parts = clauses(norm)
    source = {"source": supplier} if supplier else {}
    ratio = _RATIO_AB.search(norm) if "/" in norm else None
    if ratio:
        rule: dict[str, Any] = {
            "type": "ratio",
            "max": json_number(_d(ratio.group(3))),
            "numerator": pretty(ratio.group(1)),
            "denominator": pretty(ratio.group(2)),
        }
        return _checked(rule, 0.9, [], full)
    rate = _RATE.search(norm)
    if rate:
        return _checked({"type": "ratio", "max": json_number(_d(rate.group(1))), "rate": True, **source}, 0.9, [], full)
    named_rate = _NAMED_RATE.match(norm) if "率" in norm else None
    if named_rate:
        rule = {
            "type": "ratio",
            "max": json_number(_d(named_rate.group(2))),
            "rate": True,
            "label": named_rate.group(1),
        }
        return _checked(rule | source, 0.85, [], full)
    full_or_nothing = _FULL_OR_NOTHING.match(norm) if "得满分" in norm else None
    if full_or_nothing and full:
        return _checked({"type": "yes_no", "points": json_number(full)}, 0.85, [], full)
    rate_parts = _RATE_PARTS.findall(norm) if "率" in norm else []
    if len(rate_parts) >= 2 and _BY_PROPORTION.search(norm):
        ratios = [{"type": "ratio", "max": json_number(_d(p)), "label": label} for label, p in rate_parts]
        return _checked({"type": "sum", "parts": ratios}, 0.8, [], full)
    ranked = _rank(norm)
    if ranked:
        return _checked(ranked[0], 0.85, ranked[1], full)
    options = _options(parts)
    if options:
        return _checked({"type": "options", "options": options}, 0.9, [], full)
    completed = _TIERS.search(norm) if "完成其中" in norm else None
    if completed:
        names = enumeration(completed.group(1)) or [completed.group(1)]
        rule = {
            "type": "checklist",
            "items": [{"label": pretty(n)} for n in names],
            "tiers": [
                {"min": len(names), "points": json_number(_d(completed.group(2)))},
                {"min": 1, "points": json_number(_d(completed.group(3)))},
            ],
        }
        return _checked(rule, 0.85, [], full)
    below = _BELOW.search(norm)
    if below:
        threshold, unit, start, step, _, per = below.groups()
        rule = {
            "type": "deduct",
            "start": json_number(_d(start)),
            "per": json_number(_d(per)),
            "floor": 0,
            "unit": f"低于{threshold}{unit}的幅度（每{step}{unit}）",
        }
        return _checked(rule, 0.7, [f"以{threshold}{unit}为起评线；输入低于起评线的档数"], full)
    reading = tiers.respectively(norm) or tiers.subtasks(parts)
    if reading:
        rule, confidence, notes = reading
        if rule["type"] == "deduct":
            rule["start"] = json_number(full)
        return _checked(rule, confidence, notes, full)
    if not full and "合格" in norm and _PASS.search(norm):
        return Proposal({"type": "pass_fail", "levels": ["合格", "基本合格", "不合格"]}, 0.8)
    if _BY_PROPORTION.search(norm):
        return Proposal({"type": "ratio", "max": json_number(full)}, 0.7)
    found = _clause_parts(parts)
    if found:
        rule, confidence, notes = _assemble(found, full, tiers.zero_labels(parts))
        if supplier:
            rule["source"] = supplier
        return _checked(rule, confidence, notes, full)
    reading = tiers.threshold(norm, full)
    return _checked(*reading, full) if reading else None


def _checked(rule: dict[str, Any], confidence: float, notes: list[str], full: Decimal) -> Proposal:
    """Report a rule whose full marks differ from the item's points (they are clamped to the points)."""
    try:
        top = _max_of(rule)
    except ValueError as exc:
        return Proposal({"type": "manual", "max": json_number(full)}, 0.2, (f"读出的规则不完整（{exc}）",))
    if full and top > full:
        notes = [*notes, f"各部分合计 {json_number(top)} 分，超过分值 {json_number(full)} 分（得分按分值封顶）"]
        confidence = min(confidence, 0.6)
    elif full and top < full:
        notes = [*notes, f"规则满分 {json_number(top)} 分，低于分值 {json_number(full)} 分"]
        confidence = min(confidence, 0.6)
    return Proposal(rule, confidence, tuple(notes))
