"""The self-assessment report (自评报告, .docx) filled from a template the unit may replace with its own.

The template is a Word document with docxtpl (Jinja) fields; the default is resources/templates/report-template.docx.
Fields: title, system_title, unit, year, date (the report date, or the day of the export, "2019年12月5日"), filled_by
(填报人, may be ""), total, max, item_count, scored_count, unscored_count, summary (the sentence on the total, right
whether nothing, part or all is scored), chart (an image or ""), levels (name, points, score, unscored), attention
(code, title, reason, lead), attention_intro (the line that leads into them, saying what they lack) and items
(number "（一）", code, title, path, max, score, scored, partial, explanation, note, evidence, missing, judged,
judgement) — items unscored or lacking evidence come first. A pass/fail item has ``judged`` true and its
``judgement`` (合格 …, "" while not judged); in a table without points the summary, the levels' ``score`` and the
``total`` count the judgements (合格 3 · 基本合格 1 · 不合格 0 · 未评定 2) and ``max`` is "—".

The template is rendered in a sandbox with autoescaping (a unit may supply its own; an "&" or "<" in the data
would otherwise break the document). Afterwards every heading's section that is short is kept on one page with
its heading, and a long one keeps at least its first paragraph with it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zipfile import BadZipFile

from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from egov_desk.core.errors import Refused
from egov_desk.core.evidence.vault import display_name
from egov_desk.core.exports.details import chinese_date, report_day
from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.text import printable_data
from egov_desk.core.exports.total_words import judged_summary, total_remarks
from egov_desk.core.judgements import count_judgements, is_judged, judged_only, judgement
from egov_desk.core.points import compact, display
from egov_desk.core.requirements import PLATFORM
from egov_desk.core.snapshot import frozen_line
from egov_desk.paths import resource_dir

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

DEFAULT_TEMPLATE = "report-template.docx"
DIGITS = "零一二三四五六七八九"
ENDS = tuple("。！？；.!?;")


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 35 → 三十五, 100 → 一百, 105 → 一百零五: headings are numbered （一）, （二）…"""
    if number < 10:
        return DIGITS[number]
    if number < 20:
        return "十" + (DIGITS[number % 10] if number % 10 else "")
    if number < 100:
        return DIGITS[number // 10] + "十" + (DIGITS[number % 10] if number % 10 else "")
    rest = number % 100
    tail = "" if not rest else ("零" + chinese_number(rest) if rest < 10 else chinese_number(rest))
    if 10 <= rest < 20:
        tail = "一" + tail
    return chinese_number(number // 100) + "百" + tail


def sentence(text: str) -> str:
    """The text as a sentence: ended with "。" unless it already ends a sentence; "" stays ""."""
    text = text.strip()
    return text if not text or text.endswith(ENDS) else text + "。"


def attention_sentence(items: list[dict[str, Any]]) -> str:
    """The line before the items needing attention, saying what they lack: a score, evidence, or either."""
    needing = [entry for entry in items if entry["attention"]]
    unscored = any(not entry["scored"] for entry in needing)
    missing = any(entry["missing"] for entry in needing)
    if unscored and missing:
        return f"以下{len(needing)}个评分项尚未评分或佐证材料不全，请牵头科室抓紧落实："
    if unscored:
        return f"以下{len(needing)}个评分项尚未评分，请牵头科室抓紧落实："
    return f"以下{len(needing)}个评分项佐证材料不全，请牵头科室抓紧补充：" if needing else ""


def summary_sentence(items: int, unscored: int, partial: int, total: str, maximum: str) -> str:
    """What the total means, in every state: nothing scored yet, part, or everything."""
    if items and unscored == items and not partial:
        return f"本次自评共 {items} 个评分项（满分 {maximum} 分），均尚未评分，自评总分待评分后确定。"
    if unscored:
        detail = f"（其中 {partial} 项分项尚未填完）" if partial else ""
        return (
            f"本次自评共 {items} 个评分项，已评分 {items - unscored} 项，尚有 {unscored} 项未评分{detail}；"
            f"目前自评总分 {total} 分（满分 {maximum} 分），未评分部分暂未计分。"
        )
    return f"本次自评共 {items} 个评分项，已全部评分，自评总分 {total} 分（满分 {maximum} 分）。"


def default_template() -> Path:
    return resource_dir("templates", DEFAULT_TEMPLATE)


def _supplied(bodies: list[str]) -> str:
    """ "由市发改委提供", "通过平台检查核实", both, or "暂无": who stands for the evidence the unit does not hold."""
    others = [body for body in bodies if body != PLATFORM]
    said = [f"由{'、'.join(others)}提供"] if others else []
    if PLATFORM in bodies:
        said.append(("并" if said else "") + f"通过{PLATFORM}核实")
    return "，".join(said) or "暂无"


def report_context(workspace: Workspace, assessment_id: int) -> dict[str, Any]:
    assessment = workspace.assessment(assessment_id)
    sheet = workspace.scores_now(assessment_id)  # the database now, never a window's copy
    system = sheet.system
    notes = workspace.notes(assessment_id)
    evidence = workspace.evidence.by_item(assessment_id)
    items, attention = [], []
    for item in system.items():
        score = sheet.items[item.code]
        states = evidence[item.code]
        files = [f.name for r in states.requirements for f in r.files] + [f.name for f in states.general]
        missing = [r.text for r in states.requirements if r.supplied_by is None and not r.files]
        reasons = []
        judged = is_judged(item)
        found = judgement(item, score)
        if not score.scored:
            reasons.append("尚未评定" if judged else "尚未评分" if not score.partial else "分项未填完")
        if missing:
            reasons.append(f"缺佐证材料 {len(missing)} 项")
        entry = {
            "code": item.code,
            "title": item.title,
            "path": " › ".join(item.path),
            "max": compact(item.points),
            "score": display(score.points) if score.scored or score.partial else "未评分",
            "scored": score.scored,
            "partial": score.partial and not score.scored,
            "explanation": sentence(f"评定：{found.label}" if found is not None else score.explanation),
            "note": sentence(notes.get(item.code, "")),
            "missing": missing,
            "evidence": "、".join(files) if files else _supplied(item.supplied_by),
            "attention": bool(reasons),
            "judged": judged,
            "judgement": found.label if found is not None else "",
        }
        items.append(entry)
        if reasons:
            attention.append({"code": item.code, "title": item.title, "reason": "，".join(reasons), "lead": item.lead})
    items.sort(key=lambda entry: not entry["attention"])  # what needs work first, then in table order
    for number, entry in enumerate(items, start=1):
        entry["number"] = f"（{chinese_number(number)}）"
    judged_table = judged_only(system)
    levels = [
        {
            "name": node.name,
            "points": compact(node.points) if node.points is not None else "—",
            "score": (
                count_judgements(sheet, node.key).text() if judged_table else display(sheet.nodes[node.key].points)
            ),
            "unscored": sheet.nodes[node.key].unscored,
        }
        for node in system.tree
    ]
    partial = sum(1 for entry in items if entry["partial"])
    if judged_table:  # no points: the judgements, counted, stand where the total would
        counts = count_judgements(sheet)
        summary, total, maximum = judged_summary(counts), counts.text(), "—"
    else:
        total, maximum = display(sheet.total), compact(sheet.max)
        summary = summary_sentence(len(sheet.items), len(sheet.unscored), partial, total, maximum)
    summary += "".join(f"{remark}。" for remark in total_remarks(sheet))
    return {
        "title": f"{assessment.unit}{assessment.year}年电子政务工作绩效自评报告",
        "system_title": system.title,
        "unit": assessment.unit,
        "year": assessment.year,
        "date": chinese_date(report_day(assessment)),
        "filled_by": assessment.filled_by,
        "total": total,
        "max": maximum,
        "item_count": len(sheet.items),
        "scored_count": len(sheet.items) - len(sheet.unscored),
        "unscored_count": len(sheet.unscored),
        "summary": summary,
        "levels": levels,
        "attention": attention,
        "attention_intro": attention_sentence(items),
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


SHORT_LINES = 11  # half a page of 3号 text (22 lines of 28 characters)
LINE_CHARS = 28


def _is_heading(paragraph: Any) -> bool:
    style = paragraph.style
    while style is not None:
        if style.name.lower().startswith("heading"):
            return True
        style = style.base_style
    return False


def keep_sections_together(document: Any) -> None:
    """A heading never ends a page alone: the paragraphs under each heading are kept with it — all of them when
    they fill less than half a page and are only text, else the first (so an intro line is not left either)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks = list(document.iter_inner_content())
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not _is_heading(block):
            continue
        section = []
        for following in blocks[index + 1 :]:
            if isinstance(following, Paragraph) and _is_heading(following):
                break
            section.append(following)
        while section and isinstance(section[-1], Paragraph) and not section[-1].text.strip():
            section.pop()  # blank lines before the next heading
        if not section:
            continue
        lines = sum(max(1, -(-len(b.text) // LINE_CHARS)) for b in section if isinstance(b, Paragraph))
        short = lines <= SHORT_LINES and not any(isinstance(b, Table) for b in section)
        for block in section[:-1] if short else section[:1]:
            if isinstance(block, Paragraph) and block is not section[-1]:
                block.paragraph_format.keep_with_next = True


class TemplateRefused(Refused):
    """A report template that cannot be used: not a .docx, broken template syntax, or reaching for what the
    sandbox forbids. Nothing was written."""


def _render(document: DocxTemplate, context: dict[str, object], name: str) -> None:
    try:
        document.render(context, jinja_env=SandboxedEnvironment(), autoescape=True)
    except SecurityError as exc:
        raise TemplateRefused(
            f"{name}: the template reaches for something a report may not ({exc}); nothing was written",
            f"{name}：模板试图访问报告不允许访问的内容（{exc}），已拒绝，没有写出报告",
            "template_unsafe",
        ) from None
    except TemplateSyntaxError as exc:
        raise TemplateRefused(
            f"{name}: the template's fields are not written right (line {exc.lineno}: {exc.message}); "
            "nothing was written",
            f"{name}：模板中的字段写法有误（第 {exc.lineno} 行：{exc.message}），没有写出报告",
            "template_syntax",
        ) from None
    except TemplateError as exc:
        raise TemplateRefused(
            f"{name}: the template cannot be filled in ({exc}); nothing was written",
            f"{name}：模板无法填写（{exc}），没有写出报告",
            "template_error",
        ) from None
    except (BadZipFile, PackageNotFoundError, KeyError) as exc:
        raise TemplateRefused(
            f"{name}: not a Word .docx template ({exc}); nothing was written",
            f"{name} 不是 Word .docx 模板（{exc}），没有写出报告",
            "template_not_docx",
        ) from None


def write_report(
    workspace: Workspace, assessment_id: int, out: Path, template: Path | None = None, chart_png: bytes | None = None
) -> Path:
    """Fill in the report template (the unit's own, or ours) and write it; a template that cannot be used is
    refused with :class:`TemplateRefused`."""
    chosen = template or default_template()
    document = DocxTemplate(str(chosen))
    context = printable_data(report_context(workspace, assessment_id))
    context["chart"] = CHART_MARK if chart_png else ""
    _render(document, context, display_name(Path(chosen).name))
    if chart_png:
        _place_chart(document.docx, chart_png)
    keep_sections_together(document.docx)
    if frozen := frozen_line(workspace.assessment(assessment_id)):  # at the very end, whatever the template
        document.docx.add_paragraph(frozen)
    with atomic_output(out) as temporary:
        document.save(str(temporary))
    return out
