"""A printed worklist never leaves a group's heading alone at the bottom of a page: when the heading, its table's
head and two lines do not fit, the heading starts the next page."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument

from egov_desk.core.worklist import UNSCORED, WorkEntry, Worklist
from egov_desk.ui.html_preview import headings_before_tables, keep_headings_with_lines
from egov_desk.ui.panels.worklist_view import worklist_html


def groups_page(groups: int, lines: int) -> str:
    rows = "".join(f"<tr><td>{n:03}</td><td>名称</td></tr>" for n in range(lines))
    tables = "".join(
        f"<h4>第{g}组（{lines}）</h4><table><thead><tr><th>编号</th><th>名称</th></tr></thead><tbody>{rows}</tbody></table>"
        for g in range(groups)
    )
    return f"<html><body><h3>待办清单</h3>{tables}</body></html>"


def laid_out(page: str, height: float) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(page)
    document.setPageSize(QSizeF(400, height))
    return document


def alone(document: QTextDocument) -> list[str]:
    """The headings on another page than their table's second line."""
    layout, height = document.documentLayout(), document.pageSize().height()
    found = []
    for heading, table in headings_before_tables(document):
        line = table.cellAt(min(2, table.rows() - 1), 0).lastCursorPosition().block()
        if int(layout.blockBoundingRect(heading).top() // height) != int(
            layout.blockBoundingRect(line).top() // height
        ):
            found.append(heading.text())
    return found


def test_a_heading_at_the_bottom_of_a_page_goes_to_the_next_with_its_lines(qapp) -> None:  # type: ignore[no-untyped-def]
    page = groups_page(4, 12)
    # a page height at which QTextDocument, left to itself, leaves a heading alone at the bottom
    height = next(h for h in range(150, 900, 3) if alone(laid_out(page, h)))
    document = laid_out(page, height)
    assert keep_headings_with_lines(document) >= 1
    assert alone(document) == []


def test_headings_that_fit_are_left_where_they_are(qapp) -> None:  # type: ignore[no-untyped-def]
    document = laid_out(groups_page(3, 2), 2000)
    pages = document.pageCount()
    assert keep_headings_with_lines(document) == 0
    assert document.pageCount() == pages


def test_the_worklist_page_has_a_heading_before_each_kinds_table(qapp) -> None:  # type: ignore[no-untyped-def]
    entries = tuple(WorkEntry(UNSCORED, f"{n:03}", "名称") for n in range(3))
    page = worklist_html(Worklist(1, 2019, None, entries), "2019 自评 待办清单")
    document = laid_out(page, 2000)
    assert [heading.text() for heading, _table in headings_before_tables(document)] == ["未评分（3）"]
