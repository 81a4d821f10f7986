"""One export as the window and the command line both ask for it: which writer a kind and a file name call for,
the checklist of a department that must exist, the report's chart from the database now.

Drawing (the checklist as a PDF, the report's chart) needs Qt, which the core never imports: the caller hands in
the drawing functions of ``egov_desk.render``, and they are called only when the export needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from egov_desk.core.errors import Refused

if TYPE_CHECKING:
    from egov_desk.core.exports.checklist import Checklist
    from egov_desk.core.scoring import ScoreSheet
    from egov_desk.core.workspace import Workspace

Kind = Literal["checklist", "sheet", "report"]
DrawPdf = Callable[["Checklist", Path], int]  # writes the checklist as a PDF, returns its pages
DrawChart = Callable[["ScoreSheet"], bytes]  # the report's chart as a PNG


class ExportRefused(Refused):
    """An export asked for what cannot be written: a department no item names, a checklist file type."""


@dataclass(frozen=True)
class Exported:
    path: Path
    departments: int = 0  # a checklist: the departments it has a section for
    pages: int | None = None  # a checklist drawn as a PDF: its pages


def department_checklist(workspace: Workspace, assessment_id: int, department: str | None = None) -> Checklist:
    """The checklist of one department (or every one); a department no item names is refused, naming those that
    exist."""
    from egov_desk.core.exports.checklist import build_checklist

    try:
        return build_checklist(workspace, assessment_id, department)
    except ValueError as exc:
        known = "、".join(workspace.departments(workspace.assessment(assessment_id).system_id))
        raise ExportRefused(
            str(exc), f"没有哪一项指标写到“{department}”这个科室（已有：{known}）", "unknown_department"
        ) from None


def write_checklist(checklist: Checklist, target: Path, pdf: DrawPdf | None = None) -> Exported:
    """The checklist drawn as a PDF by ``pdf`` when given, else as a Word document."""
    if pdf is not None:
        return Exported(target, len(checklist.sections), pdf(checklist, target))
    from egov_desk.core.exports.checklist_docx import write_checklist_docx

    write_checklist_docx(checklist, target)
    return Exported(target, len(checklist.sections))


def export(
    workspace: Workspace,
    assessment_id: int,
    kind: Kind,
    target: Path,
    department: str | None = None,
    *,
    pdf: DrawPdf | None = None,
    chart: DrawChart | None = None,
    template: Path | None = None,
) -> Exported:
    """Write ``kind`` to ``target`` (under a temporary name, renamed when complete), reading the database now.

    A checklist is written for ``department`` (or every one) as Word (.docx) or, drawn by ``pdf``, as a PDF (.pdf),
    as the target's name says; ``chart`` draws the report's chart (a report without one has none); ``template`` is
    the report's own .docx.
    """
    if kind == "checklist":
        checklist = department_checklist(workspace, assessment_id, department)
        suffix = target.suffix.lower()
        if suffix not in (".docx", ".pdf") or (suffix == ".pdf" and pdf is None):
            raise ExportRefused(
                f"{target.name}: the checklist is written as .docx or .pdf",
                f"{target.name}：清单只能导出为 .docx 或 .pdf",
                "checklist_file_type",
            )
        return write_checklist(checklist, target, pdf if suffix == ".pdf" else None)
    if kind == "sheet":
        from egov_desk.core.exports.score_sheet import write_score_sheet

        return Exported(write_score_sheet(workspace, assessment_id, target))
    from egov_desk.core.exports.report import write_report

    chart_png = chart(workspace.scores_now(assessment_id)) if chart is not None else None
    return Exported(write_report(workspace, assessment_id, target, template, chart_png))
