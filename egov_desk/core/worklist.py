"""The unit's worklist: what is still to do in an assessment, item by item, read from its data as it is now.

Each entry is one item and one kind of work (:data:`KINDS`), with what it is about: the requirements, the files
or the score's parts. Counted per kind, the worklist says what the window's tree says: its unscored items
(:attr:`~egov_desk.core.scoring.ScoreSheet.unscored`) and its evidence counts
(:meth:`~egov_desk.core.evidence.EvidenceBook.counts`: needed − collected requirements are 缺材料, collected −
checked are 待核对). One case differs: files attached to a requirement another body supplies make it 待核对
here until ticked, where the tree counts it neither collected nor (until ticked) checked.

Beside these, the yearly cycle's: items returned for rework (已退回, with the reviewer's comment), items whose due
date (:mod:`~egov_desk.core.deadlines`) has passed while not yet approved (已逾期; "today" is given by tests), and
files carried over from last year not yet confirmed (去年材料待确认). And what the files' text says against the
assessment (材料内容存疑: :mod:`~egov_desk.core.evidence_text.findings`, a date outside the year or another unit's
name on a page), one line a file and finding with its pages, read for the whole assessment in one query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from egov_desk.core.db.models import ItemInput, ItemRow
from egov_desk.core.deadlines import UnknownDepartment as UnknownDepartment  # raised by worklist()
from egov_desk.core.deadlines import deadlines, unknown_department
from egov_desk.core.evidence.types import COLLECTED, MISSING, FileInfo, ItemEvidence
from egov_desk.core.evidence_text.types import TextFinding
from egov_desk.core.review_states import APPROVED, RETURNED
from egov_desk.core.workspace_info import DepartmentItems

if TYPE_CHECKING:
    from egov_desk.core.indicators import IndicatorSystem
    from egov_desk.core.scoring import ScoreSheet
    from egov_desk.core.workspace import Workspace

UNSCORED = "unscored"
MISSING_EVIDENCE = "missing_evidence"
UNCHECKED = "unchecked"
DATE_OUTSIDE_YEAR = "date_outside_year"
KIND_MISMATCH = "kind_mismatch"
TEXT_FINDING = "text_finding"
RETURNED_ITEM = "returned"
OVERDUE = "overdue"
CARRIED = "carried"

KINDS = (  # in the order listed
    UNSCORED,
    MISSING_EVIDENCE,
    UNCHECKED,
    DATE_OUTSIDE_YEAR,
    KIND_MISMATCH,
    TEXT_FINDING,
    RETURNED_ITEM,
    OVERDUE,
    CARRIED,
)
KIND_LABELS = {
    UNSCORED: "未评分",
    MISSING_EVIDENCE: "缺材料",
    UNCHECKED: "待核对",
    DATE_OUTSIDE_YEAR: "日期不在考评年度",
    KIND_MISMATCH: "文件类型存疑",
    TEXT_FINDING: "材料内容存疑",
    RETURNED_ITEM: "已退回",
    OVERDUE: "已逾期",
    CARRIED: "去年材料待确认",
}
KIND_LABELS_EN = {
    UNSCORED: "not scored",
    MISSING_EVIDENCE: "materials missing",
    UNCHECKED: "materials not checked",
    DATE_OUTSIDE_YEAR: "dated outside the year",
    KIND_MISMATCH: "file type in doubt",
    TEXT_FINDING: "the text says otherwise",
    RETURNED_ITEM: "returned for rework",
    OVERDUE: "past the deadline",
    CARRIED: "last year's materials to confirm",
}
PER_ITEM = frozenset({UNSCORED, RETURNED_ITEM, OVERDUE, TEXT_FINDING})  # once per item; the others per subject
PAGES_NAMED = 5  # a finding on more pages names the first few and counts the rest


@dataclass(frozen=True)
class WorkEntry:
    """One item's work of one kind. ``subjects`` names what it is about: the requirements missing or not checked,
    the files dated outside the year or of a doubtful type, the parts still open (empty: nothing entered)."""

    kind: str
    code: str
    title: str
    subjects: tuple[str, ...] = ()
    partial: bool = False  # unscored with some parts entered
    due: date | None = None  # the item's due date, when it has one

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def count(self) -> int:
        """What this entry adds to its kind's count: the item once when unscored, returned or overdue, else each
        subject."""
        return 1 if self.kind in PER_ITEM else len(self.subjects)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "label": self.label, "code": self.code, "title": self.title}
        if self.kind == UNSCORED:
            data["partial"] = self.partial
        else:
            data["subjects"] = list(self.subjects)
        if self.due is not None:
            data["due"] = self.due.isoformat()
        return data


@dataclass(frozen=True)
class Worklist:
    assessment_id: int
    year: int
    department: str | None
    entries: tuple[WorkEntry, ...]

    def of_kind(self, kind: str) -> list[WorkEntry]:
        return [entry for entry in self.entries if entry.kind == kind]

    def counts(self) -> dict[str, int]:
        """Per kind: unscored items; requirements missing or not checked; item files dated or typed in doubt."""
        return {kind: sum(entry.count for entry in self.of_kind(kind)) for kind in KINDS}

    def codes(self) -> list[str]:
        """The items with anything to do, in the system's order."""
        return list(dict.fromkeys(entry.code for entry in self.entries))

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment": self.assessment_id,
            "year": self.year,
            "department": self.department,
            "counts": self.counts(),
            "items": len(self.codes()),
            "entries": [entry.to_json() for entry in self.entries],
        }


def _department_codes(system: IndicatorSystem, department: str) -> set[str]:
    if department not in system.departments():
        raise unknown_department(system, department)
    items = DepartmentItems.of(system, department)
    return {item.code for item in (*items.lead, *items.cooperating)}


def text_subjects(found: list[TextFinding]) -> tuple[str, ...]:
    """One line per file and finding, with the pages it stands on: "来函.pdf 第 2 页：2016年5月 不在考评年度（2019）内",
    "来函.pdf 第 1、2 页：可能是其他单位的材料：某某市交通运输局"."""
    pages: dict[tuple[int, str, str], list[int]] = {}
    first: dict[tuple[int, str, str], TextFinding] = {}
    for finding in found:
        key = (finding.file_id, finding.kind, finding.found)
        first.setdefault(key, finding)
        if finding.page not in pages.setdefault(key, []):
            pages[key].append(finding.page)
    subjects = []
    for key, finding in first.items():
        named = "、".join(str(page) for page in pages[key][:PAGES_NAMED])
        more = len(pages[key]) - PAGES_NAMED
        where = f"{finding.file_name} 第 {named} 页" + (f"等 {len(pages[key])} 页" if more > 0 else "")
        if finding.kind == "date_outside_year":
            subjects.append(f"{where}：{finding.found} 不在考评年度（{finding.year}）内")
        else:
            subjects.append(f"{where}：可能是其他单位的材料：{finding.found}")
    return tuple(subjects)


def _item_files(evidence: ItemEvidence) -> list[FileInfo]:
    """The item's files, each once (a file under two of its requirements is one file to look at)."""
    return list({file.id: file for file in evidence.files()}.values())


@dataclass(frozen=True)
class ItemCycle:
    """What the yearly cycle holds of one item: its review status and comment, its due date."""

    status: str = ""
    comment: str = ""
    due: date | None = None


def item_entries(
    code: str,
    title: str,
    sheet: ScoreSheet,
    evidence: ItemEvidence | None,
    cycle: ItemCycle | None = None,
    today: date | None = None,
    text: list[TextFinding] | None = None,
) -> list[WorkEntry]:
    """One item's work, in the order of :data:`KINDS`; ``today`` (default: the computer's) tells what is overdue;
    ``text``: what the item's files' text says against the assessment."""
    cycle = cycle or ItemCycle()
    due = cycle.due
    entries = []
    score = sheet.items[code]
    if not score.scored:
        entries.append(WorkEntry(UNSCORED, code, title, partial=score.partial, due=due))
    files = _item_files(evidence) if evidence is not None else []
    if evidence is not None:
        missing = tuple(r.text for r in evidence.requirements if r.status == MISSING)
        unchecked = tuple(r.text for r in evidence.requirements if r.status == COLLECTED)
        outside = tuple(f"{f.name}（{f.evidence_date}）" for f in files if f.date_outside_year)
        mismatched = tuple(f.name for f in files if f.kind_mismatch)
        for kind, subjects in (
            (MISSING_EVIDENCE, missing),
            (UNCHECKED, unchecked),
            (DATE_OUTSIDE_YEAR, outside),
            (KIND_MISMATCH, mismatched),
        ):
            if subjects:
                entries.append(WorkEntry(kind, code, title, subjects, due=due))
    if text:
        entries.append(WorkEntry(TEXT_FINDING, code, title, text_subjects(text), due=due))
    if cycle.status == RETURNED:
        entries.append(WorkEntry(RETURNED_ITEM, code, title, (cycle.comment,) if cycle.comment else (), due=due))
    if due is not None and due < (today or date.today()) and cycle.status != APPROVED:
        entries.append(WorkEntry(OVERDUE, code, title, (f"截止 {due.isoformat()}",), due=due))
    carried = tuple(f.name for f in files if f.carried)
    if carried:
        entries.append(WorkEntry(CARRIED, code, title, carried, due=due))
    return entries


def item_cycles(workspace: Workspace, assessment_id: int) -> dict[str, ItemCycle]:
    """Per item code: its review status and comment as stored, its due date (own, lead department's, the
    assessment's)."""
    system = workspace.system(workspace.assessment(assessment_id).system_id)
    due = deadlines(workspace, assessment_id)
    with workspace.store.read() as session:
        stored: Mapping[str, tuple[str, str]] = {
            code: (status or "", comment or "")
            for code, status, comment in session.execute(
                select(ItemRow.code, ItemInput.status, ItemInput.status_comment)
                .join(ItemRow, ItemRow.id == ItemInput.item_id)
                .where(ItemInput.assessment_id == assessment_id)
            )
        }
    return {item.code: ItemCycle(*stored.get(item.code, ("", "")), due=due.due(item.code)) for item in system.items()}


def worklist(
    workspace: Workspace, assessment_id: int, department: str | None = None, *, today: date | None = None
) -> Worklist:
    """What is still to do in the assessment (only the items ``department`` leads or cooperates on, when given),
    item by item in the system's order, each item's kinds in the order of :data:`KINDS`. ``today``: the day a
    deadline is past after (default: the computer's date)."""
    assessment = workspace.assessment(assessment_id)
    system = workspace.system(assessment.system_id)
    wanted = _department_codes(system, department) if department is not None else None
    sheet = workspace.scores(assessment_id)
    evidence = workspace.evidence.by_item(assessment_id)
    cycles = item_cycles(workspace, assessment_id)
    text: dict[str, list[TextFinding]] = {}
    for finding in workspace.evidence_text.findings(assessment_id):  # one query for every item
        text.setdefault(finding.code, []).append(finding)
    entries: list[WorkEntry] = []
    for item in system.items():
        if wanted is None or item.code in wanted:
            entries += item_entries(
                item.code, item.title, sheet, evidence.get(item.code), cycles.get(item.code), today, text.get(item.code)
            )
    return Worklist(assessment_id, assessment.year, department, tuple(entries))
