"""The commands that read a file into a workspace, or check its evidence, on ``--workspace postgresql://…``: no
workspace folder is assumed (its database is backed up by the server's administrator, not by a file copy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from tests.postgres import server


@pytest.fixture
def server_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    if not server.configured():
        pytest.skip(server.skip_reason())
    url = server.empty_database()
    monkeypatch.setenv("EGOV_VAULT", str(tmp_path / "vault"))
    assert main(["server", "init", "--url", url, "--unit", "某某市某某局"]) == 0
    capsys.readouterr()
    yield url
    server.drop(url)


@pytest.mark.postgres
def test_a_score_sheet_typed_in_is_read_into_a_server_workspace(
    server_workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    sheet = tmp_path / "自评表.xlsx"
    assert main(["export", "sheet", "--workspace", server_workspace, "--out", str(sheet)]) == 0
    book = openpyxl.load_workbook(sheet)
    table = book.active
    assert table is not None
    header = next(row for row in table.iter_rows() if any(cell.value == "自评得分" for cell in row))
    column = next(cell.column for cell in header if cell.value == "自评得分")
    code_column = next(cell.column for cell in header if cell.value == "编号")
    row = next(r for r in range(header[0].row + 1, table.max_row + 1) if table.cell(r, code_column).value == "004")
    table.cell(row, column).value = 2.5
    book.save(sheet)
    capsys.readouterr()

    assert main(["import-scores", "--workspace", server_workspace, str(sheet)]) == 0
    assert "004" in capsys.readouterr().out

    assert main(["workspace", "score", "--workspace", server_workspace, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"]["004"]["score"] == 2.5


@pytest.mark.postgres
def test_evidence_is_checked_on_a_server_workspace(
    server_workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "培训签到表.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan\n%%EOF\n")
    assert main(["evidence", "add", "--workspace", server_workspace, "--item", "003", str(scan)]) == 0
    capsys.readouterr()
    assert main(["verify", "--workspace", server_workspace]) == 0
    assert "all is well" in capsys.readouterr().out
