"""Two processes on one workspace: a first input of the same item set by both at the same instant, and two
writers interleaving many writes. Every write either succeeds or is refused cleanly; every acknowledged write is
in the database; the audit log has one entry per acknowledged write."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import CWD, cli_env, run_cli
from tests.reliability.workspaces import integrity, query

KLASS = "two processes"
CODES = ("004", "008", "012", "013", "014", "015", "016", "017", "018", "022", "023", "024")  # manual scores

pytestmark = pytest.mark.slow


def run_together(tmp_path: Path, plans: list[list[list[str]]], every: float) -> list[list[dict[str, Any]]]:
    """Start one runner per plan; all begin their first command at the same moment; return each one's results."""
    start = time.time() + 3.0  # time enough for both to import everything first
    runners = []
    for number, commands in enumerate(plans):
        plan = tmp_path / f"plan{number}.json"
        plan.write_text(json.dumps({"start": start, "every": every, "commands": commands}), encoding="utf-8")
        runners.append(
            subprocess.Popen(
                [sys.executable, "-m", "tests.reliability.cli_runner", str(plan)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=cli_env(),
                cwd=CWD,
                text=True,
            )
        )
    results = []
    for runner in runners:
        out, err = runner.communicate(timeout=120)
        assert runner.returncode == 0, err[-2000:]
        results.append([json.loads(line) for line in out.splitlines()])
    return results


def verdict_of(result: dict[str, Any]) -> str:
    if result["crashed"] or "Traceback" in result["stderr"]:
        return "crash"
    if result["status"] == 0:
        return "ok"
    lines = result["stderr"].strip().splitlines()
    if result["status"] in (1, 2) and len(lines) == 1:
        return "refused" if result["status"] == 2 else "failed"
    return "crash"


def new_workspace(folder: Path) -> Path:
    made = run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位")
    assert made.outcome == "ok", made.describe()
    return folder


def set_inputs(folder: Path) -> dict[str, list[Any]]:
    """Item code → the inputs the audit log records as set, in order."""
    audited: dict[str, list[Any]] = {}
    for code, after in query(folder, "SELECT item_code, after FROM audit WHERE action = 'set_input' ORDER BY id"):
        audited.setdefault(str(code), []).append(json.loads(str(after)))
    return audited


def test_two_processes_setting_the_first_input_of_one_item_at_once_both_succeed(
    tmp_path: Path, figures: Figures
) -> None:
    folder = new_workspace(tmp_path / "ws")
    plans = [
        [["workspace", "set", "--workspace", str(folder), code, json.dumps({"score": value})] for code in CODES]
        for value in (0.5, 1.0)
    ]
    first, second = run_together(tmp_path, plans, every=0.4)
    failures = []
    audited = set_inputs(folder)
    stored = {
        str(code): json.loads(str(value))
        for code, value in query(
            folder,
            "SELECT items.code, item_inputs.input FROM item_inputs JOIN items ON items.id = item_inputs.item_id",
        )
    }
    for code, a, b in zip(CODES, first, second, strict=True):
        verdicts = [verdict_of(a), verdict_of(b)]
        acked = [r for r, v in zip((a, b), verdicts, strict=True) if v == "ok"]
        problems = [r["stderr"].strip().splitlines()[-1] for r, v in zip((a, b), verdicts, strict=True) if v != "ok"]
        lost = []
        if len(audited.get(code, [])) != len(acked):
            lost.append(f"{len(acked)} writes acknowledged, {len(audited.get(code, []))} in the audit log")
        if acked and stored.get(code) not in ({"score": 0.5}, {"score": 1.0}):
            lost.append(f"stored {stored.get(code)} after both wrote")
        worst = next((v for v in ("crash", "failed", "refused") if v in verdicts), "ok")
        worst = "wrong" if worst in ("failed", "refused") else worst  # both requests were valid
        verdict = "lost" if lost else worst
        details = "; ".join(problems + lost)
        figures.record(KLASS, f"first input of {code} from two processes at once", verdict, details[:500])
        if verdicts != ["ok", "ok"] or lost:
            failures.append(f"{code}: {verdicts}: {details}")
    assert integrity(folder) == "ok"
    assert not failures, "both processes must succeed (or one be retried), never a traceback:\n" + "\n".join(failures)


def test_two_writers_interleaving_many_writes_lose_none(tmp_path: Path, figures: Figures) -> None:
    folder = new_workspace(tmp_path / "ws")
    writes = 40
    plans = []
    for writer in ("A", "B"):
        plans.append(
            [
                ["workspace", "note", "--workspace", str(folder), CODES[i % len(CODES)], f"{writer}{i} 备注"]
                for i in range(writes)
            ]
        )
    results = run_together(tmp_path, plans, every=0.0)
    notes = [str(row[0]) for row in query(folder, "SELECT after FROM audit WHERE action = 'set_note'")]
    failures = []
    for writer, outcomes in zip(("A", "B"), results, strict=True):
        for i, result in enumerate(outcomes):
            verdict = verdict_of(result)
            text = f"{writer}{i} 备注"
            audited = sum(1 for note in notes if text in json.loads(note) if isinstance(json.loads(note), str))
            if verdict == "ok" and audited != 1:
                verdict = "lost"
                failures.append(f"{text}: acknowledged, {audited} audit entries")
            elif verdict != "ok":
                failures.append(f"{text}: {verdict}: {result['stderr'].strip()[-300:]}")
                verdict = "wrong" if verdict in ("failed", "refused") else verdict  # every note was valid
            figures.record(KLASS, f"interleaved note {text}", verdict, result["stderr"].strip()[-300:])
    final = dict(
        query(
            folder,
            "SELECT items.code, item_inputs.note FROM item_inputs JOIN items ON items.id = item_inputs.item_id",
        )
    )
    last_audited = {}
    for code, after in query(folder, "SELECT item_code, after FROM audit WHERE action = 'set_note' ORDER BY id"):
        last_audited[code] = json.loads(str(after))
    assert integrity(folder) == "ok"
    assert {c: final.get(c) for c in last_audited} == last_audited, "a stored note is not the last one audited"
    assert not failures, "\n".join(failures)
