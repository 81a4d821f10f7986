"""Evidence requirements read from 备注: one per numbered line or sentence; who supplies what."""

from __future__ import annotations

from egov_desk.core.requirements import PLATFORM, Requirement, parse_requirements, supplier_of
from egov_desk.core.templates import load_template


def test_numbered_lines_become_separate_requirements() -> None:
    assert parse_requirements("1.2019年本单位电子政务工作计划及完成情况。\n2.2020年本单位电子政务工作计划。") == [
        Requirement("2019年本单位电子政务工作计划及完成情况"),
        Requirement("2020年本单位电子政务工作计划"),
    ]


def test_other_numbering_styles() -> None:
    texts = [r.text for r in parse_requirements("（1）方案\n(2)报告\n3、总结\n①照片")]
    assert texts == ["方案", "报告", "总结", "照片"]


def test_one_sentence_is_one_requirement() -> None:
    assert parse_requirements("本单位政务信息化系统清单。") == [Requirement("本单位政务信息化系统清单")]


def test_sentences_split_but_not_inside_brackets() -> None:
    text = "1.项目建议书中专门分析信息共享需求的（主要提供封面、目录。扫描件）。"
    assert len(parse_requirements(text)) == 1
    assert len(parse_requirements("应急预案的正式文件。2019年应急演练方案、应急演练报告等材料。")) == 2


def test_bodies_that_supply_results_are_named() -> None:
    assert supplier_of("市发改委提供。") == "市发改委"
    assert supplier_of("市大数据资源局监测结果") == "市大数据资源局"
    assert supplier_of("市政务服务中心提供") == "市政务服务中心"
    assert supplier_of("平台检查") == PLATFORM
    assert supplier_of("登录平台查看。") == PLATFORM
    assert supplier_of("提供相关证明材料。") is None
    assert supplier_of("查证有关资料") is None


def test_mixed_lines_split_materials_from_platform_checks() -> None:
    assert parse_requirements("查证有关资料、平台检查") == [
        Requirement("查证有关资料"),
        Requirement("平台检查", PLATFORM),
    ]
    assert parse_requirements("提供相关文件材料。\n市大数据资源局监测结果。") == [
        Requirement("提供相关文件材料"),
        Requirement("市大数据资源局监测结果", "市大数据资源局"),
    ]


def test_empty_evidence_gives_no_requirements() -> None:
    assert parse_requirements("") == []
    assert parse_requirements(" \n ") == []


def test_the_2019_items_have_the_expected_checklists() -> None:
    system = load_template("builtin:2019")
    counts = {item.code: len(item.requirements) for item in system.items()}
    assert counts["002"] == 2
    assert counts["030"] == 2
    assert counts["035"] == 2
    assert counts["001"] == 1
    assert [r.supplied_by for r in system.item("027").requirements] == [PLATFORM, "市大数据资源局"]
    by_unit = [i.code for i in system.items() if all(r.by_unit for r in i.requirements)]
    assert "012" not in by_unit
    assert "005" in by_unit
