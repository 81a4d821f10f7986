"""``egov-desk-cli import``: an indicator table from Word or Excel, with proposed rules and findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import Refused, print_json
from egov_desk.core.folder_layout import DATABASE_NAME

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


def _roles(pairs: list[str]) -> dict[int, str]:
    roles = {}
    for pair in pairs:
        column, _, role = pair.partition("=")
        if not column.isdigit() or not role:
            raise Refused(f"--role {pair}: expected COLUMN=ROLE, e.g. 3=points (columns count from 1)")
        roles[int(column) - 1] = role
    return roles


def cmd_import(args: argparse.Namespace) -> int:
    from egov_desk.core.importers.pipeline import import_table

    known: set[str] = set()
    workspace = None
    if args.into:  # the workspace (SQLAlchemy) only when the table is stored
        from egov_desk.core.workspace import Workspace

        workspace = Workspace.open(Path(args.into), create=False)
    try:
        if workspace:
            known = {name for s in workspace.systems() for name in workspace.departments(s.id)}
        result = import_table(Path(args.file), _roles(args.role), known)
        if args.json:
            print_json(result.to_json())
        else:
            _print_import_summary(result)
        if workspace:
            from egov_desk.core.backups import BackupError
            from egov_desk.core.importers.grid import ImportRefused
            from egov_desk.core.importers.into_workspace import import_into_workspace
            from egov_desk.core.messages import cli_language

            try:  # the backup is made after the checks (errors, year, read-only): a refused import costs none
                changes = import_into_workspace(
                    workspace,
                    result,
                    Path(args.file),
                    accept=args.accept,
                    year=getattr(args, "year", None),
                    before_write=lambda: _back_up(workspace),
                )
            except BackupError as error:
                print(f"egov-desk-cli: {error.describe(cli_language())}", file=sys.stderr)
                return 1
            except ImportRefused as refused:
                if refused.kind != "no_year":
                    raise
                raise Refused(
                    f"{refused} (--year YYYY)", f"{refused.describe('zh_CN')}（--year 年度）", "no_year"
                ) from None
            system, assessment = changes.systems_added[0], changes.assessments_added[0]
            print(f"added to {args.into}: system {system}, assessment {assessment}", file=sys.stderr)
    finally:
        if workspace:
            workspace.close()
    return 0


def _back_up(workspace: Workspace) -> None:
    """A ``before-import`` backup of the workspace; when it cannot be made (BackupError), nothing is imported."""
    from egov_desk.core.backups import backup_before

    assert workspace.folder is not None
    backup_before(workspace.folder / DATABASE_NAME, "import")


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
