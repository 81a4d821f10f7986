"""Deadlines on the command line: ``deadline set YYYY-MM-DD|none [--item CODE | --department D]`` and
``deadline show [--json]``."""

from __future__ import annotations

import argparse
from typing import Any

from egov_desk.cli.common import assessment_of, open_workspace, print_json


def add_deadline_commands(commands: Any) -> None:
    deadline = commands.add_parser("deadline", help="the optional deadlines of the assessment, a department, an item")
    actions = deadline.add_subparsers(dest="deadline_command", required=True)
    setting = actions.add_parser(
        "set", help="set a deadline (none clears it): of an item, of a department, else of the assessment"
    )
    setting.add_argument("when", help="YYYY-MM-DD, or none to clear it")
    which = setting.add_mutually_exclusive_group()
    which.add_argument("--item", help="the item's code (编号)")
    which.add_argument("--department", help="the department (部门); its items are due by it unless they have their own")
    setting.add_argument("--workspace")
    setting.add_argument("--assessment", type=int)
    setting.set_defaults(run=cmd_deadline_set)
    show = actions.add_parser("show", help="the deadlines set: the assessment's, per department, per item")
    show.add_argument("--workspace")
    show.add_argument("--assessment", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_deadline_show)


def cmd_deadline_set(args: argparse.Namespace) -> int:
    from egov_desk.core.deadlines import parse_deadline, set_deadline
    from egov_desk.core.messages import cli_language, is_chinese

    when = parse_deadline(args.when)
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        set_deadline(workspace, assessment, when, code=args.item, department=args.department)
        chinese = is_chinese(cli_language())
        of = args.item or args.department or (workspace.assessment(assessment).label)
        if when is None:
            print(f"{of} 的截止日期已清除" if chinese else f"the deadline of {of} is cleared")
        else:
            print(f"{of} 的截止日期：{when.isoformat()}" if chinese else f"the deadline of {of}: {when.isoformat()}")
    return 0


def cmd_deadline_show(args: argparse.Namespace) -> int:
    from egov_desk.core.deadlines import deadlines
    from egov_desk.core.messages import cli_language, is_chinese

    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        shown = deadlines(workspace, assessment)
        if args.json:
            print_json(shown.to_json())
            return 0
        chinese = is_chinese(cli_language())
        none = "无" if chinese else "none"
        label = workspace.assessment(assessment).label
        when = shown.assessment.isoformat() if shown.assessment else none
        print(f"{label} 截止日期：{when}" if chinese else f"{label}: deadline {when}")
        for name, day in shown.departments.items():
            print(f"  {'部门' if chinese else 'department'} {name}: {day.isoformat()}")
        for code, day in shown.items.items():
            print(f"  {'指标' if chinese else 'item'} {code}: {day.isoformat()}")
    return 0
