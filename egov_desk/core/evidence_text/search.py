"""Search in the text of an assessment's evidence: a hit per (file, page, item link), the best pages first.

On SQLite every word of three characters or more is looked up in the FTS5 trigram index and the pages ranked by
bm25; shorter words (the trigram tokenizer cannot index one or two characters) filter those pages with LIKE, and a
query of only short words scans the page text with LIKE — a plain scan of 10,000 pages is well inside the 50 ms
goal (bench/search.py). On PostgreSQL (no FTS5) every word is matched with ILIKE, pages in the order they were read:
35–40 ms over the same 10,000 pages (PostgreSQL 15, the median). pg_trgm's index would speed a rare word up, but
creating the extension needs CREATE on the database (it is "trusted" only from PostgreSQL 13), which the account
that set a server's workspace up need not have; a schema that differed by server is not worth that margin.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from egov_desk.core.db.models import EvidenceFile, EvidenceLink, EvidenceRequirement, EvidenceTextRow, ItemRow
from egov_desk.core.evidence_text.normalize import query_terms
from egov_desk.core.evidence_text.types import Box, PageText, SearchHit

SNIPPET = 60  # characters shown around the first match
BEFORE = 20  # of them before it
TRIGRAM = 3  # the shortest word the index holds


@dataclass(frozen=True)
class _Link:
    file_id: int
    name: str
    kind: str
    code: str
    title: str
    requirement_position: int | None
    requirement_id: int | None


@dataclass(frozen=True)
class _Page:
    sha256: str
    page: int
    text: str
    source: str
    lines: Any


def search(session: Session, query: str, assessment_id: int, limit: int = 200) -> list[SearchHit]:
    terms = query_terms(query)
    links = _links(session, assessment_id)
    if not terms or not links or limit <= 0:
        return []
    hits: list[SearchHit] = []
    for page in _pages(session, terms, assessment_id, limit):
        snippet, match = snippet_of(page.text, terms)
        boxes = boxes_of(page.text, _lines(page.lines), terms)
        for link in links.get(page.sha256, ()):
            hits.append(
                SearchHit(
                    link.file_id,
                    page.sha256,
                    link.name,
                    link.kind,
                    link.code,
                    link.title,
                    link.requirement_position,
                    page.page,
                    snippet,
                    match,
                    boxes,
                    link.requirement_id,
                    page.source,
                )
            )
        if len(hits) >= limit:
            break
    return hits[:limit]


def page_text(session: Session, sha256: str, page: int) -> PageText | None:
    row = session.execute(
        select(EvidenceTextRow.text, EvidenceTextRow.source, EvidenceTextRow.lines).where(
            EvidenceTextRow.sha256 == sha256, EvidenceTextRow.page == page
        )
    ).first()
    if row is None:
        return None
    return PageText(row[0], row[1], _lines(row[2]))


def _links(session: Session, assessment_id: int) -> dict[str, list[_Link]]:
    rows = session.execute(
        select(
            EvidenceFile.sha256,
            EvidenceFile.id,
            EvidenceFile.original_name,
            EvidenceFile.kind,
            ItemRow.code,
            ItemRow.name,
            ItemRow.rule_text,
            EvidenceRequirement.position,
            EvidenceLink.requirement_id,
        )
        .join(EvidenceLink, EvidenceLink.file_id == EvidenceFile.id)
        .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
        .outerjoin(EvidenceRequirement, EvidenceRequirement.id == EvidenceLink.requirement_id)
        .where(EvidenceFile.assessment_id == assessment_id)
        .order_by(ItemRow.id, EvidenceRequirement.position, EvidenceFile.id)
    )
    links: dict[str, list[_Link]] = defaultdict(list)
    for sha256, file_id, name, kind, code, item_name, rule_text, position, requirement_id in rows:
        number = None if position is None else int(position) + 1
        links[sha256].append(_Link(file_id, name, kind, code, _title(item_name, rule_text), number, requirement_id))
    return links


def _title(name: str, rule_text: str) -> str:
    """The item's short name, as :attr:`egov_desk.core.indicators.Item.title` gives it."""
    if name:
        return name
    first = re.split(r"[，。；;：:\n]", (rule_text or "").strip(), maxsplit=1)[0]
    return first if len(first) <= 40 else first[:39] + "…"


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _pages(session: Session, terms: Sequence[str], assessment_id: int, limit: int) -> list[_Page]:
    long = [term for term in terms if len(term) >= TRIGRAM]
    if session.get_bind().dialect.name == "sqlite" and long:
        return _indexed(session, long, [t for t in terms if len(t) < TRIGRAM], assessment_id, limit)
    postgres = session.get_bind().dialect.name == "postgresql"
    column = EvidenceTextRow.text
    matches = [column.ilike(_like(t), escape="\\") if postgres else column.like(_like(t), escape="\\") for t in terms]
    files = select(EvidenceFile.sha256).where(EvidenceFile.assessment_id == assessment_id)
    rows = session.execute(
        select(
            EvidenceTextRow.sha256,
            EvidenceTextRow.page,
            EvidenceTextRow.text,
            EvidenceTextRow.source,
            EvidenceTextRow.lines,
        )
        .where(EvidenceTextRow.sha256.in_(files), *matches)
        .order_by(EvidenceTextRow.id)
        .limit(limit)
    )
    return [_Page(*row) for row in rows]


def _indexed(session: Session, long: Sequence[str], short: Sequence[str], assessment: int, limit: int) -> list[_Page]:
    phrase = " AND ".join('"' + term.replace('"', '""') + '"' for term in long)
    also = "".join(f" AND t.text LIKE :short{n} ESCAPE '\\'" for n in range(len(short)))
    rows = session.execute(
        text(
            "SELECT t.sha256, t.page, t.text, t.source, t.lines FROM evidence_texts_fts "
            "JOIN evidence_texts t ON t.id = evidence_texts_fts.rowid "
            "WHERE evidence_texts_fts MATCH :phrase "
            "AND t.sha256 IN (SELECT sha256 FROM evidence_files WHERE assessment_id = :assessment)"
            f"{also} ORDER BY evidence_texts_fts.rank LIMIT :limit"
        ),
        {
            "phrase": phrase,
            "assessment": assessment,
            "limit": limit,
            **{f"short{n}": _like(term) for n, term in enumerate(short)},
        },
    )
    return [_Page(sha256, page, body, source, _json(lines)) for sha256, page, body, source, lines in rows]


def _json(value: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value)
    return value


def _lines(value: Any) -> tuple[tuple[str, Box], ...]:
    found: list[tuple[str, Box]] = []
    for line in value or ():
        words, box = line[0], line[1]
        found.append((str(words), (float(box[0]), float(box[1]), float(box[2]), float(box[3]))))
    return tuple(found)


def first_match(body: str, terms: Sequence[str]) -> tuple[int, int]:
    """Where the earliest of the terms first stands in ``body`` (case folded as the search was): (start, end);
    (0, 0) when none does."""
    lowered = body.lower()
    best = (-1, 0)
    for term in terms:
        at = lowered.find(term.lower())
        if at >= 0 and (best[0] < 0 or at < best[0]):
            best = (at, at + len(term))
    return best if best[0] >= 0 else (0, 0)


def snippet_of(body: str, terms: Sequence[str]) -> tuple[str, tuple[int, int]]:
    """About :data:`SNIPPET` characters around the first match, on one line, and the match's span within it."""
    start, end = first_match(body, terms)
    begin = max(0, min(start - BEFORE, len(body) - SNIPPET))
    finish = max(end, min(len(body), begin + SNIPPET))
    shown = body[begin:finish].replace("\n", " ").replace("\t", " ")
    lead = "…" if begin > 0 else ""
    tail = "…" if finish < len(body) else ""
    return lead + shown + tail, (start - begin + len(lead), end - begin + len(lead))


def boxes_of(body: str, lines: Sequence[tuple[str, Box]], terms: Sequence[str]) -> tuple[Box, ...]:
    """The boxes of the OCR lines every match of the terms touches (a match may run over two lines)."""
    if not lines:
        return ()
    starts, at = [], 0
    for words, _box in lines:
        starts.append(at)
        at += len(words) + 1  # the page text is its lines joined by newlines
    lowered = body.lower()
    touched: set[int] = set()
    for term in terms:
        needle = term.lower()
        found = lowered.find(needle)
        while found >= 0:
            end = found + len(needle)
            touched.update(n for n, begin in enumerate(starts) if begin < end and found < begin + len(lines[n][0]))
            found = lowered.find(needle, found + 1)
    return tuple(lines[n][1] for n in sorted(touched))
