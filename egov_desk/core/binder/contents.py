"""What a binder (装订成册) holds: the cover's facts, the items in the system's order under their level-1 and level-2
headings, and per item its separator's facts (编号, name, points, score, checklist) and its evidence files in order.

Decisions, so that every binder reads alike:

- A department's binder holds the items it **leads**, not those it cooperates on: the lead collects and answers for
  an item's evidence, and a cooperating department's binder would repeat the lead's pages (a unit binder made of the
  department binders would hold them twice). The cover says so.
- An item's files follow its requirements in order, each requirement's files in the order they were attached; the
  files attached to the item as a whole (not to one requirement) come **last**, under "其他材料". A file serving
  two requirements of the item is bound once, at the first.
- Paths come from the workspace's vault: a folder's own file, or on a server the hash-checked local copy the
  database vault keeps; a file the vault cannot give is still listed, with why, and the binder says so on its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.errors import EgovError, Refused
from egov_desk.core.evidence import CHECKED, COLLECTED, SUPPLIED, FileInfo, ItemEvidence
from egov_desk.core.exports.details import report_day
from egov_desk.core.exports.files import safe_name
from egov_desk.core.judgements import judgement
from egov_desk.core.points import compact, display
from egov_desk.core.review_states import STAGE_FINAL

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item
    from egov_desk.core.scoring import ScoreSheet
    from egov_desk.core.workspace import Workspace

UNIT, DEPARTMENT, ITEM = "unit", "department", "item"
DONE_MARK, MISSING_MARK = "✓", "✗"
STATUS_WORDS = {COLLECTED: "已收集", CHECKED: "已核验", SUPPLIED: "外单位提供", "missing": "未提供"}
GENERAL_HEADING = "其他材料"


class BinderRefused(Refused):
    """A binder that cannot be made as asked (no such item or department, nothing to bind)."""


@dataclass(frozen=True)
class Scope:
    kind: str  # unit / department / item
    name: str = ""  # the department or the item's code

    @property
    def label(self) -> str:
        """What the cover and the file name say the binder covers: 全部, 科室, or 编号 ….."""
        if self.kind == ITEM:
            return f"编号 {self.name}"
        if self.kind == DEPARTMENT:
            return f"{self.name}（牵头事项）"
        return "全部评分项"


@dataclass(frozen=True)
class BinderFile:
    name: str
    kind: str  # as filetypes.sniff says: pdf, jpeg, png, docx, ofd, …
    size: int
    path: Path | None  # None: the vault could not give it (``problem`` says why)
    problem: str = ""


@dataclass(frozen=True)
class ChecklistLine:
    text: str
    done: bool
    status: str  # 已收集 / 已核验 / 外单位提供 / 未提供
    files: tuple[str, ...]

    @property
    def mark(self) -> str:
        return DONE_MARK if self.done else MISSING_MARK


@dataclass(frozen=True)
class BinderItem:
    code: str
    name: str
    level1: str
    level2: str  # "" when the item sits right under its level-1 heading
    points: str  # "4", "0.5"
    score: str  # "2.50", "合格", "未评分"
    checklist: tuple[ChecklistLine, ...]
    files: tuple[BinderFile, ...]  # in binding order


@dataclass(frozen=True)
class Binder:
    unit: str
    year: int
    system_title: str
    assessment_title: str
    total: str  # "68.50 / 100"
    day: date  # the report's date
    made: datetime
    snapshot: str  # the 定稿 snapshot SHA-256; "" while the assessment is not final
    scope: Scope
    items: tuple[BinderItem, ...]

    @property
    def files(self) -> int:
        return sum(len(item.files) for item in self.items)

    def default_name(self) -> str:
        """ "<单位>-<年度>-<编号|科室|全部>-装订册.pdf" """
        part = self.scope.name if self.scope.kind != UNIT else "全部"
        return safe_name(f"{self.unit}-{self.year}-{part}-装订册", limit=120) + ".pdf"


def _score(item: Item, sheet: ScoreSheet) -> str:
    score = sheet.items[item.code]
    if score.vetoed:
        return "一票否决"
    found = judgement(item, score)
    if found is not None:
        return found.label
    return display(score.points) if score.scored else "未评分"


def _file(workspace: Workspace, file: FileInfo) -> BinderFile:
    try:
        path = workspace.evidence.path_of(file)
    except (EgovError, OSError) as error:
        why = error.text(chinese=True) if isinstance(error, EgovError) else str(error)
        return BinderFile(file.name, file.kind, file.size, None, why)
    if not path.is_file():
        return BinderFile(file.name, file.kind, file.size, None, "文件在材料库中缺失")
    return BinderFile(file.name, file.kind, file.size, path)


def _whole_title(item: Item) -> str:
    """The item's name, or its rule's whole first clause — Item.title cuts that at 40 characters with "…"; here the
    separator wraps it, the table of contents fits it to its line, and a PDF reader wraps or clips a bookmark."""
    if item.name:
        return item.name
    return re.split(r"[，。；;：:\n]", item.rule_text.strip(), maxsplit=1)[0] or item.title


def _binder_item(workspace: Workspace, item: Item, evidence: ItemEvidence, sheet: ScoreSheet) -> BinderItem:
    lines = []
    ordered: list[FileInfo] = []
    seen: set[int] = set()
    for requirement in evidence.requirements:
        done = requirement.status in (COLLECTED, CHECKED, SUPPLIED)
        names = tuple(f.name for f in requirement.files)
        lines.append(ChecklistLine(requirement.text, done, STATUS_WORDS[requirement.status], names))
        for file in requirement.files:
            if file.id not in seen:
                seen.add(file.id)
                ordered.append(file)
    general = [f for f in evidence.general if f.id not in seen]
    if general:
        lines.append(ChecklistLine(GENERAL_HEADING, True, STATUS_WORDS[COLLECTED], tuple(f.name for f in general)))
        ordered.extend(general)
    return BinderItem(
        item.code,
        _whole_title(item),
        item.path[0] if item.path else "",
        item.path[1] if len(item.path) > 1 else "",
        compact(item.points),
        _score(item, sheet),
        tuple(lines),
        tuple(_file(workspace, f) for f in ordered),
    )


def _chosen(items: list[Item], scope: Scope, departments: list[str]) -> list[Item]:
    if scope.kind == ITEM:
        chosen = [i for i in items if i.code == scope.name]
        if not chosen:
            raise BinderRefused(
                f"no item has the code {scope.name!r}; give one of the system's codes (egov-desk-cli worklist)",
                f"没有编号为“{scope.name}”的评分项；请给出指标体系中的编号",
                "binder_no_item",
                code=scope.name,
            )
        return chosen
    if scope.kind == DEPARTMENT:
        if scope.name not in departments:
            raise BinderRefused(
                f"no item names the department {scope.name!r}; known: {', '.join(departments)}",
                f"没有评分项由“{scope.name}”负责；可选科室：{'、'.join(departments)}",
                "binder_no_department",
                department=scope.name,
            )
        led = [i for i in items if i.lead == scope.name]
        if not led:
            raise nothing_led(scope.name)
        return led
    return items


def nothing_led(department: str) -> BinderRefused:
    """A department that leads no item: its binder would be a cover and an empty table of contents."""
    return BinderRefused(
        f"{department} leads no item: there is nothing to bind (the items it cooperates on are bound by their "
        "lead departments)",
        f"「{department}」没有牵头的项目，无需装订（它配合的项目由牵头科室装订）",
        "binder_nothing_led",
        department=department,
    )


def lead_counts(workspace: Workspace, assessment_id: int) -> dict[str, int]:
    """Every department the system names, in its order, with the number of items it leads (0: it only cooperates)."""
    system = workspace.system_now(workspace.assessment(assessment_id).system_id)
    counts = dict.fromkeys(system.departments(), 0)
    for item in system.items():
        if item.lead in counts:
            counts[item.lead] += 1
    return counts


def build_binder(workspace: Workspace, assessment_id: int, scope: Scope) -> Binder:
    """What the binder of ``scope`` holds, read from the database now."""
    assessment = workspace.assessment(assessment_id)
    system = workspace.system_now(assessment.system_id)
    sheet = workspace.scores_now(assessment_id)
    chosen = _chosen(system.items(), scope, system.departments())
    evidence = workspace.evidence.by_item(assessment_id, scope.name if scope.kind == ITEM else None)
    final = assessment.stage == STAGE_FINAL and bool(assessment.snapshot_sha256)
    return Binder(
        unit=assessment.unit,
        year=assessment.year,
        system_title=system.title,
        assessment_title=assessment.title,
        total=f"{display(sheet.total)} / {compact(sheet.max)}",
        day=report_day(assessment),
        made=datetime.now().replace(microsecond=0),
        snapshot=(assessment.snapshot_sha256 or "") if final else "",
        scope=scope,
        items=tuple(_binder_item(workspace, item, evidence[item.code], sheet) for item in chosen),
    )
