"""An indicator system as the .xlsx table units receive: a title row, a two-row header (一级/二级/三级指标, 分值,
评分细则, 编号, 备注, 任务分解 over 牵头科室 and 配合科室), one row per item with its levels' cells merged over their
items and named with their points ("发展环境（14）"). The importer reads it back to the same system: codes,
points, levels, rule texts, evidence and departments (the rules are proposed again from their text)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from egov_desk.core.exports.files import atomic_output
from egov_desk.core.exports.xlsx import BORDER, HEAD_FILL, first_sheet, lines_needed, merge_levels, put
from egov_desk.core.indicators import IndicatorSystem, Item, Node
from egov_desk.core.points import compact

_NUMERALS = "一二三四五六七八九"
NAME_HEADER = "考核内容"  # only when some item has a name of its own
TAIL = ["分值", "评分细则", "编号", "备注", "任务分解", ""]
DEPARTMENTS = ["牵头科室", "配合科室"]
POINTS_FORMAT = "0.0#"
_WIDTHS = {"分值": 6, "评分细则": 50, "编号": 7, "备注": 36, "任务分解": 11, "": 12, NAME_HEADER: 20}


def level_headers(depth: int) -> list[str]:
    return [f"{_NUMERALS[n] if n < len(_NUMERALS) else n + 1}级指标" for n in range(depth)]


def _label(node: Node) -> str:
    if node.weighted and node.weight is not None:  # read back by the importer (core/importers/weights.py)
        return f"{node.name}（权重{compact(node.weight)}%）"
    return f"{node.name}（{compact(node.points)}）" if node.points is not None else node.name


def _rows(system: IndicatorSystem) -> list[tuple[Item, list[Node]]]:
    rows = []
    for node in system.nodes():
        for item in node.items:
            rows.append((item, [system.node(item.node_key[:n]) for n in range(1, len(item.node_key) + 1)]))
    return rows


def write_system_xlsx(system: IndicatorSystem, out: Path) -> Path:
    """Write ``system`` to ``out`` in the original table's layout (atomically: a failure leaves no file)."""
    depth = max(system.depth, 1)
    named = any(item.name for item in system.items())
    headers = level_headers(depth) + ([NAME_HEADER] if named else []) + TAIL
    book = Workbook()
    ws = first_sheet(book, "考评指标")
    _title(ws, system.title, len(headers))
    _header(ws, headers)
    rows = _rows(system)
    first = 4
    for offset, (item, chain) in enumerate(rows):
        levels = [_label(node) for node in chain[:depth]] + [""] * (depth - len(chain))
        values: list[object] = [
            *levels,
            *([item.name] if named else []),
            float(item.points),
            item.rule_text,
            item.code,
            item.evidence_text,
            item.lead,
            "\n".join(item.cooperating),
        ]
        row = first + offset
        for column, value in enumerate(values, start=1):
            cell = put(ws.cell(row, column), value)
            cell.border = BORDER
            cell.font = Font(name="仿宋", size=10)
            centred = headers[column - 1] in ("分值", "编号") or column <= depth
            cell.alignment = Alignment(vertical="center", wrap_text=True, horizontal="center" if centred else "left")
        ws.cell(row, headers.index("分值") + 1).number_format = POINTS_FORMAT
    merge_levels(ws, rows, depth, first)
    widths = [14 if column < depth else _WIDTHS[header] for column, header in enumerate(headers)]
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    for row in range(first, first + len(rows)):
        lines = max(lines_needed(ws.cell(row, column).value, width) for column, width in enumerate(widths, start=1))
        ws.row_dimensions[row].height = lines * 13 + 4
    ws.freeze_panes = f"{get_column_letter(depth + 1)}{first}"
    ws.print_title_rows = f"1:{first - 1}"
    ws.page_setup.orientation = "landscape"
    with atomic_output(out) as temporary:
        book.save(str(temporary))
    return out


def _title(ws: Worksheet, title: str, width: int) -> None:
    cell = put(ws.cell(1, 1), title)
    cell.font = Font(name="黑体", size=14, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 28


def _header(ws: Worksheet, headers: list[str]) -> None:
    """Two rows: every header merged down over both, but 任务分解 over 牵头科室 and 配合科室."""
    split = headers.index("任务分解") + 1
    for column, header in enumerate(headers, start=1):
        put(ws.cell(2, column), header)
        if column < split:
            ws.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    ws.merge_cells(start_row=2, start_column=split, end_row=2, end_column=split + 1)
    for offset, name in enumerate(DEPARTMENTS):
        put(ws.cell(3, split + offset), name)
    for row in (2, 3):
        for column in range(1, len(headers) + 1):
            cell = ws.cell(row, column)
            cell.font = Font(name="黑体", size=10, bold=True)
            cell.fill = HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BORDER
