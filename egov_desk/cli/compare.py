"""``egov-desk-cli assessment compare A B``: two assessments side by side — per item and per 一级指标 the points,
the scores, the change, the rule change; the items that lost points first. ``--out F.xlsx`` writes it as a
workbook."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import Refused, open_workspace, print_json
from egov_desk.core.messages import cli_language, is_chinese

if TYPE_CHECKING:
    from decimal import Decimal

    from egov_desk.core.comparison import Comparison

RULE_WORDS_EN = {"type": "type", "parameters": "parameters", "text": "text"}


def add_compare_command(assessment_cmds: Any) -> None:
    compare = assessment_cmds.add_parser("compare", help="two assessments side by side: points, scores, changes")
    compare.add_argument("a", type=int, metavar="A", help="the first assessment's id (usually the earlier year)")
    compare.add_argument("b", type=int, metavar="B", help="the second assessment's id")
    compare.add_argument("--json", action="store_true")
    compare.add_argument("--out", metavar="F.xlsx", help="also write the comparison as a workbook")
    compare.add_argument("--workspace")
    compare.set_defaults(run=cmd_assessment_compare)


def _shown(value: Decimal | None) -> str:
    from egov_desk.core.points import rounded

    return "—" if value is None else f"{rounded(value):f}"


def _points(value: Decimal | None) -> str:
    """Points as the table gives them (3, 2.7), not rounded to cents."""
    return "—" if value is None else f"{value.normalize():f}"


def _change(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + _shown(value)


def _rule_words(chinese: bool, change: tuple[str, ...], matched_by: str, code_a: str | None, code_b: str | None) -> str:
    from egov_desk.core.exports.comparison_xlsx import rule_words

    if chinese:
        return rule_words(change, matched_by, code_a, code_b)
    if code_a is None:
        return "added"
    if code_b is None:
        return "removed"
    return ", ".join((["matched by name"] if matched_by == "name" else []) + [RULE_WORDS_EN[w] for w in change])


def print_table(comparison: Comparison) -> None:
    chinese = is_chinese(cli_language())
    print(f"A\t{comparison.a.label}\t{_shown(comparison.a.total)}")
    print(f"B\t{comparison.b.label}\t{_shown(comparison.b.total)}")
    print(
        "\t".join(
            ("编号", "分值 A", "分值 B", "得分 A", "得分 B", "变化", "规则变化", "名称")
            if chinese
            else ("code", "points A", "points B", "score A", "score B", "change", "rule change", "name")
        )
    )
    for row in comparison.items:
        words = _rule_words(chinese, row.rule_change, row.matched_by, row.code_a, row.code_b)
        cells = (row.code, _points(row.points_a), _points(row.points_b), _shown(row.score_a), _shown(row.score_b))
        print("\t".join((*cells, _change(row.delta), words, row.name)))
    print()
    print(
        "\t".join(
            ("一级指标", "分值 A", "分值 B", "得分 A", "得分 B", "变化")
            if chinese
            else ("level", "points A", "points B", "score A", "score B", "change")
        )
    )
    for level in comparison.levels:
        sums = (_points(level.points_a), _points(level.points_b), _shown(level.score_a), _shown(level.score_b))
        print("\t".join((level.name, *sums, _change(level.delta))))
    print(
        "\t".join(
            (
                "合计" if chinese else "total",
                _points(comparison.a.max),
                _points(comparison.b.max),
                _shown(comparison.a.total),
                _shown(comparison.b.total),
                _change(comparison.delta),
            )
        )
    )


def cmd_assessment_compare(args: argparse.Namespace) -> int:
    from egov_desk.core.comparison import compare_assessments
    from egov_desk.core.exports.comparison_xlsx import write_comparison_xlsx

    if args.a == args.b:
        raise Refused(
            f"assessment {args.a} compared with itself: give two different assessments",
            f"考评 {args.a} 不能与自身对比：请给出两个不同的考评",
        )
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() != ".xlsx":
        raise Refused(f"--out {args.out}: the file must end in .xlsx", f"--out {args.out}：文件名须以 .xlsx 结尾")
    with open_workspace(args) as workspace:
        comparison = compare_assessments(workspace, args.a, args.b)
    if out is not None:
        write_comparison_xlsx(comparison, out)
    if args.json:
        print_json(comparison.to_json())
    else:
        print_table(comparison)
        if out is not None:
            print(out)
    return 0
