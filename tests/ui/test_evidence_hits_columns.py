"""The 材料内容 hits' first column is wide enough for the item's code with its requirement's number."""

from __future__ import annotations

from egov_desk.core.evidence_text.types import SearchHit
from egov_desk.ui.evidence_search.hits import CODE, HitsDock


def hit(code: str, requirement: int | None) -> SearchHit:
    return SearchHit(1, "0" * 64, "总结.pdf", "pdf", code, "网站建设", requirement, 1, "网站建设情况", (0, 4), ())


def test_the_code_with_its_requirement_is_shown_whole(qapp) -> None:  # type: ignore[no-untyped-def]
    dock = HitsDock()
    dock.show_hits("网站", [hit("002", 12), hit("005", None)], 0)
    shown = dock.list.topLevelItem(0).text(CODE)
    assert "12" in shown
    assert dock.list.columnWidth(CODE) > dock.list.fontMetrics().horizontalAdvance(shown)


def test_codes_alone_keep_a_narrow_column(qapp) -> None:  # type: ignore[no-untyped-def]
    dock = HitsDock()
    dock.show_hits("网站", [hit("002", None)], 0)
    assert dock.list.columnWidth(CODE) < dock.list.columnWidth(1)
