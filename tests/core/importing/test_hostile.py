"""Files that are not what they claim are refused with one clear line, quickly, and change nothing."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.pipeline import import_table
from egov_desk.core.workspace import Workspace
from tests.conftest import SEED
from tests.core.importing.files import billion_laughs_docx, huge_sheet_xml, write_raw_xlsx

ROOT = Path(__file__).resolve().parents[3]


def refused(path: Path) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_table(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_renamed_picture_is_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert "not a Word file" in refused(path)


def test_an_old_format_doc_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "save it as .docx" in refused(path)


def test_a_truncated_document_is_damaged(tmp_path: Path) -> None:
    data = (SEED / "2019-indicators.docx").read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged or incomplete" in refused(path)


def test_a_zip_that_is_not_a_document(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("photo.txt", "not a workbook")
    assert "a ZIP file, but not an Excel document" in refused(path)


def test_billion_laughs_is_refused_before_any_expansion(tmp_path: Path) -> None:
    path = billion_laughs_docx(tmp_path / "lol.docx", SEED / "2019-indicators.docx")
    message = refused(path)
    assert "unsafe XML" in message or "DTD" in message


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert "ZIP bomb" in refused(path)


def test_an_empty_workbook_has_nothing_to_import(tmp_path: Path) -> None:
    path = write_raw_xlsx(
        tmp_path / "empty.xlsx",
        '<?xml version="1.0"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    )
    assert "no sheet with data" in refused(path)


def test_a_200000_row_sheet_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    path = write_raw_xlsx(tmp_path / "huge.xlsx", huge_sheet_xml(200_000))
    code = (
        "import sys\n"
        "from egov_desk.core.importers.pipeline import import_table\n"
        "from egov_desk.core.importers.grid import ImportRefused\n"
        "try:\n"
        f"    import_table({str(path)!r})\n"
        "except ImportRefused as exc:\n"
        "    print(exc)\n"
        # VmHWM belongs to this process's own memory; ru_maxrss would carry over a big parent's peak
        "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) // 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    message, peak_mb = result.stdout.strip().splitlines()
    assert "more than 5000 rows" in message
    assert "reading stopped" in message
    assert int(peak_mb) < 400  # streaming: the 200,000 rows are never held in memory


def test_the_cli_exits_2_with_one_line_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04broken")
    assert main(["import", str(bad), "--into", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    with Workspace.open(folder) as workspace:
        assert len(workspace.systems()) == 1
        assert [entry.action for entry in workspace.audit()] == ["chain_start", "add_system", "create_assessment"]


def test_the_cli_imports_into_a_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    assert main(["import", str(SEED / "2019-indicators.xlsx"), "--json", "--into", str(folder)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["tree"][0]["name"] == "发展环境"
    assert printed["findings"]
    with Workspace.open(folder) as workspace:
        systems = workspace.systems()
        assert [s.source for s in systems] == ["builtin:2019", "2019-indicators.xlsx"]
        assessment = workspace.assessments()[-1]
        assert assessment.system_id == systems[-1].id
        assert workspace.system(systems[-1].id).item("021").scoring.type == "ratio"


def test_the_cli_refuses_to_store_a_table_with_errors_unless_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.core.importing.files import write_xlsx

    path = write_xlsx(
        tmp_path / "dup.xlsx",
        [
            ["一级指标", "分值", "评分细则", "编号"],
            ["A（100）", "50", "取考核结果", "1"],
            ["", "50", "取考核结果", "1"],
        ],
    )
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    assert main(["import", str(path), "--into", str(folder)]) == 2
    assert "编号 1 重复" in capsys.readouterr().err
    assert main(["import", str(path), "--into", str(folder), "--accept"]) == 2  # no year in the title, none given
    assert "--year" in capsys.readouterr().err
    assert main(["import", str(path), "--into", str(folder), "--accept", "--year", "2019"]) == 0
    with Workspace.open(folder) as workspace:
        codes = [i.code for i in workspace.system(workspace.systems()[-1].id).items()]
    assert codes == ["1", "1-2"]


def _with_leading_comment(path: Path, comment_bytes: int, after_comment: str = "") -> Path:
    """The seed .docx, its word/document.xml opening with a comment longer than the pre-check's old 64 KiB window."""
    filler = random.Random(42).randbytes(comment_bytes // 2).hex()  # hex: compresses ~2×, like real text
    with zipfile.ZipFile(SEED / "2019-indicators.docx") as seed, zipfile.ZipFile(path, "w") as out:
        for member in seed.infolist():
            data = seed.read(member)
            if member.filename == "word/document.xml":
                declaration, rest = data.split(b"?>", 1)
                data = declaration + b"?>\n<!-- " + filler.encode() + b" -->\n" + after_comment.encode() + rest
            out.writestr(member, data)
    return path


def _check_in_a_child(path: Path) -> str:
    """Run the package check in its own process: a pre-check that loops forever is killed, not waited for."""
    code = (
        "from egov_desk.core.importers.safety import check_package, UnsafeFile\n"
        "from pathlib import Path\n"
        "try:\n"
        f"    check_package(Path({str(path)!r}), 'Word')\n"
        "    print('accepted')\n"
        "except UnsafeFile as exc:\n"
        "    print(exc)\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=20
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the package check did not finish in 20 s (the DTD pre-check loops)")
    return result.stdout.strip()


def test_a_docx_opening_with_a_comment_over_64_kib_is_checked_quickly_and_imports(tmp_path: Path) -> None:
    path = _with_leading_comment(tmp_path / "commented.docx", 70 * 1024)
    assert 30_000 < path.stat().st_size < 300_000  # the reported file was a 42 KB .docx
    assert _check_in_a_child(path) == "accepted"
    assert import_table(path).data["tree"]  # the comment changes nothing of the table


def test_a_dtd_behind_a_comment_over_64_kib_is_refused(tmp_path: Path) -> None:
    path = _with_leading_comment(tmp_path / "hidden.docx", 70 * 1024, '<!DOCTYPE w:document [<!ENTITY x "x">]>\n')
    message = _check_in_a_child(path)
    assert "word/document.xml declares a DTD; refused" in message
    assert "\n" not in message


def test_a_prolog_of_many_mib_is_refused_with_one_line(tmp_path: Path) -> None:
    path = _with_leading_comment(tmp_path / "endless.docx", 6 * 1024 * 1024)
    message = _check_in_a_child(path)
    assert "word/document.xml has more than 4 MB of comments" in message
    assert "before its first element; refused" in message
    assert "\n" not in message
