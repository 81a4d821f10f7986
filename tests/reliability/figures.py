"""The suite's figures: every case counted by class and outcome, written to JSON when the session ends.

``tools/reliability_report.py`` turns that JSON into docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.harness import ROOT

FIGURES = Path(os.environ.get("EGOV_RELIABILITY_FIGURES", ROOT / "build" / "reliability" / "figures.json"))

# What a case can end as. The first three are clean; "lost" is an acknowledged write or a file gone, "corrupt" a
# wrong result reported as right (a half file under its real name, a changed database, a mismatching vault file).
# "killed" is a run this suite killed on purpose after which nothing was lost or damaged; "wrong" a refusal of
# a valid request (two writers: one told "not saved" for nothing); "leftover" temporary files never cleaned up.
VERDICTS = ("ok", "refused", "failed", "killed", "crash", "hang", "memory", "lost", "corrupt", "wrong", "leftover")


@dataclass
class Case:
    klass: str
    name: str
    verdict: str
    detail: str = ""


@dataclass
class Figures:
    cases: list[Case] = field(default_factory=list)
    started: float = field(default_factory=time.time)

    def record(self, klass: str, name: str, verdict: str, detail: str = "") -> str:
        assert verdict in VERDICTS, verdict
        # paths from file names that are not UTF-8 carry lone surrogates, which JSON in UTF-8 cannot hold
        detail = detail.encode("utf-8", "replace").decode("utf-8")
        self.cases.append(Case(klass, name, verdict, detail))
        return verdict

    def to_json(self) -> dict[str, object]:
        classes: dict[str, Counter[str]] = {}
        for case in self.cases:
            classes.setdefault(case.klass, Counter())[case.verdict] += 1
        return {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(self.started)),
            "seconds": round(time.time() - self.started, 1),
            "machine": machine(),
            "classes": {name: dict(counts) for name, counts in classes.items()},
            "cases": [case.__dict__ for case in self.cases],
        }

    def write(self, path: Path = FIGURES) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
