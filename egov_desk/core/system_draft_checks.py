"""What is wrong with an indicator system being edited, found as the person edits: each finding names its place
and says what to do, in English and Chinese.

Errors stop the draft from being saved (the interchange would refuse them: an empty or repeated code, a level
without a name or without anything in it, points that are not a number, a rule that cannot be read); warnings
are what a table may have on purpose but usually by mistake (a level's sub-entries not adding up to its points, the
top levels not adding up to the total, a rule that gives more or less than its item is worth).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from egov_desk.core.points import NotANumber, compact, to_points
from egov_desk.core.rules import RuleError, parse_rule
from egov_desk.core.system_draft import Place, SystemDraft

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    place: Place
    severity: Severity
    kind: str
    english: str
    chinese: str
    field: str = ""
    """The entry's field to correct (``code``, ``name``, ``points``, ``scoring``); "" when the entry as a whole."""

    def text(self, chinese: bool) -> str:
        return self.chinese if chinese else self.english


def _points(raw: object) -> Decimal | None:
    """The points as a number, or None when absent or not a number (that has its own finding)."""
    if raw is None:
        return None
    try:
        return to_points(raw)
    except NotANumber:
        return None


def _name(entry: Mapping[str, Any]) -> str:
    return str(entry.get("name") or "").strip()


def level_path(draft: SystemDraft, level: tuple[int, ...]) -> str:
    """The names of the levels down to ``level`` (“甲 › 甲一”), an unnamed one as its number there (“第 2 个”)."""
    names = []
    for depth in range(1, len(level) + 1):
        name = _name(draft.entry(Place(level[:depth])))
        names.append(name or f"第 {level[depth - 1] + 1} 个")
    return " › ".join(names)


def check(draft: SystemDraft) -> list[Finding]:
    """Every finding, in the order the tree shows the places (the total's last)."""
    found: list[Finding] = []
    codes: dict[str, list[Place]] = defaultdict(list)
    for place in draft.places():
        entry = draft.entry(place)
        if place.is_item:
            found.extend(_item_findings(place, entry, level_path(draft, place.level)))
            code = str(entry.get("code") or "").strip()
            if code:
                codes[code].append(place)
        else:
            found.extend(_level_findings(place, entry, level_path(draft, place.level)))
    for code, places in codes.items():
        if len(places) > 1:
            for place in places:
                found.append(
                    Finding(
                        place,
                        "error",
                        "code_repeated",
                        f"Code {code} is used by {len(places)} items: give each item its own code.",
                        f"编号 {code} 被 {len(places)} 项共用：请给每项一个不同的编号。",
                        "code",
                    )
                )
    found.extend(_total_findings(draft))
    order = {place: number for number, place in enumerate(draft.places())}
    found.sort(key=lambda finding: (order.get(finding.place, len(order)), finding.severity != "error"))
    return found


def _item_findings(place: Place, item: Mapping[str, Any], path: str) -> list[Finding]:
    found = []
    code = str(item.get("code") or "").strip()
    number = (place.item or 0) + 1
    named = f"item {code}" if code else f"item {number} under {path}"
    chinese = f"第 {code} 项" if code else f"“{path}”下第 {number} 项"
    if not code:
        found.append(
            Finding(
                place,
                "error",
                "code_empty",
                f"Item {number} under {path} has no code: type its code.",
                f"“{path}”下第 {number} 项没有编号：请填写编号。",
                "code",
            )
        )
    raw = item.get("points", 0)
    points = _points(raw)
    if points is None or points < 0:
        found.append(
            Finding(
                place,
                "error",
                "points_not_number",
                f"The points of {named} are not a number of 0 or more ({raw!r}): type a number such as 4 or 0.5.",
                f"{chinese}的分值（{raw}）不是有效的数：请填写 0 或更大的数，如 4 或 0.5。",
                "points",
            )
        )
        return found
    definition = item.get("scoring") or {"type": "manual"}
    try:
        rule = parse_rule(definition, "rule", default_max=points)
    except RuleError as error:
        found.append(
            Finding(
                place,
                "error",
                "rule_unreadable",
                f"The rule of {named} cannot be used: {error}. Correct its parameters.",
                f"{chinese}的计分规则无法使用：{error}。请修改规则参数。",
                "scoring",
            )
        )
        return found
    if rule.type != "pass_fail" and rule.max_points != points:
        found.append(
            Finding(
                place,
                "warning",
                "rule_points",
                f"The rule of {named} gives at most {compact(rule.max_points)} points, but the item is worth "
                f"{compact(points)}: change the rule's points or the item's.",
                f"{chinese}的计分规则最多得 {compact(rule.max_points)} 分，而分值是 {compact(points)} 分："
                "请调整规则参数或分值。",
                "scoring",
            )
        )
    return found


def _level_findings(place: Place, level: Mapping[str, Any], path: str) -> list[Finding]:
    found = []
    name = shown = path
    if not _name(level):
        found.append(
            Finding(
                place,
                "error",
                "level_unnamed",
                f"Level {path} has no name: type its name.",
                f"指标“{path}”没有名称：请填写名称。",
                "name",
            )
        )
    children, items = level.get("children") or [], level.get("items") or []
    if not children and not items:
        found.append(
            Finding(
                place,
                "error",
                "level_empty",
                f"Level {name} holds neither sub-levels nor items: add one (Insert) or remove the level (Delete).",
                f"指标“{shown}”下既没有下级指标也没有评分项：请添加（Insert）或删除该指标（Delete）。",
            )
        )
    raw = level.get("points")
    points = _points(raw)
    if raw is not None and (points is None or points < 0):
        found.append(
            Finding(
                place,
                "error",
                "points_not_number",
                f"The points of level {name} are not a number of 0 or more ({raw!r}): type a number or leave it empty.",
                f"指标“{shown}”的分值（{raw}）不是有效的数：请填写 0 或更大的数，或留空。",
                "points",
            )
        )
        return found
    target = _points(level.get("scale")) or points  # a weighted level's parts add up to its scale
    parts = [_points(entry.get("points")) for entry in (*children, *items)]
    if target is None or not parts or any(part is None for part in parts):
        return found
    total = sum((part for part in parts if part is not None), Decimal(0))
    if total != target:
        found.append(
            Finding(
                place,
                "warning",
                "level_sum",
                f"The parts of level {name} add up to {compact(total)} points, not its {compact(target)}: "
                "correct a part's points or the level's.",
                f"指标“{shown}”的下级分值合计 {compact(total)} 分，不等于其分值 {compact(target)} 分："
                "请修改下级或本级分值。",
                "points",
            )
        )
    return found


def _total_findings(draft: SystemDraft) -> list[Finding]:
    total = _points(draft.data.get("total_points"))
    levels = [level for level in draft.levels() if not level.get("section")]  # bonus sections sit outside
    parts = [_points(level.get("weight", level.get("points"))) for level in levels]
    if total is None or not parts or any(part is None for part in parts):
        return []
    added = sum((part for part in parts if part is not None), Decimal(0))
    if added == total:
        return []
    return [
        Finding(
            Place((0,)),
            "warning",
            "total_sum",
            f"The top levels add up to {compact(added)} points, not the system's total of {compact(total)}: "
            "correct a top level's points.",
            f"一级指标合计 {compact(added)} 分，不等于总分 {compact(total)} 分：请修改一级指标的分值。",
            "points",
        )
    ]


def errors(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == "error"]
