"""Search in the evidence text (材料内容): 10,000 pages of seed-like Chinese text (sentences of the 2019 indicator
system's rules and evidence lists, with dates and units' names), 500 files of 20 pages in one assessment, searched
through ``workspace.evidence_text.search`` as the window does — the median of 30 queries each of three characters
(the FTS5 trigram index, ranked by bm25), two and one (the LIKE scan). Goal: ≤ 50 ms.

``python -m bench.search`` measures and writes its rows into bench/RESULTS.md."""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.figures import ROOT, Figure

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

PAGES, PER_FILE, QUERIES = 10_000, 20, 30
GOAL_MS = 50.0
UNITS = ["某某市人民政府办公室", "某某县数据资源局", "市委网信办", "市政务服务中心", "区大数据中心"]


def sentences() -> list[str]:
    from egov_desk.core.templates import template_data

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("rule_text", "evidence_text", "name") and isinstance(value, str):
                    found.extend(s.strip() for s in re.split(r"[。；;\n]", value) if len(s.strip()) >= 6)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(template_data("builtin:2019"))
    return found


def page_text(chosen: random.Random, said: list[str]) -> str:
    lines = [chosen.choice(UNITS) + "文件"]
    lines += [chosen.choice(said) + "。" for _ in range(chosen.randint(18, 30))]
    lines += [
        chosen.choice(UNITS),
        f"{chosen.choice([2018, 2019, 2020])}年{chosen.randint(1, 12)}月{chosen.randint(1, 28)}日",
    ]
    return "\n".join(lines)


def fill(workspace: Workspace, chosen: random.Random, said: list[str]) -> int:
    from sqlalchemy import insert, select

    from egov_desk.core.db.models import Blob, EvidenceFile, EvidenceLink, ItemRow
    from egov_desk.core.evidence_text import queue
    from egov_desk.core.evidence_text.types import ReadPage

    ws = workspace
    assessment = ws.default_assessment().id
    files = []
    for number in range(PAGES // PER_FILE):
        sha256 = f"{number:064x}"
        files.append((sha256, f"材料{number}.pdf"))
    with ws.store.read() as session:
        items = list(session.scalars(select(ItemRow.id).order_by(ItemRow.id)))
        session.execute(insert(Blob), [{"sha256": s, "size": 1, "kind": "pdf"} for s, _ in files])
        session.execute(
            insert(EvidenceFile),
            [
                {"assessment_id": assessment, "sha256": s, "original_name": n, "kind": "pdf", "kind_mismatch": False}
                for s, n in files
            ],
        )
        ids = list(session.scalars(select(EvidenceFile.id).order_by(EvidenceFile.id)))
        session.execute(
            insert(EvidenceLink), [{"file_id": i, "item_id": items[n % len(items)]} for n, i in enumerate(ids)]
        )
        session.commit()
    for sha256, name in files:
        pages = [ReadPage(p, page_text(chosen, said), "pdf") for p in range(1, PER_FILE + 1)]
        queue.record(ws.store, queue.Queued(sha256, name, "pdf"), pages, "bench")
    return assessment


def queries(chosen: random.Random, said: list[str], length: int) -> list[str]:
    found: list[str] = []
    while len(found) < QUERIES:
        sentence = chosen.choice(said)
        start = chosen.randrange(0, max(1, len(sentence) - length))
        word = sentence[start : start + length]
        if len(word) == length and not re.search(r"[\s，、（）()：:“”]", word):
            found.append(word)
    return found


def bench_search(work: Path) -> list[Figure]:
    from egov_desk.core.workspace import Workspace

    chosen = random.Random(2019)
    said = sentences()
    workspace = Workspace.open(work / "search-ws")
    try:
        assessment = fill(workspace, chosen, said)
        figures = []
        for length in (3, 2, 1):
            times, hits = [], []
            words = queries(chosen, said, length)
            workspace.evidence_text.search(words[0], assessment)  # warm the cache
            for word in words:
                start = time.perf_counter()
                hits.append(len(workspace.evidence_text.search(word, assessment)))
                times.append((time.perf_counter() - start) * 1000)
            ms = statistics.median(times)
            how = "FTS5 trigram, bm25" if length >= 3 else "LIKE scan"
            figures.append(
                Figure(
                    f"search {PAGES:,} pages, {length}-character words (median of {QUERIES})",
                    ms,
                    None,
                    "ms",
                    None,
                    f"≤ {GOAL_MS:.0f} ms",
                    ms <= GOAL_MS,
                    f"{how}; slowest {max(times):.0f} ms; median {statistics.median(hits):.0f} hits (limit 200)",
                )
            )
        times = []
        for word in ["鲸鱼", "骆驼", "火山"] * 10:  # on no page: the whole text scanned
            start = time.perf_counter()
            assert not workspace.evidence_text.search(word, assessment)
            times.append((time.perf_counter() - start) * 1000)
        ms = statistics.median(times)
        figures.append(
            Figure(
                f"search {PAGES:,} pages, a 2-character word on no page (median of {QUERIES})",
                ms,
                None,
                "ms",
                None,
                f"≤ {GOAL_MS:.0f} ms",
                ms <= GOAL_MS,
                "LIKE over every page's text: the worst case",
            )
        )
        return figures
    finally:
        workspace.close()


def main() -> None:
    from bench.results import table, write_results

    work = Path(tempfile.mkdtemp(prefix="egov-bench-search-"))
    try:
        figures = bench_search(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(figures))
    write_results(figures, partial=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    main()
