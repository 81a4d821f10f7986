"""Excel (.xlsx) sheets → a :class:`Grid`, merged ranges resolved; picks the sheet with the indicator table.

Nothing is loaded whole. The workbook is opened in openpyxl's read-only (streaming) mode on a :class:`CappedZip`,
so every part is unpacked under the import's :class:`Budget`. Each sheet's rows are streamed once, up to
:data:`MAX_ROWS` rows of :data:`MAX_COLUMNS` columns (a longer sheet stops there and is set aside); the sheet
the person named, else the visible one most like an indicator table (:mod:`.sheets`), is kept, and only its
``<mergeCells>`` are then read, by streaming its XML with expat — a huge second sheet costs the rows read before
it is set aside, never a load of the sheet.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import range_boundaries

from egov_desk.core.importers.grid import Cell, Grid, ImportRefused, SheetRead
from egov_desk.core.importers.limits import Budget, CappedZip
from egov_desk.core.importers.safety import check_package
from egov_desk.core.importers.sheets import score_sheet
from egov_desk.core.importers.xlsx_stream import MAX_COLUMNS, Sheet, open_read_only, sheets_of, stream_rows

MAX_ROWS = 5000

Merge = tuple[int, int, int, int]  # top, left, bottom, right; 0-based, inclusive


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


def _refusal_inside(exc: BaseException) -> ImportRefused | None:
    """A budget refusal that openpyxl wrapped in an error of its own (it re-raises every ValueError)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ImportRefused):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


@dataclass
class SheetScan:
    """One sheet streamed: its rows' texts (at most MAX_ROWS) and how header-like its first rows are."""

    title: str
    part: str
    rows: list[list[str]] = field(default_factory=list)
    too_big: bool = False
    has_data: bool = False
    hidden: bool = False
    score: float = 0
    why: str = ""
    why_english: str = ""
    row_count: int = 0  # rows with data
    merges: list[str] = field(default_factory=list)  # its merged ranges, read with its rows


def scan_sheet(sheet: Sheet, budget: Budget) -> SheetScan:
    """Stream ``sheet``'s rows, keeping texts of the first MAX_ROWS; a non-empty row past them sets it aside."""
    scan = SheetScan(sheet.title, sheet._worksheet_path, hidden=sheet.hidden)
    rows = stream_rows(sheet, budget, scan.merges)
    try:
        for number, values in rows:
            texts = {column: text for column, value in values.items() if (text := _text(value))}
            if number > MAX_ROWS:
                if texts:
                    scan.too_big, scan.rows = True, []
                    return scan
                continue
            if number <= len(scan.rows):
                continue  # a row written twice or out of order: the first one counts
            scan.rows.extend([] for _ in range(number - 1 - len(scan.rows)))  # rows the file leaves out
            scan.rows.append([texts.get(c, "") for c in range(1, max(texts, default=0) + 1)])
    finally:
        rows.close()
    while scan.rows and not any(scan.rows[-1]):
        scan.rows.pop()
    scan.has_data = bool(scan.rows)
    scan.row_count = sum(1 for row in scan.rows if any(row))
    scored = score_sheet(scan.rows)
    scan.score, scan.why, scan.why_english = scored.score, scored.why, scored.why_english
    return scan


def merged_ranges(refs: list[str]) -> list[Merge]:
    """The sheet's merged ranges ("B2:B101") as 0-based (top, left, bottom, right); a damaged one is left out."""
    found: list[Merge] = []
    for ref in refs:
        try:
            left, top, right, bottom = range_boundaries(ref)
        except (ValueError, TypeError):
            continue  # a damaged reference: the cells stay as written
        if left is not None and top is not None and right is not None and bottom is not None:
            found.append((top - 1, left - 1, bottom - 1, right - 1))
    return found


def _grid(scan: SheetScan, merges: list[Merge]) -> Grid:
    height = len(scan.rows)
    filled = [max((c + 1 for c, text in enumerate(row) if text), default=0) for row in scan.rows]
    spans = [right + 1 for top, left, _bottom, right in merges if top < height and left < MAX_COLUMNS]
    width = min(max([*filled, *spans], default=0), MAX_COLUMNS)
    values = [(row + [""] * width)[:width] for row in scan.rows]
    rows = [[Cell(values[r][c], (r, c)) for c in range(width)] for r in range(height)]
    for top, left, bottom, right in merges:
        if top >= height or left >= width:
            continue
        text = values[top][left]
        for r in range(top, min(bottom + 1, height)):
            for c in range(left, min(right + 1, width)):
                rows[r][c] = Cell(text, (top, left))
    labels = [f"{scan.title} 第{r + 1}行" for r in range(height)]
    return Grid(rows=rows, labels=labels, source="xlsx")


def _unknown_sheet(file: str, wanted: str, scans: list[SheetScan]) -> ImportRefused:
    names = [scan.title for scan in scans]
    return ImportRefused(
        f"{file}: the workbook has no sheet named {wanted!r} (its sheets: {', '.join(names)}); --sheet NAME",
        f"{file}：工作簿中没有名为“{wanted}”的工作表（现有：{'、'.join(names)}）；请用 --sheet 指明其中一个",
        "unknown_sheet",
        {"file": file, "sheet": wanted, "sheets": names},
    )


def _readable(scan: SheetScan) -> bool:
    return scan.has_data and not scan.too_big


def _choose(
    archive: CappedZip, budget: Budget, wanted: str | None
) -> tuple[list[SheetScan], SheetScan | None, list[Merge]]:
    """Every sheet scanned, the one to read (``wanted``, else the most indicator-like visible one; its rows kept)
    and its merged ranges."""
    workbook = open_read_only(archive)
    try:
        best: SheetScan | None = None
        scans: list[SheetScan] = []
        for sheet in sheets_of(workbook):
            scan = scan_sheet(sheet, budget)
            scans.append(scan)
            if wanted is not None:
                better = scan.title == wanted
            else:
                better = _readable(scan) and not scan.hidden and (best is None or scan.score > best.score)
            if better:
                if best is not None:
                    best.rows = []  # only the chosen sheet's rows are kept
                best = scan
            else:
                scan.rows = []
        if wanted is not None and best is None:
            raise _unknown_sheet(budget.file, wanted, scans)
        merges = merged_ranges(best.merges) if best and _readable(best) else []
    finally:
        workbook.close()
    return scans, best, merges


def _sheets_read(scans: list[SheetScan], chosen: SheetScan, wanted: str | None) -> list[SheetRead]:
    out = []
    for scan in scans:
        why, why_english = scan.why, scan.why_english
        if scan.too_big:
            why, why_english = f"超过 {MAX_ROWS} 行，未读取", f"more than {MAX_ROWS} rows, not read"
        elif not scan.has_data:
            why, why_english = "没有数据", "no data"
        elif scan is chosen and wanted is not None:
            why, why_english = f"按指定读取；{why}", f"read as asked; {why_english}"
        elif scan.hidden:
            why, why_english = f"隐藏的工作表；{why}", f"a hidden sheet; {why_english}"
        out.append(SheetRead(scan.title, scan.row_count, scan.score, scan is chosen, why, why_english, scan.hidden))
    return out


def read_xlsx(path: Path, budget: Budget | None = None, sheet: str | None = None) -> Grid:
    """The indicator table of a workbook: the sheet named ``sheet``, else the visible sheet most like one."""
    budget = budget or Budget(file=path.name)
    check_package(path, "Excel", budget)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not read
            with CappedZip(path, budget) as archive:
                scans, best, merges = _choose(archive, budget, sheet)
                too_big = [scan.title for scan in scans if scan.too_big]
                if best is not None and not _readable(best):  # the sheet asked for: too big or empty
                    too_big = [best.title] if best.too_big else []
                    best = None
                if best is None and too_big:
                    raise ImportRefused(
                        f"{path.name}: sheet {too_big[0]} has more than {MAX_ROWS} rows; an indicator "
                        "table has far fewer — reading stopped there",
                        f"{path.name}：工作表“{too_big[0]}”超过 {MAX_ROWS} 行，指标表远没有这么多行——已停止读取",
                        "too_many_rows",
                        {"file": path.name, "sheet": too_big[0], "limit": MAX_ROWS},
                    )
                if best is None:
                    raise ImportRefused(
                        f"{path.name}: the workbook has no sheet with data",
                        f"{path.name}：工作簿中没有含数据的工作表",
                        "no_data",
                        {"file": path.name},
                    )
    except ImportRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on broken workbooks
        if refusal := _refusal_inside(exc):
            raise refusal from None
        raise ImportRefused(
            f"{path.name}: Excel cannot read this file ({type(exc).__name__}: {exc})",
            f"{path.name}：无法作为 Excel 文件读取（{type(exc).__name__}：{exc}）",
            "damaged",
            {"file": path.name},
        ) from None
    grid = _grid(best, merges)
    grid.sheets = _sheets_read(scans, best, sheet)
    with_data = [scan for scan in scans if _readable(scan)]
    if len(with_data) > 1 and sheet is None:
        grid.notes.append(
            f"工作簿有 {len(with_data)} 个工作表，使用最像指标表的“{best.title}”（{best.why}）；"
            "如不对，可在导入向导第一页选择其他工作表（命令行：--sheet 工作表名）"
        )
    for name in too_big:
        grid.notes.append(f"工作表“{name}”超过 {MAX_ROWS} 行，未读取")
    return grid
