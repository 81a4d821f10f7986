"""``egov-desk-cli workspace init|list|status|score|set|note|departments``: work on a workspace folder."""

from __future__ import annotations

import argparse
import json
from typing import Any

from egov_desk.cli.common import (
    DEFAULT_FOLDER,
    Refused,
    WorkspaceHelp,
    assessment_of,
    open_workspace,
    read_inputs,
    workspace_folder,
)
from egov_desk.cli.scoring import print_sheet
from egov_desk.cli.workspace_copy import add_copy_command


def add_workspace_commands(commands: Any) -> None:
    workspace = commands.add_parser("workspace", help="work on a workspace folder")
    workspace_cmds = workspace.add_subparsers(dest="workspace_command", required=True)

    def sub(name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
        command: argparse.ArgumentParser = workspace_cmds.add_parser(
            name, help=help_text, formatter_class=WorkspaceHelp
        )
        command.add_argument("--workspace", help=f"the folder (default {DEFAULT_FOLDER})")
        command.add_argument("--assessment", type=int, help="assessment id (default: the one open last)")
        command.set_defaults(run=run)
        return command

    init = sub("init", "create a workspace with a system and an empty self-assessment", cmd_workspace_init)
    init.add_argument("--template")  # None: DEFAULT_TEMPLATE, read when the command runs
    init.add_argument("--unit", help="the unit's name (the window asks for it on first start when not given)")
    init.add_argument("--year", type=int, help="the assessed year (default: the system's year)")
    sub("list", "list the assessments", cmd_workspace_list)
    status = sub("status", "who has it open, read-only or not, network share, last backup", cmd_workspace_status)
    status.add_argument("--json", action="store_true")
    ws_score = sub("score", "print the assessment's scores", cmd_workspace_score)
    ws_score.add_argument("--json", action="store_true")
    ws_set = sub("set", "set item inputs (one transaction)", cmd_workspace_set)
    ws_set.add_argument("code", nargs="?", help="item code (编号)")
    ws_set.add_argument("input", nargs="?", help="the input as JSON")
    ws_set.add_argument("--clear", action="store_true", help="remove the item's input")
    ws_set.add_argument("--inputs", help="an inputs file instead")
    note = sub("note", "set an item's note", cmd_workspace_note)
    note.add_argument("code")
    note.add_argument("text")
    departments = sub("departments", "what each department owes", cmd_workspace_departments)
    departments.add_argument("--department")
    add_copy_command(workspace_cmds)  # workspace copy --workspace SRC --to DEST (cli/workspace_copy.py)


def cmd_workspace_init(args: argparse.Namespace) -> int:
    from egov_desk.core.templates import DEFAULT_TEMPLATE
    from egov_desk.core.workspace import Workspace

    folder = workspace_folder(args)
    if (folder / "workspace.sqlite").exists():
        raise Refused(f"{folder}: a workspace already exists here", f"{folder} 里已经有工作区")
    template = DEFAULT_TEMPLATE if args.template is None else args.template
    with Workspace.open(folder, template=template, unit=args.unit, year=args.year) as workspace:
        assessment = workspace.default_assessment()
        print(f"created {folder}: {workspace.system(assessment.system_id).title}, {assessment.label}")
    return 0


def cmd_workspace_status(args: argparse.Namespace) -> int:
    from egov_desk.cli.workspace_status import cmd_workspace_status as print_status

    return print_status(args)


def cmd_workspace_score(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        print_sheet(workspace.scores(assessment_of(workspace, args)), args.json)
    return 0


def cmd_workspace_set(args: argparse.Namespace) -> int:
    from egov_desk.core.points import compact, display

    if args.inputs:
        inputs: dict[str, Any] = read_inputs(args.inputs)
    elif args.code and (args.input is not None or args.clear):
        if args.clear:
            inputs = {args.code: None}
        else:
            try:
                inputs = {args.code: json.loads(args.input)}
            except json.JSONDecodeError as exc:
                raise Refused(
                    f"{args.code} input: not valid JSON ({exc.msg})", f"{args.code} 的输入不是有效的 JSON（{exc.msg}）"
                ) from None
    else:
        raise Refused(
            'give CODE and INPUT (e.g. 021 \'{"numerator": 7, "denominator": 9}\'), CODE --clear, or --inputs FILE',
            '请给出编号和输入（例如 021 \'{"numerator": 7, "denominator": 9}\'）、编号 --clear，或 --inputs 文件',
        )
    with open_workspace(args) as workspace:
        changes = workspace.set_inputs(assessment_of(workspace, args), inputs).scores
        for change in changes:
            state = "" if change.item.scored else " (未评分)"
            print(f"{change.code}  {display(change.item.points)} / {compact(change.item.max)}{state}")
        if changes:
            print(f"总分 {display(changes[-1].total)}，未评分 {changes[-1].unscored} 项")
    return 0


def cmd_workspace_note(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        workspace.set_note(assessment_of(workspace, args), args.code, args.text)
    return 0


def cmd_workspace_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        current = workspace.default_assessment().id
        systems = {s.id: s for s in workspace.systems()}
        for a in workspace.assessments():
            mark = "*" if a.id == current else " "
            print(f"{mark} {a.id}\t{a.label}\t{systems[a.system_id].title}")
    return 0


def cmd_workspace_departments(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        assessment = workspace.assessment(assessment_of(workspace, args))
        names = [args.department] if args.department else workspace.departments(assessment.system_id)
        for name in names:
            owed = workspace.items_by_department(assessment.system_id, name)
            print(name)
            print("  牵头: " + (" ".join(i.code for i in owed.lead) or "—"))
            print("  配合: " + (" ".join(i.code for i in owed.cooperating) or "—"))
    return 0
