"""A second table on the same sheet: below the first table's rows, its own title row and its own header (worded
the same or not), its numbering starting again. It is read by its own header; its rows become a top-level level
named by its title, and codes that would repeat the first table's are prefixed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from egov_desk.core.importers.boundaries import is_blank, is_header_like, own_texts
from egov_desk.core.importers.findings import Finding, all_items, places
from egov_desk.core.importers.grid import Cell, Grid
from egov_desk.core.importers.headers import normalise
from egov_desk.core.importers.labels import read_points, strip_numbering
from egov_desk.core.importers.options import RowKind
from egov_desk.core.importers.table import Layout
from egov_desk.core.importers.tree_nodes import Built, Level

_TITLE_WORDS = re.compile(r"表|细则|指标|考核|考评|评价|评估|办法|体系|清单|20\d\d\s*年")


def _is_title(grid: Grid, row: int) -> bool:
    texts = own_texts(grid, row)
    if len(texts) != 1:
        return False
    text = normalise(texts[0])
    return len(text) >= 4 and bool(_TITLE_WORDS.search(text)) and read_points(text) is None


def find_second_table(
    grid: Grid, first: int, header_texts: list[list[str]], chosen: Mapping[int, RowKind]
) -> int | None:
    """The title row of a second table below ``first`` (the first data row), or None."""
    for row in range(first + 1, len(grid.rows)):
        if row in chosen or not is_header_like(grid.row_texts(row), header_texts):
            continue
        title = row - 1
        while title > first and is_blank(grid, title):
            title -= 1
        if title > first and chosen.get(title, "section") == "section" and _is_title(grid, title):
            return title
    return None


def part_from(grid: Grid, start: int) -> Grid:
    """The rows from ``start`` on as a grid of their own (merges that reach above ``start`` cut there)."""
    rows = [
        [
            Cell(cell.text, (cell.origin[0] - start, cell.origin[1]) if cell.origin[0] >= start else (r, c))
            for c, cell in enumerate(grid.rows[start + r])
        ]
        for r in range(len(grid.rows) - start)
    ]
    title = own_texts(grid, start)[0]
    return Grid(rows=rows, labels=grid.labels[start:], title=title, source=grid.source)


def keep_codes_apart(
    first: list[dict[str, Any]], second: list[dict[str, Any]], number: int, title: str
) -> list[Finding]:
    """Prefix the second table's codes ("2-1") when any of them repeats one of the first table's (both given as
    interchange trees)."""
    used = {item["code"] for item in all_items(first) if item["code"]}
    items = [item for item in all_items(second) if item["code"]]
    if not any(item["code"] in used for item in items):
        return []
    for item in items:
        item["code"] = f"{number}-{item['code']}"
    rows = tuple(item.get("_row", "") for item in items)
    return [
        Finding(
            "info",
            "",
            f"第{number}个表“{title}”的编号从头开始，与前面的表重复，已在 {len(items)} 项的编号前加“{number}-”："
            f"{places(rows)}",
            rows=rows,
        )
    ]


def joined(grid: Grid, first_title: str, first: Built, start: int, layout: Layout, second: Built, number: int) -> Built:
    """The first table's tree and the second's (read from row ``start`` of ``grid`` by its own ``layout``) as one:
    the second under a top-level level named by its title, the first under its own title when it has one."""
    title = strip_numbering(normalise(own_texts(grid, start)[0]))
    later = Level(title, None, grid.labels[start], children=second.roots)
    roots = [later]
    if first_title:
        roots.insert(0, Level(strip_numbering(normalise(first_title)), None, grid.labels[0], children=first.roots))
    else:
        roots[:0] = first.roots
    for level in (later, *roots[:1]):
        level.points = _sum(level)
    header = [start + row for row in layout.header_rows]
    kinds = dict(first.row_kinds) | {start: "section"} | dict.fromkeys(header, "ignore")
    kinds |= {start + row: kind for row, kind in second.row_kinds.items()}
    read_as = "、".join(f"{c.header}→{c.describe}" for c in layout.columns if c.role != "extra")
    finding = Finding(
        "info",
        grid.labels[start],
        f"第{number}个表“{title}”（标题与表头：{places([grid.labels[r] for r in (start, *header)])}）按其自己的表头读取"
        f"（{read_as}），作为一级指标“{title}”",
    )
    first_tree = [level.to_json() for level in first.roots]
    second_tree = [level.to_json() for level in second.roots]
    findings = [*first.findings, finding, *second.findings, *keep_codes_apart(first_tree, second_tree, number, title)]
    totals = [t for t in (first.total_row, second.total_row) if t is not None]
    total = sum(totals, Decimal(0)) if len(totals) == 2 else None
    return Built(roots, findings, total, row_kinds=kinds, tables=2, later_headers=tuple(header))


def _sum(level: Level) -> Decimal | None:
    values = [child.points for child in level.children]
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if values and len(known) == len(values) else None
