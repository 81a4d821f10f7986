"""The change history in plain words: each audit entry said as who, when, which item and what changed.

Read side only: the entries are those :meth:`Workspace.audit` returns (written by :meth:`Store.audit`); an input
is said field by field with the rule's names (``021 部门目录总数 9 → 10，得分 2.33 → 2.10``), the score before and
after worked out from the inputs the entry holds; other actions (evidence, notes, requirements, systems) in a short
phrase each; review and sign-off (submit, return with its comment, approve, a status reset by an edit, the stage,
定稿 with the snapshot's first 16 hex digits, reopening with its reason), deadlines and the carry-over likewise.
Each line names the OS login (``who``) and, beside it, the name and role the person gave. Chinese is the default;
``what_en`` says the same in English.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from egov_desk.core.errors import WorkspaceError
from egov_desk.core.history_words import EMPTY_EN, EMPTY_ZH, cycle_change, phrase, plain
from egov_desk.core.review_states import ROLES
from egov_desk.core.review_states import said as said_word
from egov_desk.core.rules.input_words import FIELD_NAMES
from egov_desk.core.rules.inputs import InputError
from egov_desk.core.scoring import score_item

if TYPE_CHECKING:
    from egov_desk.core.db.models import AuditEntry
    from egov_desk.core.indicators import IndicatorSystem, Item
    from egov_desk.core.workspace import Workspace


@dataclass(frozen=True)
class HistoryLine:
    """One change said in words: ``what`` in Chinese, ``what_en`` in English; ``code`` is "" for a change not
    about one item."""

    when: datetime
    who: str  # the OS login
    code: str
    action: str
    what: str
    what_en: str
    name: str = ""  # the name the person gave, and their role's key (core/review_states.py)
    role: str = ""
    hash: str = ""  # the audit row's hash
    assessment_id: int | None = None

    def person(self, chinese: bool = True) -> str:
        """``张三（审核人）/zhang``: the name and role given beside the login; the login alone when none was."""
        if not self.name:
            return self.who
        role = said_word(ROLES, self.role, chinese) if self.role else ""
        shown = (f"{self.name}（{role}）" if chinese else f"{self.name} ({role})") if role else self.name
        return f"{shown}/{self.who}"

    def text(self, chinese: bool = True) -> str:
        """``when  who  code what``, the time in this computer's zone."""
        code = f"{self.code} " if self.code else ""
        return f"{self.local_time()}  {self.person(chinese)}  {code}{self.what if chinese else self.what_en}"

    def local_time(self) -> str:
        return _utc(self.when).astimezone().strftime("%Y-%m-%d %H:%M:%S")

    def to_json(self) -> dict[str, Any]:
        return {
            "when": _utc(self.when).isoformat(),
            "who": self.who,
            "name": self.name,
            "role": self.role,
            "code": self.code,
            "action": self.action,
            "what": self.what,
            "what_en": self.what_en,
            "hash": self.hash,
        }


def _utc(moment: datetime) -> datetime:
    """The audit table keeps UTC without a zone; said with it."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def history(workspace: Workspace, assessment_id: int | None = None, code: str | None = None) -> list[HistoryLine]:
    """The workspace's changes, oldest first, for one assessment and/or one item when given."""
    entries = workspace.audit(assessment_id, code)
    systems: dict[int, IndicatorSystem | None] = {}
    requirements = requirement_texts(workspace)
    lines = []
    for entry in entries:
        system = None
        if entry.assessment_id is not None and entry.item_code:
            if entry.assessment_id not in systems:
                systems[entry.assessment_id] = _system_of(workspace, entry.assessment_id)
            system = systems[entry.assessment_id]
        lines.append(said(entry, system, requirements))
    return lines


def requirement_texts(workspace: Workspace) -> dict[int, str]:
    """Every requirement's text by its id (an evidence row names the requirement by id)."""
    from sqlalchemy import select

    from egov_desk.core.db.models import EvidenceRequirement

    with workspace.store.read() as session:
        return dict(session.execute(select(EvidenceRequirement.id, EvidenceRequirement.text)).all())


def said(
    entry: AuditEntry, system: IndicatorSystem | None = None, requirements: dict[int, str] | None = None
) -> HistoryLine:
    """One audit entry in words; ``system`` (the assessment's indicator system) names an input's fields and
    works out its score; ``requirements`` (id → text) names the requirement a file went under."""
    code = entry.item_code or ""
    what, what_en = _what(entry, system, requirements or {})
    return HistoryLine(
        entry.at,
        entry.actor,
        code,
        entry.action,
        what,
        what_en,
        entry.name or "",
        entry.role or "",
        entry.hash or "",
        entry.assessment_id,
    )


def item_names(workspace: Workspace, lines: list[HistoryLine]) -> dict[tuple[int | None, str], str]:
    """The name of each line's item ((assessment id, code) → 名称), as its assessment's system names it."""
    names: dict[tuple[int | None, str], str] = {}
    systems: dict[int, IndicatorSystem | None] = {}
    for line in lines:
        if line.assessment_id is None or not line.code:
            continue
        if line.assessment_id not in systems:
            systems[line.assessment_id] = _system_of(workspace, line.assessment_id)
        item = _item(systems[line.assessment_id], line.code)
        if item is not None:
            names[(line.assessment_id, line.code)] = item.title
    return names


def _system_of(workspace: Workspace, assessment_id: int) -> IndicatorSystem | None:
    try:
        return workspace.system(workspace.assessment(assessment_id).system_id)
    except WorkspaceError:  # an entry of an assessment gone since is still said, without field names
        return None


def _what(entry: AuditEntry, system: IndicatorSystem | None, requirements: dict[int, str]) -> tuple[str, str]:
    before, after = entry.before, entry.after
    if entry.action == "set_input":
        item = _item(system, entry.item_code)
        return _input_change(item, before, after)
    if entry.action == "set_note":
        return f"说明“{plain(before)}” → “{plain(after)}”", f"note “{plain(before)}” → “{plain(after)}”"
    cycle = cycle_change(entry.action, before, after)
    if cycle is not None:
        return cycle
    if entry.action in ("attach", "link", "unlink", "remove_file"):
        zh, en = phrase(entry.action, before, after)
        payload = after if isinstance(after, dict) else before if isinstance(before, dict) else {}
        requirement = payload.get("requirement")
        if requirement is not None:
            named = requirements.get(requirement, f"#{requirement}")
            zh, en = f"{zh}（材料要求“{named}”）", f"{en} (requirement “{named}”)"
        if payload.get("carried"):
            zh, en = f"{zh}（去年材料）", f"{en} (from last year)"
        return zh, en
    return phrase(entry.action, before, after)


def _item(system: IndicatorSystem | None, code: str | None) -> Item | None:
    if system is None or not code:
        return None
    try:
        return system.item(code)
    except KeyError:
        return None


def _input_change(item: Item | None, before: Any, after: Any) -> tuple[str, str]:
    rule = item.scoring if item is not None else None
    zh, en, paths = [], [], []
    for path, name, old, new in _changed_fields(rule, before, after):
        zh.append(f"{name} {plain(old, EMPTY_ZH)} → {plain(new, EMPTY_ZH)}")
        en.append(f"{path} {plain(old, EMPTY_EN, chinese=False)} → {plain(new, EMPTY_EN, chinese=False)}")
        paths.append(path)
    if not zh:
        zh.append("输入未变")
        en.append("input unchanged")
    old_score, new_score = _score(item, before), _score(item, after)
    if item is not None and old_score != new_score and paths != ["score"]:  # a typed score is said once
        zh.append(f"得分 {old_score or EMPTY_ZH} → {new_score or EMPTY_ZH}")
        en.append(f"score {old_score or EMPTY_EN} → {new_score or EMPTY_EN}")
    return "，".join(zh), ", ".join(en)


def input_fields(item: Item | None, before: Any, after: Any) -> list[tuple[str, str, tuple[str, str], tuple[str, str]]]:
    """Each field of an input that differs between ``before`` and ``after``: (key path, name as the table says it,
    old and new in words (Chinese, English))."""
    rule = item.scoring if item is not None else None
    return [
        (
            path,
            name,
            (plain(old, EMPTY_ZH), plain(old, EMPTY_EN, chinese=False)),
            (plain(new, EMPTY_ZH), plain(new, EMPTY_EN, chinese=False)),
        )
        for path, name, old, new in _changed_fields(rule, before, after)
    ]


def _changed_fields(rule: Any, before: Any, after: Any, path: str = "") -> Iterator[tuple[str, str, Any, Any]]:
    """(key path, name as the table says it, old, new) of each field that differs."""
    old_map = before if isinstance(before, dict) else {}
    new_map = after if isinstance(after, dict) else {}
    if not isinstance(before, dict | None) or not isinstance(after, dict | None):
        if before != after:
            yield path or "input", FIELD_NAMES["input"], before, after
        return
    for key in [*old_map, *(k for k in new_map if k not in old_map)]:
        old, new = old_map.get(key), new_map.get(key)
        if old == new:
            continue
        here = f"{path}.{key}" if path else key
        if key == "parts" and isinstance(old or [], list) and isinstance(new or [], list):
            yield from _changed_parts(rule, old or [], new or [], here)
            continue
        yield here, _field_name(rule, key), old, new


def _changed_parts(rule: Any, old: list[Any], new: list[Any], path: str) -> Iterator[tuple[str, str, Any, Any]]:
    parts = getattr(rule, "parts", ())
    for position in range(max(len(old), len(new))):
        was = old[position] if position < len(old) else None
        now = new[position] if position < len(new) else None
        if was == now:
            continue
        part = parts[position] if position < len(parts) else None
        label = getattr(part, "label", "") or f"第{position + 1}部分"
        for here, name, a, b in _changed_fields(part, was, now, f"{path}[{position}]"):
            yield here, name if name.startswith(label) else f"{label}{name}", a, b  # not 会议会议（项）


def _field_name(rule: Any, key: str) -> str:
    """The rule's own label for the field (a ratio's 部门目录总数), else the plain name (完成数, 得分 …)."""
    label = getattr(rule, _LABELS.get(key, key), None) if key not in ("parts", "label") else None
    return label if isinstance(label, str) and label else FIELD_NAMES.get(key, key)


# an input key whose label the rule keeps under another name: a count is named by its unit (参加业务培训（次）)
_LABELS = {"count": "unit"}


def _score(item: Item | None, inp: Any) -> str:
    if item is None or inp is None:
        return ""
    try:
        score = score_item(item, inp)
    except (InputError, TypeError, ValueError):
        return ""
    return f"{score.points:.2f}" if score.scored or score.partial else ""
