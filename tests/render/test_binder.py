"""装订成册 of the demo workspace: the unit, a department and one item, opened as a reader opens them — the pages
are the cover, the table of contents and, per item, its separator and its evidence; the bookmarks open at the
separators; the table of contents names the right pages; every page after it carries "编号 第 n 页"."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from egov_desk.core.binder import Scope, build_binder
from egov_desk.core.workspace import Workspace
from egov_desk.render.binder import write_binder
from tests.render.binder_helpers import STAMP, outline, page_sizes, page_texts, toc_numbers

A4_PORTRAIT, A4_LANDSCAPE = (595, 842), (842, 595)


def bind(workspace: Workspace, scope: Scope, out: Path) -> tuple[int, list[str]]:
    binder = build_binder(workspace, workspace.default_assessment().id, scope)
    written = write_binder(binder, out)
    return written.pages, page_texts(out)


def contents_pages(texts: list[str]) -> int:
    """The table of contents' pages: those between the cover and the first stamped page."""
    return next(n for n, text in enumerate(texts) if STAMP.search(text)) - 1


def evidence_pages(workspace: Workspace, codes: list[str]) -> int:
    """What the items' files give: the demo's PDFs are one page each, its PNG one page."""
    evidence = workspace.evidence.by_item(workspace.default_assessment().id)
    return sum(len(evidence[code].files()) for code in codes)


def test_the_unit_binder_holds_cover_toc_and_each_item_with_its_evidence(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "全部.pdf"
    pages, texts = bind(demo, Scope("unit"), out)
    codes = [item.code for item in demo.system_now(demo.default_assessment().system_id).items()]
    toc_pages = contents_pages(texts)
    assert pages == len(texts) == 1 + toc_pages + len(codes) + evidence_pages(demo, codes)
    assert "市教育局" in texts[0]
    assert "佐证材料装订册" in texts[0]
    assert "全部评分项" in texts[0]
    assert "65.75 / 100" in texts[0]
    assert "未定稿" in texts[0]
    numbers = toc_numbers(texts)
    assert sorted(numbers) == codes
    for code, page in numbers.items():  # each entry names its separator's page
        assert f"编号 {code}" in texts[page - 1], code
        assert f"{code} 第 1 页" in texts[page - 1]
    for text in texts[1 + toc_pages :]:
        assert STAMP.search(text), text[:200]
    assert "002 第 2 页" in texts[numbers["002"]]  # the plan, stamped as the item's second page
    assert "egov-desk demo document 1" in texts[numbers["002"]]


def test_bookmarks_open_each_level_and_item_at_its_separator(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "全部.pdf"
    bind(demo, Scope("unit"), out)
    texts = page_texts(out)
    marks = outline(out)
    system = demo.system_now(demo.default_assessment().system_id)
    assert marks[:2] == [(0, "封面", 1), (0, "目录", 2)]
    assert [title for depth, title, _ in marks[2:] if depth == 0] == [node.name for node in system.tree]
    items = {title.split(" ", 1)[0]: (depth, page) for depth, title, page in marks if title[:3].isdigit()}
    assert sorted(items) == [item.code for item in system.items()]
    for code, (depth, page) in items.items():
        assert depth == 2
        assert f"编号 {code}" in texts[page - 1]
    first_level = next(page for depth, _, page in marks[2:] if depth == 0)
    assert "编号 001" in texts[first_level - 1]
    assert pypdf.PdfReader(out).trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_long_item_title_is_whole_in_its_bookmark_and_on_its_separator(demo: Workspace, tmp_path: Path) -> None:
    system = demo.system_now(demo.default_assessment().system_id)
    long = next(item for item in system.items() if item.title.endswith("…"))  # the rule's first clause, cut
    whole = re.split("[，。；]", long.rule_text.strip())[0]  # up to the clause's end, as the title means it
    assert len(whole) > 40
    out = tmp_path / "长标题.pdf"
    _, texts = bind(demo, Scope("item", long.code), out)
    assert [title for _, title, _ in outline(out)][-1] == f"{long.code} {whole}"
    assert whole in texts[2].replace("\n", "")  # the separator wraps it


def test_a_department_binder_holds_the_items_it_leads(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "信息中心.pdf"
    pages, texts = bind(demo, Scope("department", "信息中心"), out)
    system = demo.system_now(demo.default_assessment().system_id)
    lead = [item.code for item in system.items() if item.lead == "信息中心"]
    cooperating = [item.code for item in system.items() if "信息中心" in item.cooperating and item.lead != "信息中心"]
    assert cooperating, "the demo's 信息中心 cooperates on some items"
    assert pages == 1 + contents_pages(texts) + len(lead) + evidence_pages(demo, lead)
    assert sorted(toc_numbers(texts)) == lead
    assert "信息中心（牵头事项）" in texts[0]
    assert "配合的评分项由牵头科室装订" in texts[0]


def test_an_item_binder_places_its_image_on_an_a4_page(demo: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "003.pdf"
    pages, texts = bind(demo, Scope("item", "003"), out)
    assert pages == 5  # cover, contents, separator, the notice PDF, the sign-in sheet PNG
    assert "编号 003" in texts[2]
    assert "培训签到表.png" in texts[2]
    assert "共 2 页" in texts[2]
    assert "003 第 3 页" in texts[4]
    assert page_sizes(out) == [A4_PORTRAIT] * 4 + [A4_LANDSCAPE]  # the sheet is a wide scan: A4 turned
    marks = outline(out)
    assert [(depth, title.split(" ")[0], page) for depth, title, page in marks] == [
        (0, "封面", 1),
        (0, "目录", 2),
        (0, "发展环境", 3),
        (1, "工作统筹协调", 3),
        (2, "003", 3),
    ]
    assert build_binder(demo, demo.default_assessment().id, Scope("item", "003")).default_name() == (
        "市教育局-2019-003-装订册.pdf"
    )
