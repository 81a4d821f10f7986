"""Files in and out through Qt's file dialogs, by keyboard: attaching evidence, every export from the File menu."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.e2e.conftest import Launcher
from tests.e2e.desktop import App, cli, evidence, find_item, make_pdf, save_as, step, wait_until

pytestmark = pytest.mark.e2e

# From the numerator of 021's score editor, Tab reaches: the denominator, the evidence checklist, then 添加文件…
# ("Add files…"), which has no shortcut, mnemonic or menu action.
TABS_FROM_EDITOR_TO_ADD_FILES = 3


def test_attach_a_pdf_through_the_file_dialog(app: App, workspace_dir: Path, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "2019年工作计划.pdf")
    find_item(app, "021")
    app.key("F2")
    app.key(*["Tab"] * TABS_FROM_EDITOR_TO_ADD_FILES)
    with step("Space on 添加文件… opens the file dialog"):
        app.key("space")
        app.wait_window("佐证材料文件")  # "Evidence files"
    with step("type the full path, Enter"):
        app.key("ctrl+a")
        app.type(str(pdf))
        app.key("Return")
        app.wait_gone("佐证材料文件")
    files = wait_until(lambda: evidence(workspace_dir), timeout=20, what="the file in `egov-desk-cli evidence list`")
    assert len(files) == 1
    stored = files[0]
    assert stored["name"] == pdf.name
    assert stored["kind"] == "pdf"
    assert stored["size"] == pdf.stat().st_size
    assert stored["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert [link["code"] for link in stored["items"]] == ["021"]
    assert cli("verify", "--workspace", str(workspace_dir)).returncode == 0
    app.assert_alive()


CHOOSER = "责任分解清单"  # which department's checklist


def export(app: App, keys: tuple[str, ...], chooser: str | None, save_title: str, path: Path) -> Path:
    app.key(*keys)
    if chooser:
        app.wait_window(chooser)
        app.key("Return")  # the whole unit
    written = save_as(app, save_title, path)
    app.wait_main()
    app.assert_alive(f"exporting {path.name}")
    return written


def test_every_export_from_the_file_menu(launch: Launcher, workspace_dir: Path, tmp_path: Path) -> None:
    workspace = str(workspace_dir)
    cli("workspace", "set", "--workspace", workspace, "021", json.dumps({"numerator": 10, "denominator": 12}))
    plan = make_pdf(tmp_path / "plan.pdf")
    cli("evidence", "add", "--workspace", workspace, "--item", "002", "--requirement", "1", str(plan))
    app = launch(workspace_dir)
    app.wait_main()
    out = tmp_path / "out"
    out.mkdir()

    with step("Alt+F, X, W: department checklist as Word"):
        checklist = export(app, ("alt+f", "x", "w"), CHOOSER, "保存责任分解清单", out / "checklist.docx")
        text = "\n".join(cell.text for table in docx.Document(str(checklist)).tables for cell in table._cells)
        assert "021" in text
        assert "政策法规科" in text

    with step("Alt+F, X, D: department checklist as PDF"):
        pdf = export(app, ("alt+f", "x", "d"), CHOOSER, "保存责任分解清单", out / "checklist.pdf")
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-")
        assert data.rstrip().endswith(b"%%EOF")

    with step("Alt+F, X, S: score sheet as Excel"):
        sheet = export(app, ("alt+f", "x", "s"), None, "保存自评得分表", out / "sheet.xlsx")
        book = openpyxl.load_workbook(sheet, read_only=True)
        rows = [list(row) for ws in book.worksheets for row in ws.iter_rows(values_only=True)]
        book.close()
        row_021 = next(row for row in rows if "021" in row)
        assert 2.5 in row_021

    with step("Alt+F, X, R: self-assessment report as Word"):
        report = export(app, ("alt+f", "x", "r"), None, "保存自评报告", out / "report.docx")
        document = docx.Document(str(report))
        text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            cell.text for table in document.tables for cell in table._cells
        )
        assert "测试局" in text

    with step("Ctrl+E: evidence package"):
        package = export(app, ("ctrl+e",), "佐证材料包", "保存佐证材料包", out / "package.zip")
        with zipfile.ZipFile(package) as archive:
            assert archive.testzip() is None
            names = archive.namelist()
        assert "SHA256SUMS" in names
        assert any(name.startswith("002") and name.endswith("plan.pdf") for name in names)

    app.assert_alive()
