"""Write resources/templates/report-template.docx: the self-assessment report's default template.

A unit may replace that file with its own .docx using the same fields (see README, "Report template").
Run after changing this script:  python tools/make_report_template.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from egov_desk.core.exports.word import SIZES, Fonts, add_text, cell_text, page_numbers, repeat_as_header, set_defaults

TARGET = Path(__file__).resolve().parents[1] / "resources" / "templates" / "report-template.docx"


def main() -> None:
    fonts = Fonts()
    document = docx.Document()
    set_defaults(document, fonts, SIZES["三号"])
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    page_numbers(document, fonts, "{{ unit }} {{ year }}年电子政务绩效自评报告")

    def paragraph(
        text: str,
        size: float = SIZES["三号"],
        east_asia: str | None = None,
        bold: bool = False,
        center: bool = False,
        indent: bool = True,
    ) -> None:
        p = document.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = Pt(28)
        add_text(p, text, fonts, size, bold, east_asia)

    paragraph("{{ unit }}{{ year }}年电子政务工作绩效", SIZES["二号"], fonts.title, center=True)
    paragraph("自评报告", SIZES["二号"], fonts.title, center=True)
    paragraph("")
    paragraph("按照《{{ system_title }}》，我单位对{{ year }}年度电子政务工作开展了自评。现将自评情况报告如下。")
    paragraph("一、总体情况", east_asia=fonts.heading, indent=True)
    paragraph("自评总分 {{ total }} 分（满分 {{ max }} 分）。{{ summary }}")
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
    paragraph("二、需重点关注的事项", east_asia=fonts.heading)
    paragraph("{%p if attention %}", indent=False)
    paragraph("以下评分项尚未评分或佐证材料不全，请相关科室抓紧补充：")
    paragraph("{%p for a in attention %}", indent=False)
    paragraph("{{ a.code }} {{ a.title }}（{{ a.reason }}，牵头：{{ a.lead }}）")
    paragraph("{%p endfor %}", indent=False)
    paragraph("{%p else %}", indent=False)
    paragraph("所有评分项均已评分，佐证材料齐全。")
    paragraph("{%p endif %}", indent=False)
    paragraph("三、各评分项自评情况", east_asia=fonts.heading)
    paragraph("{%p for i in items %}", indent=False)
    paragraph("（{{ loop.index }}）{{ i.code }} {{ i.title }}", east_asia="楷体")
    paragraph(
        "分值 {{ i.max }} 分，自评 {{ i.score }} 分。{{ i.explanation }}{% if i.note %}说明：{{ i.note }}{% endif %}"
    )
    paragraph("佐证材料：{{ i.evidence }}。")
    paragraph("{%p endfor %}", indent=False)
    paragraph("")
    signature = document.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_text(signature, "{{ unit }}\n{{ date }}", fonts, SIZES["三号"])
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(TARGET))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
