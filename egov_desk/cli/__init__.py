"""egov-desk-cli: everything the GUI does to data, from the command line.

Exit status: 0 done; 2 refused input (an impossible score, a bad file, a usage error) with one line on
stderr naming what and where; 1 any other failure (the workspace cannot be opened or written).

An impossible input is worded in the locale's language (:func:`egov_desk.core.messages.cli_language`: Chinese
under a zh_* LC_ALL / LC_MESSAGES / LANG, English otherwise), and so are argparse's own words (usage errors, the
help's headings: :mod:`~egov_desk.cli.usage_words`); the commands' help texts are English.

Each subject's module registers its own commands and imports what a command uses only when it runs, so `score`
or `template show` loads neither the database (SQLAlchemy) nor Qt; only the PDF checklist and the report's chart
need Qt (egov_desk.render).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence

from egov_desk import __version__
from egov_desk.cli import usage_words
from egov_desk.cli.assessment import add_assessment_commands
from egov_desk.cli.audit import add_audit_commands
from egov_desk.cli.backup import add_backup_commands
from egov_desk.cli.deadline import add_deadline_commands
from egov_desk.cli.evidence import add_evidence_commands
from egov_desk.cli.export import add_export_commands
from egov_desk.cli.import_scores import add_import_scores_commands
from egov_desk.cli.importing import add_import_commands
from egov_desk.cli.ocr import add_ocr_command
from egov_desk.cli.package import add_package_commands
from egov_desk.cli.review import add_review_commands
from egov_desk.cli.scan import add_scan_commands
from egov_desk.cli.scoring import add_score_commands
from egov_desk.cli.search import add_search_command
from egov_desk.cli.server import add_server_commands
from egov_desk.cli.system import add_system_commands
from egov_desk.cli.template import add_template_commands
from egov_desk.cli.worklist import add_worklist_commands
from egov_desk.cli.workspace import add_workspace_commands
from egov_desk.core.errors import Failure, Refused
from egov_desk.core.messages import cli_language, is_chinese, say


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="egov-desk-cli", description="电子政务绩效考评 — command line")
    parser.add_argument("--version", action="version", version=f"egov-desk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    add_template_commands(commands)
    add_score_commands(commands)
    add_import_commands(commands)
    add_workspace_commands(commands)
    add_assessment_commands(commands)
    add_backup_commands(commands)
    add_evidence_commands(commands)
    add_export_commands(commands)
    add_import_scores_commands(commands)
    add_system_commands(commands)
    add_worklist_commands(commands)
    add_deadline_commands(commands)
    add_review_commands(commands)
    add_audit_commands(commands)
    add_package_commands(commands)
    add_server_commands(commands)
    add_scan_commands(commands)
    add_ocr_command(commands)
    add_search_command(commands)
    return parser


def _database_errors() -> tuple[type[BaseException], ...]:
    """SQLite's errors, and SQLAlchemy's when the command loaded it (loading it to catch it would cost every
    command its import)."""
    loaded = sys.modules.get("sqlalchemy.exc")
    return (sqlite3.DatabaseError, *((loaded.SQLAlchemyError,) if loaded else ()))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. What it refuses (the input's fault) exits 2, what fails (the workspace, the disk, Qt
    missing) exits 1 — each said in one line in the locale's language."""
    usage_words.speak(is_chinese(cli_language()))
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:  # Ctrl+C where the command does not say more itself: one line, not a traceback
        print(f"egov-desk-cli: {'已取消' if is_chinese(cli_language()) else 'cancelled'}", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `egov-desk-cli … | head`: the reader left; that is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
        return 0
    except Refused as exc:
        print(f"egov-desk-cli: {say(exc, cli_language())}", file=sys.stderr)
        return 2
    except (Failure, OSError) as exc:
        print(f"egov-desk-cli: {say(exc, cli_language())}", file=sys.stderr)
        return 1
    except _database_errors() as exc:  # a page found damaged after the open's checks
        reason = getattr(exc, "orig", None) or exc
        chinese = is_chinese(cli_language())
        print(
            f"egov-desk-cli: {'工作区数据库出错' if chinese else 'the workspace database failed'}: {reason}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
