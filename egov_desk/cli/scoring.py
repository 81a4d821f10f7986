"""``egov-desk-cli score``: score an inputs file against an indicator system, touching no workspace."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import print_json, read_inputs

if TYPE_CHECKING:
    from egov_desk.core.scoring import ScoreSheet


def add_score_commands(commands: Any) -> None:
    score = commands.add_parser("score", help="score an inputs file against a system; touches no workspace")
    score.add_argument("--template")  # None: DEFAULT_TEMPLATE, read when the command runs
    score.add_argument("--inputs", required=True, help='{"items": {"001": INPUT, …}} (- for stdin)')
    score.add_argument("--json", action="store_true")
    score.set_defaults(run=cmd_score)


def print_sheet(sheet: ScoreSheet, as_json: bool) -> None:
    from egov_desk.core.points import compact, display

    if as_json:
        print_json(sheet.to_json())
        return
    for node in sheet.node_order():
        indent = "  " * (len(node.key) - 1)
        print(f"{indent}{node.path[-1]}  {display(node.points)} / {compact(node.max or Decimal(0))}")
    for code, score in sheet.items.items():
        state = "" if score.scored else ("  (部分)" if score.partial else "  (未评分)")
        print(f"{code}  {display(score.points):>6} / {compact(score.max)}{state}")
    print(f"总分 {display(sheet.total)} / {compact(sheet.max)}，未评分 {len(sheet.unscored)} 项")


def cmd_score(args: argparse.Namespace) -> int:
    from egov_desk.core.scoring import score_system
    from egov_desk.core.templates import DEFAULT_TEMPLATE, load_template

    system = load_template(DEFAULT_TEMPLATE if args.template is None else args.template)
    print_sheet(score_system(system, read_inputs(args.inputs)), args.json)
    return 0
