"""Whole commands, as a person runs them: each row times ``egov-desk-cli`` as a process (start, imports, work, exit)
against a baseline command doing the same job, the two run in turns (ours, baseline, ours, …) so that a neighbour's
load falls on both; medians of the paired runs.

python -m bench commands    (or: python -m bench.commands [score|import|checklist|attach] … [--runs N])

The commands run with their byte code cached, as an installed app's are (``PYTHONDONTWRITEBYTECODE`` is dropped
from their environment; the first pair of each row writes it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.figures import MB, ROOT, Figure

ATTACH_MB = 300
RUNS = 5


def cli() -> list[str]:
    """The installed ``egov-desk-cli`` beside this Python (what a person types), else the module."""
    script = Path(sys.executable).parent / "egov-desk-cli"
    return [str(script)] if script.exists() else [sys.executable, "-m", "egov_desk.cli"]


def run(command: Sequence[str] | str, env: dict[str, str]) -> float:
    """Wall time of one whole process (its output thrown away); a string is a shell command line."""
    start = time.perf_counter()
    done = subprocess.run(
        command, shell=isinstance(command, str), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"{command} failed ({done.returncode}):\n{done.stderr.decode(errors='replace')}")
    return elapsed


def paired(
    ours: Callable[[], float], baseline: Callable[[], float], runs: int = RUNS, warm: bool = True
) -> tuple[float, float]:
    """Medians of ``runs`` pairs, ours and the baseline taken in turns (a first pair of each warms the disk cache)."""
    if warm:
        ours(), baseline()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(ours())
        times[1].append(baseline())
    return statistics.median(times[0]), statistics.median(times[1])


def _env(work: Path) -> dict[str, str]:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"), LC_ALL="C.UTF-8", LANG="C.UTF-8"
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its byte code: every run compiling is not it
    return env


def score_row(work: Path, env: dict[str, str], runs: int = 9) -> Figure:
    inputs = work / "inputs.json"
    inputs.write_text(
        json.dumps(
            {
                "items": {
                    "001": {"parts": [{"count": 3}, {"count": 1}]},
                    "021": {"numerator": 7, "denominator": 9},
                    "028": {"rank": 6},
                }
            }
        ),
        encoding="utf-8",
    )
    ours, base = paired(
        lambda: run([*cli(), "score", "--inputs", str(inputs)], env),
        lambda: run([sys.executable, "-c", "import json"], env),
        runs=runs,
    )
    return Figure(
        "egov-desk-cli score --inputs F (whole command)",
        ours * 1000,
        base * 1000,
        "ms",
        ours / base,
        "≤ 3×",
        ours / base <= 3,
        "process start to exit, vs python -c 'import json'",
    )


def import_row(env: dict[str, str], runs: int = RUNS) -> Figure:
    from bench.generate import seed_docx

    table = str(seed_docx())
    ours, base = paired(
        lambda: run([*cli(), "import", table], env),
        lambda: run([sys.executable, "-c", f"import docx; docx.Document({table!r})"], env),
        runs=runs,
    )
    return Figure(
        "egov-desk-cli import of the seed .docx (whole command)",
        ours * 1000,
        base * 1000,
        "ms",
        ours / base,
        "report",
        True,
        "reads the table, its rules and prints the summary, vs python -c 'import docx; docx.Document(F)'",
    )


def checklist_row(work: Path, env: dict[str, str], runs: int = RUNS) -> Figure:
    from egov_desk.core.demo import create_demo_workspace

    create_demo_workspace(work / "demo").close()
    demo = ["--workspace", str(work / "demo")]
    docx_path = work / "checklist.docx"
    subprocess.run(
        [*cli(), "export", "checklist", *demo, "--out", str(docx_path)], check=True, env=env, capture_output=True
    )
    soffice = shutil.which("soffice")
    ours_command = [*cli(), "export", "checklist", *demo, "--out", str(work / "checklist.pdf")]
    if soffice is None:
        ours = statistics.median(run(ours_command, env) for _ in range(runs))
        return Figure(
            "checklist PDF export (whole command)", ours * 1000, None, "ms", None, "≤ 0.5×", False, "no soffice"
        )
    lo = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx_path)]
    ours, base = paired(lambda: run(ours_command, env), lambda: run(lo, env), runs=min(runs, 3))
    return Figure(
        "egov-desk-cli export checklist as PDF (whole command)",
        ours * 1000,
        base * 1000,
        "ms",
        ours / base,
        "≤ 0.5×",
        ours / base <= 0.5,
        "the department checklist (all), vs soffice --headless converting the exported .docx",
    )


def attach_and_package_rows(work: Path, env: dict[str, str], runs: int = RUNS) -> list[Figure]:
    from bench.generate import scan_files
    from egov_desk.core.workspace import Workspace

    scans = scan_files(work / "scans", ATTACH_MB * MB)
    total = sum(p.stat().st_size for p in scans) / MB
    Workspace.open(work / "empty").close()
    openssl = shutil.which("openssl")
    numbers = iter(range(1000))

    def attach() -> float:
        folder = work / f"attach{next(numbers)}"
        shutil.copytree(work / "empty", folder)
        os.sync()  # neither side starts with the other's dirty pages to write back
        elapsed = run([*cli(), "evidence", "add", "--item", "035", "--workspace", str(folder), *map(str, scans)], env)
        shutil.rmtree(folder)
        return elapsed

    def copy_and_hash() -> float:
        target = work / "copied"
        os.sync()
        elapsed = run(f"cp -r '{work / 'scans'}' '{target}' && '{openssl}' dgst -sha256 '{target}'/*", env)
        shutil.rmtree(target)
        return elapsed

    def copy_hash_and_sync() -> float:  # the copies made durable, as the vault makes each: the disk's own pace
        target = work / "copied"
        os.sync()
        elapsed = run(f"cp -r '{work / 'scans'}' '{target}' && '{openssl}' dgst -sha256 '{target}'/* && sync", env)
        shutil.rmtree(target)
        return elapsed

    ours, base = paired(attach, copy_and_hash, runs) if openssl else (attach(), None)
    durable = paired(copy_hash_and_sync, copy_and_hash, max(3, runs // 2))[0] if openssl else None
    rows = [
        Figure(
            f"egov-desk-cli evidence add of {total:.0f} MB of scans (whole command, throughput)",
            total / ours,
            total / base if base else None,
            "MB/s",
            base / ours if base else None,
            "≥ 0.8×",
            bool(base and base / ours >= 0.8),
            "copy+hash+fsync+rename and a row per file, vs cp -r + openssl dgst -sha256 of the same files"
            + (f"; {durable / ours:.2f}× the same with sync after (the copies durable, as ours)" if durable else ""),
        )
    ]
    packed = work / "packed"
    shutil.copytree(work / "empty", packed)
    subprocess.run(
        [*cli(), "evidence", "add", "--item", "035", "--workspace", str(packed), *map(str, scans)],
        check=True,
        env=env,
        capture_output=True,
    )

    def package() -> float:
        out = work / "package.zip"
        elapsed = run([*cli(), "export", "package", "--workspace", str(packed), "--out", str(out)], env)
        out.unlink()
        return elapsed

    def zip_folder() -> float:
        out = work / "base.zip"
        elapsed = run(["zip", "-0", "-r", "-q", str(out), str(work / "scans")], env)
        out.unlink()
        return elapsed

    ours, base = paired(package, zip_folder, runs)
    rows.append(
        Figure(
            f"egov-desk-cli export package of {total:.0f} MB (whole command, throughput)",
            total / ours,
            total / base,
            "MB/s",
            base / ours,
            "≥ 0.8×",
            base / ours >= 0.8,
            "ZIP (stored) with index and SHA256SUMS, vs zip -0 -r of the same files",
        )
    )
    return rows


ROWS = ("score", "import", "checklist", "attach")  # attach: evidence add and the package export of its files


def bench_commands(work: Path, rows: Sequence[str] = ROWS, runs: int = RUNS) -> list[Figure]:
    """The chosen rows; ``runs`` pairs each (the score row: at least 9, the checklist's LibreOffice: 3)."""
    work = work / "commands"  # beside the other benchmarks' scans and workspaces, never in them
    work.mkdir()
    env = _env(work)
    figures = []
    if "score" in rows:
        figures.append(score_row(work, env, max(runs, 9)))
    if "import" in rows:
        figures.append(import_row(env, runs))
    if "checklist" in rows:
        figures.append(checklist_row(work, env, runs))
    if "attach" in rows:
        figures += attach_and_package_rows(work, env, runs)
    return figures


if __name__ == "__main__":
    from bench.results import table

    parser = argparse.ArgumentParser(prog="python -m bench.commands", description=__doc__.split("\n")[0])
    parser.add_argument("rows", nargs="*", metavar="ROW", help=f"some of {', '.join(ROWS)} (default: all)")
    parser.add_argument("--runs", type=int, default=RUNS, help="paired runs per row (after a first pair)")
    options = parser.parse_args()
    if unknown := set(options.rows) - set(ROWS):
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-commands-"))
    try:
        print(table(bench_commands(folder, options.rows or ROWS, options.runs)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
