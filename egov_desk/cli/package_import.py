"""``package import --workspace W RETURN [--accept-all | --keep-office] [--json]``: a department's return taken in.

Without a choice it says each change (编号, what, the department's value, the office's, why it conflicts and who
changed it here when) and applies nothing: exit 3 when there are conflicts, else 0. ``--accept-all`` applies every
change, a conflict taking the department's value; ``--keep-office`` applies those that do not conflict and keeps
the office's value where they do. ``--json`` prints the plan (and, with a choice, what was applied)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import open_workspace, print_json

if TYPE_CHECKING:
    from egov_desk.core.indicators import IndicatorSystem, Item
    from egov_desk.core.packages.importing import ReturnChange, ReturnPlan

CONFLICTS = 3  # the exit status of a plan with conflicts left to decide


def add_import_command(actions: Any) -> None:
    taking = actions.add_parser(
        "import", help="take in a department's return: say its changes and conflicts; apply them with a choice"
    )
    taking.add_argument("--workspace")
    taking.add_argument("file", help="the department's return (.egovpkg)")
    choice = taking.add_mutually_exclusive_group()
    choice.add_argument("--accept-all", action="store_true", help="apply every change; conflicts take the department's")
    choice.add_argument(
        "--keep-office", action="store_true", help="apply the changes that do not conflict; conflicts keep the office's"
    )
    taking.add_argument("--name", help="your name, recorded as who took the return in (姓名)")
    taking.add_argument("--role", help="filler|reviewer|leader (填报人|审核人|负责人)")
    taking.add_argument("--department", help="a filler's department (部门)")
    taking.add_argument("--json", action="store_true")
    taking.set_defaults(run=cmd_package_import)


def _input_words(change: ReturnChange, item: Item | None, chinese: bool) -> tuple[str, str, str] | None:
    """An input's fields that differ, with the table's names: (what, the department's, the office's)."""
    from egov_desk.core.history import input_fields

    fields = input_fields(item, change.office_value, change.department_value)
    if change.field != "input" or not fields or change.office_value is None or change.department_value is None:
        return None
    side = 0 if chinese else 1
    names = "、".join(name for _, name, _, _ in fields) if chinese else ", ".join(name for _, name, _, _ in fields)
    what, _, _ = change.said(chinese)
    return (
        f"{what}（{names}）" if chinese else f"{what} ({names})",
        "，".join(new[side] for _, _, _, new in fields) if chinese else ", ".join(new[side] for *_, new in fields),
        "，".join(old[side] for _, _, old, _ in fields) if chinese else ", ".join(old[side] for _, _, old, _ in fields),
    )


def _lines(plan: ReturnPlan, chinese: bool, system: IndicatorSystem | None = None) -> list[str]:
    from egov_desk.core.packages.importing import CONFLICT, SAME
    from egov_desk.core.packages.return_words import conflict_words

    by = plan.made_by.name or plan.made_by.login
    if chinese:
        head = (
            f"{plan.path}：「{plan.department}」第 {plan.sequence} 个工作包的回执（{by}，{plan.made_at}），"
            f"修改 {len(plan.changes)} 处：待导入 {len(plan.to_apply)}，冲突 {len(plan.conflicts)}，"
            f"本处已相同 {len(plan.same)}"
        )
    else:
        head = (
            f"{plan.path}: the return of {plan.department}'s package {plan.sequence} ({by}, {plan.made_at}), "
            f"{len(plan.changes)} change(s): {len(plan.to_apply)} to apply, {len(plan.conflicts)} conflict(s), "
            f"{len(plan.same)} the same here"
        )
    lines = [head]
    if not plan.changes:
        lines.append("  回执中没有修改" if chinese else "  the return holds no changes")
    states = {"apply": ("导入", "apply"), SAME: ("相同", "same"), CONFLICT: ("冲突", "conflict")}
    for number, change in enumerate(plan.changes, 1):
        item = None
        if system is not None and change.field == "input":
            item = next((i for i in system.items() if i.code == change.code), None)
        what, department, office = _input_words(change, item, chinese) or change.said(chinese)
        state = states[change.state][0 if chinese else 1]
        if chinese:
            line = f"  {number}. [{state}] {what}：科室 {department}；本处 {office}"
        else:
            line = f"  {number}. [{state}] {what}: department {department}; office {office}"
        reason = conflict_words(change, chinese)
        if reason:
            line += f"（{reason}）" if chinese else f" ({reason})"
        lines.append(line)
    return lines


def cmd_package_import(args: argparse.Namespace) -> int:
    from egov_desk.cli.review import person_of
    from egov_desk.core.messages import cli_language, is_chinese
    from egov_desk.core.packages.importing import apply_return, plan_return

    chinese = is_chinese(cli_language())
    with open_workspace(args) as workspace:
        if args.name or args.role:
            workspace.set_person(person_of(args))
        plan = plan_return(workspace, Path(args.file))
        system = workspace.system(workspace.assessment(plan.assessment_id).system_id)
        if not (args.accept_all or args.keep_office):
            if args.json:
                print_json(plan.to_json())
            else:
                for line in _lines(plan, chinese, system):
                    print(line)
                if plan.conflicts:
                    print(
                        "  未导入任何修改：冲突处请用 --accept-all（取科室的值）或 --keep-office（保留本处的值）"
                        if chinese
                        else "  nothing applied: decide the conflicts with --accept-all (the department's values) or "
                        "--keep-office (the office's)"
                    )
            return CONFLICTS if plan.conflicts else 0
        side = "department" if args.accept_all else "office"
        applied = apply_return(workspace, plan, {change.key: side for change in plan.conflicts})
    if args.json:
        print_json(plan.to_json() | {"applied": [change.key for change in applied.applied]})
        return 0
    for line in _lines(plan, chinese, system)[1:]:
        print(line)
    count = len(applied.applied)
    if not count:
        print(
            f"{plan.path}：没有需要导入的修改（本处已全部相同或保留本处的值）"
            if chinese
            else f"{plan.path}: nothing to apply (everything is the same here, or the office's values were kept)"
        )
    else:
        print(
            f"{plan.path}：已导入「{plan.department}」回执中的 {count} 处修改"
            if chinese
            else f"{plan.path}: applied {count} change(s) of {plan.department}'s return"
        )
    return 0
