"""The self-assessment report (自评报告, .docx) filled from a template the unit may replace with its own.

The template is a Word document with docxtpl (Jinja) fields; the default is resources/templates/report-template.docx.
Fields: title, system_title, unit, year, date, total, max, unscored_count, summary, chart (an image or ""),
levels (name, points, score, unscored), attention (code, title, reason, lead) and items (code, title, path, max,
score, explanation, note, evidence, missing) — items unscored or lacking evidence come first.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.shared import Mm
from docxtpl import DocxTemplate

from egov_desk.core.exports.files import atomic_output
from egov_desk.core.points import compact, display
from egov_desk.paths import resource_dir

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

DEFAULT_TEMPLATE = "report-template.docx"


def default_template() -> Path:
    return resource_dir("templates", DEFAULT_TEMPLATE)


def report_context(workspace: Workspace, assessment_id: int) -> dict[str, Any]:
    assessment = workspace.assessment(assessment_id)
    sheet = workspace.scores(assessment_id)
    system = sheet.system
    notes = workspace.notes(assessment_id)
    evidence = workspace.evidence._by_item(assessment_id)
    items, attention = [], []
    for item in system.items():
        score = sheet.items[item.code]
        states = evidence[item.code]
        files = [f.name for r in states.requirements for f in r.files] + [f.name for f in states.general]
        missing = [r.text for r in states.requirements if r.supplied_by is None and not r.files]
        reasons = []
        if not score.scored:
            reasons.append("尚未评分" if not score.partial else "分项未填完")
        if missing:
            reasons.append(f"缺佐证材料 {len(missing)} 项")
        entry = {
            "code": item.code,
            "title": item.title,
            "path": " › ".join(item.path),
            "max": compact(item.points),
            "score": display(score.points) if score.scored or score.partial else "未评分",
            "explanation": (score.explanation + "。") if score.explanation else "",
            "note": notes.get(item.code, ""),
            "missing": missing,
            "evidence": "、".join(files)
            if files
            else ("由" + "、".join(item.supplied_by) + "提供" if item.supplied_by else "暂无"),
            "attention": bool(reasons),
        }
        items.append(entry)
        if reasons:
            attention.append({"code": item.code, "title": item.title, "reason": "，".join(reasons), "lead": item.lead})
    items.sort(key=lambda entry: not entry["attention"])  # what needs work first, then in table order
    levels = [
        {
            "name": node.name,
            "points": compact(node.points) if node.points is not None else "—",
            "score": display(sheet.nodes[node.key].points),
            "unscored": sheet.nodes[node.key].unscored,
        }
        for node in system.tree
    ]
    scored = len(sheet.items) - len(sheet.unscored)
    summary = f"共 {len(sheet.items)} 个评分项，已评分 {scored} 项" + (
        f"，尚有 {len(sheet.unscored)} 项未评分。" if sheet.unscored else "，已全部评分。"
    )
    return {
        "title": f"{assessment.unit}{assessment.year}年电子政务工作绩效自评报告",
        "system_title": system.title,
        "unit": assessment.unit,
        "year": assessment.year,
        "date": date.today().strftime("%Y年%m月%d日"),
        "total": display(sheet.total),
        "max": compact(sheet.max),
        "unscored_count": len(sheet.unscored),
        "summary": summary,
        "levels": levels,
        "attention": attention,
        "items": items,
        "chart": "",
    }


CHART_MARK = "[[egov-desk chart]]"


def _place_chart(document: Any, png: bytes) -> None:
    """Put the picture where the template says {{ chart }}. (Added as python-docx adds pictures: LibreOffice
    cuts docxtpl's inline images to one line of text height.)"""
    for paragraph in document.paragraphs:
        if CHART_MARK in paragraph.text:
            for run in paragraph.runs:
                run.text = run.text.replace(CHART_MARK, "")
            paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(150))
            return


def write_report(
    workspace: Workspace, assessment_id: int, out: Path, template: Path | None = None, chart_png: bytes | None = None
) -> Path:
    document = DocxTemplate(str(template or default_template()))
    context = report_context(workspace, assessment_id)
    context["chart"] = CHART_MARK if chart_png else ""
    document.render(context)
    if chart_png:
        _place_chart(document.docx, chart_png)
    with atomic_output(out) as temporary:
        document.save(str(temporary))
    return out
