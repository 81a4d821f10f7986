"""The department's side of work packages on the command line: ``package open F --into DIR`` makes a department
workspace (科室填报) that the usual commands work on, ``package return --workspace DIR --out R`` writes what it
changed for the office to import. A package or folder refused exits 2 in one line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from egov_desk.cli.common import open_workspace


def add_open_commands(actions: Any) -> None:
    opening = actions.add_parser(
        "open", help="open a department's package into a new folder: a workspace with only its items editable"
    )
    opening.add_argument("file", help="the department's package (.egovpkg)")
    opening.add_argument("--into", required=True, help="a new or empty folder for the department workspace")
    opening.add_argument("--name", default="", help="your name, recorded as who opened it (姓名)")
    opening.set_defaults(run=cmd_package_open)
    answer = actions.add_parser(
        "return", help="write a department workspace's return: what it changed and its new evidence files"
    )
    answer.add_argument("--workspace", required=True, help="the department workspace (made by package open)")
    answer.add_argument("--out", required=True, help="the return to write (.egovpkg)")
    answer.add_argument("--name", default="", help="your name, recorded as who made the return (姓名)")
    answer.set_defaults(run=cmd_package_return)


def cmd_package_open(args: argparse.Namespace) -> int:
    from egov_desk.core.messages import cli_language, is_chinese
    from egov_desk.core.packages.department import open_package

    opened = open_package(Path(args.file), Path(args.into), name=args.name.strip())
    if is_chinese(cli_language()):
        deadline = opened.deadline or "无"
        print(
            f"{opened.path}：{opened.department} 的科室填报工作区（第 {opened.sequence} 个工作包），"
            f"牵头 {opened.lead} 项、配合 {opened.cooperating} 项，截止日期 {deadline}，"
            f"佐证材料 {opened.files} 个（{opened.bytes:,} 字节）"
        )
        print(f"  填好后：egov-desk-cli package return --workspace {opened.path} --out 回执.egovpkg")
    else:
        deadline = opened.deadline or "none"
        print(
            f"{opened.path}: {opened.department}'s department workspace (package {opened.sequence}), "
            f"{opened.lead} item(s) as lead, {opened.cooperating} cooperating, deadline {deadline}, "
            f"{opened.files} evidence file(s) ({opened.bytes:,} bytes)"
        )
        print(f"  when done: egov-desk-cli package return --workspace {opened.path} --out return.egovpkg")
    return 0


def cmd_package_return(args: argparse.Namespace) -> int:
    from egov_desk.core.messages import cli_language, is_chinese
    from egov_desk.core.packages.returning import make_return
    from egov_desk.core.person import Person

    with open_workspace(args) as workspace:
        if args.name.strip():
            workspace.set_person(Person(args.name.strip()))  # a department workspace: its 填报人, named
        written = make_return(workspace, Path(args.out))
    chinese = is_chinese(cli_language())
    if not written.changes:
        print(
            f"{written.path}：{written.department} 的回执（答复第 {written.sequence} 个工作包）：没有任何修改"
            if chinese
            else f"{written.path}: {written.department}'s return (answering package {written.sequence}): no changes"
        )
        return 0
    print(
        f"{written.path}：{written.department} 的回执（答复第 {written.sequence} 个工作包），{written.items} 项指标共 "
        f"{written.changes} 处修改，新佐证材料 {written.files} 个（{written.bytes:,} 字节）"
        if chinese
        else f"{written.path}: {written.department}'s return (answering package {written.sequence}), "
        f"{written.changes} change(s) in {written.items} item(s), {written.files} new evidence file(s) "
        f"({written.bytes:,} bytes)"
    )
    return 0
