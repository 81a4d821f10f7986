"""Refusals are structured in core and worded in the person's language, naming the field as the table does."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from egov_desk.cli import main
from egov_desk.core.exports.score_import import import_scores, read_scores
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.indicators import IndicatorSystem
from egov_desk.core.messages import KINDS, cli_language, describe
from egov_desk.core.rules import InputError, parse_rule
from egov_desk.core.scoring import score_item, score_system
from egov_desk.core.templates import load_template
from egov_desk.core.workspace import Workspace

SYSTEM = load_template("builtin:2019")


def refusal(code: str, inp: Any, system: IndicatorSystem = SYSTEM) -> InputError:
    """The error a real 2019 item raises for ``inp``."""
    with pytest.raises(InputError) as caught:
        score_item(system.item(code), inp)
    return caught.value


def rule_refusal(definition: dict[str, Any], inp: Any, code: str = "099") -> InputError:
    """For kinds the 2019 table cannot produce (a step, a rank without N, a pass/fail level)."""
    with pytest.raises(InputError) as caught:
        parse_rule(definition).evaluate(inp)
    return caught.value.for_item(code)


def unknown_item() -> InputError:
    with pytest.raises(InputError) as caught:
        score_system(SYSTEM, {"999": {"score": 1}})
    return caught.value


# (error, kind, Chinese line, a piece of the English line)
CASES = [
    (lambda: refusal("008", {}), "missing", "008 得分未填写", "008 score: is missing"),
    (lambda: refusal("021", {"numerator": 8}), "missing", "021 部门目录总数未填写", "021 denominator: is missing"),
    (lambda: refusal("008", {"score": "三"}), "not_a_number", "008 得分“三”不是数字", "'三' is not a number"),
    (lambda: refusal("008", {"score": True}), "not_a_number", "008 得分“是”不是数字", "True is not a number"),
    (lambda: refusal("008", {"score": -1}), "negative", "008 得分不能为负数（填了 -1）", "008 score: -1 is negative"),
    (
        lambda: refusal("003", {"count": 1.5}),
        "not_whole",
        "003 参加业务培训（次）应为整数（填了 1.5）",
        "003 count: 1.5 is not a whole number",
    ),
    (
        lambda: refusal("006", {"option": 5}),
        "no_such_index",
        "006 选项 5 不存在（共 3 个：0–2）",
        "006 option: option 5 does not exist (there are 3: 0..2)",
    ),
    (
        lambda: refusal("002", {"checked": [2]}),
        "no_such_index",
        "002 勾选项 2 不存在（共 2 个：0–1）",
        "condition 2 does not exist",
    ),
    (
        lambda: rule_refusal({"type": "pass_fail"}, {"level": 3}),
        "no_such_index",
        "099 等级 3 不存在（共 3 个：0–2）",
        "099 level: level 3 does not exist",
    ),
    (
        lambda: refusal("008", {"score": 12}),
        "above_max",
        "008 得分 12 超过满分 10",
        "008 score: 12 exceeds the maximum 10",
    ),
    (
        lambda: rule_refusal({"type": "manual", "max": 10, "step": 0.5}, {"score": 1.3}, "008"),
        "not_multiple",
        "008 得分 1.3 不是 0.5 的整数倍",
        "008 score: 1.3 is not a multiple of 0.5",
    ),
    (
        lambda: refusal("021", {"numerator": 8, "denominator": 0}),
        "zero_denominator",
        "021 部门目录总数不能为 0",
        "021 denominator: is 0; a ratio needs a denominator above 0",
    ),
    (
        lambda: rule_refusal({"type": "ratio", "max": 3}, {"numerator": 1, "denominator": 0}, "021"),
        "zero_denominator",
        "021 总数不能为 0",  # a ratio without labels: the plain name
        "021 denominator: is 0",
    ),
    (
        lambda: refusal("021", {"numerator": 8, "denominator": 5}),
        "numerator_above_denominator",
        "021 挂接具体数据资源的目录数 8 超过了部门目录总数 5",
        "021 numerator: 8 exceeds the denominator 5",
    ),
    (
        lambda: rule_refusal({"type": "ratio", "max": 3}, {"numerator": 8, "denominator": 5}, "021"),
        "numerator_above_denominator",
        "021 完成数 8 超过了总数 5",
        "021 numerator: 8 exceeds the denominator 5",
    ),
    (
        lambda: refusal("011", {"rate": 90}),
        "rate_above_one",
        "011 比率 90 大于 1（比率按小数填写：0.9 即 90%）",
        "011 rate: 90 is above 1 (a rate is a fraction: 0.9 means 90%)",
    ),
    (
        lambda: refusal("028", {"rank": 17}),
        "rank_out_of_range",
        "028 名次 17 超出 1–16",
        "028 rank: 17 of 16 is outside 1..16",
    ),
    (
        lambda: rule_refusal({"type": "rank", "bands": [{"from": 1, "to": 5, "points": 2}]}, {"rank": 0}),
        "rank_below_one",
        "099 名次 0 无效（名次从 1 开始）",
        "099 rank: 0 is not a rank (ranks start at 1)",
    ),
    (
        lambda: refusal("002", {"checked": [1, 1]}),
        "ticked_twice",
        "002 勾选项“有2020年本单位电子政务工作计划”勾选了两次",
        "002 checked[1]: condition 1 is ticked twice",
    ),
    (
        lambda: refusal("005", {"yes": 1}),
        "not_bool",
        "005 只能填“是”或“否”（收到 1）",
        "005 yes: must be true or false, got 1",
    ),
    (
        lambda: refusal("002", {"checked": 1}),
        "not_list",
        "002 勾选项应为一个列表（收到 1）",
        "002 checked: must be a list of item numbers, got 1",
    ),
    (
        lambda: refusal("019", {"parts": 1}),
        "not_list",
        "019 各部分应为一个列表（收到 1）",
        "019 parts: must be a list with one input per part, got 1",
    ),
    (
        lambda: refusal("019", {"parts": [None]}),
        "wrong_part_count",
        "019 填了 1 个部分，但本规则分为 3 个部分",
        "019 parts: has 1 entries but the rule has 3 parts",
    ),
    (
        lambda: refusal("008", 3),
        "not_object",
        "008 输入格式不对：应为一个对象（收到 3）",
        '008 input: must be an object such as {"score": …}, got 3',
    ),
    (
        unknown_item,
        "unknown_item",
        "999 指标体系中没有这个编号",
        "999 item: no item has this code (编号) in the indicator system",
    ),
    (
        lambda: InputError("", code="021", kind="scored_by_rule", values={"rule": "ratio"}),
        "scored_by_rule",
        "021 由评分规则计分（按比例），不能直接填写得分，请在本软件中录入评分依据",
        "021: scored by its rule (ratio); enter its inputs in egov-desk",
    ),
    # a sum names the part, then the field as the part names it
    (
        lambda: refusal("019", {"parts": [None, {"score": 0.9}, None]}),
        "above_max",
        "019 第2部分（质量）得分 0.9 超过满分 0.8",
        "019 parts[1].score: 0.9 exceeds the maximum 0.8",
    ),
    (
        lambda: refusal("001", {"parts": [{"count": -1}, None]}),
        "negative",
        "001 第1部分 参加调研、座谈、会议（项）不能为负数（填了 -1）",  # the part's label is in the unit already
        "001 parts[0].count: -1 is negative",
    ),
    (
        lambda: refusal("026", {"parts": [None, {"numerator": 3, "denominator": 0}]}),
        "zero_denominator",
        "026 第2部分（系统整合率）应整合系统数不能为 0",
        "026 parts[1].denominator: is 0",
    ),
    (
        lambda: refusal("030", {"parts": [{"yes": 1}, None]}),
        "not_bool",
        "030 第1部分（专门分析信息共享需求）只能填“是”或“否”（收到 1）",
        "030 parts[0].yes: must be true or false",
    ),
    (
        lambda: refusal("030", {"parts": [None, {"checked": [4, 4]}]}),
        "ticked_twice",
        "030 第2部分（明确共享目录要素）勾选项“更新频率”勾选了两次",
        "030 parts[1].checked[1]: condition 4 is ticked twice",
    ),
    (
        lambda: refusal("008", {"score": 1, "vetoed": True}),
        "no_veto",
        "008 本项没有一票否决条件，不能标记为触发一票否决；请去掉这一标记",
        "008 vetoed: this item has no veto",
    ),
    (
        lambda: rule_refusal(
            {"type": "deduct", "start": 3, "classes": [{"label": "A类", "per": 1}, {"label": "B类", "per": 0.5}]},
            {"counts": [1]},
        ),
        "wrong_class_count",
        "099 填了 1 个类别的数量，但本规则分为 2 个类别",
        "099 counts: has 1 counts but the rule has 2 classes",
    ),
    (
        lambda: InputError(
            "level", code="001", kind="not_a_level", values={"value": "优秀", "levels": "合格、不合格"}, label="评定"
        ),
        "not_a_level",
        "001 评定“优秀”不是本项的评定等次（合格、不合格）",
        "001 level: '优秀' is not one of its levels",
    ),
]
IDS = [f"{zh.split()[0]}-{kind}-{number}" for number, (_, kind, zh, _) in enumerate(CASES)]


@pytest.mark.parametrize(("make", "kind", "zh", "en"), CASES, ids=IDS)
def test_every_refusal_is_worded_in_both_languages(make: Any, kind: str, zh: str, en: str) -> None:
    error = make()
    assert error.kind == kind
    assert describe(error) == zh  # Chinese by default
    assert describe(error, "zh_CN") == zh
    assert en in describe(error, "en")
    assert describe(error, "en") == str(error)  # str() stays the English line


@pytest.mark.parametrize(("make", "kind", "zh", "en"), CASES, ids=IDS)
def test_the_chinese_wording_has_no_english_word(make: Any, kind: str, zh: str, en: str) -> None:
    error = make()
    text = describe(error, "zh_CN")
    assert text.startswith(f"{error.code} ")
    assert re.search("[A-Za-z]", text[len(error.code) :]) is None, text


def test_every_kind_is_covered_and_worded() -> None:
    assert {kind for _, kind, _, _ in CASES} == set(KINDS)


def test_the_error_is_structured() -> None:
    error = refusal("021", {"numerator": 8, "denominator": 5})
    assert (error.code, error.field, error.kind, error.label) == (
        "021",
        "numerator",
        "numerator_above_denominator",
        "挂接具体数据资源的目录数",
    )
    assert error.values == {"numerator": 8, "denominator": 5, "denominator_label": "部门目录总数"}
    zero = refusal("021", {"numerator": 8, "denominator": 0})
    assert (zero.field, zero.kind, zero.label, zero.values) == (
        "denominator",
        "zero_denominator",
        "部门目录总数",
        {"value": 0},
    )
    part = refusal("019", {"parts": [None, {"score": 0.9}, None]})
    assert (part.field, part.parts, part.values) == (
        "parts[1].score",
        ((1, "质量"),),
        {"value": Decimal("0.9"), "max": Decimal("0.8")},
    )
    assert isinstance(part.values["value"], Decimal)


def test_the_code_can_be_left_out_and_languages_are_read_loosely() -> None:
    error = refusal("021", {"numerator": 8, "denominator": 0})
    assert describe(error, "zh_CN", with_code=False) == "部门目录总数不能为 0"
    assert describe(error, "en", with_code=False) == "denominator: is 0; a ratio needs a denominator above 0"
    assert describe(error, "zh") == describe(error, "zh_TW") == "021 部门目录总数不能为 0"
    assert describe(error, "en_US") == describe(error, "C") == str(error)


def test_an_error_raised_the_old_way_keeps_its_text() -> None:
    error = InputError("score", "is odd", "001")
    assert str(error) == "001 score: is odd"
    assert str(error.within("parts[0]", 0, "质量")) == "001 parts[0].score: is odd"
    assert "is odd" in describe(error)


@pytest.mark.parametrize(
    ("env", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "C", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL wins
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "zh_CN"),  # an empty LC_ALL is not set
    ],
)
def test_the_cli_language_follows_the_locale(env: dict[str, str], language: str) -> None:
    assert cli_language(env) == language


def set_locale(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", lang)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh_CN.UTF-8", "egov-desk-cli: 021 部门目录总数不能为 0"),
        ("C", "egov-desk-cli: 021 denominator: is 0; a ratio needs a denominator above 0"),
    ],
)
def test_the_cli_refuses_in_the_locale_language_with_status_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, said: str
) -> None:
    set_locale(monkeypatch, lang)
    folder = str(tmp_path / "ws")
    assert main(["workspace", "init", "--workspace", folder]) == 0
    capsys.readouterr()
    assert main(["workspace", "set", "--workspace", folder, "021", '{"numerator": 8, "denominator": 0}']) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", said + "\n")


def test_the_installed_cli_refuses_in_chinese_under_a_chinese_locale(tmp_path: Path) -> None:
    path = tmp_path / "inputs.json"
    path.write_text(json.dumps({"items": {"028": {"rank": 17}}}), encoding="utf-8")
    command = [sys.executable, "-m", "egov_desk.cli", "score", "--inputs", str(path)]
    for lang, said in (("zh_CN.UTF-8", "028 名次 17 超出 1–16"), ("C", "028 rank: 17 of 16 is outside 1..16")):
        env = {"PATH": "/usr/bin:/bin", "LANG": lang, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, check=False)
        assert (done.returncode, done.stderr) == (2, f"egov-desk-cli: {said}\n")


def typed_sheet(workspace: Workspace, tmp_path: Path) -> tuple[int, Path]:
    """A score sheet with a score typed where it is refused for every reason an import has."""
    assessment = workspace.default_assessment().id
    out = write_score_sheet(workspace, assessment, tmp_path / "得分表.xlsx")
    book = openpyxl.load_workbook(out)
    sheet = book.active
    header = [cell.value for cell in sheet[2]]
    code_column, score_column = header.index("编号"), header.index("自评得分")
    typed = {"021": 3, "004": 5, "022": "三", "023": 1.5}
    for row in sheet.iter_rows(min_row=3):
        code = row[code_column].value
        if code in typed:
            row[score_column].value = typed[code]
        elif code == "024":
            row[code_column].value = "099"  # a code the system does not have
            row[score_column].value = 1
    book.save(out)
    return assessment, out


def test_score_import_reasons_are_structured_and_worded_in_the_language_asked(
    workspace: Workspace, tmp_path: Path
) -> None:
    assessment, out = typed_sheet(workspace, tmp_path)
    result = read_scores(workspace, assessment, out)
    assert [(p.code, p.kind) for p in result.problems] == [
        ("004", "above_max"),
        ("021", "scored_by_rule"),
        ("022", "not_a_number"),
        ("099", "unknown_item"),
    ]
    assert result.refused == [
        ("004", "自评得分 5 超过满分 3"),
        ("021", "由评分规则计分（按比例），不能直接填写得分，请在本软件中录入评分依据"),
        ("022", "自评得分“三”不是数字"),
        ("099", "指标体系中没有这个编号"),
    ]
    assert [code for code, _, _ in result.changed] == ["023"]
    english = dict(read_scores(workspace, assessment, out, language="en").refused)
    assert english == {
        "004": "score: 5 exceeds the maximum 3",
        "021": "scored by its rule (ratio); enter its inputs in egov-desk",
        "022": "score: '三' is not a number",
        "099": "no item has this code (编号) in the indicator system",
    }
    assert dict(import_scores(workspace, assessment, out, True, "en").refused) == english  # the old call still works
    assert workspace.inputs(assessment) == {}  # a dry run writes nothing


def test_what_the_os_refuses_is_said_in_chinese_naming_the_file() -> None:
    import errno

    from egov_desk.core.messages import say

    error = OSError(errno.EROFS, "Read-only file system", "/media/u盘/得分表.xlsx")
    assert say(error) == "/media/u盘/得分表.xlsx：所在位置是只读的，不能写入"
    assert "Read-only file system" in say(error, "en")
