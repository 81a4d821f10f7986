"""The preview's text: only the beginning of a file is read, whatever its size; DTDs refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from egov_desk.core.importers.document_text import MAX_CHARS, PreviewRefused, document_text, docx_text, text_file
from tests.conftest import SEED
from tests.core.importing.bounded import run_bounded
from tests.core.importing.hostile_files import huge_document_docx


def test_a_word_document_shows_its_paragraphs_and_table_rows_in_order() -> None:
    result = docx_text(SEED / "2019-indicators.docx")
    assert result.complete
    lines = result.text.splitlines()
    assert lines[0] == "2019年电子政务工作绩效年终考评指标体系及目标责任分解表"
    assert lines[1].startswith("一级指标 | 二级 指标 | 三级 指标 | 分值 | 评分细则 | 编号 | 备注")


def test_a_part_past_its_limit_shows_what_was_found_before_it() -> None:
    result = docx_text(SEED / "2019-indicators.docx", part_bytes=20 * 1024)
    assert not result.complete
    assert result.text.startswith("2019年电子政务工作绩效年终考评指标体系")


def test_a_document_declaring_a_dtd_is_not_shown(tmp_path: Path) -> None:
    path = tmp_path / "lol.docx"
    with zipfile.ZipFile(SEED / "2019-indicators.docx") as seed, zipfile.ZipFile(path, "w") as out:
        for member in seed.infolist():
            data = seed.read(member)
            if member.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "aaaa">]>', 1)
            out.writestr(member, data)
    with pytest.raises(PreviewRefused, match="DTD"):
        docx_text(path)


def test_a_cancelled_preview_stops_reading() -> None:
    with pytest.raises(PreviewRefused, match="cancelled"):
        docx_text(SEED / "2019-indicators.docx", cancelled=lambda: True)


def test_a_chinese_text_file_from_windows_is_read_as_gbk(tmp_path: Path) -> None:
    path = tmp_path / "说明.txt"
    path.write_bytes("电子政务绩效考评\r\n佐证材料".encode("gbk"))
    assert text_file(path).text == "电子政务绩效考评\r\n佐证材料"


def test_a_1_gb_sparse_text_file_shows_its_beginning_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write("开头".encode())
        handle.truncate(1024 * 1024 * 1024)  # sparse: nothing written to disk past the first bytes
    code = (
        "from pathlib import Path\n"
        "from egov_desk.core.importers.document_text import document_text\n"
        f"result = document_text('text', Path({str(path)!r}))\n"
        "print(len(result.text), result.complete, result.text[:2])\n"
    )
    said, peak = run_bounded(code, 400, timeout=120)
    assert said == f"{MAX_CHARS} False 开头"
    assert int(peak.split()[1]) < 400


def test_a_docx_with_a_300_mb_document_part_shows_its_beginning_in_bounded_memory(tmp_path: Path) -> None:
    path = huge_document_docx(tmp_path / "huge.docx", SEED / "2019-indicators.docx")
    code = (
        "from pathlib import Path\n"
        "from egov_desk.core.importers.document_text import document_text\n"
        f"result = document_text('docx', Path({str(path)!r}))\n"
        "print(len(result.text), result.complete, result.text[:8])\n"
    )
    said, peak = run_bounded(code, 400, timeout=120)
    assert said == f"{MAX_CHARS} False 电子政务绩效考评"
    assert int(peak.split()[1]) < 400


def test_the_kind_chooses_the_reader() -> None:
    assert "考评指标" in document_text("docx", SEED / "2019-indicators.docx").text
