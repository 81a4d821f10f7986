"""File names that are not UTF-8 (a GBK name copied from an old Windows share onto Linux) are accepted."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.workspace import Workspace

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed" / "2019-indicators.docx"


def gbk_file(folder: Path, stem: str, suffix: str, data: bytes) -> tuple[Path, str]:
    """A file whose name is GBK bytes, and the name as it should be shown (U+FFFD for what is not UTF-8)."""
    raw = stem.encode("gbk") + suffix.encode()
    folder.mkdir(parents=True, exist_ok=True)
    target = os.fsencode(folder) + b"/" + raw
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except (OSError, ValueError):
        pytest.skip("this file system refuses names that are not UTF-8")
    path = Path(os.fsdecode(target))
    if not path.is_file():
        pytest.skip("this file system changed the name")
    return path, raw.decode("utf-8", "replace")


def test_a_gbk_named_file_is_added_listed_verified_and_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "ws")
    Workspace.open(Path(folder)).close()
    scan, shown = gbk_file(tmp_path / "scans", "2019年工作计划", ".pdf", PDF)
    assert "\ufffd" in shown
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(scan)]) == 0
    printed = capsys.readouterr().out
    assert shown in printed
    assert printed.encode("utf-8")  # printable: no surrogate escapes left
    assert main(["evidence", "list", "--workspace", folder, "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)["files"]
    assert listed["name"] == shown
    assert listed["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert main(["evidence", "list", "--workspace", folder]) == 0
    assert shown in capsys.readouterr().out
    assert main(["verify", "--workspace", folder]) == 0
    out = capsys.readouterr().out
    assert "ORPHAN" not in out
    assert "all is well" in out
    assert main(["export", "package", "--workspace", folder, "--out", str(tmp_path / "p.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "p.zip") as package:
        assert any(name.endswith(f"-{shown}") for name in package.namelist())
    with Workspace.open(Path(folder)) as workspace:
        report = workspace.evidence.verify()
        assert report.ok
        assert report.orphans == []
        assert [f.name for f in workspace.evidence.files(1)] == [shown]
    assert scan.read_bytes() == PDF  # the original is untouched, under its own name


def test_a_gbk_named_folder_of_files_is_added(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    scans = tmp_path / "scans"
    _, first = gbk_file(scans, "通报", ".pdf", PDF + b"1")
    _, second = gbk_file(scans, "备案", ".jpg", PDF + b"2")  # a PDF named .jpg: flagged, by its shown name
    with Workspace.open(folder) as workspace:
        report = workspace.evidence.attach(1, "002", [scans])
        assert report.failed == []
        assert sorted(f.name for f in report.added) == sorted([first, second])
        assert [f.kind_mismatch for f in report.added if f.name == second] == [True]
        assert workspace.evidence.verify().orphans == []


def test_a_gbk_named_table_is_imported_into_a_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    table, shown = gbk_file(tmp_path, "2019年指标", ".docx", SEED.read_bytes())
    assert main(["import", str(table), "--into", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "35 个评分项" in captured.out
    with Workspace.open(folder) as workspace:
        systems = workspace.systems()
    assert shown in [s.source for s in systems]
    assert any(s.key.startswith(f"import:{shown}:") for s in systems)


def test_a_gbk_named_table_is_read_and_reported_without_a_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, _ = gbk_file(tmp_path, "2019年指标", ".docx", SEED.read_bytes())
    assert main(["import", str(table), "--json"]) == 0
    json.loads(capsys.readouterr().out)
    bad, shown = gbk_file(tmp_path, "不是表格", ".docx", b"not a zip")
    assert main(["import", str(bad)]) == 2
    assert shown in capsys.readouterr().err
