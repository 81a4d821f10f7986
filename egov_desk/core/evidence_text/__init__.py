"""The text inside every evidence file (``workspace.evidence_text``): how much is read, search in it, a page's
text with its OCR lines, and what the text says against the assessment (a date outside its year, another unit).

Reading happens elsewhere, in the OCR worker's own process (:mod:`.worker`, ``egov-desk-cli ocr``): nothing here
imports RapidOCR, OpenCV or onnxruntime, so the window may import this module at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from egov_desk.core.evidence_text import queue
from egov_desk.core.evidence_text.search import page_text, search
from egov_desk.core.evidence_text.types import PageText, SearchHit, TextFinding, TextProgress

if TYPE_CHECKING:
    from egov_desk.core.store import Store

__all__ = ["EvidenceText", "PageText", "SearchHit", "TextFinding", "TextProgress"]


class EvidenceText:
    def __init__(self, store: Store) -> None:
        self.store = store

    def progress(self) -> TextProgress:
        """Stored files read, failed, and still waiting (the queue), across the workspace."""
        with self.store.read() as session:
            return queue.progress(session)

    def search(self, query: str, assessment_id: int, limit: int = 200) -> list[SearchHit]:
        """The pages of the assessment's evidence holding every word of ``query`` (one or two characters too): a
        hit per file, page and item link, the best first, at most ``limit``."""
        with self.store.read() as session:
            return search(session, query, assessment_id, limit)

    def page_text(self, sha256: str, page: int) -> PageText | None:
        """The text of a stored file's page (1-based) and, for OCR, its lines with their boxes; None: not read."""
        with self.store.read() as session:
            return page_text(session, sha256, page)

    def findings(self, assessment_id: int, code: str | None = None) -> list[TextFinding]:
        """Dates in the text outside the assessment's year, and another unit's name heading or signing a page: the
        whole assessment's, or only item ``code``'s files (one query: cheap enough when an item is shown)."""
        from egov_desk.core.evidence_text.findings import findings

        with self.store.read() as session:
            return findings(session, assessment_id, code)

    def failed_files(self, assessment_id: int) -> list[tuple[str, str, tuple[str, ...]]]:
        """:meth:`failures` with the codes of the assessment's items holding each file: (name, reason, codes)."""
        with self.store.read() as session:
            return queue.failed_files(session, assessment_id)

    def failures(self) -> list[tuple[str, str]]:
        """The files whose text could not be read: (name, reason as ``english\\nchinese``)."""
        with self.store.read() as session:
            return queue.failures(session)
