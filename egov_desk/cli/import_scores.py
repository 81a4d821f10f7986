"""``egov-desk-cli import-scores``: read the self-scores typed into a score sheet's 自评得分 column."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from egov_desk.cli.common import assessment_of, open_workspace


def add_import_scores_commands(commands: Any) -> None:
    scores = commands.add_parser("import-scores", help="read self-scores typed into a score sheet's 自评得分 column")
    scores.add_argument("file")
    scores.add_argument("--workspace")
    scores.add_argument("--assessment", type=int)
    scores.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    scores.set_defaults(run=cmd_import_scores)


def cmd_import_scores(args: argparse.Namespace) -> int:
    from egov_desk.core.exports.score_import import read_scores
    from egov_desk.core.messages import cli_language

    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        # a sheet that is refused (ImportRefused: main prints it in one line, exit 2) costs no backup
        result = read_scores(workspace, assessment, Path(args.file), language=cli_language())
        if result.inputs and not args.dry_run:
            from egov_desk.core.backups import BackupError, backup_before

            workspace.refuse_if_read_only()  # before the backup: nothing is written into a workspace read here
            try:
                if workspace.folder is not None:  # a server's database is backed up by its administrator
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
