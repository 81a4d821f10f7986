"""The department checklist (责任分解清单): what each department owes, as data every writer lays out alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from egov_desk.core.evidence import CHECKED, COLLECTED, MISSING, SUPPLIED
from egov_desk.core.exports.details import BLANK_NAME, chinese_date, report_day
from egov_desk.core.points import compact, display
from egov_desk.core.requirements import PLATFORM

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item
    from egov_desk.core.workspace import Workspace

STATUS = {MISSING: "未提供", COLLECTED: "已收集", CHECKED: "已核验", SUPPLIED: "外单位提供"}
LEAD, COOPERATING = "牵头", "配合"


@dataclass(frozen=True)
class Material:
    text: str
    status: str  # 未提供 / 已收集 / 已核验 / 外单位提供
    supplied_by: str | None
    done: bool  # the box is ticked


@dataclass(frozen=True)
class ChecklistRow:
    item: Item
    role: str  # 牵头 / 配合
    materials: tuple[Material, ...]
    score: str  # "2.50" or "未评分"
    note: str

    @property
    def path(self) -> tuple[str, ...]:
        return self.item.path

    @property
    def points(self) -> str:
        return compact(self.item.points)

    @property
    def duty(self) -> str:
        """The role as printed: who leads, for a cooperating department ("配合（牵头：信息中心）"); who helps, for
        the lead ("牵头（配合：计财科、办公室）")."""
        if self.role == LEAD:
            others = [name for name in self.item.cooperating if name != self.item.lead]
            return f"{LEAD}（{COOPERATING}：{'、'.join(others)}）" if others else LEAD
        return f"{COOPERATING}（{LEAD}：{self.item.lead}）" if self.item.lead else COOPERATING


@dataclass
class ChecklistSection:
    department: str
    rows: list[ChecklistRow] = field(default_factory=list)

    @property
    def lead(self) -> list[ChecklistRow]:
        return [r for r in self.rows if r.role == LEAD]

    @property
    def cooperating(self) -> list[ChecklistRow]:
        return [r for r in self.rows if r.role == COOPERATING]


@dataclass
class Checklist:
    title: str
    unit: str
    year: int
    system_title: str
    depth: int  # how many levels the indicator system has (columns for the path)
    printed: date
    sections: list[ChecklistSection]
    filled_by: str = ""  # 填报人, "" when not given
    report_date: date = field(default_factory=date.today)  # the date on the signature line

    @property
    def header(self) -> str:
        return f"{self.unit} · {self.year}年 · {self.title}"


def build_checklist(workspace: Workspace, assessment_id: int, department: str | None = None) -> Checklist:
    """One section per department (or just ``department``), its items as lead first, then as cooperating."""
    assessment = workspace.assessment(assessment_id)
    system = workspace.system_now(assessment.system_id)
    sheet = workspace.scores_now(assessment_id)  # the database now, never a window's copy
    notes = workspace.notes(assessment_id)
    evidence = workspace.evidence.by_item(assessment_id)
    names = [department] if department else system.departments()
    if department and department not in system.departments():
        raise ValueError(f"no item names the department {department!r} (known: {', '.join(system.departments())})")
    sections = []
    for name in names:
        section = ChecklistSection(name)
        for role, items in (
            (LEAD, [i for i in system.items() if i.lead == name]),
            (COOPERATING, [i for i in system.items() if name in i.cooperating and i.lead != name]),
        ):
            for item in items:
                states = evidence[item.code].requirements
                materials = tuple(
                    Material(s.text, STATUS[s.status], s.supplied_by, s.status in (COLLECTED, CHECKED)) for s in states
                )
                score = sheet.items[item.code]
                shown = display(score.points) if score.scored else "未评分"
                section.rows.append(ChecklistRow(item, role, materials, shown, notes.get(item.code, "")))
        sections.append(section)
    return Checklist(
        title="电子政务工作绩效考评责任分解清单",
        unit=assessment.unit,
        year=assessment.year,
        system_title=system.title,
        depth=system.depth,
        printed=date.today(),
        sections=sections,
        filled_by=assessment.filled_by,
        report_date=report_day(assessment),
    )


def material_line(text: str, done: bool, body: str | None) -> str:
    """ "□ 2019年工作计划", "☑ …", with who supplies it when the text does not already say so."""
    said = not body or body == PLATFORM or body in text
    return ("☑ " if done else "□ ") + text + ("" if said else f"（{body}提供）")


def signature_line(checklist: Checklist) -> str:
    """科室负责人 signs by hand; 填报人 and the date are printed when known."""
    return (
        f"科室负责人（签字）：{BLANK_NAME}　　　　填报人：{checklist.filled_by or BLANK_NAME}　　　　"
        f"日期：{chinese_date(checklist.report_date)}"
    )
