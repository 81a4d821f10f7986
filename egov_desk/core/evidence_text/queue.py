"""The queue of stored bytes whose text is still to be read (no state row: nothing else to keep), and the one
transaction that writes a file's pages with its state — so a killed worker leaves a file read whole or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import (
    EvidenceFile,
    EvidenceLink,
    EvidenceTextClaim,
    EvidenceTextMark,
    EvidenceTextRow,
    EvidenceTextState,
    ItemRow,
    utcnow,
)
from egov_desk.core.evidence_text.marks import page_marks
from egov_desk.core.evidence_text.types import DONE, FAILED, ReadPage, TextProgress

if TYPE_CHECKING:
    from egov_desk.core.store import Store


@dataclass(frozen=True)
class Queued:
    sha256: str
    name: str  # the name it was first attached under
    kind: str  # read from its bytes when attached


def _no_state() -> object:
    return ~select(EvidenceTextState.sha256).where(EvidenceTextState.sha256 == EvidenceFile.sha256).exists()


def pending(session: Session) -> list[Queued]:
    """Every stored blob of an evidence file without a text state, the one attached first first."""
    first = (
        select(func.min(EvidenceFile.id).label("id"))
        .where(_no_state())  # type: ignore[arg-type]
        .group_by(EvidenceFile.sha256)
        .subquery()
    )
    rows = session.execute(
        select(EvidenceFile.sha256, EvidenceFile.original_name, EvidenceFile.kind)
        .join(first, EvidenceFile.id == first.c.id)
        .order_by(EvidenceFile.id)
    )
    return [Queued(sha256, name, kind) for sha256, name, kind in rows]


def progress(session: Session) -> TextProgress:
    used = select(EvidenceFile.sha256).distinct().subquery()
    states = dict(
        session.execute(
            select(EvidenceTextState.state, func.count())
            .join(used, used.c.sha256 == EvidenceTextState.sha256)
            .group_by(EvidenceTextState.state)
        ).all()
    )
    waiting = session.scalar(select(func.count(func.distinct(EvidenceFile.sha256))).where(_no_state()))  # type: ignore[arg-type]
    return TextProgress(int(states.get(DONE, 0)), int(states.get(FAILED, 0)), int(waiting or 0))


def record(store: Store, queued: Queued, pages: list[ReadPage], engine: str, error: str = "") -> bool:
    """The file's pages and its state in one transaction; False when another worker recorded it first."""
    what, what_zh = f"the text of {queued.name}", f"“{queued.name}”的文字内容"
    with store.write(what, what_zh) as session:
        if session.get(EvidenceTextState, queued.sha256) is not None:
            return False
        session.execute(delete(EvidenceTextRow).where(EvidenceTextRow.sha256 == queued.sha256))
        session.execute(delete(EvidenceTextMark).where(EvidenceTextMark.sha256 == queued.sha256))
        session.execute(delete(EvidenceTextClaim).where(EvidenceTextClaim.sha256 == queued.sha256))  # 0011
        for page in pages:
            lines = [[text, list(box)] for text, box in page.lines]
            session.add(
                EvidenceTextRow(sha256=queued.sha256, page=page.page, text=page.text, source=page.source, lines=lines)
            )
            for kind, found, year in page_marks(page.text):  # what the checks weigh, found once (0010)
                session.add(EvidenceTextMark(sha256=queued.sha256, page=page.page, kind=kind, found=found, year=year))
        state = FAILED if error else DONE
        session.add(
            EvidenceTextState(
                sha256=queued.sha256, state=state, error=error, pages=len(pages), read_at=utcnow(), engine=engine
            )
        )
        try:
            session.commit()
        except Exception as exc:
            session.rollback()
            raise store.refused(exc, what, what_zh) from exc
    return True


def forget_failed(store: Store) -> int:
    """Failed files back in the queue (``ocr --again``): after a vault came back, or a newer version."""
    with store.write("the failed files' text", "识别失败的文件") as session:
        failed = list(session.scalars(select(EvidenceTextState.sha256).where(EvidenceTextState.state == FAILED)))
        session.execute(delete(EvidenceTextState).where(EvidenceTextState.sha256.in_(failed)))
        session.commit()
    return len(failed)


def failures(session: Session) -> list[tuple[str, str]]:
    first = select(EvidenceFile.sha256, func.min(EvidenceFile.id).label("id")).group_by(EvidenceFile.sha256).subquery()
    rows = session.execute(
        select(EvidenceFile.original_name, EvidenceTextState.error)
        .join(first, first.c.id == EvidenceFile.id)
        .join(EvidenceTextState, EvidenceTextState.sha256 == EvidenceFile.sha256)
        .where(EvidenceTextState.state == FAILED)
        .order_by(EvidenceFile.id)
    )
    return [(name, error) for name, error in rows]


def failed_codes(session: Session, assessment_id: int) -> dict[str, tuple[str, ...]]:
    """Per failed file's bytes, the items of the assessment holding it (编号), in the system's order."""
    rows = session.execute(
        select(EvidenceFile.sha256, ItemRow.code)
        .join(EvidenceTextState, EvidenceTextState.sha256 == EvidenceFile.sha256)
        .join(EvidenceLink, EvidenceLink.file_id == EvidenceFile.id)
        .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
        .where(EvidenceTextState.state == FAILED, EvidenceFile.assessment_id == assessment_id)
        .order_by(ItemRow.id)
    )
    codes: dict[str, list[str]] = {}
    for sha256, code in rows:
        if code not in codes.setdefault(sha256, []):
            codes[sha256].append(code)
    return {sha256: tuple(found) for sha256, found in codes.items()}


def failed_files(session: Session, assessment_id: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """The files whose text could not be read, with why (``english\nchinese``) and the assessment's items holding
    each; a file not in the assessment has no item."""
    first = select(EvidenceFile.sha256, func.min(EvidenceFile.id).label("id")).group_by(EvidenceFile.sha256).subquery()
    rows = session.execute(
        select(EvidenceFile.sha256, EvidenceFile.original_name, EvidenceTextState.error)
        .join(first, first.c.id == EvidenceFile.id)
        .join(EvidenceTextState, EvidenceTextState.sha256 == EvidenceFile.sha256)
        .where(EvidenceTextState.state == FAILED)
        .order_by(EvidenceFile.id)
    )
    codes = failed_codes(session, assessment_id)
    return [(name, error, codes.get(sha256, ())) for sha256, name, error in rows]
