"""Render the exports of the demo workspace as a reader sees them, for docs/: LibreOffice → PDF → PNG.

python tools/render_exports.py docs        (part of `make screenshots`)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path


def main(target: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.core.exports.checklist import build_checklist
    from egov_desk.core.exports.checklist_docx import write_checklist_docx
    from egov_desk.core.exports.package import export_package
    from egov_desk.core.exports.report import write_report
    from egov_desk.core.exports.score_sheet import write_score_sheet
    from egov_desk.render.charts import level_bars_png
    from egov_desk.render.headless import ensure_app
    from egov_desk.render.printing import write_checklist_pdf

    ensure_app()
    work = Path(tempfile.mkdtemp(prefix="egov-exports-"))
    workspace = create_demo_workspace(work / "demo")
    # who filled it in and a fixed date, so that the pictures show them and do not change with the day they are made
    workspace.update_assessment(1, filled_by="王晓梅", report_date=date(2019, 12, 20))
    export_package(workspace, 1, work / "package", as_folder=True)
    documents = {
        "export-checklist-shizike": write_checklist_docx(build_checklist(workspace, 1, "师资科"), work / "c1.docx"),
        "export-checklist-unit": write_checklist_docx(build_checklist(workspace, 1), work / "c2.docx"),
        "export-score-sheet": write_score_sheet(workspace, 1, work / "s.xlsx"),
        "export-report": write_report(workspace, 1, work / "r.docx", chart_png=level_bars_png(workspace.scores(1))),
        "export-package-index": work / "package" / "材料清单.xlsx",
    }
    write_checklist_pdf(build_checklist(workspace, 1, "师资科"), work / "qt.pdf")
    workspace.close()
    target.mkdir(parents=True, exist_ok=True)
    for name, document in documents.items():
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(document)],
            check=True,
            capture_output=True,
        )
        pdf = work / f"{document.stem}.pdf"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target / name)],
            check=True,
        )
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(work / "qt.pdf"),
            str(target / "export-checklist-printed"),
        ],
        check=True,
    )
    shutil.rmtree(work, ignore_errors=True)
    print(f"rendered exports into {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
