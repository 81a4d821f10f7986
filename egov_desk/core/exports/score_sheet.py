"""The score sheet (.xlsx) in the original table's layout — level cells merged, the same columns — plus 自评得分,
得分说明 and the evidence status, with the totals per level; set up to print landscape, fit to width, titles
repeated. People may type scores of manual and external items into 自评得分 and import them back.

A pass/fail item says its judgement (合格 …) in 自评得分 and has no 分值; in a table without points every level
and the total row say how many items have each judgement instead of 0.00."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from egov_desk.core.exports.details import BLANK_NAME, chinese_date, report_day
from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.total_words import total_remarks
from egov_desk.core.exports.xlsx import (
    BORDER,
    HEAD_FILL,
    first_sheet,
    header_part,
    lines_needed,
    merge_levels,
    print_landscape,
    put,
)
from egov_desk.core.judgements import count_judgements, is_judged, judged_only, judgement
from egov_desk.core.points import compact, display, rounded
from egov_desk.core.snapshot import frozen_line

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item, Node
    from egov_desk.core.workspace import Workspace

LEVEL_NAMES = ["一级指标", "二级指标", "三级指标", "四级指标", "五级指标"]
TAIL = ["分值", "评分细则", "编号", "备注", "牵头科室", "配合科室", "自评得分", "得分说明", "材料情况"]
SCORE_HEADER = "自评得分"
CODE_HEADER = "编号"
SCORE_FILL = PatternFill("solid", fgColor="FFF7E0")  # the column people may type into
POINTS_FORMAT = "0.0#"  # 分值 as in the table: 4.0, 0.5, 0.25
SCORE_FORMAT = "0.00"  # 自评得分 rounded to 2 places (四舍五入), as the scores are everywhere


def write_score_sheet(workspace: Workspace, assessment_id: int, out: Path) -> Path:
    assessment = workspace.assessment(assessment_id)
    sheet = workspace.scores_now(assessment_id)  # the database now, never a window's copy
    system = sheet.system
    inputs_notes = workspace.notes(assessment_id)
    evidence = workspace.evidence.by_item(assessment_id)
    depth = system.depth
    headers = LEVEL_NAMES[:depth] + TAIL
    book = Workbook()
    ws = first_sheet(book, "自评得分表")
    title = system.title if system.title.startswith(str(assessment.year)) else f"{assessment.year}年{system.title}"
    put(ws.cell(1, 1), f"{title}——{assessment.unit}自评得分表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A1"].font = Font(name="黑体", size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    for column, header in enumerate(headers, start=1):
        cell = put(ws.cell(2, column), header)
        cell.font = Font(name="黑体", size=10, bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER

    rows: list[tuple[Item, list[Node]]] = []
    for node in system.nodes():
        for item in node.items:
            chain = [system.node(item.node_key[:n]) for n in range(1, len(item.node_key) + 1)]
            rows.append((item, chain))
    first = 3
    judged_table = judged_only(system)
    for offset, (item, chain) in enumerate(rows):
        score = sheet.items[item.code]
        levels = []
        for node in chain[:depth]:
            points = f"（{compact(node.points)}）" if node.points is not None else ""
            if judged_table:
                levels.append(f"{node.name}\n{count_judgements(sheet, node.key).text()}")
            else:
                levels.append(f"{node.name}{points}\n得分 {display(sheet.nodes[node.key].points)}")
        levels += [""] * (depth - len(levels))
        states = evidence[item.code]
        if states.needed:
            status = f"已收集 {states.collected}/{states.needed}" + (
                f"，已核验 {states.checked}" if states.checked else ""
            )
        else:
            status = "外单位提供" if item.supplied_by else "—"
        judged = is_judged(item)
        found = judgement(item, score)
        shown: str | float | None = float(rounded(score.points)) if score.scored or score.partial else None
        if judged:  # its judgement where a score would stand, not 0.00
            shown = found.label if found is not None else None
            explanation = "" if found is not None else "未评定"
        else:
            explanation = score.explanation if score.scored or score.partial else "未评分"
        if inputs_notes.get(item.code):
            explanation = "；".join(part for part in (explanation, inputs_notes[item.code]) if part)
        values = [
            *levels,
            None if judged else float(item.points),
            item.rule_text,
            item.code,
            item.evidence_text,
            item.lead,
            "\n".join(item.cooperating),
            shown,
            explanation,
            status,
        ]
        row = first + offset
        for column, value in enumerate(values, start=1):
            cell = put(ws.cell(row, column), value)
            cell.border = BORDER
            cell.font = Font(name="仿宋", size=10)
            cell.alignment = Alignment(
                vertical="center",
                wrap_text=True,
                horizontal="center" if headers[column - 1] in ("分值", "编号", "自评得分") else "left",
            )
        ws.cell(row, depth + 1).number_format = POINTS_FORMAT
        ws.cell(row, headers.index(SCORE_HEADER) + 1).fill = SCORE_FILL
        ws.cell(row, headers.index(SCORE_HEADER) + 1).number_format = SCORE_FORMAT  # also for a typed score
    last = first + len(rows) - 1
    merge_levels(ws, rows, depth, first)
    total = last + 1
    put(ws.cell(total, 1), "合计")
    ws.merge_cells(start_row=total, start_column=1, end_row=total, end_column=depth)
    if judged_table:  # no points to add up: the judgements, counted
        said = count_judgements(sheet).text()
    else:
        put(ws.cell(total, depth + 1), float(sheet.max)).number_format = POINTS_FORMAT
        put(ws.cell(total, headers.index(SCORE_HEADER) + 1), float(rounded(sheet.total))).number_format = SCORE_FORMAT
        said = f"未评分 {len(sheet.unscored)} 项" if sheet.unscored else "已全部评分"
    put(ws.cell(total, headers.index("得分说明") + 1), "；".join([said, *total_remarks(sheet)]))
    for column in range(1, len(headers) + 1):
        styled = ws.cell(total, column)  # merged cells are styled too: their borders print
        styled.border = BORDER
        styled.font = Font(name="黑体", size=10, bold=True)
        styled.alignment = Alignment(horizontal="center", vertical="center")
    widths = [14] * depth + [6, 46, 7, 30, 10, 12, 9, 24, 14]
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    for row in range(first, last + 1):  # spreadsheet programs do not grow rows for wrapped text on opening
        lines = max(lines_needed(ws.cell(row, column).value, width) for column, width in enumerate(widths, start=1))
        ws.row_dimensions[row].height = max(1, lines) * 13 + 4
    _signatures(ws, total + 2, depth, assessment.filled_by, chinese_date(report_day(assessment)))
    if frozen := frozen_line(assessment):  # in the first column, which is no 编号: reading scores back skips it
        put(ws.cell(total + 3, 1), frozen).font = Font(name="仿宋", size=10)
        ws.merge_cells(start_row=total + 3, start_column=1, end_row=total + 3, end_column=len(headers))
    ws.freeze_panes = f"{get_column_letter(depth + 1)}3"
    print_landscape(ws, "1:2")
    ws.page_margins.left = ws.page_margins.right = 0.5
    header_part(ws, "footer.center").text = "第 &P 页 共 &N 页"
    with atomic_output(out) as temporary:
        book.save(str(temporary))
    return out


def _signatures(ws: Worksheet, row: int, depth: int, filled_by: str, day: str) -> None:
    """填报人, 审核人, 单位（盖章） and 日期 under the table, each over a few merged columns; nothing stands in the
    编号 column, so reading typed scores back passes over this row."""
    parts = [
        (1, depth + 1, f"填报人：{filled_by or BLANK_NAME}"),
        (depth + 2, depth + 3, f"审核人：{BLANK_NAME}"),
        (depth + 4, depth + 6, f"单位（盖章）：{BLANK_NAME}"),
        (depth + 7, depth + 9, f"日期：{day}"),
    ]
    for start, end, text in parts:
        cell = put(ws.cell(row, start), text)
        cell.font = Font(name="仿宋", size=11)
        cell.alignment = Alignment(horizontal="left", vertical="bottom")
        ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=end)
    ws.row_dimensions[row].height = 36
