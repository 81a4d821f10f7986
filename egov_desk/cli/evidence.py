"""Commands over evidence: ``evidence add|list`` and ``verify``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import Refused, assessment_of, default_workspace_dir, is_server, open_workspace, print_json

if TYPE_CHECKING:
    from egov_desk.core.evidence.staging import Staging
    from egov_desk.core.evidence.types import AttachReport


def add_evidence_commands(commands: Any) -> None:
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
    confirm = evidence_cmds.add_parser(
        "confirm", help="last year's files (去年材料) of an item still hold: unmark them"
    )
    confirm.add_argument("--item", required=True, help="item code (编号)")
    confirm.add_argument("names", nargs="*", help="the files' names (default: every carried file of the item)")
    runs = ((add, cmd_evidence_add), (listing, cmd_evidence_list), (confirm, cmd_evidence_confirm))
    for command, run in runs:
        command.add_argument("--workspace")
        command.add_argument("--assessment", type=int)
        command.set_defaults(run=run)

    verify = commands.add_parser("verify", help="re-hash every stored file; report missing, corrupt, orphaned")
    verify.add_argument("--workspace")
    verify.add_argument("--clean", action="store_true", help="remove orphaned and unfinished files")
    verify.set_defaults(run=cmd_verify)


def _date(text: str | None) -> date | None:
    from egov_desk.core.dates import DateNotRead, read_date

    if not text:
        return None
    try:
        return read_date(text)
    except DateNotRead:
        raise Refused(
            f"--date {text}: not a date; write it as YYYY-MM-DD", f"--date {text} 不是日期，请写成 YYYY-MM-DD"
        ) from None


def _staging(args: argparse.Namespace) -> Staging | None:
    """The files' copies into the vault of the folder ``--workspace`` names, started before the workspace (its
    SQLAlchemy and models) is imported and opened; None where they wait for it: a server's workspace, a folder
    with no database yet or on a network share (opened read-only)."""
    from egov_desk.core.filesystems import network_filesystem
    from egov_desk.core.folder_layout import DATABASE_NAME, VAULT

    if is_server(args.workspace):
        return None
    folder = Path(args.workspace) if args.workspace else default_workspace_dir()
    if not (folder / DATABASE_NAME).is_file() or network_filesystem(folder):
        return None
    from egov_desk.core.evidence.staging import Staging
    from egov_desk.core.evidence.vault import Vault

    return Staging(Vault(folder / VAULT), [Path(f) for f in args.files])


def cmd_evidence_add(args: argparse.Namespace) -> int:
    """The files copied into the vault while the workspace opens, then attached in one write (one audit row
    each): a refusal changes nothing, a file that cannot be stored is named and the rest are attached."""
    evidence_date = _date(args.date)
    staging = _staging(args)
    try:
        report = _attach(args, staging, evidence_date)
    except BaseException:
        if staging is not None:
            staging.discard()
        raise
    for file in report.added:
        flag = "  （类型与扩展名不符）" if file.kind_mismatch else ""
        print(f"{file.sha256[:12]}  {file.size:>10}  {file.name}{flag}")
    from egov_desk.core.messages import cli_language, is_chinese, say

    language = cli_language()
    chinese = is_chinese(language)
    repaired = "已修复库中损坏的副本：{name}" if chinese else "repaired its damaged stored copy: {name}"
    for file in report.repaired:
        print(repaired.format(name=file.name))
    for error in report.errors:
        print(f"egov-desk-cli: {say(error, language)}", file=sys.stderr)
    return 1 if report.failed else 0


def _attach(args: argparse.Namespace, staging: Staging | None, evidence_date: date | None) -> AttachReport:
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        requirement = None
        if args.requirement is not None:
            states = workspace.evidence.item_evidence(assessment, args.item).requirements
            if not 1 <= args.requirement <= len(states):
                raise Refused(
                    f"{args.item} --requirement {args.requirement}: the item has {len(states)} requirements",
                    f"{args.item} 只有 {len(states)} 项材料要求，没有第 {args.requirement} 项",
                )
            requirement = states[args.requirement - 1].id
        files = [Path(f) for f in args.files]
        return workspace.evidence.attach_at_once(assessment, args.item, files, requirement, evidence_date, staging)


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
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        files = workspace.evidence.files(assessment, args.item)
        if args.json:
            print_json({"files": [_file_json(f) for f in files]})
        else:
            for file in files:
                codes = ",".join(sorted({code for _, code, _ in file.links}))
                print(f"{codes:<8} {file.size:>10}  {file.name}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from egov_desk.core.evidence.verify import repair_advice
    from egov_desk.core.messages import cli_language, is_chinese

    zh = is_chinese(cli_language())  # the labels stay English words a script can grep; the sentences follow LANG
    with open_workspace(args) as workspace:
        report = workspace.evidence.verify(clean=args.clean)
    print(f"已检查 {report.checked} 个已存文件" if zh else f"checked {report.checked} stored files")
    for label, problems in (("MISSING", report.missing), ("CORRUPT", report.corrupt)):
        for sha256, names in problems:
            codes = ", ".join(report.items.get(sha256, []))
            print(f"{label}  {sha256}  {'; '.join(names)}" + (f"  ({codes})" if codes else ""))
    unused = "（没有任何材料使用它）" if zh else "(no evidence uses it)"
    unfinished = "（未完成的副本）" if zh else "(an unfinished copy)"
    for sha256 in report.orphans:
        print(f"{'REMOVED' if args.clean else 'ORPHAN '}  {sha256}  {unused}")
    for leftover in report.leftovers:
        print(f"{'REMOVED' if args.clean else 'PARTIAL'}  {leftover.name}  {unfinished}")
    if report.ok:
        print("一切正常" if zh else "all is well")
        return 0

    if workspace.folder is not None:  # on a server: adding the originals again repairs, as said above
        for line in repair_advice(workspace.folder, cli_language()):
            print(line)
    return 1


def cmd_evidence_confirm(args: argparse.Namespace) -> int:
    from egov_desk.core.carry_over import confirm_carried

    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        carried = [file for file in workspace.evidence.files(assessment, args.item) if file.carried]
        chosen = [file for file in carried if not args.names or file.name in args.names]
        unknown = sorted(set(args.names) - {file.name for file in carried})
        if unknown or not chosen:
            names = "、".join(unknown) if unknown else ""
            raise Refused(
                f"{args.item}: no file of last year's to confirm" + (f" named {', '.join(unknown)}" if unknown else ""),
                f"{args.item} 没有需要确认的去年材料" + (f"“{names}”" if names else ""),
            )
        for file in chosen:
            confirm_carried(workspace, file.id)
            print(f"{file.sha256[:12]}  {file.name}")
    return 0
