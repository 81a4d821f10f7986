"""What counts as a document's date and as another unit's name, read from a page's text (no files needed)."""

from __future__ import annotations

from egov_desk.core.evidence_text.findings import dates_outside, other_units


def test_a_documents_own_date_in_any_common_writing_is_flagged_outside_the_year() -> None:
    page = "\n".join(["某某局", "2018年12月5日", "日期：2019-12-01", "2020.1.3", "二〇一七年十二月", "2019年3月1日"])
    assert dates_outside(page, 2019) == ["2018年12月5日", "2020.1.3", "二〇一七年十二月"]


def test_dates_inside_a_sentence_or_long_past_are_citations_not_the_documents_date() -> None:
    page = "\n".join(
        [
            "根据2018年3月1日印发的实施方案，结合本单位实际，制定本办法。",  # a sentence: cited
            "1999年10月1日",  # a law's date: decades before
            "2030年1月1日",  # far after: not a document of this cycle
            "2019年12月30日",
        ]
    )
    assert dates_outside(page, 2019) == []


def test_a_name_heading_or_signing_a_page_that_is_not_the_unit_nor_its_department_is_another_units() -> None:
    page = "\n".join(
        [
            "某某县人民政府文件",
            "关于开展网站普查的通知",
            *["正文第一段。"] * 10,
            "办公室",  # a department of the unit
            "某某市数据资源局信息中心",  # an office of the unit
            "某某市",  # not an organisation
            "某某县财政局（盖章）",
        ]
    )
    found = other_units(page, "某某市数据资源局", {"办公室", "信息中心"})
    assert found == ["某某县人民政府", "某某县财政局"]


def test_a_name_in_the_middle_of_a_page_is_not_its_heading_or_signature() -> None:
    page = "\n".join(["标题", "第一段", "第二段", "某某县人民政府", "第三段", "第四段", "第五段", "第六段", "第七段"])
    assert other_units(page, "某某市数据资源局", set()) == []
