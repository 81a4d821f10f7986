"""The change history on the command line: ``audit show [--assessment A] [--item CODE] [--json]``."""

from __future__ import annotations

import argparse
from typing import Any

from egov_desk.cli.common import open_workspace, print_json


def add_audit_commands(commands: Any) -> None:
    audit = commands.add_parser("audit", help="the change history: who changed what when (修改记录)")
    actions = audit.add_subparsers(dest="audit_command", required=True)
    show = actions.add_parser("show", help="each change in words, oldest first")
    show.add_argument("--workspace")
    show.add_argument("--assessment", type=int, help="only this assessment's changes (all when not given)")
    show.add_argument("--item", help="only this item's changes (编号, e.g. 021)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_audit_show)


def cmd_audit_show(args: argparse.Namespace) -> int:
    from egov_desk.core.history import history
    from egov_desk.core.messages import cli_language, is_chinese

    with open_workspace(args) as workspace:
        if args.assessment is not None:
            workspace.assessment(args.assessment)  # an unknown one is refused, not shown as an empty history
        lines = history(workspace, args.assessment, args.item)
    if args.json:
        print_json([line.to_json() for line in lines])
        return 0
    chinese = is_chinese(cli_language())
    if not lines:
        print("没有修改记录。" if chinese else "No changes recorded.")
    for line in lines:
        print(line.text(chinese))
    return 0
