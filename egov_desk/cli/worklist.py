"""The unit's worklist on the command line: ``worklist [--department D] [--json]``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import assessment_of, open_workspace, print_json

if TYPE_CHECKING:
    from egov_desk.core.worklist import Worklist


def add_worklist_commands(commands: Any) -> None:
    command = commands.add_parser(
        "worklist",
        help="what is still to do: items not scored, materials missing or not checked, files in doubt, "
        "items returned or overdue, last year's materials to confirm",
    )
    command.add_argument("--workspace")
    command.add_argument("--assessment", type=int)
    command.add_argument("--department", help="only the items this department leads or cooperates on (部门)")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=cmd_worklist)


def _said(work: Worklist, chinese: bool) -> list[str]:
    from egov_desk.core.worklist import KIND_LABELS, KIND_LABELS_EN, KINDS

    counts = work.counts()
    lines = []
    if not work.entries:
        lines.append("没有待办事项。" if chinese else "Nothing left to do.")
    for kind in KINDS:
        entries = work.of_kind(kind)
        if not entries:
            continue
        label = KIND_LABELS[kind] if chinese else f"{KIND_LABELS_EN[kind]} ({KIND_LABELS[kind]})"
        lines.append(f"{label}：{counts[kind]}" if chinese else f"{label}: {counts[kind]}")
        for entry in entries:
            partial = ("（部分已填）" if chinese else " (partly entered)") if entry.partial else ""
            due = ""
            if entry.due is not None:
                due = f"（截止 {entry.due.isoformat()}）" if chinese else f" (due {entry.due.isoformat()})"
            lines.append(f"  {entry.code}  {entry.title}{partial}{due}")
            lines += [f"      - {subject}" for subject in entry.subjects]
    return lines


def cmd_worklist(args: argparse.Namespace) -> int:
    from egov_desk.core.messages import cli_language, is_chinese
    from egov_desk.core.worklist import worklist

    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        work = worklist(workspace, assessment, args.department)
        if args.json:
            print_json(work.to_json())
            return 0
        chinese = is_chinese(cli_language())
        label = workspace.assessment(assessment).label
        department = (f"（{args.department}）" if chinese else f" ({args.department})") if args.department else ""
        print(f"{label}{department} 待办清单" if chinese else f"{label}{department}: worklist")
        for line in _said(work, chinese):
            print(line)
    return 0
