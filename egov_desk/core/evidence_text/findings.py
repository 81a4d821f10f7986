"""What a file's text says against its assessment: a document dated outside the assessed year, and a page headed or
signed by another unit (可能是其他单位的材料).

The dates and names themselves are found once, when a page's text is written (:mod:`.marks`, kept in
``evidence_text_marks``); here they are weighed against the assessment, in one query, fast enough to run each time
an item is shown (10,000 pages: a few milliseconds for an item, tens for the whole assessment):

- a date counts in the five years before the assessed year or the two after (a date decades back is a law's);
- a name counts unless it is the assessment's unit, one of its departments, the body the unit belongs to (a name
  the unit's begins with) or one of its own offices (a name beginning with the unit's)."""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import Assessment, Department, EvidenceFile, EvidenceLink, EvidenceTextMark, ItemRow
from egov_desk.core.evidence_text.marks import DATE, ORGANISATION, document_dates, edge_organisations, plain
from egov_desk.core.evidence_text.types import TextFinding

DATE_OUTSIDE_YEAR, OTHER_UNIT = "date_outside_year", "other_unit"
YEARS_BEFORE, YEARS_AFTER = 5, 2
_KINDS = {DATE: DATE_OUTSIDE_YEAR, ORGANISATION: OTHER_UNIT}

__all__ = ["DATE_OUTSIDE_YEAR", "OTHER_UNIT", "dates_outside", "document_dates", "findings", "other_units"]


def findings(session: Session, assessment_id: int, code: str | None = None) -> list[TextFinding]:
    """The assessment's findings (only the files of item ``code``, when given): per file, item and page, its dates
    outside the year, then the other units' names; a file attached twice to one item counted once."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        return []
    year = assessment.year
    query = (
        select(
            EvidenceFile.id,
            EvidenceFile.original_name,
            ItemRow.code,
            EvidenceTextMark.page,
            EvidenceTextMark.kind,
            EvidenceTextMark.found,
        )
        .join(EvidenceTextMark, EvidenceTextMark.sha256 == EvidenceFile.sha256)
        .join(EvidenceLink, EvidenceLink.file_id == EvidenceFile.id)
        .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
        .where(EvidenceFile.assessment_id == assessment_id)
        .where(
            or_(
                EvidenceTextMark.kind == ORGANISATION,
                and_(
                    EvidenceTextMark.kind == DATE,
                    EvidenceTextMark.year != year,
                    EvidenceTextMark.year.between(year - YEARS_BEFORE, year + YEARS_AFTER),
                ),
            )
        )
        .order_by(EvidenceFile.id, EvidenceTextMark.page, ItemRow.id, EvidenceTextMark.id)  # a page's dates first
    )
    if code is not None:
        query = query.where(ItemRow.code == code)
    unit = plain(assessment.unit)
    own: set[str] | None = None  # the departments' names: read only when a page names an organisation
    seen: set[tuple[int, str, int, str, str]] = set()
    found: list[TextFinding] = []
    for file_id, name, item_code, page, kind, what in session.connection().execute(query):  # rows, not ORM: ⅓ less
        key = (file_id, item_code, page, kind, what)
        if key in seen:
            continue
        seen.add(key)
        if kind == ORGANISATION:
            if own is None:
                own = {plain(department) for department in session.scalars(select(Department.name))} - {""}
            if _own(what, unit, own):
                continue
        found.append(TextFinding(file_id, name, item_code, page, _KINDS[kind], what, year))
    return found


def _own(name: str, unit: str, own: set[str]) -> bool:
    return name in own or bool(unit and (name.startswith(unit) or unit.startswith(name)))


def dates_outside(text: str, year: int) -> list[str]:
    """A page's own dates outside ``year`` that count (see the module's words), each once."""
    found: list[str] = []
    for written, dated in document_dates(text):
        if dated != year and year - YEARS_BEFORE <= dated <= year + YEARS_AFTER and written not in found:
            found.append(written)
    return found


def other_units(text: str, unit: str, own: set[str]) -> list[str]:
    """The names heading or signing a page that are neither ``unit`` (nor its body or offices) nor in ``own``."""
    return [name for name in edge_organisations(text) if not _own(name, plain(unit), own)]
