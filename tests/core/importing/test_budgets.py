"""Every import has a time and memory budget: hostile workbooks are refused or read within it, never loaded whole.

The hostile files are generated at test time (tests/core/importing/hostile_files.py). Memory is bounded by
RLIMIT_AS in a child process, so a reader that regresses to loading everything fails instead of eating the
machine; a generous timeout is the hang detector — no test asserts how fast anything was.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.limits import Budget
from egov_desk.core.importers.pipeline import import_table
from tests.conftest import SEED
from tests.core.importing.bounded import run_bounded
from tests.core.importing.hostile_files import false_size_bomb, good_and_huge, sheet_size, wide_sheet

LIMIT_MB = 600  # an import of the seed table peaks at about 45 MB; the hostile files cost 0.7–0.8 GB before


def import_in_a_child(path: Path) -> tuple[str, int]:
    """What importing ``path`` says (the refusal, or "ok <items> <sheet>"), and the child's peak memory in MB."""
    code = (
        "from egov_desk.core.importers.pipeline import import_table\n"
        "from egov_desk.core.importers.grid import ImportRefused\n"
        "try:\n"
        f"    result = import_table({str(path)!r})\n"
        "    print('ok', len(result.proposals), result.grid.labels[0].split(' ')[0], '|'.join(result.grid.notes))\n"
        "except ImportRefused as exc:\n"
        "    print(exc.kind, exc)\n"
    )
    *said, peak = run_bounded(code, LIMIT_MB, timeout=300)
    return "\n".join(said), int(peak.split()[1])


def test_a_zip_bomb_whose_headers_lie_is_refused_by_what_it_really_unpacks(tmp_path: Path) -> None:
    path = false_size_bomb(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path) as package:
        declared = package.getinfo("xl/sharedStrings.xml")
        assert declared.file_size / declared.compress_size < 200  # the ratio check that trusts headers passes
    said, peak = import_in_a_child(path)
    assert said.startswith("part_too_large ")
    assert "bomb.xlsx: xl/sharedStrings.xml unpacks to more than 64 MB" in said
    assert peak < LIMIT_MB


def test_a_31_mb_sheet_is_read_within_the_budget(tmp_path: Path) -> None:
    path = wide_sheet(tmp_path / "wide.xlsx")
    assert sheet_size(path) > 30 * 1024 * 1024
    said, peak = import_in_a_child(path)
    assert "no header row found" in said  # read to the end (random numbers are no table), in bounded memory
    assert peak < LIMIT_MB


def test_a_workbook_with_a_huge_second_sheet_imports_the_good_one_without_loading_the_huge_one(
    tmp_path: Path,
) -> None:
    path = good_and_huge(tmp_path / "two.xlsx", SEED / "2019-indicators.xlsx")
    assert sheet_size(path, "xl/worksheets/sheet_huge.xml") > 30 * 1024 * 1024
    said, peak = import_in_a_child(path)
    assert said.startswith("ok 35 考评指标 ")
    assert "工作表“数据”超过 5000 行，未读取" in said
    assert peak < LIMIT_MB


def test_an_import_past_its_deadline_is_refused() -> None:
    late = Budget(file="2019-indicators.xlsx", seconds=60, started=time.monotonic() - 61)
    with pytest.raises(ImportRefused) as caught:
        import_table(SEED / "2019-indicators.xlsx", budget=late)
    assert caught.value.kind == "too_slow"
    assert str(caught.value).startswith("2019-indicators.xlsx: reading took longer than 60 s")
    assert caught.value.describe("zh_CN").startswith("2019-indicators.xlsx：读取超过 60 秒仍未完成")


def test_a_cancelled_import_stops() -> None:
    budget = Budget(file="2019-indicators.docx", is_cancelled=lambda: True)
    with pytest.raises(ImportRefused) as caught:
        import_table(SEED / "2019-indicators.docx", budget=budget)
    assert caught.value.kind == "cancelled"


@pytest.mark.parametrize(("name", "part"), [("2019-indicators.docx", "word/document.xml")])
def test_a_part_over_its_limit_is_refused_naming_the_file_the_part_and_the_limit(name: str, part: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_table(SEED / name, budget=Budget(file=name, part_bytes=40 * 1024))
    refusal = caught.value
    assert (refusal.kind, refusal.values) == ("part_too_large", {"file": name, "part": part, "limit": 40 * 1024})
    assert str(refusal) == (
        f"{name}: {part} unpacks to more than 40 KB; an indicator table or score sheet is far smaller — "
        "refused (a ZIP bomb?)"
    )
    assert refusal.describe("zh_CN").startswith(f"{name}：其中的 {part} 解压后超过 40 KB")


def test_all_parts_together_are_held_to_the_import_limit() -> None:
    with pytest.raises(ImportRefused) as caught:
        import_table(SEED / "2019-indicators.xlsx", budget=Budget(file="t.xlsx", total_bytes=30 * 1024))
    assert caught.value.kind == "import_too_large"


def test_refusals_of_hostile_files_read_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(ImportRefused) as caught:
        import_table(path)
    assert "save it as .docx" in str(caught.value)
    chinese = caught.value.describe("zh_CN")
    assert chinese == "table.docx：这是旧格式（97–2003）文件，请先用 Word 或 WPS 打开并另存为 .docx"
    assert caught.value.describe("en") == str(caught.value)
