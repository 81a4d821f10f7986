"""OCR throughput: the queue (``work_queue``, what ``egov-desk-cli ocr`` runs: the file from the vault, the scanned
PDF's page images taken out by pypdf, OCR, the pages written with their state in one transaction per file) against
RapidOCR called directly on the same page images, in the same run. Goal: ≥ 0.8× the direct pages/s.

The pages: A4 at 150 dpi (1240×1754, grey), 24 lines of seed-like Chinese each, in one scanner-like PDF (img2pdf).
``python -m bench.ocr`` measures and writes its row into bench/RESULTS.md."""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import ROOT, Figure

PAGES = 4
RUNS = 3
SIZE = (1240, 1754)
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def page_images(folder: Path) -> list[Path]:
    from PIL import Image, ImageDraw, ImageFont

    from bench.search import sentences

    chosen = random.Random(17)
    said = [s for s in sentences() if len(s) <= 36]
    font = ImageFont.truetype(FONT, 30)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(PAGES):
        image = Image.new("L", SIZE, 255)
        draw = ImageDraw.Draw(image)
        for row in range(24):
            draw.text((100, 120 + row * 62), chosen.choice(said), font=font, fill=0)
        path = folder / f"page-{number}.png"
        image.save(path)
        paths.append(path)
    return paths


def bench_ocr(work: Path) -> list[Figure]:
    import img2pdf
    import numpy
    from PIL import Image

    from egov_desk.core.evidence_text.ocr_engine import RapidEngine
    from egov_desk.core.evidence_text.worker import work_queue
    from egov_desk.core.workspace import Workspace

    images = page_images(work / "pages")
    scan = work / "扫描件.pdf"
    scan.write_bytes(img2pdf.convert([str(p) for p in images]))

    from rapidocr_onnxruntime import RapidOCR

    direct = RapidOCR(print_verbose=False)
    arrays = [numpy.asarray(Image.open(p).convert("RGB"))[:, :, ::-1] for p in images]
    direct(arrays[0])  # warm up: the models loaded, the first run's allocations made
    engine = RapidEngine()
    engine.read(Image.open(images[0]))  # the same warm-up
    direct_runs, queue_runs, found = [], [], 0
    for run in range(RUNS):  # taken in turns, so a neighbour's load falls on both alike
        start = time.perf_counter()
        for array in arrays:
            direct(array)
        direct_runs.append(time.perf_counter() - start)
        workspace = Workspace.open(work / f"ocr-ws-{run}")
        try:
            assessment = workspace.default_assessment().id
            workspace.evidence.attach(assessment, "001", [scan])
            start = time.perf_counter()
            worked = work_queue(workspace, engine)
            queue_runs.append(time.perf_counter() - start)
            assert worked.done == 1
            found = len(workspace.evidence_text.search("电子政务", assessment))
        finally:
            workspace.close()
    direct_s, queue_s = statistics.median(direct_runs), statistics.median(queue_runs)
    ours, baseline = PAGES / queue_s, PAGES / direct_s
    ratio = ours / baseline
    return [
        Figure(
            f"OCR of a {PAGES}-page scanned PDF (A4, 150 dpi, Chinese) through the queue",
            ours,
            baseline,
            "pages/s",
            ratio,
            "≥ 0.8×",
            ratio >= 0.8,
            f"vs RapidOCR called directly on the same page images, median of {RUNS} runs each in turn; {found} "
            "pages found by 电子政务 after",
        )
    ]


def main() -> None:
    from bench.results import table, write_results

    work = Path(tempfile.mkdtemp(prefix="egov-bench-ocr-"))
    try:
        figures = bench_ocr(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(figures))
    write_results(figures, partial=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    main()
