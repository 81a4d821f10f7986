"""Reading scores back from a score sheet has an import's budget: a ZIP bomb whose headers lie and a sheet of
300,000 rows are refused by `egov-desk-cli import-scores` in bounded memory (exit 2, one line naming the file,
no traceback), while a real score sheet still gives the same scores.

The CLI runs in a child process under RLIMIT_AS (as tests/core/importing/bounded.py does), so a reader that
regresses to loading everything fails instead of eating the machine; the timeout is only the hang detector."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.exports.score_import import read_scores
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.workspace import Workspace
from tests.core.importing.bounded import PEAK
from tests.core.importing.hostile_files import false_size_bomb

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MB = 600  # address space of the child; the reader that loaded everything hit it (MemoryError) on the bomb
PEAK_MB = 400  # resident memory: the bomb is refused at about 210 MB (its 64 MB part cap), the long sheet at 65
SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_demo_workspace(tmp_path / "demo")
    yield workspace
    workspace.close()


def cli_in_a_child(args: list[str], language: str) -> tuple[int, str, int]:
    """`egov-desk-cli ARGS` run as its console script runs it, under RLIMIT_AS: exit code, stderr, peak MB."""
    code = (
        "import atexit, resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT_MB} * 1024 * 1024, {LIMIT_MB} * 1024 * 1024))\n"
        f"atexit.register(lambda: {PEAK})\n"
        "from egov_desk.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "LC_ALL": language, "LANG": language}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the CLI did not finish in 300 s")
    peak = re.search(r"^peak-mb (\d+)$", done.stdout, re.MULTILINE)
    assert peak, done.stdout[-2000:] + done.stderr[-3000:]
    return done.returncode, done.stderr, int(peak.group(1))


def typed_sheet(workspace: Workspace, path: Path) -> Path:
    """The workspace's exported score sheet with scores typed: two taken, one over its maximum, one by a rule."""
    write_score_sheet(workspace, 1, path)
    book = openpyxl.load_workbook(path)
    typed = {"022": 2.5, "008": 9, "021": 3, "004": 5}  # manual; external (was 8.6); a ratio; manual, max 3
    for row in book.active.iter_rows(min_row=3):
        if row[5].value in typed:
            row[9].value = typed[row[5].value]
    book.save(path)
    return path


def rewritten(source: Path, path: Path, sheet: Callable[[bytes], Iterator[bytes]]) -> Path:
    """``source`` with its sheet's XML replaced by ``sheet(original XML)``, streamed into the new package."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != SHEET:
                new.writestr(info.filename, old.read(info))
                continue
            with new.open(SHEET, "w", force_zip64=True) as part:
                for piece in sheet(old.read(info)):
                    part.write(piece)
    return path


def without_dimension(xml: bytes) -> Iterator[bytes]:
    yield re.sub(rb"<dimension [^>]*/>", b"", xml)


def with_rows_added(rows: int) -> Callable[[bytes], Iterator[bytes]]:
    """The sheet without its <dimension>, followed by ``rows`` rows of six random numbers (no row numbers, as
    Excel allows); random, so the package compresses like real data and passes the ZIP-bomb ratio check."""

    def sheet(xml: bytes) -> Iterator[bytes]:
        head, tail = re.sub(rb"<dimension [^>]*/>", b"", xml).split(b"</sheetData>", 1)
        yield head
        chance = random.Random(12)
        for _ in range(rows // 1000):
            yield b"".join(
                b"<row>" + b"".join(b"<c><v>%d</v></c>" % chance.randrange(10**8) for _ in range(6)) + b"</row>"
                for _ in range(1000)
            )
        yield b"</sheetData>" + tail

    return sheet


def test_a_zip_bomb_whose_headers_lie_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    Workspace.open(folder).close()
    bomb = false_size_bomb(tmp_path / "得分表.xlsx")
    code, said, peak = cli_in_a_child(["import-scores", str(bomb), "--workspace", str(folder)], "C.UTF-8")
    assert code == 2, said
    assert said.startswith("egov-desk-cli: 得分表.xlsx: xl/sharedStrings.xml unpacks to more than 64 MB")
    assert said.count("\n") == 1  # one line, no traceback
    assert peak < PEAK_MB
    assert not list(folder.glob("backups/*before-score-import*"))  # refused before any backup is made


def test_a_sheet_of_300000_rows_is_refused_at_5000_in_bounded_memory(tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    workspace = Workspace.open(folder)
    exported = write_score_sheet(workspace, workspace.default_assessment().id, tmp_path / "exported.xlsx")
    workspace.close()
    huge = rewritten(exported, tmp_path / "自评得分表.xlsx", with_rows_added(300_000))
    code, said, peak = cli_in_a_child(["import-scores", str(huge), "--workspace", str(folder)], "zh_CN.UTF-8")
    assert code == 2, said
    assert (
        said == "egov-desk-cli: 自评得分表.xlsx：工作表“自评得分表”超过 5000 行，自评得分表远没有这么多行——已停止读取\n"
    )
    assert peak < PEAK_MB


def test_a_refusal_names_the_file_and_what_is_wrong_in_both_languages(demo: Workspace, tmp_path: Path) -> None:
    huge = rewritten(typed_sheet(demo, tmp_path / "typed.xlsx"), tmp_path / "huge.xlsx", with_rows_added(6_000))
    with pytest.raises(ImportRefused) as caught:
        read_scores(demo, 1, huge)
    assert caught.value.kind == "too_many_rows"
    assert caught.value.values == {"file": "huge.xlsx", "sheet": "自评得分表", "limit": 5000}
    assert str(caught.value).startswith("huge.xlsx: sheet 自评得分表 has more than 5000 rows")
    assert caught.value.describe("zh_CN").startswith("huge.xlsx：工作表“自评得分表”超过 5000 行")
    assert demo.inputs(1)["008"] == {"score": 8.6}  # nothing changed


def test_a_sheet_without_the_score_columns_is_refused_by_name(demo: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "科室"])
    book.save(path)
    with pytest.raises(ImportRefused) as caught:
        read_scores(demo, 1, path)
    assert caught.value.kind == "no_header"
    assert (
        caught.value.describe("zh_CN") == "名单.xlsx：前 10 行中没有含“编号”和“自评得分”两列的表头，这是自评得分表吗？"
    )


def test_a_real_score_sheet_still_imports_the_same_scores(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = typed_sheet(demo, tmp_path / "得分表.xlsx")
    bare = rewritten(path, tmp_path / "无尺寸.xlsx", without_dimension)  # as some writers save: no <dimension>
    for sheet in (path, bare):
        result = read_scores(demo, 1, sheet, language="en")
        assert result.changed == [("008", "8.6", "9"), ("022", "未评分", "2.5")]
        assert result.refused == [
            ("004", "score: 5 exceeds the maximum 3"),
            ("021", "scored by its rule (ratio); enter its inputs in egov-desk"),
        ]
    capsys.readouterr()
    assert main(["import-scores", str(bare), "--workspace", str(demo.folder)]) == 2  # two taken, two refused
    assert demo.inputs(1)["022"] == {"score": 2.5}
    assert demo.inputs(1)["008"] == {"score": 9}
    assert "changed 2, unchanged 23, refused 2" in capsys.readouterr().out
