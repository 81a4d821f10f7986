"""The evidence text's checks (a date outside the assessed year, another unit's name) over the 10,000 pages of
bench/search.py (500 files of 20 pages; every page headed by a unit and dated 2018–2020, so most pages are
flagged: the worst case): an item's checks as the window asks them when the item is shown, the whole assessment's,
and the worklist holding them. The baseline is what the checks did before the marks were kept per page (0010):
scanning every page's text for its dates and names in the same run.

``python -m bench.findings`` measures and prints the rows; ``--write`` puts them into bench/RESULTS.md."""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.figures import ROOT, Figure

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

ITEM_GOAL_MS, WHOLE_GOAL_MS = 20.0, 300.0
RUNS = 9


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _scan_every_page(workspace: Workspace, assessment_id: int) -> int:
    """The checks as they were: every page's text read and searched for dates and names."""
    from sqlalchemy import select

    from egov_desk.core.db.models import Assessment, EvidenceFile, EvidenceTextRow
    from egov_desk.core.evidence_text.findings import dates_outside, other_units

    found = 0
    with workspace.store.read() as session:
        assessment = session.get(Assessment, assessment_id)
        assert assessment is not None
        rows = session.execute(
            select(EvidenceTextRow.text)
            .join(EvidenceFile, EvidenceFile.sha256 == EvidenceTextRow.sha256)
            .where(EvidenceFile.assessment_id == assessment_id)
        )
        for (text,) in rows:
            found += len(dates_outside(text, assessment.year)) + len(other_units(text, assessment.unit, set()))
    return found


def bench_findings(work: Path) -> list[Figure]:
    from bench.search import PAGES, fill, sentences
    from egov_desk.core.worklist import worklist
    from egov_desk.core.workspace import Workspace

    workspace = Workspace.open(work / "findings-ws")
    try:
        assessment = fill(workspace, random.Random(2019), sentences())
        text = workspace.evidence_text
        everything = text.findings(assessment)
        codes = sorted({finding.code for finding in everything})
        item_times = [_median_ms(lambda code=code: text.findings(assessment, code), 3) for code in codes[:30]]
        item_ms = statistics.median(item_times)
        whole_ms = _median_ms(lambda: text.findings(assessment))
        scan_ms = _median_ms(lambda: _scan_every_page(workspace, assessment), 3)
        worklist_ms = _median_ms(lambda: worklist(workspace, assessment), 5)
        per_item = len(everything) / max(1, len(codes))
        return [
            Figure(
                f"text checks of one item ({PAGES:,} pages, {len(codes)} items)",
                item_ms,
                scan_ms,
                "ms",
                item_ms / scan_ms,
                f"≤ {ITEM_GOAL_MS:.0f} ms",
                item_ms <= ITEM_GOAL_MS,
                f"median of {len(item_times)} items, about {per_item:.0f} findings each; baseline: scanning the "
                "text of every page (the checks before 0010)",
            ),
            Figure(
                f"text checks of the whole assessment ({PAGES:,} pages)",
                whole_ms,
                scan_ms,
                "ms",
                whole_ms / scan_ms,
                f"≤ {WHOLE_GOAL_MS:.0f} ms",
                whole_ms <= WHOLE_GOAL_MS,
                f"{len(everything):,} findings (nearly every page flagged: the worst case); one query over the marks "
                "kept per page",
            ),
            Figure(
                f"worklist with the text checks ({PAGES:,} pages)",
                worklist_ms,
                None,
                "ms",
                None,
                "read off the UI thread",
                True,
                "every kind of work of the 2019 system's items, the text checks among them",
            ),
        ]
    finally:
        workspace.close()


def main() -> None:
    from bench.results import table, write_results

    work = Path(tempfile.mkdtemp(prefix="egov-bench-findings-"))
    try:
        figures = bench_findings(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(figures))
    if "--write" in sys.argv:
        write_results(figures, partial=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    main()
