"""egov-desk-cli: everything the GUI does to data, from the command line.

Exit status: 0 done; 2 refused input (an impossible score, a bad file, a usage error) with one line on
stderr naming what and where; 1 any other failure (the workspace cannot be opened or written).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from egov_desk import __version__
from egov_desk.core.db.migrate import DatabaseRefused
from egov_desk.core.evidence import EvidenceError
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.indicators import IndicatorSystem, IndicatorSystemError
from egov_desk.core.points import compact, display
from egov_desk.core.rules import InputError
from egov_desk.core.scoring import ScoreSheet, score_system
from egov_desk.core.templates import DEFAULT_TEMPLATE, TemplateNotFound, builtin_names, load_template
from egov_desk.core.workspace import Workspace, WorkspaceError, default_workspace_dir


class Refused(Exception):
    """Bad input from the person running the command: exit status 2."""


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise Refused(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise Refused(f"{path}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(f"{path}: not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})") from None


def _read_inputs(path: str) -> dict[str, Any]:
    """An inputs file: ``{"items": {"001": INPUT, …}}``."""
    data = _read_json(path)
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, dict):
        raise Refused(f'{path}: expected {{"items": {{"001": {{…}}, …}}}}')
    return items


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
        _print_json(sheet.to_json())
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
        _print_json(system.to_interchange())
    else:
        _print_tree(system)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    system = load_template(args.template)
    _print_sheet(score_system(system, _read_inputs(args.inputs)), args.json)
    return 0


def _workspace(args: argparse.Namespace, create: bool = False) -> Workspace:
    folder = Path(args.workspace) if args.workspace else default_workspace_dir()
    return Workspace.open(folder, create=create)


def _assessment_id(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.assessment is None:
        return workspace.default_assessment().id
    return workspace.assessment(args.assessment).id


def cmd_workspace_init(args: argparse.Namespace) -> int:
    folder = Path(args.workspace) if args.workspace else default_workspace_dir()
    if (folder / "workspace.sqlite").exists():
        raise Refused(f"{folder}: a workspace already exists here")
    with Workspace.open(folder, template=args.template, unit=args.unit) as workspace:
        assessment = workspace.default_assessment()
        print(f"created {folder}: {workspace.system(assessment.system_id).title}, {assessment.label}")
    return 0


def cmd_workspace_score(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        _print_sheet(workspace.scores(_assessment_id(workspace, args)), args.json)
    return 0


def cmd_workspace_set(args: argparse.Namespace) -> int:
    if args.inputs:
        inputs: dict[str, Any] = _read_inputs(args.inputs)
    elif args.code and (args.input is not None or args.clear):
        if args.clear:
            inputs = {args.code: None}
        else:
            try:
                inputs = {args.code: json.loads(args.input)}
            except json.JSONDecodeError as exc:
                raise Refused(f"{args.code} input: not valid JSON ({exc.msg})") from None
    else:
        raise Refused(
            'give CODE and INPUT (e.g. 021 \'{"numerator": 7, "denominator": 9}\'), CODE --clear, or --inputs FILE'
        )
    with _workspace(args) as workspace:
        changes = workspace.set_inputs(_assessment_id(workspace, args), inputs)
        for change in changes:
            state = "" if change.item.scored else " (未评分)"
            print(f"{change.code}  {display(change.item.points)} / {compact(change.item.max)}{state}")
        if changes:
            print(f"总分 {display(changes[-1].total)}，未评分 {changes[-1].unscored} 项")
    return 0


def cmd_workspace_note(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        workspace.set_note(_assessment_id(workspace, args), args.code, args.text)
    return 0


def cmd_workspace_list(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        current = workspace.default_assessment().id
        systems = {s.id: s for s in workspace.systems()}
        for a in workspace.assessments():
            mark = "*" if a.id == current else " "
            print(f"{mark} {a.id}\t{a.label}\t{systems[a.system_id].title}")
    return 0


def cmd_workspace_departments(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        assessment = workspace.assessment(_assessment_id(workspace, args))
        names = [args.department] if args.department else workspace.departments(assessment.system_id)
        for name in names:
            owed = workspace.items_by_department(assessment.system_id, name)
            print(name)
            print("  牵头: " + (" ".join(i.code for i in owed.lead) or "—"))
            print("  配合: " + (" ".join(i.code for i in owed.cooperating) or "—"))
    return 0


def _roles(pairs: list[str]) -> dict[int, str]:
    roles = {}
    for pair in pairs:
        column, _, role = pair.partition("=")
        if not column.isdigit() or not role:
            raise Refused(f"--role {pair}: expected COLUMN=ROLE, e.g. 3=points (columns count from 1)")
        roles[int(column) - 1] = role
    return roles


def cmd_import(args: argparse.Namespace) -> int:
    from egov_desk.core.importers.pipeline import import_table, system_data, system_key

    known: set[str] = set()
    workspace = Workspace.open(Path(args.into), create=False) if args.into else None
    try:
        if workspace:
            known = {name for s in workspace.systems() for name in workspace.departments(s.id)}
        result = import_table(Path(args.file), _roles(args.role), known)
        if args.json:
            _print_json(result.to_json())
        else:
            _print_import_summary(result)
        if workspace:
            data = system_data(result, accept=args.accept)
            key = system_key(Path(args.file))
            system_id = workspace.add_system(data, key=key, source=Path(args.file).name)
            unit = workspace.default_assessment().unit
            assessment = workspace.create_assessment(system_id, unit, data.get("year") or 0)
            print(f"added to {args.into}: system {system_id}, assessment {assessment}", file=sys.stderr)
    finally:
        if workspace:
            workspace.close()
    return 0


def _print_import_summary(result: Any) -> None:
    columns = "，".join(f"{c.index + 1}:{c.header}→{c.describe}" for c in result.layout.columns)
    print(f"{result.data['title']}（{result.data.get('total_points') or '—'} 分）")
    print(f"列：{columns}")
    system = result.data
    items = [i for n in _walk(system["tree"]) for i in n.get("items", [])]
    print(f"{len(items)} 个评分项")
    for finding in result.findings:
        print(f"[{finding.severity}] {finding.row} {finding.message}".replace("  ", " "))


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node.get("children", [])))
    return out


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Refused(f"--date {text}: expected YYYY-MM-DD") from None


def cmd_evidence_add(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        assessment = _assessment_id(workspace, args)
        requirement = None
        if args.requirement is not None:
            states = workspace.evidence.item_evidence(assessment, args.item).requirements
            if not 1 <= args.requirement <= len(states):
                raise Refused(f"{args.item} --requirement {args.requirement}: the item has {len(states)} requirements")
            requirement = states[args.requirement - 1].id
        report = workspace.evidence.attach(
            assessment, args.item, [Path(f) for f in args.files], requirement, _date(args.date)
        )
        for file in report.added:
            flag = "  （类型与扩展名不符）" if file.kind_mismatch else ""
            print(f"{file.sha256[:12]}  {file.size:>10}  {file.name}{flag}")
        for _path, why in report.failed:
            print(f"egov-desk-cli: {why}", file=sys.stderr)
    return 1 if report.failed else 0


def _file_json(file: Any) -> dict[str, Any]:
    return {
        "id": file.id,
        "name": file.name,
        "sha256": file.sha256,
        "size": file.size,
        "kind": file.kind,
        "kind_mismatch": file.kind_mismatch,
        "evidence_date": file.evidence_date.isoformat() if file.evidence_date else None,
        "date_outside_year": file.date_outside_year,
        "added_at": file.added_at.isoformat(),
        "items": [{"code": code, "requirement": requirement} for _, code, requirement in file.links],
    }


def cmd_evidence_list(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        assessment = _assessment_id(workspace, args)
        files = workspace.evidence.files(assessment, args.item)
        if args.json:
            _print_json({"files": [_file_json(f) for f in files]})
        else:
            for file in files:
                codes = ",".join(sorted({code for _, code, _ in file.links}))
                print(f"{codes:<8} {file.size:>10}  {file.name}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with _workspace(args) as workspace:
        report = workspace.evidence.verify(clean=args.clean)
    print(f"checked {report.checked} stored files")
    for sha256, names in report.missing:
        print(f"MISSING  {sha256}  {'; '.join(names)}")
    for sha256, names in report.corrupt:
        print(f"CORRUPT  {sha256}  {'; '.join(names)}")
    for sha256 in report.orphans:
        print(f"{'REMOVED' if args.clean else 'ORPHAN '}  {sha256}  (no evidence uses it)")
    for leftover in report.leftovers:
        print(f"{'REMOVED' if args.clean else 'PARTIAL'}  {leftover.name}  (an unfinished copy)")
    print("all is well" if report.ok else "problems found: restore the workspace folder from a backup")
    return 0 if report.ok else 1


def cmd_export(args: argparse.Namespace) -> int:
    from egov_desk.core.exports.package import export_package

    if args.what != "package":
        raise Refused(f"export {args.what}: not available yet in this version (package is)")
    with _workspace(args) as workspace:
        report = export_package(workspace, _assessment_id(workspace, args), Path(args.out), args.department)
    print(f"{args.out}: {report.files} files, {report.bytes} bytes")
    return 0


# --- the parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="egov-desk-cli", description="电子政务绩效考评 — command line")
    parser.add_argument("--version", action="version", version=f"egov-desk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    template = commands.add_parser("template", help="built-in and JSON indicator systems")
    template_cmds = template.add_subparsers(dest="template_command", required=True)
    template_cmds.add_parser("list", help="list the built-in systems").set_defaults(run=cmd_template_list)
    show = template_cmds.add_parser("show", help="print a system (builtin:2019 or a .json file)")
    show.add_argument("name")
    show.add_argument("--json", action="store_true", help="the interchange JSON")
    show.set_defaults(run=cmd_template_show)

    score = commands.add_parser("score", help="score an inputs file against a system; touches no workspace")
    score.add_argument("--template", default=DEFAULT_TEMPLATE)
    score.add_argument("--inputs", required=True, help='{"items": {"001": INPUT, …}} (- for stdin)')
    score.add_argument("--json", action="store_true")
    score.set_defaults(run=cmd_score)

    imp = commands.add_parser("import", help="read an indicator table (.docx/.xlsx) with proposed rules")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help="print the interchange JSON with findings")
    imp.add_argument("--into", metavar="DIR", help="add the system (and an assessment) to this workspace")
    imp.add_argument("--accept", action="store_true", help="import despite errors (duplicate codes get a suffix)")
    imp.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="COL=ROLE",
        help="override a column's role (level, points, rule, name, code, evidence, lead, "
        "cooperating, extra, ignore); columns count from 1",
    )
    imp.set_defaults(run=cmd_import)

    workspace = commands.add_parser("workspace", help="work on a workspace folder")
    workspace_cmds = workspace.add_subparsers(dest="workspace_command", required=True)

    def sub(name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
        command = workspace_cmds.add_parser(name, help=help_text)
        command.add_argument("--workspace", help=f"the folder (default {default_workspace_dir()})")
        command.add_argument("--assessment", type=int, help="assessment id (default: the one open last)")
        command.set_defaults(run=run)
        return command

    init = sub("init", "create a workspace with a system and an empty self-assessment", cmd_workspace_init)
    init.add_argument("--template", default=DEFAULT_TEMPLATE)
    init.add_argument("--unit", default="本单位", help="the unit's name")
    sub("list", "list the assessments", cmd_workspace_list)
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
    evidence = commands.add_parser("evidence", help="evidence files (佐证材料)")
    evidence_cmds = evidence.add_subparsers(dest="evidence_command", required=True)
    add = evidence_cmds.add_parser("add", help="store files and attach them to an item")
    add.add_argument("--item", required=True, help="item code (编号)")
    add.add_argument("--requirement", type=int, help="the requirement's number in the item's checklist (1, 2, …)")
    add.add_argument("--date", help="the documents' date, YYYY-MM-DD")
    add.add_argument("files", nargs="+")
    listing = evidence_cmds.add_parser("list", help="the evidence files")
    listing.add_argument("--item")
    listing.add_argument("--json", action="store_true")
    for command, run in ((add, cmd_evidence_add), (listing, cmd_evidence_list)):
        command.add_argument("--workspace")
        command.add_argument("--assessment", type=int)
        command.set_defaults(run=run)

    verify = commands.add_parser("verify", help="re-hash every stored file; report missing, corrupt, orphaned")
    verify.add_argument("--workspace")
    verify.add_argument("--clean", action="store_true", help="remove orphaned and unfinished files")
    verify.set_defaults(run=cmd_verify)

    export = commands.add_parser("export", help="write the evidence package (and later sheets and reports)")
    export.add_argument("what", choices=["package", "checklist", "sheet", "report"])
    export.add_argument("--workspace")
    export.add_argument("--assessment", type=int)
    export.add_argument("--out", required=True)
    export.add_argument("--department")
    export.set_defaults(run=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `egov-desk-cli … | head`: the reader left; that is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
        return 0
    except (Refused, InputError, IndicatorSystemError, TemplateNotFound, ImportRefused) as exc:
        print(f"egov-desk-cli: {exc}", file=sys.stderr)
        return 2
    except (WorkspaceError, DatabaseRefused, EvidenceError, OSError) as exc:
        print(f"egov-desk-cli: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
