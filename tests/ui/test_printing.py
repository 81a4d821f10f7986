"""Printing and exporting from the window: the checklist PDF (fonts embedded, text extractable), print preview,
the sheet and the report written in the background."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from PySide6.QtPrintSupport import QPrinter

from egov_desk.core.exports.checklist import build_checklist
from egov_desk.core.workspace import Workspace
from egov_desk.render.printing import paint_checklist, write_checklist_pdf
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.print_preview import print_preview

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(unicodedata.normalize("NFKC", text).split())


@needs_poppler
def test_the_checklist_pdf_holds_every_code_and_the_department_names(demo: Workspace, tmp_path: Path) -> None:
    pages = write_checklist_pdf(build_checklist(demo, 1), tmp_path / "清单.pdf")
    assert pages >= 9
    text = pdf_text(tmp_path / "清单.pdf")
    for code in (f"{n:03d}" for n in range(1, 36)):
        assert code in text
    assert "师资科" in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "清单.pdf")], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded


@needs_poppler
def test_a_department_pdf_holds_only_its_items(demo: Workspace, tmp_path: Path) -> None:
    write_checklist_pdf(build_checklist(demo, 1, "师资科"), tmp_path / "师资科.pdf")
    text = pdf_text(tmp_path / "师资科.pdf")
    assert all(code in text for code in ("023", "027", "028", "029"))
    assert "001" not in text


def test_print_preview_paints_the_pages(demo: Workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    checklist = build_checklist(demo, 1, "计财科")
    dialog = print_preview(checklist)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(dialog.printer().pageLayout())
    assert paint_checklist(checklist, printer) >= 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_exports_from_the_window_run_in_the_background(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for job in (
        window.exports.sheet(tmp_path / "表.xlsx"),
        window.exports.report(tmp_path / "报告.docx"),
        window.exports.checklist("docx", "师资科", tmp_path / "清单.docx", ask=False),
        window.exports.checklist("pdf", None, tmp_path / "清单.pdf", ask=False),
    ):
        assert job is not None
        qtbot.waitUntil(lambda job=job: not job.running, timeout=60000)
    assert window.exports.last_error == ""
    for name in ("表.xlsx", "报告.docx", "清单.docx", "清单.pdf"):
        assert (tmp_path / name).is_file()
    report = docx.Document(str(tmp_path / "报告.docx"))
    assert len(report.inline_shapes) == 1  # the chart


def test_a_failed_export_is_reported_and_leaves_nothing(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be")
    job = window.exports.sheet(blocked / "表.xlsx")
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    assert window.exports.last_error
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith((".part", "表.xlsx"))]


PREVIEW_SCRIPT = """
import gc, sys
from PySide6.QtWidgets import QApplication
from egov_desk.core.demo import create_demo_workspace
from egov_desk.ui.app import create_app
from egov_desk.ui.main_window import MainWindow

app = create_app(["egov-desk"], "zh_CN")
from pathlib import Path
workspace = create_demo_workspace(Path(sys.argv[1]))
window = MainWindow(workspace)
window.show()
window.exports.checklist("preview", "师资科", ask=False)
gc.collect()  # the Python side of anything not kept alive is gone now
dialog = window.exports.last_preview
for _ in range(20):
    app.processEvents()
from PySide6.QtPrintSupport import QPrintPreviewWidget
dialog.findChild(QPrintPreviewWidget).updatePreview()  # paints every page again through the printer
for _ in range(20):
    app.processEvents()
dialog.close()
window.close()
workspace.close()
print("alive")
"""


def test_print_preview_survives_painting_after_python_lets_go(tmp_path: Path) -> None:
    """The preview once freed its printer and the app crashed at the first paint, every time."""
    import os
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", PREVIEW_SCRIPT, str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "alive" in run.stdout


def pdf_lines(path: Path, page: int = 1) -> list[tuple[str, float, float]]:
    """(text, top, bottom) of every line of a page of the PDF, in points, as poppler lays the text out."""
    import re

    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = []
    for match in re.finditer(r'<line xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">(.*?)</line>', xml, re.S):
        words = re.findall(r">([^<]*)</word>", match.group(3))
        text = unicodedata.normalize("NFKC", "".join(words))
        lines.append((text, float(match.group(1)), float(match.group(2))))
    return lines


@needs_poppler
def test_printed_level_cells_are_merged_like_the_word_export(demo: Workspace, tmp_path: Path) -> None:
    from PySide6.QtGui import QTextDocument, QTextTable

    from egov_desk.render.printing import checklist_html

    checklist = build_checklist(demo, 1, "师资科")  # 023, 027, 028, 029: one level-1, 027-029 one level-2
    document = QTextDocument()
    document.setHtml(checklist_html(checklist))
    table = next(frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable))
    assert table.cellAt(1, 0).rowSpan() == 4
    assert [table.cellAt(row, 1).rowSpan() for row in (1, 2)] == [1, 3]
    assert table.cellAt(3, 1).row() == 2  # inside the merged cell
    assert table.cellAt(2, 2).rowSpan() == 2  # 制证情况: 027 and 028
    write_checklist_pdf(checklist, tmp_path / "师资科.pdf")
    text = pdf_text(tmp_path / "师资科.pdf")
    assert text.count("制证情况") == 1  # printed once, not on every row
    assert text.count("资源申请") == 1


@needs_poppler
def test_the_printed_role_names_the_lead_and_the_cooperating(demo: Workspace, tmp_path: Path) -> None:
    write_checklist_pdf(build_checklist(demo, 1, "师资科"), tmp_path / "师资科.pdf")
    assert "配合(牵头:政策法规科)" in pdf_text(tmp_path / "师资科.pdf")  # NFKC folds the full-width brackets
    write_checklist_pdf(build_checklist(demo, 1, "政策法规科"), tmp_path / "政策法规科.pdf")
    assert "牵头(配合:师资科、基教科)" in pdf_text(tmp_path / "政策法规科.pdf")


@needs_poppler
def test_the_printed_signature_line_has_room_and_the_filled_by_name(demo: Workspace, tmp_path: Path) -> None:
    from datetime import date

    demo.update_assessment(1, unit="淮北市教育局", filled_by="王晓梅", report_date=date(2019, 12, 20))
    write_checklist_pdf(build_checklist(demo, 1, "师资科"), tmp_path / "师资科.pdf")
    text = pdf_text(tmp_path / "师资科.pdf")
    assert "填报人:王晓梅" in text
    assert "日期:2019年12月20日" in text
    assert "单位:淮北市教育局" in text
    lines = pdf_lines(tmp_path / "师资科.pdf")
    signature = next(top for line, top, _ in lines if line.startswith("科室负责人"))
    table_bottom = max(bottom for _, top, bottom in lines if bottom < signature and top > 100)
    gap_mm = (signature - table_bottom) / 72 * 25.4
    assert gap_mm >= 9, f"{gap_mm:.1f} mm between the last row's text and the signature line"  # ≥ 8 mm of paper


def test_scores_read_from_a_sheet_are_shown_first_applied_on_consent_and_undoable(
    window: MainWindow,
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from tests.ui.helpers import answer_next_message, score_sheet_with

    path = score_sheet_with(window, tmp_path, "004", 2.5)

    box = window.exports.import_sheet(path)
    assert box is not None
    assert window.workspace.inputs(window.assessment.id) == {}  # nothing yet: the person decides
    assert "004" in box.informativeText()
    seen: list[str] = []
    answer_next_message(window, "应用", seen)
    qtbot.waitUntil(lambda: window.workspace.inputs(window.assessment.id) == {"004": {"score": 2.5}})
    assert window.gauge.total_text == "2.50 / 100"
    window.menu_actions.undo_action.trigger()
    assert window.workspace.inputs(window.assessment.id) == {}
    assert window.gauge.total_text == "0.00 / 100"


def test_the_checklist_is_offered_for_the_department_being_looked_at(window: MainWindow) -> None:
    assert window.exports.default_department() is None
    window.department_combo.setCurrentIndex(window.department_combo.findData("师资科"))
    assert window.exports.default_department() == "师资科"
