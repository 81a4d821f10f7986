"""装订成册 of 300 evidence pages against the tools a person would use instead: ``qpdf --empty --pages … --`` joining
the same PDF files (and ``pdfunite``, reported beside it), in the same run. The evidence is real: 30 scanned PDFs of
8 A4 pages each (200 dpi grey JPEG pages, made with img2pdf as a scanner would) and 30 born-digital PDFs of 2 pages,
attached to ten items of the 2019 system. The binder does more than join — cover, table of contents, a separator
per item, a stamp on every page, bookmarks — and its time includes all of it.

A second row: the peak memory of ``egov-desk-cli export binder`` over 300 PNG scans (one page each), against the
same command binding an item with no evidence: images are read one at a time, so it stays flat.

Ours and qpdf are timed in pairs, taking turns (which one goes first alternates), so a load that comes and goes on
the machine falls on both; the ratio is the median of the pairs' ratios, and each side's CPU time is given beside.

python -m bench.binder [--pairs N] [--binder-only] [--print-only]  (rows into bench/RESULTS.md, the others kept)"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.figures import ROOT, Figure, run_process, timed

RUNS = 5
PAIRS = 9
SCANNED, SCANNED_PAGES, BORN, BORN_PAGES = 30, 8, 30, 2


def _scan_page(number: int) -> bytes:
    """One A4 page at 200 dpi, grey, lines of 'text' and a little noise: a JPEG like a scanner's."""
    from PIL import Image, ImageDraw, ImageFilter

    page = Image.new("L", (1654, 2339), 246)
    draw = ImageDraw.Draw(page)
    for line in range(48):
        top = 180 + line * 42
        length = 1200 - (number * 37 + line * 53) % 500
        draw.rectangle((160, top, 160 + length, top + 18), fill=60)
    page = page.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _born_digital(path: Path, number: int) -> None:
    import pypdf
    from pypdf.generic import ContentStream, DecodedStreamObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    for page_number in range(BORN_PAGES):
        page = writer.add_blank_page(595, 842)
        text = f"BT /F1 12 Tf 72 760 Td (Document {number} page {page_number + 1}) Tj ET".encode()
        stream = DecodedStreamObject()
        stream.set_data(text)
        page[NameObject("/Contents")] = writer._add_object(ContentStream(stream, writer))
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    with path.open("wb") as handle:
        writer.write(handle)


def evidence(folder: Path) -> list[Path]:
    import img2pdf

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(SCANNED):
        path = folder / f"扫描件{number + 1:03d}.pdf"
        pages = [_scan_page(number * SCANNED_PAGES + n) for n in range(SCANNED_PAGES)]
        path.write_bytes(img2pdf.convert(pages))
        paths.append(path)
    for number in range(BORN):
        path = folder / f"文件{number + 1:03d}.pdf"
        _born_digital(path, number)
        paths.append(path)
    return paths


def _qpdf(files: list[Path], out: Path) -> None:
    subprocess.run(["qpdf", "--empty", "--pages", *map(str, files), "--", str(out)], check=True)


def _pdfunite(files: list[Path], out: Path) -> None:
    subprocess.run(["pdfunite", *map(str, files), str(out)], check=True)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # this process's CPU time and its children's (qpdf runs as a child)


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timing(action: Callable[[], object]) -> Timing:
    cpu, start = _cpu(), time.perf_counter()
    action()
    return Timing(time.perf_counter() - start, _cpu() - cpu)


def paired(ours: Callable[[], object], baseline: Callable[[], object], pairs: int) -> list[tuple[Timing, Timing]]:
    """``pairs`` timings of each, taking turns: ours first in even pairs, the baseline first in odd ones."""
    ours(), baseline()  # warm: files in the page cache, imports done
    taken = []
    for number in range(pairs):
        if number % 2 == 0:
            mine = _timing(ours)
            theirs = _timing(baseline)
        else:
            theirs = _timing(baseline)
            mine = _timing(ours)
        taken.append((mine, theirs))
    return taken


def bench_binder(work: Path, pairs: int = PAIRS, memory: bool = True) -> list[Figure]:
    from egov_desk.core.binder import Scope, build_binder
    from egov_desk.core.workspace import Workspace
    from egov_desk.render.binder import write_binder
    from egov_desk.render.headless import ensure_app

    ensure_app()
    files = evidence(work / "evidence")
    workspace = Workspace.open(work / "ws")
    assessment = workspace.default_assessment().id
    codes = [item.code for item in workspace.system_now(workspace.assessment(assessment).system_id).items()][:10]
    attached: list[Path] = []
    for number, code in enumerate(codes):
        mine = files[number::10]
        workspace.evidence.attach(assessment, code, mine)
        attached.extend(mine)
    binder = build_binder(workspace, assessment, Scope("unit"))
    ordered = [Path(str(f.path)) for item in binder.items for f in item.files]
    pages = SCANNED * SCANNED_PAGES + BORN * BORN_PAGES
    out = work / "binder.pdf"
    taken = paired(lambda: write_binder(binder, out), lambda: _qpdf(ordered, work / "qpdf.pdf"), pairs)
    ours = statistics.median(mine.wall for mine, _ in taken)
    qpdf = statistics.median(theirs.wall for _, theirs in taken)
    ratios = sorted(theirs.wall / mine.wall for mine, theirs in taken)
    ratio = statistics.median(ratios)
    cpu_ours = statistics.median(mine.cpu for mine, _ in taken)
    cpu_qpdf = statistics.median(theirs.cpu for _, theirs in taken)
    written = write_binder(binder, out)
    unite = statistics.median(timed(lambda: _pdfunite(ordered, work / "unite.pdf")) for _ in range(RUNS))
    workspace.close()
    figures = [
        Figure(
            f"binder of {pages} evidence pages (joined, stamped, bookmarked)",
            pages / ours,
            pages / qpdf,
            "pages/s",
            ratio,
            "≥ 0.8×",
            ratio >= 0.8,
            f"write_binder of the unit ({written.pages} pages with cover, contents and separators) vs "
            f"qpdf --empty --pages of the same {len(ordered)} PDFs, {pairs} pairs taking turns: median "
            f"{ours * 1000:.0f} vs {qpdf * 1000:.0f} ms, the pairs' ratios {ratios[0]:.2f}–{ratios[-1]:.2f}×, "
            f"CPU {cpu_ours * 1000:.0f} vs {cpu_qpdf * 1000:.0f} ms; pdfunite: {pages / unite:.0f} pages/s",
        )
    ]
    if memory:
        figures.append(_png_memory(work))
    return figures


def _peak_kb(args: list[str]) -> int:
    """The command's peak resident memory, by GNU time: a child of this (large) process would inherit its high-water
    mark (bench/measure.py's getrusage reads the parent's peak after a fork), a child of time starts small."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if not Path("/usr/bin/time").exists():
        return run_process(args, env)[1]
    timed_run = ["/usr/bin/time", "-f", "PEAK_KB %M", sys.executable, *args]
    done = subprocess.run(timed_run, capture_output=True, text=True, env=env, check=True)
    return int(done.stderr.rsplit("PEAK_KB", 1)[1].split()[0])


def _png_memory(work: Path) -> Figure:
    """Peak memory of the command binding 300 PNG scans, against the same command binding an empty item."""
    from PIL import Image

    from egov_desk.core.workspace import Workspace

    scans = work / "png-scans"
    scans.mkdir()
    for number in range(300):
        page = Image.new("L", (1654, 2339), 240 - number % 40)
        page.save(scans / f"第{number + 1:03d}页.png", optimize=False, compress_level=1)
    folder = work / "png-ws"
    workspace = Workspace.open(folder)
    assessment = workspace.default_assessment().id
    workspace.evidence.attach(assessment, "001", sorted(scans.iterdir()))
    workspace.close()
    command = ["-m", "egov_desk.cli", "export", "binder", "--workspace", str(folder), "--out"]
    full = _peak_kb([*command, str(work / "png.pdf"), "--item", "001"])
    empty = _peak_kb([*command, str(work / "empty.pdf"), "--item", "002"])
    return Figure(
        "peak memory, binder of 300 PNG scans (A4, 200 dpi)",
        full / 1024,
        empty / 1024,
        "MB",
        full / empty,
        "report",
        True,
        "egov-desk-cli export binder --item over 300 one-page PNGs vs the same command for an item without files",
    )


def main() -> None:
    from bench.results import table, write_results

    parser = argparse.ArgumentParser(prog="python -m bench.binder", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=PAIRS, help="timings of each, taking turns (default %(default)s)")
    parser.add_argument("--binder-only", action="store_true", help="leave out the peak memory of 300 PNG scans")
    parser.add_argument("--print-only", action="store_true", help="print the rows, leave bench/RESULTS.md alone")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="egov-bench-binder-"))
    try:
        figures = bench_binder(work, options.pairs, memory=not options.binder_only)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(figures))
    if not options.print_only:
        write_results(figures, partial=True)


if __name__ == "__main__":
    main()
