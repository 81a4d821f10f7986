"""egov-desk-cli: everything the GUI does to data, from the command line.

Exit status: 0 done; 2 refused input (an impossible score, a bad file, a usage error) with one line on
stderr naming what and where; 1 any other failure (the workspace cannot be opened or written).

An impossible input is worded in the locale's language (:func:`egov_desk.core.messages.cli_language`: Chinese
under a zh_* LC_ALL / LC_MESSAGES / LANG, English otherwise); the help and usage stay as argparse prints them.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from egov_desk import __version__
from egov_desk.cli.assessment import add_assessment_commands
from egov_desk.cli.backup import add_backup_commands
from egov_desk.cli.common import Refused, default_workspace_dir
from egov_desk.cli.evidence import cmd_evidence_add, cmd_evidence_list, cmd_export, cmd_import_scores, cmd_verify
from egov_desk.cli.importing import cmd_import
from egov_desk.cli.scoring import (
    cmd_score,
    cmd_template_list,
    cmd_template_show,
    cmd_workspace_departments,
    cmd_workspace_init,
    cmd_workspace_list,
    cmd_workspace_note,
    cmd_workspace_score,
    cmd_workspace_set,
)
from egov_desk.cli.workspace_status import cmd_workspace_status
from egov_desk.core.db.migrate import DatabaseRefused
from egov_desk.core.errors import Refusal
from egov_desk.core.evidence import EvidenceError
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.indicators import IndicatorSystemError
from egov_desk.core.messages import cli_language, describe, is_chinese, say
from egov_desk.core.rules import InputError
from egov_desk.core.templates import DEFAULT_TEMPLATE, TemplateNotFound
from egov_desk.core.workspace import WorkspaceError

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
    add_assessment_commands(commands)
    add_backup_commands(commands)
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

    export = commands.add_parser("export", help="write the checklist (.docx/.pdf), score sheet, report or package")
    export.add_argument("what", choices=["package", "checklist", "sheet", "report"])
    export.add_argument("--workspace")
    export.add_argument("--assessment", type=int)
    export.add_argument("--out", required=True)
    export.add_argument("--department")
    export.add_argument("--folder", action="store_true", help="package: write a folder instead of a ZIP")
    export.add_argument("--template", help="report: a .docx template of your own (see README)")

    scores = commands.add_parser("import-scores", help="read self-scores typed into a score sheet's 自评得分 column")
    scores.add_argument("file")
    scores.add_argument("--workspace")
    scores.add_argument("--assessment", type=int)
    scores.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    scores.set_defaults(run=cmd_import_scores)
    export.set_defaults(run=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `egov-desk-cli … | head`: the reader left; that is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
        return 0
    except InputError as exc:
        print(f"egov-desk-cli: {describe(exc, cli_language())}", file=sys.stderr)
        return 2
    except ImportRefused as exc:
        print(f"egov-desk-cli: {exc.describe(cli_language())}", file=sys.stderr)
        return 2
    except (Refused, IndicatorSystemError, TemplateNotFound) as exc:
        print(f"egov-desk-cli: {say(exc, cli_language())}", file=sys.stderr)
        return 2
    except (WorkspaceError, DatabaseRefused, EvidenceError, OSError) as exc:
        print(f"egov-desk-cli: {say(exc, cli_language())}", file=sys.stderr)
        return 1
    except Refusal as exc:  # any other refusal (a report template that cannot be used …): the input's fault
        print(f"egov-desk-cli: {say(exc, cli_language())}", file=sys.stderr)
        return 2
    except (sqlite3.DatabaseError, SQLAlchemyError) as exc:  # a page found damaged after the open's checks
        reason = getattr(exc, "orig", None) or exc
        chinese = is_chinese(cli_language())
        print(
            f"egov-desk-cli: {'工作区数据库出错' if chinese else 'the workspace database failed'}: {reason}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
