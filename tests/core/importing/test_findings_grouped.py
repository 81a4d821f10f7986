"""Findings that help: one finding per kind with its rows listed, not one per row."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.importers.findings import Finding, grouped, places
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.pipeline import import_table
from tests.core.importing.files import write_docx, write_xlsx


def test_rows_in_a_run_are_given_as_a_range() -> None:
    assert places([f"指标 第{n}行" for n in range(9, 32)]) == "指标 第9–31行"


def test_gaps_and_other_tables_are_listed() -> None:
    labels = ["表1 第3行", "表1 第5行", "表1 第6行", "表1 第7行", "表2 第2行"]
    assert places(labels) == "表1 第3、5–7行；表2 第2行"


def test_a_finding_about_one_row_stays_as_it_was() -> None:
    single = Finding("warning", "指标 第4行", "002 没有分值", "002", many="项没有分值")
    assert grouped([single]) == [single]


def test_the_same_finding_on_several_rows_is_given_once_where_it_first_occurs() -> None:
    findings = [
        Finding("info", "", "工作簿有 2 个工作表"),
        *(Finding("warning", f"指标 第{n}行", f"{n:03d} 没有分值", f"{n:03d}", many="项没有分值") for n in (3, 4, 5)),
        Finding("info", "指标 第6行", "表注，不作为评分项", many="行表注，不作为评分项"),
    ]
    shown = grouped(findings)
    assert [(f.row, f.message) for f in shown] == [
        ("", "工作簿有 2 个工作表"),
        ("", "3 项没有分值：指标 第3–5行"),
        ("指标 第6行", "表注，不作为评分项"),
    ]
    assert shown[1].rows == ("指标 第3行", "指标 第4行", "指标 第5行")
    assert shown[1].to_json()["rows"] == ["指标 第3行", "指标 第4行", "指标 第5行"]


def _long_table() -> list[list[str]]:
    """Eight rows with points, then 23 items without, all without codes; a level row in row 20."""
    rows = [["一级指标", "二级指标", "分值", "评分细则"]]
    rows += [["发展环境（40）", f"计划{n}", "5", "有计划的，得5分"] for n in range(8)]
    rows += [["基础设施（60）", f"网络{n}", "", "取考核结果"] for n in range(10)]
    rows += [["组织保障", "", "", ""]]
    rows += [["组织保障", f"队伍{n}", "", "取考核结果"] for n in range(13)]
    return rows


def test_a_long_table_gives_one_finding_per_kind(tmp_path: Path) -> None:
    result = import_table(write_xlsx(tmp_path / "long.xlsx", _long_table()))
    messages = [f.message for f in result.findings]
    assert "23 项没有分值：指标 第10–19、21–33行" in messages
    assert "31 项没有编号，按顺序编为 001–031：指标 第2–19、21–33行" in messages
    assert not [m for m in messages if m.endswith(" 没有分值") or m.startswith("没有编号")]


def test_rule_notes_are_grouped_by_what_they_say(tmp_path: Path) -> None:
    rows = [["一级指标", "分值", "评分细则"]]
    rows += [[f"工作{n}（10）", "10", "根据工作开展情况酌情评分"] for n in range(10)]
    result = import_table(write_xlsx(tmp_path / "notes.xlsx", rows))
    notes = [f for f in result.findings if "评分规则：" in f.message]
    assert len(notes) == 1
    assert notes[0].message.startswith("10 项评分规则：")
    assert notes[0].message.endswith("：指标 第2–11行")
    assert notes[0].severity == "warning"  # a guess the person should look at stays a warning


def test_repeated_codes_are_one_error_naming_each_code_and_its_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "codes.xlsx",
        [
            ["一级指标", "编号", "分值", "评分细则"],
            ["发展环境（50）", "001", "20", "有计划的，得20分"],
            ["", "002", "30", "有制度的，得30分"],
            ["基础设施（50）", "001", "20", "有网络的，得20分"],
            ["", "002", "30", "有机房的，得30分"],
        ],
    )
    result = import_table(path)
    assert [(f.row, f.message) for f in result.errors] == [
        ("", "2 个编号重复：001（指标 第2、4行）；002（指标 第3、5行）")
    ]
    assert result.errors[0].rows == ("指标 第2行", "指标 第4行", "指标 第3行", "指标 第5行")


def test_rows_from_two_word_tables_name_each_table(tmp_path: Path) -> None:
    header = ["一级指标", "分值", "评分细则"]
    first = [header, ["发展环境（10）", "", "取考核结果"], ["", "", "以市考核为准"]]
    second = [header, ["基础设施（90）", "", "取考核结果"], ["", "", "以省评估为准"]]
    result = import_table(write_docx(tmp_path / "two.docx", [(first, []), (second, [])]))
    missing = next(f for f in result.findings if "项没有分值" in f.message)
    assert missing.message == "4 项没有分值：表1 第2–3行；表2 第2–3行"


def test_a_veto_in_a_rule_is_a_warning_never_left_silent(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "veto.xlsx",
        [
            ["一级指标", "分值", "评分细则", "编号"],
            ["安全保障（100）", "100", "发生重大网络安全事件的，一票否决", "1"],
        ],
    )
    vetoes = [f for f in import_table(path).findings if "一票否决" in f.message]
    assert [f.severity for f in vetoes] == ["warning"]


def test_a_table_that_cannot_be_read_is_refused_naming_the_file_the_sheet_and_what_to_do(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "名单.xlsx", [["姓名", "电话"], ["张三", "123"], ["李四", "456"]])
    with pytest.raises(ImportRefused) as refused:
        import_table(path)
    assert refused.value.kind == "no_header"
    assert refused.value.chinese.startswith("名单.xlsx（")
    assert "找不到表头" in refused.value.chinese


def test_columns_read_without_items_are_listed_with_the_way_on(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "表.xlsx", [["编号", "评分细则"], ["", ""]])
    with pytest.raises(ImportRefused) as refused:
        import_table(path, {0: "code", 1: "rule"})
    assert refused.value.kind in ("no_items", "no_indicator_column")
    assert "--role" in refused.value.chinese
