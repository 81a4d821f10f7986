"""Write docs/reliability.md from the figures the reliability suite leaves behind.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/reliability -q
    .venv/bin/python tools/reliability_report.py [build/reliability/figures.json] [--baseline OLD.json]

``--baseline`` adds the same table for an earlier run (e.g. the suite run against the code before the fixes with
``EGOV_DESK_UNDER_TEST=/path/to/old/tree``), so the page shows what the fixes changed.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "build" / "reliability" / "figures.json"
PAGE = ROOT / "docs" / "reliability.md"

# Columns of the table: a heading and the verdicts it counts.
COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cases", ()),
    ("clean successes", ("ok",)),
    ("clean refusals", ("refused", "failed")),
    ("killed, nothing lost", ("killed",)),
    ("crashes", ("crash",)),
    ("hangs", ("hang",)),
    ("memory blow-ups", ("memory",)),
    ("losses", ("lost",)),
    ("silent corruptions", ("corrupt",)),
    ("wrong refusals", ("wrong",)),
    ("leftovers", ("leftover",)),
)
BAD = ("crash", "hang", "memory", "lost", "corrupt", "wrong", "leftover")
TEMPORARY = re.compile(r"/tmp/pytest-of-[^/]+/pytest-\d+/[^/ ]+/")
CLASSES = (
    "hostile import",
    "hostile text and names",
    "killed writer",
    "killed exporter",
    "two processes",
    "full or read-only disk",
    "damaged database",
    "damaged vault",
    "Chinese messages",
)


def table(figures: dict[str, Any]) -> list[str]:
    classes: dict[str, dict[str, int]] = figures["classes"]
    order = [c for c in CLASSES if c in classes] + sorted(set(classes) - set(CLASSES))
    lines = [
        "| class | " + " | ".join(name for name, _ in COLUMNS) + " |",
        "|---|" + "---:|" * len(COLUMNS),
    ]
    totals = dict.fromkeys((name for name, _ in COLUMNS), 0)
    for klass in order:
        counts = classes[klass]
        row = []
        for name, verdicts in COLUMNS:
            value = sum(counts.values()) if not verdicts else sum(counts.get(v, 0) for v in verdicts)
            totals[name] += value
            row.append(str(value))
        lines.append(f"| {klass} | " + " | ".join(row) + " |")
    lines.append("| **all** | " + " | ".join(f"**{totals[name]}**" for name, _ in COLUMNS) + " |")
    return lines


def failures(figures: dict[str, Any]) -> list[str]:
    bad = [case for case in figures["cases"] if case["verdict"] in BAD]
    if not bad:
        return ["None: every case ended cleanly."]
    return [
        f"- **{c['klass']} / {c['name']}** — {c['verdict']}: {TEMPORARY.sub('…/', c['detail']) or '(no detail)'}"
        for c in bad
    ]


def page(figures: dict[str, Any], baseline: dict[str, Any] | None) -> str:
    out = [
        "# Reliability: the figures",
        "",
        "What `tests/reliability` (issue 12) does to the app and how it came out. Every case but two runs the",
        "real `egov-desk-cli` in its own process with a 1.5 GB address-space limit and a 60 s wall-clock limit",
        "(the exceptions: the page-count case writes through `Workspace` in the test, and the window cases",
        "start the real app offscreen):",
        "",
        "- **hostile import** — a corpus generated at test time (`tests/reliability/corpus.py`, 5 MB, 4 s): empty,",
        "  junk and renamed files, truncated and damaged ZIPs, ZIP bombs with true and false size headers, billion",
        "  laughs, external entities, a DTD behind a long comment, 100,000-deep XML, a 200,000-row sheet, a table",
        "  beside a huge sheet, 300 sheets, 5,000 ZIP members, path traversal, a GBK file name, formulas, markup,",
        "  template syntax, control characters and emoji — each imported with `--json`, and into a workspace",
        "  when accepted (the hostile text must arrive unchanged);",
        "- **hostile text and names** — notes, unit and filled-in-by holding formulas, markup, template syntax,",
        "  control characters and emoji through the score sheet, report and checklist (no formula from data, the",
        "  text whole); a `--template` reaching for Python's internals or with broken Jinja syntax (refused with",
        "  one line); evidence named `=HYPERLINK(…)`, `<script>`, `{{ 7*7 }}`, with a newline, a bell, emoji,",
        "  243 bytes, GBK bytes; `USER=局长` (the audit must record the OS account);",
        "- **killed writer** — 30 seeded random SIGKILLs of `workspace set`, `evidence add` and `import --into`,",
        "  each at a random moment after the process opened the database (or began copying into the vault);",
        "  after each: `PRAGMA integrity_check`, every acknowledged write present, no batch or import half there,",
        "  no vault file whose bytes do not match its name, and `verify` finds nothing missing or corrupt; and 8",
        "  SIGKILLs of `backup create` while it copies (every listed backup a sound database);",
        "- **killed exporter** — `export package`, `sheet` and `report` killed at a random moment after their",
        "  temporary file appeared: never a half file under the real name, and the next export leaves no",
        "  temporary files beside it;",
        "- **two processes** — two processes setting the first input of the same 12 items at the same instant;",
        "  two writers interleaving 80 notes (every write succeeds or is refused cleanly, every acknowledged",
        "  write is stored, one audit entry each); the real window holding its workspace (`workspace status",
        "  --json` names it), a second window beside it, and a write after the holder was killed; `evidence add`",
        "  while `verify --clean` runs in another process (nothing added meanwhile is removed);",
        "- **full or read-only disk** — a small tmpfs (root) or SQLite's `max_page_count`: `workspace init`",
        "  leaves nothing, a write is refused and changes nothing, reading and exporting work, evidence add",
        "  leaves no orphan; the same tmpfs remounted read-only reads and exports and refuses writes;",
        "- **damaged database** — zero-byte, truncated, junk, junk after a valid header, and a missing database",
        "  next to a full vault: five commands each (score, set, evidence list, verify --clean, export) exit 1",
        "  with one line and create or change nothing, the vault included;",
        "- **damaged vault** — a stored file with other bytes of the same size, truncated, emptied or missing:",
        "  `verify` names it (exit 1), adding the original again repairs it; a package export past a missing",
        "  file writes the rest, names the missing one and exits 1 (its message is several lines, by design);",
        "- **Chinese messages** — 13 of the refusals above provoked again under `LC_MESSAGES=zh_CN.UTF-8` with",
        "  ASCII paths: the message must be Chinese (a library's or the OS's detail in brackets aside).",
        "",
        "A clean refusal is exit 2 (refused input) or 1 (cannot be done) with one line and no traceback; a",
        "crash is a traceback, a signal or any other status; a hang is the time limit passing; a loss is an",
        "acknowledged write or a stored file gone; a silent corruption is a wrong result reported as right",
        "(a half file under its real name, a changed damaged database, text changed on import); a wrong refusal",
        "turns down a valid request or gives a wrong reason; leftovers are temporary files the next run does not",
        "clean up.",
        "",
        f"## This run — {figures['date']}",
        "",
        f"Machine: {figures['machine']}. Wall time {figures['seconds']:.0f} s.",
        "",
        *table(figures),
        "",
        "### Cases that did not end cleanly",
        "",
        *failures(figures),
        "",
    ]
    if baseline:
        out += [
            f"## Before the fixes — {baseline['date']}",
            "",
            "The same suite run against the code as it was when issue 12 was filed (commit 3a05bcc), with",
            f"`EGOV_DESK_UNDER_TEST` pointing at that tree. Machine: {baseline['machine']}. The window-lock and",
            "backup cases are missing here: that code has no `workspace status` and no `backup` command.",
            "",
            *table(baseline),
            "",
            "### Cases that did not end cleanly then",
            "",
            *failures(baseline),
            "",
        ]
    out += [
        "## Running it",
        "",
        "```sh",
        "QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/reliability -q  # build/reliability/figures.json",
        ".venv/bin/python tools/reliability_report.py                                 # rewrites this page",
        "```",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("figures", nargs="?", type=Path, default=FIGURES)
    parser.add_argument("--baseline", type=Path, help="figures of an earlier run to show beside this one")
    parser.add_argument("--out", type=Path, default=PAGE)
    args = parser.parse_args(argv)
    figures = json.loads(args.figures.read_text(encoding="utf-8"))
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    args.out.write_text(page(figures, baseline), encoding="utf-8")
    print(f"{args.out}: {sum(sum(c.values()) for c in figures['classes'].values())} cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
