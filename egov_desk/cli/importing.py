"""``egov-desk-cli import``: an indicator table from Word or Excel, with proposed rules and findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from egov_desk.cli.common import Refused, print_json
from egov_desk.core.evidence.vault import display_name
from egov_desk.core.workspace import DATABASE_NAME, Workspace


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
            print_json(result.to_json())
        else:
            _print_import_summary(result)
        if workspace:
            data = system_data(result, accept=args.accept)
            workspace.refuse_if_read_only()  # before the backup: nothing is written into a workspace read here
            if not _backed_up(workspace):
                return 1
            key = system_key(Path(args.file))
            system_id = workspace.add_system(data, key=key, source=display_name(Path(args.file).name))
            unit = workspace.default_assessment().unit
            assessment = workspace.create_assessment(system_id, unit, data.get("year") or 0)
            print(f"added to {args.into}: system {system_id}, assessment {assessment}", file=sys.stderr)
    finally:
        if workspace:
            workspace.close()
    return 0


def _backed_up(workspace: Workspace) -> bool:
    """A ``before-import`` backup of the workspace; when it cannot be made, say why and import nothing."""
    from egov_desk.core.backups import BackupError, backup_before
    from egov_desk.core.messages import cli_language

    assert workspace.folder is not None
    try:
        backup_before(workspace.folder / DATABASE_NAME, "import")
    except BackupError as error:
        print(f"egov-desk-cli: {error.describe(cli_language())}", file=sys.stderr)
        return False
    return True


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
