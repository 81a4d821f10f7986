"""Write resources/templates/report-template.docx: the self-assessment report's default template.

A unit may replace that file with its own .docx using the same fields (see README, "Report template").
Run after changing this script:  python tools/make_report_template.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from egov_desk.core.exports.word import (
    SIZES,
    Fonts,
    add_text,
    cell_text,
    heading_style,
    page_numbers,
    repeat_as_header,
    set_defaults,
)

KAI = "楷体"  # KaiTi: the （一） headings
TARGET = Path(__file__).resolve().parents[1] / "resources" / "templates" / "report-template.docx"


def main() -> None:
    fonts = Fonts()
    document = docx.Document()
    set_defaults(document, fonts, SIZES["三号"])
    document.styles["Normal"].paragraph_format.widow_control = True
    heading_style(document, 1, fonts.heading, fonts, SIZES["三号"])  # 一、 黑体
    heading_style(document, 2, KAI, fonts, SIZES["三号"])  # （一） 楷体
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    page_numbers(document, fonts, "{{ unit }} {{ year }}年电子政务绩效自评报告")

    def paragraph(
        text: str,
        size: float = SIZES["三号"],
        east_asia: str | None = None,
        center: bool = False,
        indent: bool = True,
        right: bool = False,
        keep_with_next: bool = False,
    ) -> None:
        p = document.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.right_indent = Pt(size * 4)  # 成文日期右空四字 (GB/T 9704)
        elif indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = Pt(28)
        p.paragraph_format.keep_with_next = keep_with_next or None
        add_text(p, text, fonts, size, east_asia=east_asia)

    def heading(text: str, level: int) -> None:
        p = document.add_paragraph(style=f"Heading {level}")
        add_text(p, text, fonts, SIZES["三号"], east_asia=fonts.heading if level == 1 else KAI)

    def tag(text: str) -> None:  # a docxtpl {%p … %} line: the whole paragraph goes when rendered
        paragraph(text, indent=False)

    paragraph("{{ unit }}{{ year }}年电子政务工作绩效", SIZES["二号"], fonts.title, center=True, keep_with_next=True)
    paragraph("自评报告", SIZES["二号"], fonts.title, center=True, keep_with_next=True)
    paragraph("")
    paragraph("按照《{{ system_title }}》，我单位对{{ year }}年度电子政务工作开展了自评。现将自评情况报告如下。")
    heading("一、总体情况", 1)
    paragraph("{{ summary }}", keep_with_next=True)
    chart = document.add_paragraph()  # no fixed line height here, or the picture is cut to one line
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
    chart.paragraph_format.line_spacing = 1.0
    add_text(chart, "{{ chart }}", fonts, SIZES["三号"])
    table = document.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["一级指标", "分值", "自评得分", "未评分项"], strict=True):
        cell_text(cell, [text], fonts, SIZES["四号"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    table.rows[1].cells[0].text = "{%tr for level in levels %}"
    for cell, text in zip(
        table.rows[2].cells,
        ["{{ level.name }}", "{{ level.points }}", "{{ level.score }}", "{{ level.unscored }}"],
        strict=True,
    ):
        cell_text(cell, [text], fonts, SIZES["四号"], align=WD_ALIGN_PARAGRAPH.CENTER)
    closing = table.add_row()
    closing.cells[0].text = "{%tr endfor %}"
    total = table.add_row()
    for cell, text in zip(total.cells, ["合计", "{{ max }}", "{{ total }}", "{{ unscored_count }}"], strict=True):
        cell_text(cell, [text], fonts, SIZES["四号"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    repeat_as_header(table)
    paragraph("")
    heading("二、需重点关注的事项", 1)
    tag("{%p if attention %}")
    paragraph("{{ attention_intro }}", keep_with_next=True)
    tag("{%p for a in attention %}")
    paragraph("{{ a.code }} {{ a.title }}（{{ a.reason }}；牵头科室：{{ a.lead }}）")
    tag("{%p endfor %}")
    tag("{%p else %}")
    paragraph("所有评分项均已评分，佐证材料齐全。")
    tag("{%p endif %}")
    heading("三、各评分项自评情况", 1)
    tag("{%p for i in items %}")
    heading("{{ i.number }}{{ i.code }} {{ i.title }}", 2)
    paragraph(
        "{% if i.judged %}{% if i.judgement %}评定：{{ i.judgement }}。{% else %}尚未评定。{% endif %}"
        "{% else %}分值 {{ i.max }} 分，"
        "{% if i.scored %}自评 {{ i.score }} 分。"
        "{% elif i.partial %}分项尚未填完，已填部分计 {{ i.score }} 分。"
        "{% else %}尚未评分。{% endif %}"
        "{{ i.explanation }}{% endif %}{% if i.note %}说明：{{ i.note }}{% endif %}",
        keep_with_next=True,
    )
    paragraph("佐证材料：{{ i.evidence }}。")
    tag("{%p endfor %}")
    paragraph("")
    tag("{%p if filled_by %}")
    paragraph("填报人：{{ filled_by }}")
    tag("{%p endif %}")
    paragraph("")
    paragraph("{{ unit }}", right=True, keep_with_next=True)
    paragraph("{{ date }}", right=True)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(TARGET))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
