"""A generated hostile corpus, each file imported by the real CLI under a memory ceiling and a time limit.

Every file ends as a clean success (its hostile text kept as text) or a clean refusal (exit 2, one line): never a
crash, a hang, a memory blow-up, a damaged workspace or a file written outside it.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.corpus import CORPUS, Hostile, build_corpus
from tests.reliability.figures import Figures
from tests.reliability.harness import Run, run_cli
from tests.reliability.workspaces import changes, integrity, query, snapshot

KLASS = "hostile import"
pytestmark = pytest.mark.slow
BUDGET = 20  # seconds: an import may take this long; the hang detector waits 60
ESCAPES = (Path("/tmp/egov-desk-escaped.txt"), Path("/etc/egov-desk-absolute.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reads(corpus: dict[str, Path]) -> dict[str, Run]:
    """`import FILE --json` of every file, two at a time (the machine has two cores)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda name: run_cli("import", corpus[name], "--json"), list(corpus))
        return dict(zip(corpus, runs, strict=True))


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One workspace the importable files go into (each under its own system key)."""
    folder = tmp_path_factory.mktemp("into") / "ws"
    created = run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位")
    assert created.outcome == "ok", created.describe()
    return folder


def strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings(value)]
    return []


def kept(run: Run, texts: tuple[str, ...]) -> list[str]:
    """The texts an import printed as JSON lost or changed."""
    try:
        printed = strings(json.loads(run.stdout))
    except json.JSONDecodeError:
        return ["(the output is not JSON)"]
    return [text for text in texts if not any(text in s for s in printed)]


@pytest.mark.parametrize("hostile", CORPUS, ids=[h.name for h in CORPUS])
def test_a_hostile_file_is_imported_or_refused_cleanly(
    hostile: Hostile, corpus: dict[str, Path], reads: dict[str, Run], target: Path, figures: Figures
) -> None:
    path, read = corpus[hostile.name], reads[hostile.name]
    verdict, detail = read.outcome, read.describe()
    problems = [] if read.clean else [detail]
    if read.outcome == "ok":
        if missing := kept(read, hostile.keeps):
            verdict, detail = "corrupt", f"text changed on import: {missing}"
            problems.append(detail)
        before_systems = len(query(target, "SELECT id FROM indicator_systems"))
        before = snapshot(target)
        into = run_cli("import", path, "--into", target, "--accept")
        if not into.clean:
            verdict, detail = into.outcome, into.describe()
            problems.append(detail)
        elif (sound := integrity(target)) != "ok":
            verdict, detail = "corrupt", f"the workspace after --into: {sound}"
            problems.append(detail)
        elif into.outcome == "ok" and len(query(target, "SELECT id FROM indicator_systems")) != before_systems + 1:
            verdict, detail = "lost", "--into said ok but no system was added"
            problems.append(detail)
        elif into.outcome != "ok" and (changed := changes(before, snapshot(target))):
            verdict, detail = "corrupt", f"a refused --into changed the workspace: {changed[:3]}"
            problems.append(detail)
    if escaped := [str(p) for p in ESCAPES if p.exists()]:
        verdict, detail = "corrupt", f"a ZIP member was written outside: {escaped}"
        problems.append(detail)
    figures.record(KLASS, hostile.name, verdict, detail)
    assert not problems, "\n".join(problems)
    if hostile.expect != "either":
        assert read.outcome == hostile.expect, f"expected {hostile.expect}: {read.describe()}"
    assert read.seconds < BUDGET, f"{read.seconds:.1f} s for one file: over the import budget of {BUDGET} s"
