"""bench/RESULTS.md: the table of figures, the machine and commit they were measured on, and the notes kept by hand.

A run of some benchmarks only (``python -m bench packages server``) replaces their rows and keeps the others, and
the head says which rows this run measured and when the others were."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime
from pathlib import Path

from bench.figures import ROOT, Figure

RESULTS = ROOT / "bench" / "RESULTS.md"
NOTES_MARK = "\n<!-- notes below are kept by hand -->\n"
HEAD = "| figure | ours | baseline | ratio | goal | met | how |"


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    from PySide6 import __version__ as pyside

    return (
        f"{platform.system()} {platform.release()} · {os.cpu_count()} cores · {cpu} · Python "
        f"{platform.python_version()} · PySide6 {pyside}"
    )


def commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return result.stdout.strip() or "unknown"


def row(f: Figure) -> str:
    base = f"{f.baseline:.1f} {f.unit}" if f.baseline is not None else "—"
    ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
    met = "yes" if f.met else "**no**"
    return f"| {f.name} | {f.ours:.1f} {f.unit} | {base} | {ratio} | {f.goal} | {met} | {f.note} |"


def table(figures: list[Figure]) -> str:
    return "\n".join([HEAD, "|---|---|---|---|---|---|---|", *(row(f) for f in figures)])


def _name(line: str) -> str:
    return line.split("|")[1].strip()


def write_results(figures: list[Figure], partial: bool) -> None:
    """Write the table; a ``partial`` run keeps the rows it did not measure, and says so."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    top, kept = old.split(NOTES_MARK, 1) if NOTES_MARK in old else (old, "")
    now = f"{datetime.now():%Y-%m-%d %H:%M} · commit {commit()} · {machine()}"
    rows = [row(f) for f in figures]
    if partial and HEAD in top:
        measured = {f.name for f in figures}
        old_rows = [line for line in top.splitlines() if line.startswith("| ") and line != HEAD]
        rows = [
            line if _name(line) not in measured else row(next(f for f in figures if f.name == _name(line)))
            for line in old_rows
        ]
        rows += [row(f) for f in figures if f.name not in {_name(line) for line in old_rows}]
        now = (
            f"{now}\n\nRows measured in this run: {', '.join(f.name for f in figures)}. The other rows keep the "
            "figures of earlier runs (`git log -p bench/RESULTS.md` says when each was measured)."
        )
    head = (
        f"# Benchmark results\n\n{now}\n\n"
        "Medians of several runs; each baseline measured in the same run on the same machine. "
        "Regenerate with `make bench`.\n\n"
    )
    body = "\n".join([HEAD, "|---|---|---|---|---|---|---|", *rows])
    RESULTS.write_text(head + body + "\n" + NOTES_MARK + kept, encoding="utf-8")
