"""What a file's text says against its assessment: a document dated outside the assessed year, and a page headed or
signed by another unit (可能是其他单位的材料).

Which dates count: only a *document's own* date — one standing on a line of its own (the 落款 date under a
signature, "日期：2019年12月5日", "二〇一九年十二月五日印发"), with a month, in the five years before the assessed year
or the two after. A date inside a sentence is nearly always a citation (a law of 2015, last year's plan) and a date
decades back is a law's; flagging those would bury the real finding (last year's report attached again) in noise.

Which names count: an organisation's name (ending in 人民政府, 办公室, 局, 委员会, 中心, 公司…) making a line of its own
among the first three lines of a page (the letterhead, "××市人民政府文件") or the last four (the 落款), that is
neither the assessment's unit, nor one of its departments, nor the body the unit belongs to (a name the unit's
begins with) nor one of its own offices (a name beginning with the unit's)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import Assessment, Department, EvidenceFile, EvidenceLink, EvidenceTextRow, ItemRow
from egov_desk.core.evidence_text.types import TextFinding

DATE_OUTSIDE_YEAR, OTHER_UNIT = "date_outside_year", "other_unit"
YEARS_BEFORE, YEARS_AFTER = 5, 2
AROUND = 8  # characters a date's line may hold besides it ("日期：", "印发", "（盖章）")
HEAD_LINES, FOOT_LINES = 3, 4

_ARABIC = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|[-./](\d{1,2})[-./](\d{1,2})(?!\d))"
)
_HAN_DIGITS = "〇零○O０一二三四五六七八九"
_HAN_NUMBER = "[一二三四五六七八九十]{1,3}"
_CHINESE = re.compile(rf"([{_HAN_DIGITS}]{{4}})\s*年\s*({_HAN_NUMBER})\s*月(?:\s*({_HAN_NUMBER})\s*日)?")
_DIGIT = {c: (0 if n < 5 else n - 4) for n, c in enumerate(_HAN_DIGITS)}
_ORGANISATION = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff（）()]{2,30}?(?:人民政府|人民代表大会常务委员会|办公厅|办公室|委员会|管理局|管理处|"
    r"局|厅|委|中心|公司|集团|医院|学校|大学|学院|研究院|研究所|政府|部)$"
)
_LETTERHEAD = re.compile(r"(?:文件|函|公函|（盖章）|\(盖章\)|盖章)$")


def findings(session: Session, assessment_id: int) -> list[TextFinding]:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        return []
    own = {_plain(name) for name in session.scalars(select(Department.name))} - {""}
    unit = _plain(assessment.unit)
    codes: dict[int, list[str]] = {}
    for file_id, code in session.execute(
        select(EvidenceLink.file_id, ItemRow.code)
        .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
        .join(EvidenceFile, EvidenceFile.id == EvidenceLink.file_id)
        .where(EvidenceFile.assessment_id == assessment_id)
        .order_by(ItemRow.id)
    ):
        codes.setdefault(file_id, [])
        if code not in codes[file_id]:
            codes[file_id].append(code)
    found: list[TextFinding] = []
    rows = session.execute(
        select(EvidenceFile.id, EvidenceFile.original_name, EvidenceTextRow.page, EvidenceTextRow.text)
        .join(EvidenceTextRow, EvidenceTextRow.sha256 == EvidenceFile.sha256)
        .where(EvidenceFile.assessment_id == assessment_id)
        .order_by(EvidenceFile.id, EvidenceTextRow.page)
    )
    for file_id, name, page, text in rows:
        said: list[tuple[str, str]] = []
        said += [(DATE_OUTSIDE_YEAR, date) for date in dates_outside(text, assessment.year)]
        said += [(OTHER_UNIT, other) for other in other_units(text, unit, own)]
        for code in codes.get(file_id, []):
            for kind, what in said:
                found.append(TextFinding(file_id, name, code, page, kind, what, assessment.year))
    return found


def _plain(name: str) -> str:
    return re.sub(r"\s+", "", name or "")


def _lines(text: str) -> list[str]:
    return [line for line in (_plain(line) for line in text.split("\n")) if line]


def document_dates(text: str) -> Iterator[tuple[str, int]]:
    """Each date standing on a line of its own (at most :data:`AROUND` other characters): (as written, year)."""
    for line in _lines(text):
        for pattern in (_ARABIC, _CHINESE):
            for match in pattern.finditer(line):
                if len(line) - len(match.group(0)) > AROUND:
                    continue
                year = _year(match.group(1))
                if year is not None:
                    yield match.group(0), year


def _year(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    try:
        return int("".join(str(_DIGIT[c]) for c in written))
    except KeyError:
        return None


def dates_outside(text: str, year: int) -> list[str]:
    found: list[str] = []
    for written, dated in document_dates(text):
        if dated != year and year - YEARS_BEFORE <= dated <= year + YEARS_AFTER and written not in found:
            found.append(written)
    return found


def other_units(text: str, unit: str, own: set[str]) -> list[str]:
    lines = _lines(text)
    edges = lines[:HEAD_LINES] + lines[max(HEAD_LINES, len(lines) - FOOT_LINES) :]
    found: list[str] = []
    for line in edges:
        name = _LETTERHEAD.sub("", line)
        if not _ORGANISATION.match(name) or any(c.isdigit() for c in name):
            continue
        if name in own or (unit and (name.startswith(unit) or unit.startswith(name))):
            continue
        if name not in found:
            found.append(name)
    return found
