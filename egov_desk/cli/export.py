"""``egov-desk-cli export package|checklist|sheet|report``.

The checklist as a PDF and the report (its chart) are drawn with Qt (egov_desk.render), loaded only for them:
every other export runs where Qt cannot be loaded, and these two then fail saying so, in one line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import Failed, assessment_of, open_workspace
from egov_desk.cli.export_binder import add_binder_options

if TYPE_CHECKING:
    from egov_desk.core.exports.checklist import Checklist
    from egov_desk.core.scoring import ScoreSheet


def add_export_commands(commands: Any) -> None:
    export = commands.add_parser("export", help="write the checklist (.docx/.pdf), score sheet, report or package")
    export.add_argument("what", choices=["package", "checklist", "sheet", "report", "binder"])
    export.add_argument("--workspace")
    export.add_argument("--assessment", type=int)
    export.add_argument("--out", required=True)
    export.add_argument("--department")
    export.add_argument("--folder", action="store_true", help="package: write a folder instead of a ZIP")
    export.add_argument("--template", help="report: a .docx template of your own (see README)")
    export.set_defaults(run=cmd_export)
    add_binder_options(export, otherwise=cmd_export)  # export binder --item|--department|--unit (装订成册)


def _qt_needed(error: ImportError) -> Failed:
    return Failed(
        f"the checklist as a PDF and the report's chart are drawn with Qt (PySide6), which cannot be loaded here "
        f"({error}); the other exports do not need it",
        f"导出 PDF 清单和报告中的图表需要 Qt（PySide6），但此处无法加载（{error}）；其他导出不需要它",
        "qt_missing",
    )


def draw_checklist_pdf(checklist: Checklist, out: Path) -> int:
    try:
        from egov_desk.render.headless import ensure_app
        from egov_desk.render.printing import write_checklist_pdf
    except ImportError as error:
        raise _qt_needed(error) from None
    ensure_app()
    return write_checklist_pdf(checklist, out)


def draw_chart(sheet: ScoreSheet) -> bytes:
    try:
        from egov_desk.render.charts import level_bars_png
        from egov_desk.render.headless import ensure_app
    except ImportError as error:
        raise _qt_needed(error) from None
    ensure_app()
    return level_bars_png(sheet)


def cmd_export(args: argparse.Namespace) -> int:
    """export checklist|sheet|report|package: each written under a temporary name, renamed when complete. A package
    with stored files missing or damaged is written without them and the command exits 1 naming them."""
    out = Path(args.out)
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        if args.what == "package":
            from egov_desk.core.exports.package import describe_faults, export_package
            from egov_desk.core.messages import cli_language

            report = export_package(workspace, assessment, out, args.department, as_folder=args.folder)
            print(f"{out}: {report.files} files, {report.bytes} bytes")
            if report.faults:  # written without them: say which, and fail the command
                print(f"egov-desk-cli: {describe_faults(report, cli_language())}", file=sys.stderr)
                return 1
            return 0
        from egov_desk.core.exports.run import export

        template = Path(args.template) if args.template else None
        exported = export(
            workspace,
            assessment,
            args.what,
            out,
            args.department,
            pdf=draw_checklist_pdf,
            chart=draw_chart,
            template=template,
        )
        if args.what != "checklist":
            print(out)
        elif exported.pages is not None:
            print(f"{out}: {exported.pages} pages")
        else:
            print(f"{out}: {exported.departments} department(s)")
    return 0
