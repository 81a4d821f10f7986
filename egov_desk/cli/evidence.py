"""Commands over evidence: evidence add|list, verify, export."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from egov_desk.cli.common import Refused, assessment_of, open_workspace, print_json


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Refused(f"--date {text}: expected YYYY-MM-DD") from None


def cmd_evidence_add(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
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
    with open_workspace(args) as workspace:
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
    with open_workspace(args) as workspace:
        report = export_package(
            workspace, assessment_of(workspace, args), Path(args.out), args.department, as_folder=args.folder
        )
    print(f"{args.out}: {report.files} files, {report.bytes} bytes")
    return 0
