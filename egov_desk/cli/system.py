"""``egov-desk-cli system list|export|version|effects|move``: a workspace's indicator systems and their versions.

``version`` stores an edited system (interchange JSON) as a new version beside the old one and says what moving
each assessment onto it would change; ``move`` moves one (``move`` back to the old version undoes it).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import open_workspace, print_json, read_json
from egov_desk.core.messages import cli_language, is_chinese

if TYPE_CHECKING:
    from egov_desk.core.version_effects import VersionEffects
    from egov_desk.core.workspace import Workspace


def add_system_commands(commands: Any) -> None:
    system = commands.add_parser("system", help="the workspace's indicator systems: list, export, new versions")
    cmds = system.add_subparsers(dest="system_command", required=True)
    listing = cmds.add_parser("list", help="each system: id, key, title, version, assessments using it")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_system_list)
    export = cmds.add_parser("export", help="write a system as interchange JSON or as the original-layout .xlsx")
    export.add_argument("--system", type=int, required=True)
    export.add_argument("--format", choices=["json", "xlsx"], default="json")
    export.add_argument("--out", required=True, help="the file to write ('-': print the JSON)")
    export.set_defaults(run=cmd_system_export)
    version = cmds.add_parser("version", help="store an edited system (JSON) as a new version of system ID")
    version.add_argument("--system", type=int, required=True)
    version.add_argument("--from", dest="source", required=True, metavar="FILE.json", help="'-': read stdin")
    version.add_argument("--move-assessment", type=int, metavar="ID", help="then move this assessment onto it")
    version.set_defaults(run=cmd_system_version)
    effects = cmds.add_parser("effects", help="what moving an assessment onto another version would change")
    effects.add_argument("--json", action="store_true")
    move = cmds.add_parser("move", help="move an assessment onto another version of its system")
    for command in (effects, move):
        command.add_argument("--assessment", type=int, required=True)
        command.add_argument("--system", type=int, required=True)
    effects.set_defaults(run=cmd_system_effects)
    move.set_defaults(run=cmd_system_move)
    for command in (listing, export, version, effects, move):
        command.add_argument("--workspace")


def _chinese() -> bool:
    return is_chinese(cli_language())


def cmd_system_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        systems = workspace.systems()
        using: dict[int, int] = {}
        for assessment in workspace.assessments():
            using[assessment.system_id] = using.get(assessment.system_id, 0) + 1
    rows = [
        {"id": s.id, "key": s.key, "title": s.title, "version": s.version, "assessments": using.get(s.id, 0)}
        for s in systems
    ]
    if args.json:
        print_json(rows)
        return 0
    print(
        "\t".join(
            ("编号", "标识", "名称", "版本", "考评数")
            if _chinese()
            else ("id", "key", "title", "version", "assessments")
        )
    )
    for row in rows:
        print("\t".join(str(value) for value in row.values()))
    return 0


def cmd_system_export(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        if args.format == "json":
            data = workspace.export_system_json(args.system)
            if args.out == "-":
                print_json(data)
                return 0
            _write_json(data, Path(args.out))
        else:
            workspace.export_system_xlsx(args.system, Path(args.out))
    print(args.out)
    return 0


def _write_json(data: dict[str, Any], out: Path) -> None:
    from egov_desk.core.exports.files import atomic_output

    with atomic_output(out) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _say_effects(workspace: Workspace, effects: VersionEffects) -> None:
    label = workspace.assessment(effects.assessment_id).label
    if _chinese():
        print(f"考评“{label}”换用第 {_version(workspace, effects.to_system_id)} 版：{effects.summary}")
    else:
        print(f"assessment {label} onto version {_version(workspace, effects.to_system_id)}: {effects.summary_en}")


def _version(workspace: Workspace, system_id: int) -> int:
    return next(s.version for s in workspace.systems() if s.id == system_id)


def cmd_system_version(args: argparse.Namespace) -> int:
    data = read_json(args.source)
    with open_workspace(args) as workspace:
        stored = workspace.store_system_version(args.system, data)
        info = next(s for s in workspace.systems() if s.id == stored.system_id)
        if _chinese():
            print(f"已保存为第 {info.version} 版（指标体系编号 {info.id}，标识 {info.key}）")
        else:
            print(f"stored as version {info.version} (system {info.id}, key {info.key})")
        users = [a.id for a in workspace.assessments() if a.system_id == args.system]
        for assessment_id in sorted({*users, *([args.move_assessment] if args.move_assessment else [])}):
            _say_effects(workspace, workspace.version_effects(assessment_id, stored.system_id))
        if args.move_assessment is not None:
            _move(workspace, args.move_assessment, stored.system_id)
    return 0


def cmd_system_effects(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        effects = workspace.version_effects(args.assessment, args.system)
        if args.json:
            print_json(effects.to_json())
        else:
            _say_effects(workspace, effects)
    return 0


def _move(workspace: Workspace, assessment_id: int, system_id: int) -> None:
    changes = workspace.move_assessment(assessment_id, system_id)
    label = workspace.assessment(assessment_id).label
    version = _version(workspace, system_id)
    if not changes:
        print(f"考评“{label}”已在使用第 {version} 版" if _chinese() else f"{label} uses version {version} already")
    else:
        print(f"考评“{label}”已换用第 {version} 版" if _chinese() else f"{label} moved onto version {version}")


def cmd_system_move(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        _move(workspace, args.assessment, args.system)
    return 0
