"""Every refusal the reliability cases provoke reads in Chinese under a Chinese locale: the CLI follows the
locale, and the window shows the same words. Paths here are ASCII, so any Chinese comes from the wording."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.corpus import CORPUS
from tests.reliability.figures import Figures
from tests.reliability.harness import Run, run_cli
from tests.reliability.workspaces import DATABASE, sha256, vault_files

KLASS = "Chinese messages"
CHINESE = {"LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C.UTF-8"}  # C.UTF-8: no Qt locale warning
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")  # three English words in a row
DETAIL = re.compile(r"[（(][^）)]*[）)]")  # a technical detail in brackets (the OS's or a library's words)

pytestmark = pytest.mark.slow


def workspace(home: Path) -> Path:
    folder = home / "ws"
    if not folder.exists():
        assert run_cli("workspace", "init", "--workspace", folder, "--unit", "unit").outcome == "ok"
    return folder


def hostile(name: str) -> Callable[[Path], list[str | Path]]:
    [entry] = [h for h in CORPUS if h.name == name]

    def command(home: Path) -> list[str | Path]:
        folder = home / name
        folder.mkdir()
        return ["import", entry.build(folder)]

    return command


def damaged(how: Callable[[Path], None]) -> Callable[[Path], list[str | Path]]:
    def command(home: Path) -> list[str | Path]:
        folder = workspace(home)
        how(folder / DATABASE)
        return ["workspace", "score", "--workspace", folder]

    return command


def missing_evidence(home: Path) -> list[str | Path]:
    return ["evidence", "add", "--workspace", workspace(home), "--item", "002", home / "nofile.pdf"]


def impossible_input(home: Path) -> list[str | Path]:
    return ["workspace", "set", "--workspace", workspace(home), "021", '{"numerator": 7, "denominator": 0}']


def package_past_missing_file(home: Path) -> list[str | Path]:
    folder = workspace(home)
    scan = home / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + random.Random(1).randbytes(1000) + b"\n%%EOF\n")
    assert run_cli("evidence", "add", "--workspace", folder, "--item", "002", scan).outcome == "ok"
    vault_files(folder)[sha256(scan)].unlink()
    return ["export", "package", "--workspace", folder, "--out", home / "package.zip"]


def not_a_template(home: Path) -> list[str | Path]:
    template = home / "template.docx"
    template.write_bytes(random.Random(2).randbytes(3000))
    return ["export", "report", "--workspace", workspace(home), "--out", home / "r.docx", "--template", template]


def unknown_backup(home: Path) -> list[str | Path]:
    return ["backup", "restore", "--workspace", workspace(home), "nosuch.sqlite"]


CASES: dict[str, Callable[[Path], list[str | Path]]] = {
    "junk named .xlsx": hostile("junk-xlsx"),
    "truncated .docx": hostile("truncated-docx-half"),
    "ZIP bomb": hostile("zip-bomb-true-headers"),
    "billion laughs": hostile("billion-laughs-docx"),
    "200,000-row sheet": hostile("huge-sheet-200k-rows"),
    "zero-byte database": damaged(lambda db: db.write_bytes(b"")),
    "junk database": damaged(lambda db: db.write_bytes(random.Random(3).randbytes(db.stat().st_size))),
    "missing database": damaged(lambda db: db.unlink()),
    "evidence file that is not there": missing_evidence,
    "impossible input": impossible_input,
    "package past a missing vault file": package_past_missing_file,
    "a template that is not a Word file": not_a_template,
    "an unknown backup": unknown_backup,
}


def english_left(run: Run) -> list[str]:
    first = run.stderr.strip().splitlines()[0] if run.stderr.strip() else ""
    problems = []
    if not CJK.search(first):
        problems.append(f"not Chinese: {first[:200]}")
    elif found := ENGLISH.findall(DETAIL.sub("", first.replace("egov-desk-cli", ""))):
        problems.append(f"English left in it: {found} in {first[:200]}")
    return problems


@pytest.mark.parametrize("case", list(CASES))
def test_a_refusal_reads_in_chinese_under_a_chinese_locale(case: str, tmp_path: Path, figures: Figures) -> None:
    run = run_cli(*CASES[case](tmp_path), env=CHINESE)
    crashed = "Traceback" in run.stderr or run.returncode is None or run.returncode < 0
    problems = [] if crashed else english_left(run)
    verdict = run.outcome if crashed else "wrong" if problems else "refused" if run.returncode == 2 else "failed"
    if run.returncode == 0:
        verdict, problems = "wrong", ["it succeeded"]
    figures.record(KLASS, case, verdict, "; ".join([run.describe(), *problems])[:500])
    assert not crashed, run.describe()
    assert run.returncode in (1, 2), run.describe()
    assert not problems, problems
