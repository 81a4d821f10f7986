"""Department work packages on the command line: ``package export --department D --out F`` writes one,
``package inspect F [--json]`` checks one and says what it holds (a package it refuses exits 2)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import assessment_of, open_workspace, print_json
from egov_desk.cli.package_import import add_import_command
from egov_desk.cli.package_open import add_open_commands

if TYPE_CHECKING:
    from egov_desk.core.packages.reading import Package


def add_package_commands(commands: Any) -> None:
    package = commands.add_parser(
        "package", help="department work packages (.egovpkg): a department's items to fill in on its own PC"
    )
    actions = package.add_subparsers(dest="package_command", required=True)
    export = actions.add_parser(
        "export", help="write a department's package: its items (lead and cooperating), inputs, notes, evidence"
    )
    export.add_argument("--workspace")
    export.add_argument("--assessment", type=int)
    export.add_argument("--department", required=True, help="the department (部门)")
    export.add_argument("--out", required=True, help="the package to write (.egovpkg)")
    export.set_defaults(run=cmd_package_export)
    inspect = actions.add_parser("inspect", help="check a package and say what it holds; a bad one exits 2")
    inspect.add_argument("file", help="the package (.egovpkg)")
    inspect.add_argument("--json", action="store_true")
    inspect.set_defaults(run=cmd_package_inspect)
    add_import_command(actions)
    add_open_commands(actions)


def cmd_package_export(args: argparse.Namespace) -> int:
    from egov_desk.core.messages import cli_language, is_chinese
    from egov_desk.core.packages.export import export_department_package

    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        written = export_department_package(workspace, assessment, args.department, Path(args.out))
    if is_chinese(cli_language()):
        print(
            f"{written.path}：{written.department} 的第 {written.sequence} 个工作包，牵头 {written.lead} 项、"
            f"配合 {written.cooperating} 项，佐证材料 {written.files} 个（{written.bytes:,} 字节）"
        )
    else:
        print(
            f"{written.path}: package {written.sequence} of {written.department}, {written.lead} item(s) as lead, "
            f"{written.cooperating} cooperating, {written.files} evidence file(s) ({written.bytes:,} bytes)"
        )
    return 0


def _said(package: Package, chinese: bool) -> list[str]:
    from egov_desk.core.review_states import ITEM_STATES, said

    data = package.to_json()
    assessment = data["assessment"]
    made_by = package.manifest.made_by.label
    deadlines = data["deadlines"]
    roles = {"lead": ("牵头", "lead"), "cooperating": ("配合", "cooperating")}
    lines = []
    if chinese:
        lines += [
            f"工作包 {data['path']}（格式 {data['format']} 第 {data['version']} 版，{data['kind']}）",
            f"  部门：{data['department']}（第 {data['sequence']} 个工作包）",
            f"  考评：{assessment['year']} {assessment['unit']} {assessment['title']}",
            f"  工作区标识：{data['workspace']}",
            f"  制作：{data['made_at']} {made_by}（{data['app']}）",
            f"  截止日期：考评 {deadlines.get('assessment') or '无'}，本部门 {deadlines.get('department') or '无'}",
            f"  内容 SHA-256：{data['content_sha256']}",
            f"  指标：{len(data['items'])} 项",
        ]
    else:
        lines += [
            f"package {data['path']} (format {data['format']} version {data['version']}, {data['kind']})",
            f"  department: {data['department']} (package {data['sequence']})",
            f"  assessment: {assessment['year']} {assessment['unit']} {assessment['title']}",
            f"  workspace id: {data['workspace']}",
            f"  made: {data['made_at']} by {made_by} ({data['app']})",
            f"  deadlines: assessment {deadlines.get('assessment') or 'none'}, "
            f"department {deadlines.get('department') or 'none'}",
            f"  content SHA-256: {data['content_sha256']}",
            f"  items: {len(data['items'])}",
        ]
    for item in data["items"]:
        role = roles.get(item["role"], (item["role"], item["role"]))[0 if chinese else 1]
        if "changes" in item:  # a return: its changes, one a line
            count = len(item["changes"])
            lines.append(f"    {item['code']}  {role}  " + (f"{count} 处修改" if chinese else f"{count} change(s)"))
            lines += [f"      {line}" for line in _changes_said(item["changes"], chinese)]
            continue
        score = item["score"] or ("未评分" if chinese else "not scored")
        status = said(ITEM_STATES, item["status"], chinese)
        files = f"材料 {item['files']} 个" if chinese else f"{item['files']} file(s)"
        lines.append(f"    {item['code']}  {item['title']}  {role}  {score}  {status}  {files}")
    evidence = data["evidence"]
    lines.append(
        f"  佐证材料：{data['files']} 个文件（{evidence['files']} 份内容，{evidence['bytes']:,} 字节）"
        if chinese
        else f"  evidence: {data['files']} file(s) ({evidence['files']} distinct, {evidence['bytes']:,} bytes)"
    )
    return lines


FIELDS = {
    "input": ("得分填报", "input"),
    "note": ("备注", "note"),
    "status": ("审核状态", "review status"),
    "requirement": ("材料要求", "requirement"),
    "evidence": ("佐证材料", "evidence"),
}


def _value(value: Any, chinese: bool) -> str:
    if value is None or value == "":
        return "（空）" if chinese else "(empty)"
    if isinstance(value, str):
        return f"“{value}”" if chinese else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _change_said(change: dict[str, Any], chinese: bool) -> str:
    """One change of a return: what, its value in the package → its value now, by whom and when."""
    field = str(change.get("field", ""))
    what = FIELDS.get(field, (field, field))[0 if chinese else 1]
    if field == "requirement":
        what += f" {change.get('position')}「{change.get('text', '')}」"
    if field == "evidence":
        file = change.get("file", {})
        where = change.get("requirement")
        place = (
            (f"材料要求 {where}" if chinese else f"requirement {where}")
            if where
            else ("其他" if chinese else "general")
        )
        action = {"add": ("新增", "added"), "remove": ("移除", "removed")}.get(str(change.get("action")), ("", ""))
        place = f"（{place}）" if chinese else f" ({place})"
        values = f"{action[0 if chinese else 1]} {file.get('name', '')}{place}"
    else:
        values = f"{_value(change.get('base'), chinese)} → {_value(change.get('value'), chinese)}"
        if change.get("comment"):
            values += f"（{change['comment']}）" if chinese else f" ({change['comment']})"
    by = change.get("by", {})
    who = "/".join(str(part) for part in (by.get("name"), by.get("login")) if part)
    return (
        f"{what}：{values}  {who} {change.get('at', '')}"
        if chinese
        else f"{what}: {values}  {who} {change.get('at', '')}"
    )


def _changes_said(changes: list[dict[str, Any]], chinese: bool) -> list[str]:
    return [_change_said(change, chinese) for change in changes]


def cmd_package_inspect(args: argparse.Namespace) -> int:
    from egov_desk.core.messages import cli_language, is_chinese
    from egov_desk.core.packages.reading import read_package

    package = read_package(Path(args.file))
    if args.json:
        print_json(package.to_json())
        return 0
    for line in _said(package, is_chinese(cli_language())):
        print(line)
    return 0
