"""What moving an assessment onto another version of its indicator system would change, said plainly before it
is done: the scores that change (rescored from the kept inputs), the items whose entries cannot move (无法迁移:
kept on the old version, back when the assessment moves back), inputs the new rule refuses, items added,
requirements changed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from egov_desk.core.points import display
from egov_desk.core.scoring import score_item, score_system
from egov_desk.core.version_plan import MovePlan, plan_move

KEPT_ZH = {"input": "得分", "note": "说明", "evidence": "佐证材料", "check": "核验勾选"}
KEPT_EN = {"input": "score", "note": "note", "evidence": "evidence", "check": "check mark"}


@dataclass(frozen=True)
class ScoreShift:
    """An item whose points or rule differ in the new version: its score before and after (None: unscored)."""

    code: str
    before: Decimal | None
    after: Decimal | None
    points_before: Decimal
    points_after: Decimal

    @property
    def moves(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Stranded:
    """An item whose entries stay on the old version (无法迁移): the new version lacks the item, or the
    requirement its files or check marks are under. ``kept``: "input", "note", "evidence", "check"."""

    code: str
    kept: tuple[str, ...]
    item_removed: bool = True


@dataclass(frozen=True)
class RefusedInput:
    """An input the new rule refuses: the item is unscored on the new version, its input kept on the old one."""

    code: str
    reason: str
    reason_zh: str


def _scores(shifts: tuple[ScoreShift, ...], chinese: bool) -> str:
    def shown(value: Decimal | None) -> str:
        return display(value) if value is not None else ("未评分" if chinese else "unscored")

    return ("，" if chinese else ", ").join(f"{s.code} {shown(s.before)} → {shown(s.after)}" for s in shifts)


@dataclass(frozen=True)
class VersionEffects:
    assessment_id: int
    from_system_id: int
    to_system_id: int
    changed: tuple[ScoreShift, ...]  # items whose points or rule changed
    stranded: tuple[Stranded, ...]
    refused: tuple[RefusedInput, ...]
    added: tuple[str, ...]  # items only the new version has: unscored there
    requirements_changed: tuple[str, ...]  # items whose list of materials differs
    total_before: Decimal
    total_after: Decimal

    @property
    def rescored(self) -> tuple[ScoreShift, ...]:
        """The items whose score changes."""
        return tuple(s for s in self.changed if s.moves)

    @property
    def affects_scores(self) -> bool:
        return bool(self.rescored or self.refused or self.total_before != self.total_after)

    @property
    def empty(self) -> bool:
        return not (self.changed or self.stranded or self.refused or self.added or self.requirements_changed)

    @property
    def summary(self) -> str:
        """In plain Chinese words: "3 项得分会变化：021 2.33 → 2.10，…；总分 83.50 → 82.10。"."""
        return self.text(chinese=True)

    @property
    def summary_en(self) -> str:
        return self.text(chinese=False)

    def text(self, chinese: bool) -> str:
        parts = []
        if self.rescored:
            shifts = _scores(self.rescored, chinese)
            n = len(self.rescored)
            parts.append(f"{n} 项得分会变化：{shifts}" if chinese else f"{n} scores change: {shifts}")
        if self.refused:
            codes = _codes(self.refused, chinese)
            parts.append(
                f"{len(self.refused)} 项的录入不符合新规则，换用后未评分（录入保留在原版本上）：{codes}"
                if chinese
                else f"{len(self.refused)} inputs do not fit the new rule: unscored, kept on the old version: {codes}"
            )
        if self.stranded:
            names = KEPT_ZH if chinese else KEPT_EN
            listed = ("，" if chinese else ", ").join(
                f"{s.code}（{'、'.join(names[k] for k in s.kept)}）"
                if chinese
                else f"{s.code} ({', '.join(names[k] for k in s.kept)})"
                for s in self.stranded
            )
            parts.append(
                f"{len(self.stranded)} 项无法迁移，保留在原版本上，换回原版本即可恢复：{listed}"
                if chinese
                else f"{len(self.stranded)} items cannot move, kept on the old version (back when moved back): {listed}"
            )
        if self.added:
            codes = ("、" if chinese else ", ").join(self.added)
            parts.append(
                f"新增 {len(self.added)} 项（未评分）：{codes}"
                if chinese
                else f"{len(self.added)} new items (unscored): {codes}"
            )
        if self.requirements_changed:
            codes = ("、" if chinese else ", ").join(self.requirements_changed)
            n = len(self.requirements_changed)
            parts.append(f"{n} 项的材料要求有变化：{codes}" if chinese else f"{n} items' materials changed: {codes}")
        if not parts:
            return "换用新版本不改变任何得分和录入。" if chinese else "Moving changes no score and no entry."
        before, after = display(self.total_before), display(self.total_after)
        if chinese:
            return "；".join(parts) + f"；总分 {before} → {after}。"
        return "; ".join(parts) + f"; total {before} → {after}."

    def to_json(self) -> dict[str, Any]:
        def number(value: Decimal | None) -> str | None:
            return None if value is None else display(value)

        return {
            "assessment": self.assessment_id,
            "from_system": self.from_system_id,
            "to_system": self.to_system_id,
            "changed": [
                {
                    "code": s.code,
                    "before": number(s.before),
                    "after": number(s.after),
                    "points": [display(s.points_before), display(s.points_after)],
                }
                for s in self.changed
            ],
            "stranded": [{"code": s.code, "kept": list(s.kept), "item_removed": s.item_removed} for s in self.stranded],
            "refused": [{"code": r.code, "reason": r.reason, "reason_zh": r.reason_zh} for r in self.refused],
            "added": list(self.added),
            "requirements_changed": list(self.requirements_changed),
            "total": [display(self.total_before), display(self.total_after)],
            "summary": self.summary,
        }


def _codes(refused: tuple[RefusedInput, ...], chinese: bool) -> str:
    if chinese:
        return "；".join(f"{r.code}（{r.reason_zh}）" for r in refused)
    return "; ".join(f"{r.code} ({r.reason})" for r in refused)


def _stranded(plan: MovePlan) -> list[Stranded]:
    kept: dict[str, list[str]] = {}

    def keep(code: str, what: str) -> None:
        if what not in kept.setdefault(code, []):
            kept[code].append(what)

    for code, row in plan.inputs.items():
        if code not in plan.new_items:
            if row.input is not None:
                keep(code, "input")
            if row.note:
                keep(code, "note")
    codes_of = {item_id: code for code, item_id in plan.old_items.items()}
    for link in plan.links:
        code = codes_of[link.item_id]
        if plan.link_target(link, code) is None:
            keep(code, "evidence")
    for tick in plan.ticks:
        if tick.requirement_id not in plan.requirement_pairs:
            keep(plan.requirement_codes[tick.requirement_id], "check")
    return [Stranded(code, tuple(what), code not in plan.new_items) for code, what in kept.items()]


def effects_of(plan: MovePlan) -> VersionEffects:
    old_inputs = {code: row.input for code, row in plan.inputs.items() if row.input is not None}
    after = plan.inputs_after()
    changed = []
    for code in plan.shared:
        old_item, new_item = plan.old.item(code), plan.new.item(code)
        if old_item.points == new_item.points and old_item.scoring.to_dict() == new_item.scoring.to_dict():
            continue
        before = score_item(old_item, old_inputs[code]) if code in old_inputs else None
        now = score_item(new_item, after[code]) if code in after else None
        changed.append(
            ScoreShift(
                code,
                before.points if before and before.scored else None,
                now.points if now and now.scored else None,
                old_item.points,
                new_item.points,
            )
        )
    refused = tuple(RefusedInput(code, plan.refused[code], plan.refused_zh[code]) for code in plan.refused)
    requirements_changed = tuple(
        code
        for code in plan.shared
        if [r.text for r in plan.old.item(code).requirements] != [r.text for r in plan.new.item(code).requirements]
    )
    return VersionEffects(
        plan.assessment_id,
        plan.from_id,
        plan.to_id,
        tuple(changed),
        tuple(_stranded(plan)),
        refused,
        tuple(plan.added),
        requirements_changed,
        score_system(plan.old, old_inputs).total,
        score_system(plan.new, after).total,
    )


def version_effects(session: Session, assessment_id: int, system_id: int) -> VersionEffects:
    """What moving assessment ``assessment_id`` onto system ``system_id`` (a version of the same base system)
    would change; nothing is written."""
    return effects_of(plan_move(session, assessment_id, system_id))
