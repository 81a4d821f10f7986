"""Commands over indicator systems and workspaces: template, score, workspace init|list|score|set|note|departments."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from egov_desk.cli.common import Refused, assessment_of, open_workspace, print_json, read_inputs
from egov_desk.core.indicators import IndicatorSystem
from egov_desk.core.points import compact, display
from egov_desk.core.scoring import ScoreSheet, score_system
from egov_desk.core.templates import builtin_names, load_template
from egov_desk.core.workspace import Workspace, default_workspace_dir


def _print_tree(system: IndicatorSystem) -> None:
    print(f"{system.title}（{compact(system.total_points or 0)} 分）")
    for node in system.nodes():
        indent = "  " * (node.level - 1)
        points = f"（{compact(node.points)}）" if node.points is not None else ""
        print(f"{indent}{node.name}{points}")
        for item in node.items:
            print(f"{indent}  {item.code}  {compact(item.points):>4} 分  {item.scoring.type:<9} {item.title}")


def _print_sheet(sheet: ScoreSheet, as_json: bool) -> None:
    if as_json:
        print_json(sheet.to_json())
        return
    for node in sheet.node_order():
        indent = "  " * (len(node.key) - 1)
        print(f"{indent}{node.path[-1]}  {display(node.points)} / {compact(node.max or 0)}")
    for code, score in sheet.items.items():
        state = "" if score.scored else ("  (部分)" if score.partial else "  (未评分)")
        print(f"{code}  {display(score.points):>6} / {compact(score.max)}{state}")
    print(f"总分 {display(sheet.total)} / {compact(sheet.max)}，未评分 {len(sheet.unscored)} 项")


# --- commands -------------------------------------------------------------------------------------


def cmd_template_list(_args: argparse.Namespace) -> int:
    for name in builtin_names():
        system = load_template(name)
        print(f"{name}\t{system.title}\t{len(system.items())} 项")
    return 0


def cmd_template_show(args: argparse.Namespace) -> int:
    system = load_template(args.name)
    if args.json:
        print_json(system.to_interchange())
    else:
        _print_tree(system)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    system = load_template(args.template)
    _print_sheet(score_system(system, read_inputs(args.inputs)), args.json)
    return 0


def cmd_workspace_init(args: argparse.Namespace) -> int:
    folder = Path(args.workspace) if args.workspace else default_workspace_dir()
    if (folder / "workspace.sqlite").exists():
        raise Refused(f"{folder}: a workspace already exists here", f"{folder} 里已经有工作区")
    with Workspace.open(folder, template=args.template, unit=args.unit, year=args.year) as workspace:
        assessment = workspace.default_assessment()
        print(f"created {folder}: {workspace.system(assessment.system_id).title}, {assessment.label}")
    return 0


def cmd_workspace_score(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        _print_sheet(workspace.scores(assessment_of(workspace, args)), args.json)
    return 0


def cmd_workspace_set(args: argparse.Namespace) -> int:
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
        changes = workspace.set_inputs(assessment_of(workspace, args), inputs)
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
