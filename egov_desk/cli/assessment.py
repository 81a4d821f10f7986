"""`egov-desk-cli assessment show|set`: the assessment's details — unit, year, title, who fills it in, the date."""

from __future__ import annotations

import argparse
from datetime import date, timezone
from typing import Any

from egov_desk.cli.carry_over import add_carry_over_command
from egov_desk.cli.common import Refused, assessment_of, open_workspace, print_json
from egov_desk.cli.compare import add_compare_command
from egov_desk.cli.review import add_sign_off_commands


def add_assessment_commands(commands: Any) -> None:
    assessment = commands.add_parser("assessment", help="the assessment's unit, year, title, filled-in-by, date")
    assessment_cmds = assessment.add_subparsers(dest="assessment_command", required=True)
    show = assessment_cmds.add_parser("show", help="print the assessment's details")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_assessment_show)
    change = assessment_cmds.add_parser("set", help="change the assessment's details (one transaction)")
    change.add_argument("--unit", help="the unit's name (单位)")
    change.add_argument("--year", type=int, help="the assessed year")
    change.add_argument("--title", help="the assessment's title, e.g. 自评")
    change.add_argument("--filled-by", dest="filled_by", help="who fills it in (填报人)")
    change.add_argument("--date", dest="report_date", help="the report's date, YYYY-MM-DD ('' for the export day)")
    change.set_defaults(run=cmd_assessment_set)
    for command in (show, change):
        command.add_argument("--workspace")
        command.add_argument("--assessment", type=int)
    add_compare_command(assessment_cmds)
    add_carry_over_command(assessment_cmds)
    add_sign_off_commands(assessment_cmds)


def _details(args: argparse.Namespace) -> dict[str, Any]:
    details: dict[str, Any] = {
        key: getattr(args, key) for key in ("unit", "year", "title", "filled_by") if getattr(args, key) is not None
    }
    if args.report_date is not None:
        try:
            details["report_date"] = date.fromisoformat(args.report_date) if args.report_date else None
        except ValueError:
            raise Refused(
                f"--date {args.report_date!r}: not a date in the form YYYY-MM-DD",
                f"--date {args.report_date!r} 不是 YYYY-MM-DD 形式的日期",
            ) from None
    if not details:
        raise Refused(
            "nothing to change: give --unit, --year, --title, --filled-by or --date",
            "没有要修改的内容：请给出 --unit、--year、--title、--filled-by 或 --date",
        )
    return details


def cmd_assessment_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        info = workspace.assessment(assessment_of(workspace, args))
    data = {
        "id": info.id,
        "unit": info.unit,
        "year": info.year,
        "title": info.title,
        "filled_by": info.filled_by,
        "report_date": info.report_date.isoformat() if info.report_date else None,
        "stage": info.stage,
        "deadline": info.deadline.isoformat() if info.deadline else None,
        "snapshot": info.snapshot_sha256,
        "finalized_at": (
            info.finalized_at.replace(tzinfo=timezone.utc).isoformat(timespec="seconds") if info.finalized_at else None
        ),
        "finalized_by": info.finalized_by,
    }
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}\t{'' if value is None else value}")
    return 0


def cmd_assessment_set(args: argparse.Namespace) -> int:
    details = _details(args)
    with open_workspace(args) as workspace:
        change = workspace.update_assessment(assessment_of(workspace, args), **details)
    for key, value in change.changed.items():
        print(f"{key}\t{'' if value is None else value}")
    if not change.changed:
        print("nothing changed")
    return 0
