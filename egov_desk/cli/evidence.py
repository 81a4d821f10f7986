"""Commands over evidence: evidence add|list, verify, export."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from egov_desk.cli.common import Refused, assessment_of, open_workspace, print_json
from egov_desk.core.dates import DateNotRead, read_date


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return read_date(text)
    except DateNotRead:
        raise Refused(
            f"--date {text}: not a date; write it as YYYY-MM-DD", f"--date {text} 不是日期，请写成 YYYY-MM-DD"
        ) from None


def cmd_evidence_add(args: argparse.Namespace) -> int:
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
        report = workspace.evidence.attach(
            assessment, args.item, [Path(f) for f in args.files], requirement, _date(args.date)
        )
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

    assert workspace.folder is not None  # the CLI opens workspace folders
    for line in repair_advice(workspace.folder, cli_language()):
        print(line)
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    """export checklist|sheet|report|package: each written under a temporary name, renamed when complete. A package
    with stored files missing or damaged is written without them and the command exits 1 naming them."""
    out = Path(args.out)
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        if args.what == "package":
            from egov_desk.core.exports.package import describe_faults, export_package
            from egov_desk.core.messages import cli_language

            report = export_package(workspace, assessment, out, args.department, as_folder=args.folder)
            print(f"{out}: {report.files} files, {report.bytes} bytes")
            if report.faults:  # written without them: say which, and fail the command
                print(f"egov-desk-cli: {describe_faults(report, cli_language())}", file=sys.stderr)
                return 1
        elif args.what == "checklist":
            from egov_desk.core.exports.checklist import build_checklist

            try:
                checklist = build_checklist(workspace, assessment, args.department)
            except ValueError as exc:
                known = "、".join(workspace.departments(workspace.assessment(assessment).system_id))
                raise Refused(str(exc), f"没有哪一项指标写到“{args.department}”这个科室（已有：{known}）") from None
            if out.suffix.lower() == ".pdf":
                from egov_desk.render.headless import ensure_app
                from egov_desk.render.printing import write_checklist_pdf

                ensure_app()
                print(f"{out}: {write_checklist_pdf(checklist, out)} pages")
            elif out.suffix.lower() == ".docx":
                from egov_desk.core.exports.checklist_docx import write_checklist_docx

                write_checklist_docx(checklist, out)
                print(f"{out}: {len(checklist.sections)} department(s)")
            else:
                raise Refused(
                    f"{out.name}: the checklist is written as .docx or .pdf",
                    f"{out.name}：清单只能导出为 .docx 或 .pdf",
                )
        elif args.what == "sheet":
            from egov_desk.core.exports.score_sheet import write_score_sheet

            write_score_sheet(workspace, assessment, out)
            print(out)
        else:
            from egov_desk.core.exports.report import write_report
            from egov_desk.render.charts import level_bars_png
            from egov_desk.render.headless import ensure_app

            ensure_app()
            template = Path(args.template) if args.template else None
            write_report(workspace, assessment, out, template, level_bars_png(workspace.scores_now(assessment)))
            print(out)
    return 0


def cmd_import_scores(args: argparse.Namespace) -> int:
    from egov_desk.core.exports.score_import import read_scores
    from egov_desk.core.messages import cli_language

    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        # a sheet that is refused (ImportRefused: main prints it in one line, exit 2) costs no backup
        result = read_scores(workspace, assessment, Path(args.file), language=cli_language())
        if result.inputs and not args.dry_run:
            from egov_desk.core.backups import BackupError, backup_before

            assert workspace.folder is not None  # the CLI opens workspace folders
            workspace.refuse_if_read_only()  # before the backup: nothing is written into a workspace read here
            try:
                backup_before(workspace.folder / "workspace.sqlite", "score-import")
            except BackupError as error:  # no backup, no import: nothing has changed
                print(f"egov-desk-cli: {error.describe(cli_language())}", file=sys.stderr)
                return 1
            workspace.set_inputs(assessment, result.inputs)
    for code, before, after in result.changed:
        print(f"{code}  {before} → {after}")
    for code, why in result.refused:
        print(f"{code}  refused: {why}", file=sys.stderr)
    verb = "would change" if args.dry_run else "changed"
    print(f"{verb} {len(result.changed)}, unchanged {result.unchanged}, refused {len(result.refused)}")
    return 2 if result.refused else 0
